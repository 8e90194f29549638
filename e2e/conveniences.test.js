// What users of other one-time secret tools ask for most, end to end:
// passphrase suggestions, the passphrase shown back, the server's limits in
// the form, files dropped or pasted, remembered receipts, a warning before
// an uncopied receipt is thrown away, a notification when the secret is
// viewed, and a download that is not cut short.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createSecret, launchBrowser, newContext, startServer } from "./harness.js";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("a suggested passphrase: words or characters, its entropy, and shown back after create", async () => {
  const ctx = await newContext(browser);
  const page = await ctx.context.newPage();
  await page.goto(`${server.base}/`);
  await page.waitForSelector("#create");
  // The word list is fetched only when words are asked for.
  assert.ok(!ctx.requests.some((r) => r.url.includes("wordlist")));
  await page.click("#suggest-passphrase");
  await page.waitForSelector("#suggestion");
  const words = (await page.textContent("#suggestion")).trim();
  assert.equal(words.split("-").length, 6, words);
  assert.match(await page.textContent("#suggestion-entropy"), /77 bits of entropy/);
  assert.ok(ctx.requests.some((r) => r.url.endsWith("/eff-large-wordlist.txt")));
  await page.click("label[for=generator-characters]");
  await page.waitForFunction(() => !document.querySelector("#suggestion")?.textContent.includes("-")
    || document.querySelector("#suggestion").textContent.trim().length === 20);
  await page.waitForFunction(() => /123 bits/.test(document.querySelector("#suggestion-entropy")?.textContent));
  const chars = (await page.textContent("#suggestion")).trim();
  assert.equal(chars.length, 20);
  await page.click("#use-suggestion");
  assert.equal(await page.inputValue("#passphrase"), chars);
  assert.equal(await page.evaluate(() => document.activeElement.id), "passphrase");

  await page.fill("#secret", "protected by a suggestion");
  await page.click("#create");
  await page.waitForSelector("#created-passphrase", { timeout: 30000 });
  assert.equal(await page.inputValue("#created-passphrase"), chars);
  assert.equal(await page.getAttribute("#created-passphrase", "type"), "password");
  await page.click("#created-passphrase-toggle");
  assert.equal(await page.getAttribute("#created-passphrase", "type"), "text");
  // With a passphrase, the link alone does not open the secret; the hint says so.
  assert.doesNotMatch(await page.textContent("#share-link-hint"), /Anyone who opens this link/);
  assert.deepEqual(ctx.problems, []);
  await ctx.context.close();
});

test("the form offers what this server allows, and the reveal page states the attempt limit", async () => {
  const small = await startServer(["--max-views", "3", "--max-ttl", "2h", "--max-attempts", "2"]);
  try {
    const ctx = await newContext(browser);
    const page = await ctx.context.newPage();
    await page.goto(`${small.base}/`);
    await page.waitForFunction(() => document.querySelector("#views")?.getAttribute("max") === "3");
    const presets = await page.$$eval("#expiry option", (os) => os.map((o) => o.value));
    assert.deepEqual(presets, ["300", "3600", "custom"]);
    assert.equal(await page.inputValue("#expiry"), "3600");
    await page.fill("#secret", "limited");
    await page.fill("#views", "4");
    await page.click("#create");
    await page.waitForSelector("#views-error");
    assert.match(await page.textContent("#views-error"), /from 1 to 3/);
    assert.ok(!ctx.requests.some((r) => r.method === "POST"));
    const { share } = await createSecret(page, small.base, { text: "limited", passphrase: "pp", views: 3 });
    const reveal = await ctx.context.newPage();
    await reveal.goto(share);
    await reveal.waitForSelector("#reveal-passphrase");
    assert.match(await reveal.textContent("#reveal-passphrase-hint"), /destroyed after 2 wrong passphrases/);
    assert.deepEqual(ctx.problems, []);
    await ctx.context.close();
  } finally {
    await small.stop();
  }
});

/** Drops (or pastes) a file made in the page onto `selector`. */
async function giveFile(page, how, selector = "body") {
  await page.evaluate(([how, selector]) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array([1, 2, 3, 4, 5])], "dropped.key", { type: "application/octet-stream" }));
    const target = document.querySelector(selector);
    if (how === "drop") {
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    } else {
      target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }
  }, [how, selector]);
}

test("a file dropped anywhere on the page, or pasted, joins the form; the page stays", async () => {
  const ctx = await newContext(browser);
  const page = await ctx.context.newPage();
  await page.goto(`${server.base}/`);
  await page.waitForSelector("#create");
  await page.fill("#passphrase", "kept while dropping");
  await giveFile(page, "drop", ".site-footer");
  await page.waitForSelector("#file-summary");
  assert.match(await page.textContent("#file-summary"), /dropped\.key\s*5 bytes/);
  assert.equal(await page.inputValue("#passphrase"), "kept while dropping");
  assert.equal(new URL(page.url()).pathname, "/");
  await page.click("#file-summary button");
  await page.click("label[for=mode-text]");
  await giveFile(page, "paste", "#secret");
  await page.waitForSelector("#file-summary");
  const { share } = await (async () => {
    await page.click("#create");
    await page.waitForSelector("#share-link", { timeout: 30000 });
    return { share: await page.inputValue("#share-link") };
  })();
  const reveal = await (await newContext(browser)).context.newPage();
  await reveal.goto(share);
  await reveal.fill("#reveal-passphrase", "kept while dropping");
  await reveal.click("#reveal");
  await reveal.waitForSelector("#revealed-file", { timeout: 30000 });
  assert.match(await reveal.textContent("#revealed-file"), /dropped\.key/);
  assert.deepEqual(ctx.problems, []);
  await ctx.context.close();
});

test("remembered receipts: opt-in, receipt links only, cleared in one click", async () => {
  const ctx = await newContext(browser);
  const page = await ctx.context.newPage();
  const { share, receipt } = await createSecret(page, server.base, { text: "remember my receipt" });
  assert.equal(await page.evaluate(() => localStorage.length), 0, "nothing stored without opting in");
  await page.check("#remember-receipt");
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  assert.ok(stored.includes(receipt.split("#")[1]), stored);
  assert.ok(!stored.includes(share.split("#")[1]), "a share link was stored");
  await page.click("#create-another");
  await page.waitForSelector("#recent-title");
  assert.equal(await page.getAttribute(".recent-list a", "href"), receipt);
  await page.click("#recent-clear");
  await page.waitForSelector("#recent-title", { state: "detached" });
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(ctx.problems, []);
  await ctx.context.close();
});

test("leaving an uncopied receipt asks first; a copied one does not", async () => {
  const ctx = await newContext(browser);
  const page = await ctx.context.newPage();
  await createSecret(page, server.base, { text: "do not lose the receipt" });
  let asked = "";
  page.once("dialog", (d) => { asked = d.message(); d.dismiss(); });
  await page.click("#create-another");
  await page.waitForTimeout(200);
  assert.match(asked, /not copied or opened the receipt link/);
  assert.equal(await page.locator("#share-link").count(), 1, "dismissing kept the page");
  const closing = new Promise((ok) => page.once("dialog", (d) => { ok(d.type()); d.dismiss(); }));
  await page.close({ runBeforeUnload: true });
  assert.equal(await closing, "beforeunload");

  const calm = await ctx.context.newPage();
  await createSecret(calm, server.base, { text: "copied receipt" });
  await calm.click("#receipt-link-copy");
  await calm.waitForSelector("#receipt-link-copy.copied");
  let bothered = false;
  calm.on("dialog", (d) => { bothered = true; d.dismiss(); });
  await calm.click("#create-another");
  await calm.waitForSelector("#create");
  assert.equal(bothered, false);
  await ctx.context.close();
});

test("the receipt can notify when the secret is viewed, after opting in", async () => {
  const ctx = await newContext(browser);
  await ctx.context.grantPermissions(["notifications", "clipboard-read", "clipboard-write"]);
  await ctx.context.addInitScript(() => {
    window.__notifications = [];
    const Real = window.Notification;
    window.Notification = class extends Real {
      constructor(title, options) {
        super(title, options);
        window.__notifications.push({ title, body: options?.body });
      }
    };
    window.Notification.requestPermission = () => Real.requestPermission();
    Object.defineProperty(window.Notification, "permission", { get: () => Real.permission });
  });
  const page = await ctx.context.newPage();
  const { share, receipt } = await createSecret(page, server.base, { text: "tell me" });
  await page.goto(receipt);
  await page.waitForSelector("#notify");
  await page.check("#notify");
  await page.waitForFunction(() => document.querySelector("#notify")?.checked);
  const viewer = await (await newContext(browser)).context.newPage();
  await viewer.goto(share);
  await viewer.click("#reveal");
  await viewer.waitForSelector("#secret-text");
  await page.click("#refresh");
  await page.waitForFunction(() => window.__notifications.length === 1);
  const [shown] = await page.evaluate(() => window.__notifications);
  assert.equal(shown.title, "Your secret was viewed");
  assert.ok(!shown.body.includes("tell me"));
  await ctx.context.close();
});

test("saving a revealed file does not revoke its address before the download starts", async () => {
  const ctx = await newContext(browser);
  const page = await ctx.context.newPage();
  const bytes = Buffer.from("file contents");
  const { share } = await createSecret(page, server.base, {
    file: { name: "notes.txt", mimeType: "text/plain", buffer: bytes },
  });
  const reveal = await ctx.context.newPage();
  await reveal.addInitScript(() => {
    window.__revoked = [];
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.revokeObjectURL = (url) => { window.__revoked.push(Date.now()); revoke(url); };
  });
  await reveal.goto(share);
  await reveal.click("#reveal");
  await reveal.waitForSelector("#download");
  const [download] = await Promise.all([reveal.waitForEvent("download"), reveal.click("#download")]);
  assert.equal(download.suggestedFilename(), "notes.txt");
  assert.deepEqual(await reveal.evaluate(() => window.__revoked), [], "revoked at once");
  assert.equal((await import("node:fs")).readFileSync(await download.path()).toString(), "file contents");
  await ctx.context.close();
});
