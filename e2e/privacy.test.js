// Watches every request two browsers make while a secret with a passphrase
// is created and revealed, and proves that the plaintext, the passphrase and
// the link key never appear in any of them (URL, headers or body), in any
// common encoding. Also: no CSP violation anywhere, and the first load stays
// small and does not fetch the Argon2 worker.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import {
  createSecret, encodings, launchBrowser, linkParts, newContext, shot, startServer, wireUrl,
} from "./harness.js";

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

test("no plaintext, passphrase or link key in any request", async () => {
  const plaintext = "PLAINTEXT-canary-7d1e: the launch code is 0000";
  const passphrase = "PASSPHRASE-canary swordfish";
  const sender = await newContext(browser);
  const page = await sender.context.newPage();
  const { share } = await createSecret(page, server.base, { text: plaintext, passphrase });
  const { key } = linkParts(share);

  const recipient = await newContext(browser);
  const reveal = await recipient.context.newPage();
  await reveal.goto(share);
  await reveal.fill("#reveal-passphrase", "a wrong one first");
  await reveal.click("#reveal");
  await reveal.waitForSelector("#reveal-error");
  await reveal.fill("#reveal-passphrase", passphrase);
  await reveal.click("#reveal");
  await reveal.waitForSelector("#secret-text", { timeout: 30000 });
  assert.equal(await reveal.inputValue("#secret-text"), plaintext);
  await reveal.waitForTimeout(200);

  const all = [...sender.requests, ...recipient.requests];
  const api = all.filter((r) => r.url.includes("/api/v1/"));
  // The flow really went through the API: create, meta, two reveals.
  assert.ok(api.some((r) => r.method === "POST" && r.url.endsWith("/api/v1/secrets")));
  assert.equal(api.filter((r) => r.url.endsWith("/reveal")).length, 2);
  // The worker was loaded, and its requests were watched too.
  assert.ok(all.some((r) => r.url.includes("sdo-crypto-worker")));

  const needles = [
    ...encodings(plaintext).map((n) => ["plaintext", n]),
    ...encodings(passphrase).map((n) => ["passphrase", n]),
    ["link key", key],
    ["link key (base64)", Buffer.from(key, "base64url").toString("base64")],
    ["link key (hex)", Buffer.from(key, "base64url").toString("hex")],
  ];
  for (const r of all) {
    const wire = [wireUrl(r.url), JSON.stringify(r.headers), r.body].join("\n");
    for (const [what, needle] of needles) {
      assert.ok(!wire.includes(needle), `${what} in ${r.method} ${wireUrl(r.url)}`);
    }
    assert.ok(!("referer" in r.headers) || !r.headers.referer.includes(key), "key in a Referer");
  }
  assert.deepEqual([...sender.problems, ...recipient.problems], []);
  await sender.context.close();
  await recipient.context.close();
});

test("first load: under 260 KiB gzipped, and no crypto worker", async () => {
  const { context, requests, problems } = await newContext(browser);
  const page = await context.newPage();
  const sizes = new Map();
  page.on("response", async (response) => {
    try {
      const body = await response.body();
      sizes.set(new URL(response.url()).pathname, { raw: body.length, gz: gzipSync(body, { level: 9 }).length });
    } catch {
      // redirects have no body
    }
  });
  await page.goto(`${server.base}/`);
  await page.waitForSelector("#create");
  await page.waitForLoadState("networkidle");
  await shot(page, "00-first-load");
  const total = [...sizes.values()].reduce((s, v) => s + v.gz, 0);
  const report = [...sizes].map(([p, v]) => `${p}: ${v.raw} B, ${v.gz} B gzipped`).join("\n");
  console.log(`first load:\n${report}\ntotal gzipped: ${total} B`);
  assert.ok(total < 260 * 1024, `first load is ${total} B gzipped:\n${report}`);
  assert.ok(!requests.some((r) => r.url.includes("sdo-crypto-worker")), "worker fetched on first load");

  // A share link without a passphrase never needs the worker either.
  await page.fill("#secret", "no worker needed");
  await page.click("#create");
  await page.waitForSelector("#share-link");
  const share = await page.inputValue("#share-link");
  const other = await context.newPage();
  await other.goto(share);
  await other.click("#reveal");
  await other.waitForSelector("#secret-text");
  assert.ok(!requests.some((r) => r.url.includes("sdo-crypto-worker")), "worker fetched without a passphrase");
  assert.deepEqual(problems, []);
  await context.close();
});

test("dark mode and a phone-sized screen", async () => {
  const { context, problems } = await newContext(browser, {
    colorScheme: "dark", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto(`${server.base}/`);
  await page.waitForSelector("#create");
  await page.fill("#passphrase", "Tr0ub4dor&3");
  await shot(page, "20-mobile-dark-create");
  const { share } = await createSecret(page, server.base, { text: "dark and small", shots: "21-mobile-dark" });
  const reveal = await context.newPage();
  await reveal.goto(share);
  await reveal.waitForSelector("#reveal");
  await reveal.tap("#reveal");
  await reveal.waitForSelector("#secret-text");
  await shot(reveal, "22-mobile-dark-revealed");
  // Nothing overflows sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  assert.deepEqual(problems, []);
  await context.close();
});
