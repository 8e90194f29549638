// The release binary alone: copied into an empty directory, with no
// --static-dir, it serves the browser app built into it (feature
// embed-app, scripts/release.sh) with the app's security headers, gzip,
// validators and long-lived caching for hashed files, and a secret goes
// from one browser to another through it.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSecret, launchBrowser, newContext, root, startServer } from "./harness.js";

let server;
let browser;
let dir;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "sdo-embedded-"));
  const bin = join(dir, "sdo-server");
  copyFileSync(process.env.SDO_SERVER || join(root, "target/release/sdo-server"), bin);
  server = await startServer([], { bin, cwd: dir });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the binary alone serves the app, compressed and cacheable, with its CSP", async () => {
  assert.deepEqual(readdirSync(dir).sort(), ["data", "sdo-server"], "only the binary and its data dir");
  const index = await fetch(`${server.base}/`, { headers: { "accept-encoding": "gzip" } });
  assert.equal(index.status, 200);
  assert.match(index.headers.get("content-security-policy"), /script-src 'self'/);
  assert.equal(index.headers.get("cache-control"), "no-cache");
  assert.equal(index.headers.get("x-frame-options"), "DENY");
  const html = await index.text();
  const wasm = html.match(/data-wasm=\/?([^ >"]+_bg\.wasm)/)[1];
  const raw = await fetch(`${server.base}/${wasm}`, { headers: { "accept-encoding": "identity" } });
  const gz = await fetch(`${server.base}/${wasm}`, { headers: { "accept-encoding": "gzip" } });
  assert.equal(raw.headers.get("content-encoding"), null);
  assert.equal(gz.headers.get("content-encoding"), "gzip");
  assert.equal(gz.headers.get("content-type"), "application/wasm");
  assert.equal(gz.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.equal(gz.headers.get("vary"), "Accept-Encoding");
  // fetch() decodes gzip: both are the same wasm.
  assert.deepEqual(Buffer.from(await gz.arrayBuffer()), Buffer.from(await raw.arrayBuffer()));
  const again = await fetch(`${server.base}/${wasm}`, {
    headers: { "accept-encoding": "gzip", "if-none-match": gz.headers.get("etag") },
  });
  assert.equal(again.status, 304);
  assert.equal((await fetch(`${server.base}/${wasm}.gz`)).status, 404);
  assert.equal((await fetch(`${server.base}/nope.js`)).status, 404);
  const api = await fetch(`${server.base}/api/v1/config`);
  assert.equal(api.headers.get("cache-control"), "no-store");
});

test("create and reveal in the browser through the binary alone", async () => {
  const sender = await newContext(browser);
  const page = await sender.context.newPage();
  const { share } = await createSecret(page, server.base, { text: "from one file", passphrase: "embedded" });
  const recipient = await newContext(browser);
  const reveal = await recipient.context.newPage();
  await reveal.goto(share);
  await reveal.fill("#reveal-passphrase", "embedded");
  await reveal.click("#reveal");
  await reveal.waitForSelector("#secret-text", { timeout: 30000 });
  assert.equal(await reveal.inputValue("#secret-text"), "from one file");
  assert.deepEqual([...sender.problems, ...recipient.problems], []);
  await sender.context.close();
  await recipient.context.close();
});
