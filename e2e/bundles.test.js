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

  const cases = [
    [`${server.base}/`, "#create", "frontend"],
    [`${server.base}/#/nowhere`, "#not-found", "frontend"],
    [share, "#reveal", "reveal"],
    [`${server.base}/#/s/${id}`, "#key-removed", "reveal"],
    [`${server.base}/#/s/${id}/short`, "#damaged", "reveal"],
    [receipt, "#receipt-state", "rest"],
    [`${server.base}/#/request`, "#make-request", "rest"],
    [request, "#send-secret", "rest"],
    [inbox, "#inbox-state", "rest"],
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
