// The sdo CLI and the browser app speak the same protocol (both run
// sdo-shared): a link made by one opens in the other, passphrase included;
// a request made by one is answered and opened by the other.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createSecret, launchBrowser, makeRequest, newContext, root, shot, startServer,
} from "./harness.js";

const SDO = process.env.SDO_CLI || join(root, "target/debug/sdo");

let server;
let browser;
let dir;
const contexts = [];

before(async () => {
  if (!existsSync(SDO)) {
    execFileSync("cargo", ["build", "--locked", "-p", "sdo-cli", "--bin", "sdo"], {
      cwd: root,
      stdio: "inherit",
    });
  }
  dir = mkdtempSync(join(tmpdir(), "sdo-interop-"));
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  for (const c of contexts) await c.context.close().catch(() => {});
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function sdo(args, input = "") {
  return spawnSync(SDO, args, { input, encoding: "utf8", env: { ...process.env, SDO_SERVER: "" } });
}

function passphraseFile(passphrase) {
  const path = join(dir, `pass-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, `${passphrase}\n`, { mode: 0o600 });
  return path;
}

test("a link made by `sdo send` opens in the browser", async () => {
  const text = "from the terminal: AKIA-interop-Plaintext\nsecond line";
  const passphrase = "terminal to browser";
  const sent = sdo(
    ["send", "--server", server.base, "--passphrase-file", passphraseFile(passphrase)],
    text,
  );
  assert.equal(sent.status, 0, sent.stderr);
  const share = sent.stdout.trim();
  assert.match(share, new RegExp(`^${server.base}/#/s/`));

  const c = await newContext(browser);
  contexts.push(c);
  const page = await c.context.newPage();
  await page.goto(share);
  await page.waitForSelector("#reveal-passphrase");
  await page.fill("#reveal-passphrase", passphrase);
  await page.click("#reveal");
  await page.waitForSelector("#secret-text", { timeout: 30000 });
  assert.equal(await page.inputValue("#secret-text"), text);
  await shot(page, "40-interop-cli-to-browser");
  assert.deepEqual(c.problems, []);

  const again = sdo(["get", share]);
  assert.equal(again.status, 3, "gone after the browser took the one view");
});

test("a link made in the browser is read by `sdo get`", async () => {
  const text = "from the browser: hunter2-interop-Plaintext";
  const passphrase = "browser to terminal";
  const c = await newContext(browser);
  contexts.push(c);
  const page = await c.context.newPage();
  const { share, receipt } = await createSecret(page, server.base, { text, passphrase });

  const wrong = sdo(["get", share, "--passphrase-file", passphraseFile("not it")]);
  assert.equal(wrong.status, 4, wrong.stderr);
  assert.match(wrong.stderr, /4 attempts left/);
  const got = sdo(["get", share, "--passphrase-file", passphraseFile(passphrase)]);
  assert.equal(got.status, 0, got.stderr);
  assert.equal(got.stdout, text);

  const status = sdo(["status", receipt]);
  assert.equal(status.status, 0, status.stderr);
  assert.match(status.stdout, /revealed/);
  assert.match(status.stdout, /wrong passphrase attempts: 1/);
  await page.goto(share);
  await page.waitForSelector("#gone");
  assert.deepEqual(c.problems, []);
});

test("a request made in the browser is answered by `sdo fill` and opened in the browser", async () => {
  const c = await newContext(browser);
  contexts.push(c);
  const page = await c.context.newPage();
  const note = "the CI token, please";
  const { request, inbox } = await makeRequest(page, server.base, { note });
  const secret = "from the terminal to a browser's request: ghp_interop-Plaintext";
  const filled = sdo(["fill", request], secret);
  assert.equal(filled.status, 0, filled.stderr);
  assert.ok(filled.stderr.includes(note), filled.stderr);
  assert.match(filled.stderr, /only the requester can open it/);
  const again = sdo(["fill", request], "a second answer");
  assert.equal(again.status, 9, again.stderr);
  assert.match(again.stderr, /already answered/);

  await page.goto(inbox);
  await page.waitForSelector("#collect");
  await page.click("#collect");
  await page.waitForSelector("#secret-text", { timeout: 30000 });
  assert.equal(await page.inputValue("#secret-text"), secret);
  await shot(page, "interop-request-browser-cli");
  const late = sdo(["collect", inbox]);
  assert.equal(late.status, 3, late.stderr);
  assert.deepEqual(c.problems, []);
});

test("a request made by `sdo request` is answered in the browser and collected by `sdo collect`", async () => {
  const note = "the VPN config for the new laptop";
  const made = sdo(["request", "--server", server.base, "--note", note, "--ttl", "1h"]);
  assert.equal(made.status, 0, made.stderr);
  const request = made.stdout.trim();
  assert.match(request, new RegExp(`^${server.base}/#/q/`));
  const inbox = made.stderr.match(/\S+#\/i\/\S+/)?.[0];
  assert.ok(inbox, made.stderr);

  const waiting = sdo(["collect", inbox]);
  assert.equal(waiting.status, 8, waiting.stderr);

  const c = await newContext(browser);
  contexts.push(c);
  const page = await c.context.newPage();
  await page.goto(request);
  await page.waitForSelector("#send-secret");
  assert.equal(await page.textContent("#request-note"), note);
  await page.click("label[for=mode-file]");
  await page.setInputFiles("#file", {
    name: "laptop.conf",
    mimeType: "text/plain",
    buffer: Buffer.from("[Interface]\nPrivateKey = interop-Plaintext\n"),
  });
  await page.waitForSelector("#file-summary");
  await page.click("#send-secret");
  await page.waitForSelector("#sent", { timeout: 30000 });

  const out = join(dir, "laptop.conf");
  const got = sdo(["collect", inbox, "-o", out]);
  assert.equal(got.status, 0, got.stderr);
  assert.equal(readFileSync(out, "utf8"), "[Interface]\nPrivateKey = interop-Plaintext\n");
  const second = sdo(["collect", inbox]);
  assert.equal(second.status, 3, second.stderr);
  assert.deepEqual(c.problems, []);
});
