// The browser app end to end: real Chromium, the real sdo-server serving the
// release build. Screenshots of each state go to e2e/artifacts/.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  createSecret, launchBrowser, linkParts, newContext, shot, startServer,
} from "./harness.js";

let server;
let browser;
const contexts = [];

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  for (const c of contexts) await c.context.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

/** A fresh context; its CSP violations and page errors fail the test. */
async function fresh(options) {
  const c = await newContext(browser, options);
  contexts.push(c);
  return c;
}

function clean(...cs) {
  for (const c of cs) assert.deepEqual(c.problems, [], "CSP violations or page errors");
}

async function openShare(ctx, share) {
  const page = await ctx.context.newPage();
  await page.goto(share);
  return page;
}

test("create without a passphrase; reveal and copy in a fresh browser; the second open is gone", async () => {
  const sender = await fresh();
  const page = await sender.context.newPage();
  await page.goto(`${server.base}/`);
  await page.waitForSelector("#create");
  await shot(page, "01-create-empty");
  const text = "db password: s3cr3t-Plaintext-4242";
  const { share, receipt } = await createSecret(page, server.base, { text, shots: "02-text" });
  assert.match(share, new RegExp(`^${server.base}/#/s/`));
  assert.match(receipt, new RegExp(`^${server.base}/#/r/`));
  assert.equal(await page.locator("img.qr").count(), 1);
  assert.match(await page.textContent("body"), /It can be viewed once/);

  const recipient = await fresh();
  const reveal = await openShare(recipient, share);
  await reveal.waitForSelector("#reveal");
  // The key left the address bar as soon as the page read it.
  const { id, key } = linkParts(share);
  assert.equal(reveal.url(), `${server.base}/#/s/${id}`);
  assert.ok(!(await reveal.evaluate(() => location.href)).includes(key));
  await shot(reveal, "03-reveal-ready");
  await reveal.click("#reveal");
  await reveal.waitForSelector("#secret-text");
  assert.equal(await reveal.inputValue("#secret-text"), text);
  assert.match(await reveal.textContent("#destroyed-note"), /destroyed on the server/);
  await reveal.click("#copy-secret");
  await reveal.waitForSelector("#copy-secret.copied");
  assert.equal(await reveal.evaluate(() => navigator.clipboard.readText()), text);
  await shot(reveal, "04-revealed-text");

  const late = await fresh();
  const again = await openShare(late, share);
  await again.waitForSelector("#gone");
  await shot(again, "05-gone");

  await page.goto(receipt);
  await page.waitForSelector("#receipt-state");
  assert.equal(await page.textContent("#receipt-state"), "Viewed");
  await shot(page, "06-receipt-revealed");
  // The receipt's token leaves the address bar and history, like the key.
  const token = receipt.split("/").pop();
  assert.ok(!(await page.evaluate(() => location.href)).includes(token));
  await page.reload();
  await page.waitForSelector("#receipt-token-removed");
  clean(sender, recipient, late);
});

test("a wrong passphrase says how many attempts are left; the right one reveals", async () => {
  const sender = await fresh();
  const page = await sender.context.newPage();
  const text = "the vault combination is 31-4-15";
  const passphrase = "correct horse battery staple";
  const { share } = await createSecret(page, server.base, {
    text, passphrase, shots: "07-passphrase",
  });
  assert.match(await page.textContent("body"), /Send the link and the passphrase separately/);

  const recipient = await fresh();
  const reveal = await openShare(recipient, share);
  await reveal.waitForSelector("#reveal-passphrase");
  await shot(reveal, "08-reveal-passphrase");
  await reveal.fill("#reveal-passphrase", "wrong horse");
  await reveal.click("#reveal");
  await reveal.waitForSelector("#reveal-error");
  assert.match(await reveal.textContent("#reveal-error"), /4 attempts left/);
  await shot(reveal, "09-wrong-passphrase");
  await reveal.fill("#reveal-passphrase", passphrase);
  await reveal.click("#reveal");
  await reveal.waitForSelector("#secret-text", { timeout: 30000 });
  assert.equal(await reveal.inputValue("#secret-text"), text);
  clean(sender, recipient);
});

test("too many wrong passphrases destroy the secret, and the receipt says locked", async () => {
  const sender = await fresh();
  const page = await sender.context.newPage();
  const { share, receipt } = await createSecret(page, server.base, {
    text: "locked away", passphrase: "the real one",
  });
  const recipient = await fresh();
  const reveal = await openShare(recipient, share);
  await reveal.waitForSelector("#reveal-passphrase");
  for (let left = 4; left >= 1; left--) {
    await reveal.fill("#reveal-passphrase", `guess ${left}`);
    await reveal.click("#reveal");
    await reveal.waitForFunction(
      (n) => document.querySelector("#reveal-error")?.textContent.includes(`${n} attempt`),
      left,
    );
  }
  await reveal.fill("#reveal-passphrase", "last guess");
  await reveal.click("#reveal");
  await reveal.waitForSelector("#locked");
  await shot(reveal, "10-locked");
  await page.goto(receipt);
  await page.waitForSelector("#receipt-state");
  assert.equal(await page.textContent("#receipt-state"), "Locked");
  clean(sender, recipient);
});

test("max views: each fresh browser takes one view until none is left", async () => {
  const sender = await fresh();
  const page = await sender.context.newPage();
  const text = "shared with two people";
  const { share, receipt } = await createSecret(page, server.base, { text, views: 2 });
  assert.match(await page.textContent("body"), /It can be viewed 2 times/);

  const first = await openShare(await fresh(), share);
  await first.waitForSelector("#reveal");
  assert.match(await first.textContent("body"), /2 more times/);
  await first.click("#reveal");
  await first.waitForSelector("#secret-text");
  assert.match(await first.textContent("#destroyed-note"), /one more view/);

  await page.goto(receipt);
  await page.waitForSelector("#receipt-state");
  assert.equal(await page.textContent("#receipt-state"), "Waiting");
  assert.match(await page.textContent("#receipt-detail"), /1 view left/);
  await shot(page, "11-receipt-waiting");

  const second = await openShare(await fresh(), share);
  await second.click("#reveal");
  await second.waitForSelector("#secret-text");
  assert.equal(await second.inputValue("#secret-text"), text);
  assert.match(await second.textContent("#destroyed-note"), /destroyed on the server/);

  const third = await openShare(await fresh(), share);
  await third.waitForSelector("#gone");
  clean(sender);
});

/**
 * A secret with `views` views, revealed in a fresh browser whose reveal
 * reaches the server (which takes the view) and then fails on the way back:
 * `cut` "body" cuts the answer short, "reset" resets the connection. The
 * reader must be told it may be used up, with no second reveal offered.
 * Returns the receipt as the sender's page sees it.
 */
async function revealCutOff(text, views, cut) {
  const sender = await fresh();
  const page = await sender.context.newPage();
  const { share, receipt } = await createSecret(page, server.base, { text, views });

  const reader = await fresh();
  const lost = await reader.context.newPage();
  await lost.route("**/reveal", async (route) => {
    const response = await route.fetch();
    if (cut === "body") {
      await route.fulfill({ response, body: (await response.text()).slice(0, 20) });
    } else {
      await route.abort("connectionreset");
    }
  });
  await lost.goto(share);
  await lost.click("#reveal");
  await lost.waitForSelector("#outcome-unknown");
  assert.equal(await lost.$("#reveal"), null, "offered a second reveal");

  await page.goto(receipt);
  await page.waitForSelector("#receipt-state");
  // A reset connection logs a failed fetch in the reader's console, so
  // only the sender's page must be clean of errors then.
  clean(sender, ...(cut === "body" ? [reader] : []));
  return page.textContent("#receipt-detail");
}

test("a view released but cut off on its way: no second reveal, told it may be used up", async () => {
  assert.match(await revealCutOff("lost on the way", 2, "body"), /1 view left/);
});

test("a reveal whose connection fails after the last view was taken: told it may be used up, not gone or try again", async () => {
  assert.match(await revealCutOff("the line went", 1, "reset"), /viewed .*destroyed/);
});

test("a reveal whose connection fails after a view was taken, with views left: told it may be used up, no second reveal", async () => {
  assert.match(await revealCutOff("three to share", 3, "reset"), /2 views left/);
});

test("burn from the receipt page; the link is then gone", async () => {
  const sender = await fresh();
  const page = await sender.context.newPage();
  const { share, receipt } = await createSecret(page, server.base, { text: "burn me" });
  await page.goto(receipt);
  await page.waitForSelector("#burn");
  await page.click("#burn");
  await page.waitForSelector("#confirm-burn");
  await shot(page, "12-receipt-confirm-burn");
  await page.click("#confirm-burn");
  await page.waitForFunction(() => document.querySelector("#receipt-state")?.textContent === "Destroyed");
  await shot(page, "13-receipt-burned");
  const late = await openShare(await fresh(), share);
  await late.waitForSelector("#gone");
  clean(sender);
});

test("a file goes through, and is saved under its own name", async () => {
  const sender = await fresh();
  const page = await sender.context.newPage();
  const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7 + 3) % 256));
  const file = { name: "deploy-key.pem", mimeType: "application/x-pem-file", buffer: bytes };
  await page.goto(`${server.base}/`);
  await page.click("label[for=mode-file]");
  await page.setInputFiles("#file", file);
  await page.waitForSelector("#file-summary");
  assert.match(await page.textContent("#file-summary"), /deploy-key\.pem\s*4\.8 KiB/);
  await shot(page, "14-file-picked");
  const { share } = await createSecret(page, server.base, { file, passphrase: "file pass" });

  const recipient = await fresh();
  const reveal = await openShare(recipient, share);
  await reveal.fill("#reveal-passphrase", "file pass");
  await reveal.click("#reveal");
  await reveal.waitForSelector("#revealed-file", { timeout: 30000 });
  await shot(reveal, "15-revealed-file");
  const [download] = await Promise.all([reveal.waitForEvent("download"), reveal.click("#download")]);
  assert.equal(download.suggestedFilename(), "deploy-key.pem");
  const saved = readFileSync(await download.path());
  assert.deepEqual(saved, bytes);
  clean(sender, recipient);
});

test("a file over the limit is refused before anything is sent", async () => {
  const sender = await fresh();
  const page = await sender.context.newPage();
  await page.goto(`${server.base}/`);
  await page.click("label[for=mode-file]");
  await page.setInputFiles("#file", {
    name: "big.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(300 * 1024, 1),
  });
  await page.waitForSelector(".field-error");
  assert.match(await page.textContent(".field-error"), /the limit is 255\.9 KiB/);
  // Only the server's limits were asked for; nothing was sent.
  assert.deepEqual(sender.requests.filter((r) => r.url.includes("/api/")).map((r) => r.url.split("/api/")[1]), ["v1/config"]);
  clean(sender);
});

/** Presses Tab until the element with `id` has focus. */
async function tabTo(page, id) {
  for (let i = 0; i < 40; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached #${id}`);
}

test("keyboard only: create, copy and reveal without a mouse", async () => {
  const sender = await fresh();
  const page = await sender.context.newPage();
  await page.goto(`${server.base}/`);
  await page.waitForSelector("#create");
  await tabTo(page, "secret");
  await page.keyboard.type("typed with the keyboard only");
  await tabTo(page, "passphrase");
  await page.keyboard.type("keyboard pass phrase");
  await tabTo(page, "expiry");
  await page.keyboard.press("ArrowUp"); // 1 day -> 1 hour
  await tabTo(page, "create");
  await shot(page, "16-keyboard-focus");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#share-link", { timeout: 30000 });
  assert.match(await page.textContent("body"), /expires in (59|60) minutes/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "created-title");
  await tabTo(page, "share-link-copy");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#share-link-copy.copied");
  const share = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(share, await page.inputValue("#share-link"));

  const recipient = await fresh();
  const reveal = await openShare(recipient, share);
  await reveal.waitForSelector("#reveal-passphrase");
  await tabTo(reveal, "reveal-passphrase");
  await reveal.keyboard.type("keyboard pass phrase");
  await reveal.keyboard.press("Enter");
  await reveal.waitForSelector("#secret-text", { timeout: 30000 });
  assert.equal(await reveal.inputValue("#secret-text"), "typed with the keyboard only");
  clean(sender, recipient);
});

test("a scripted click (a mail scanner's) does not reveal", async () => {
  const sender = await fresh();
  const page = await sender.context.newPage();
  const { share, receipt } = await createSecret(page, server.base, { text: "not for robots" });
  const scanner = await fresh();
  const reveal = await openShare(scanner, share);
  await reveal.waitForSelector("#reveal");
  await reveal.evaluate(() => {
    const button = document.getElementById("reveal");
    button.click();
    button.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    button.focus();
    button.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  });
  await reveal.waitForTimeout(1000);
  assert.equal(await reveal.locator("#secret-text").count(), 0);
  assert.equal(await reveal.locator("#reveal").count(), 1);
  assert.equal(scanner.requests.filter((r) => r.url.includes("/reveal")).length, 0);
  await page.goto(receipt);
  await page.waitForSelector("#receipt-state");
  assert.equal(await page.textContent("#receipt-state"), "Waiting");
  clean(sender, scanner);
});

test("the revealed page warns before it is closed or reloaded", async () => {
  const sender = await fresh();
  const page = await sender.context.newPage();
  const { share } = await createSecret(page, server.base, { text: "one chance" });
  const recipient = await fresh();
  const reveal = await openShare(recipient, share);
  await reveal.click("#reveal");
  await reveal.waitForSelector("#secret-text");
  const dialog = new Promise((ok) => reveal.once("dialog", (d) => { ok(d.type()); d.dismiss(); }));
  await reveal.close({ runBeforeUnload: true });
  assert.equal(await dialog, "beforeunload");
  clean(sender, recipient);
});
