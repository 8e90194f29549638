// The app is three wasm bundles (frontend/src/bundle.rs, frontend/boot.js):
// every kind of address opens in the bundle that has its page, fetching no
// other; and following a link to another bundle's page, in the same tab,
// loads that bundle with the link intact (its key read, then scrubbed).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {
  createSecret, launchBrowser, makeRequest, newContext, startServer,
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

/** Which bundles' wasm a context has fetched so far, by name. */
function bundlesFetched(requests) {
  const names = requests
    .map((r) => new URL(r.url).pathname.match(/^\/sdo-([a-z]+)-[0-9a-f]+_bg\.wasm$/))
    .filter(Boolean)
    .map((m) => m[1]);
  return [...new Set(names)].sort();
}

/** Opens `url` in a fresh context; returns the bundles it fetched. */
async function openFresh(url, selector) {
  const { context, requests, problems } = await newContext(browser);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(selector);
  const fetched = bundlesFetched(requests);
  assert.deepEqual(problems, []);
  await context.close();
  return fetched;
}

test("every kind of address opens in its own bundle, and only that one", async () => {
  const { context } = await newContext(browser);
  const maker = await context.newPage();
  const { share, receipt } = await createSecret(maker, server.base, { text: "bundles" });
  const { request, inbox } = await makeRequest(maker, server.base);
  await context.close();
  const id = share.match(/#\/s\/([^/]+)\//)[1];
  const part = (link) => link.match(/#\/[a-z]+\/([^/]+)\//)[1];

  const cases = [
    [`${server.base}/`, "#create", "frontend"],
    [`${server.base}/#/nowhere`, "#not-found", "frontend"],
    [share, "#reveal", "reveal"],
    [`${server.base}/#/s/${id}`, "#key-removed", "reveal"],
    [`${server.base}/#/s/${id}/short`, "#damaged", "reveal"],
    [receipt, "#receipt-state", "rest"],
    [`${server.base}/#/r/${part(receipt)}`, "#receipt-token-removed", "rest"],
    [`${server.base}/#/request`, "#make-request", "rest"],
    [`${server.base}/#request`, "#make-request", "rest"],
    [`${server.base}/#//request`, "#make-request", "rest"],
    [request, "#send-secret", "rest"],
    [`${server.base}/#/q/${part(request)}`, "#request-key-removed", "rest"],
    [inbox, "#inbox-state", "rest"],
    [`${server.base}/#/i/${part(inbox)}`, "#inbox-key-removed", "rest"],
  ];
  for (const [url, selector, bundle] of cases) {
    assert.deepEqual(await openFresh(url, selector), [bundle], `${url} (${selector})`);
  }
});

test("a link to another bundle's page, followed in the same tab, opens intact", async () => {
  const { context, requests, problems } = await newContext(browser);
  const page = await context.newPage();
  const { share, receipt } = await createSecret(page, server.base, { text: "across bundles" });
  // The receipt link was shown but not copied: leaving asks first (the
  // browser's own dialog, since the page reloads into another bundle).
  page.on("dialog", (dialog) => dialog.accept());

  // Create page → reveal, as if the link were pasted into the address bar
  // (a hashchange in the same document, not a new load).
  await page.goto(share);
  await page.waitForSelector("#reveal");
  assert.ok(!page.url().includes(share.split("/").pop()), "the key is scrubbed once read");
  await page.click("#reveal");
  await page.waitForSelector("#secret-text");
  assert.equal(await page.inputValue("#secret-text"), "across bundles");

  // Reveal → receipt (the rest bundle): it shows the read.
  await page.goto(receipt);
  await page.waitForFunction(() => document.querySelector("#receipt-state")?.textContent === "Viewed");

  // Receipt → the create page, by the page's own link.
  await page.click("a[href='#/']");
  await page.waitForSelector("#create");
  // Home → the request form, by the tab.
  await page.click("#tab-request");
  await page.waitForSelector("#make-request");
  assert.deepEqual(bundlesFetched(requests), ["frontend", "rest", "reveal"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("staying on a page that asks before it is left takes the other link's key out of the address bar", async () => {
  const { context, problems } = await newContext(browser);
  const page = await context.newPage();
  const other = await createSecret(page, server.base, { text: "the other one" });
  // A fresh "link is ready" page, its receipt link neither copied nor
  // opened: leaving it asks first.
  await createSecret(page, server.base, { text: "this one" });
  const asked = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.type());
    dialog.dismiss();
  });
  // Another bundle's link with its key, as if pasted into the address bar.
  await page.evaluate((hash) => { location.hash = hash; }, new URL(other.share).hash);
  await page.waitForFunction(() => !location.hash.startsWith("#/s/"));
  await page.waitForTimeout(300);
  assert.deepEqual(asked, ["beforeunload"]);
  assert.ok(!page.url().includes(other.share.split("/").pop()), page.url());
  assert.ok(await page.isVisible("#share-link"), "still on the page that was kept");
  assert.deepEqual(problems, []);
  await context.close();
});
