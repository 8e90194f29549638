// Request a secret, end to end in Chromium: one browser asks (request link,
// inbox link), another answers, the first opens the answer once. And the
// edges: a second answer is refused, a second open finds it gone, a
// withdrawn request takes nothing, a reload does not bring a scrubbed key
// back, and nothing secret is in any request's URL or body.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { hkdfSync } from "node:crypto";
import {
  encodings, launchBrowser, makeRequest, newContext, requestParts, shot, startServer, wireUrl,
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

async function context() {
  const c = await newContext(browser);
  contexts.push(c);
  return c;
}

/** docs/PROTOCOL.md, "sdo/v1 requests": the two bearer tokens. */
function tokens(requestKey, publicKey) {
  const hkdf = (ikm, salt, info) =>
    Buffer.from(hkdfSync("sha256", Buffer.from(ikm, "base64url"), salt, info, 32)).toString("base64url");
  return {
    inbox: hkdf(requestKey, "sdo/v1/request", "inbox token"),
    fill: hkdf(publicKey, "sdo/v1/request/public", "fill token"),
  };
}

/** Opens an inbox link and waits for its state badge. */
async function openInbox(page, inbox) {
  await page.goto(inbox);
  await page.waitForSelector("#inbox-state");
}

test("request → answer → open, with a note; nothing secret in any request", async () => {
  const asker = await context();
  const answerer = await context();
  const note = "the staging DB password, please (ünïcødé)";
  const secret = "hunter2-Plaintext-request\nsecond line";

  const page = await asker.context.newPage();
  await page.goto(`${server.base}/`);
  await page.click("#tab-request");
  await page.waitForSelector("#make-request");
  const { request, inbox } = await makeRequest(page, server.base, { note, shots: "request-01" });
  const q = requestParts(request);
  const i = requestParts(inbox);
  assert.equal(q.route, "q");
  assert.equal(i.route, "i");
  assert.equal(q.id, i.id);
  assert.notEqual(q.key, i.key);

  const box = await asker.context.newPage();
  await openInbox(box, inbox);
  assert.equal(await box.textContent("#inbox-state"), "Waiting");
  // The inbox key left the address bar as soon as it was read.
  assert.equal(new URL(box.url()).hash, `#/i/${i.id}`);
  assert.equal(await box.$("#collect"), null);

  const answer = await answerer.context.newPage();
  await answer.goto(request);
  await answer.waitForSelector("#send-secret");
  assert.equal(new URL(answer.url()).hash, `#/q/${q.id}`);
  assert.equal(await answer.textContent("#request-note"), note);
  await answer.fill("#secret", secret);
  await shot(answer, "request-02-answer");
  await answer.click("#send-secret");
  await answer.waitForSelector("#sent", { timeout: 30000 });
  await shot(answer, "request-03-sent");

  // The inbox notices by itself (polling), or at once on Refresh.
  await box.click("#refresh");
  await box.waitForSelector("#collect");
  assert.equal(await box.textContent("#inbox-state"), "Answered");
  await shot(box, "request-04-answered");
  await box.click("#collect");
  await box.waitForSelector("#secret-text", { timeout: 30000 });
  assert.equal(await box.inputValue("#secret-text"), secret);
  await shot(box, "request-05-opened");

  const all = [...asker.requests, ...answerer.requests];
  const api = all.filter((r) => r.url.includes("/api/v1/requests"));
  assert.ok(api.some((r) => r.method === "POST" && r.url.endsWith("/api/v1/requests")));
  assert.equal(api.filter((r) => r.url.endsWith("/fill")).length, 1);
  assert.equal(api.filter((r) => r.url.endsWith("/collect")).length, 1);
  // The X25519 work happened in the worker, which was watched too.
  assert.ok(all.some((r) => r.url.includes("sdo-crypto-worker")));

  const t = tokens(i.key, q.key);
  const anywhere = [
    ...encodings(secret).map((n) => ["plaintext", n]),
    ...encodings(note).map((n) => ["note", n]),
    ["request key", i.key],
    ["request key (base64)", Buffer.from(i.key, "base64url").toString("base64")],
    ["request key (hex)", Buffer.from(i.key, "base64url").toString("hex")],
    ["public key", q.key],
    ["public key (base64)", Buffer.from(q.key, "base64url").toString("base64")],
    ["public key (hex)", Buffer.from(q.key, "base64url").toString("hex")],
  ];
  // The tokens are sent, but only as Authorization: Bearer.
  const notInUrlOrBody = [["inbox token", t.inbox], ["fill token", t.fill]];
  let bearers = 0;
  for (const r of all) {
    const urlAndBody = [wireUrl(r.url), r.body].join("\n");
    const wire = [urlAndBody, JSON.stringify(r.headers)].join("\n");
    for (const [what, needle] of anywhere) {
      assert.ok(!wire.includes(needle), `${what} in ${r.method} ${wireUrl(r.url)}`);
    }
    for (const [what, needle] of notInUrlOrBody) {
      assert.ok(!urlAndBody.includes(needle), `${what} in ${r.method} ${wireUrl(r.url)}`);
    }
    const auth = r.headers.authorization || "";
    if (auth === `Bearer ${t.inbox}` || auth === `Bearer ${t.fill}`) bearers += 1;
  }
  assert.ok(bearers >= 4, `the tokens were used as bearers (${bearers})`);
  assert.deepEqual([...asker.problems, ...answerer.problems], []);
});

test("a second answer is refused, and a second open finds it gone", async () => {
  const asker = await context();
  const first = await context();
  const second = await context();
  const page = await asker.context.newPage();
  const { request, inbox } = await makeRequest(page, server.base);

  // Both open the request while it is waiting; the first to send wins.
  const a = await first.context.newPage();
  const b = await second.context.newPage();
  for (const p of [a, b]) {
    await p.goto(request);
    await p.waitForSelector("#send-secret");
  }
  await a.fill("#secret", "the first answer");
  await a.click("#send-secret");
  await a.waitForSelector("#sent", { timeout: 30000 });
  await b.fill("#secret", "the second answer");
  await b.click("#send-secret");
  await b.waitForSelector("#answered", { timeout: 30000 });
  assert.match(await b.textContent("#answered"), /already answered/);
  await shot(b, "request-06-second-answer");
  // Opening the request link again says the same at once.
  const c = await second.context.newPage();
  await c.goto(request);
  await c.waitForSelector("#answered");

  // Two tabs of the inbox; the first opens the answer, the second cannot.
  const one = await asker.context.newPage();
  const two = await asker.context.newPage();
  await openInbox(one, inbox);
  await openInbox(two, inbox);
  await one.click("#collect");
  await one.waitForSelector("#secret-text", { timeout: 30000 });
  assert.equal(await one.inputValue("#secret-text"), "the first answer");
  await two.click("#collect");
  await two.waitForFunction(() => document.querySelector("#inbox-state")?.textContent === "Opened");
  assert.match(await two.textContent("#inbox-detail"), /no longer has it/);
  assert.equal(await two.$("#secret-text"), null);
  await shot(two, "request-07-second-open");
  // The answerer's page learns nothing more than "answered".
  assert.equal(await b.$("#secret-text"), null);
});

test("a withdrawn request takes no answer; a reload does not bring a key back", async () => {
  const asker = await context();
  const answerer = await context();
  const page = await asker.context.newPage();
  const { request, inbox } = await makeRequest(page, server.base, { note: "never mind" });
  const box = await asker.context.newPage();
  await openInbox(box, inbox);
  await box.click("#withdraw");
  await box.waitForSelector("#cancel-withdraw");
  assert.equal(await box.evaluate(() => document.activeElement?.id), "cancel-withdraw");
  await box.click("#confirm-withdraw");
  await box.waitForFunction(() => document.querySelector("#inbox-state")?.textContent === "Withdrawn");
  assert.equal(await box.$("#withdraw"), null);

  const answer = await answerer.context.newPage();
  await answer.goto(request);
  await answer.waitForSelector("#request-gone");
  assert.equal(await answer.$("#request-note"), null, "a closed request shows no note");

  // Scrubbed on read, so a reload finds no key.
  await answer.reload();
  await answer.waitForSelector("#request-key-removed");
  await box.reload();
  await box.waitForSelector("#inbox-key-removed");
});

test("the request page asks before an uncopied inbox link is thrown away", async () => {
  const asker = await context();
  const page = await asker.context.newPage();
  await makeRequest(page, server.base);
  const asked = [];
  page.on("dialog", async (d) => {
    asked.push(d.type());
    await d.dismiss();
  });
  await page.click("#request-another");
  await page.waitForTimeout(100);
  assert.deepEqual(asked, ["confirm"]);
  assert.ok(await page.$("#inbox-link"), "dismissed: the links stay");
  // Copied: it goes without asking.
  await page.click("#inbox-link-copy");
  await page.click("#request-another");
  await page.waitForSelector("#make-request");
  assert.deepEqual(asked, ["confirm"]);
});

/** A new request, and its answer page open in another browser. */
async function requestToAnswer() {
  const asker = await context();
  const page = await asker.context.newPage();
  const { request, inbox } = await makeRequest(page, server.base);
  const answer = await (await context()).context.newPage();
  await answer.goto(request);
  await answer.waitForSelector("#send-secret");
  return { asker, inbox, answer };
}

test("an answer can be a file, saved under its own name", async () => {
  const { asker, inbox, answer } = await requestToAnswer();
  await answer.click("label[for=mode-file]");
  await answer.setInputFiles("#file", {
    name: "id_ed25519",
    mimeType: "application/octet-stream",
    buffer: Buffer.from("-----BEGIN OPENSSH PRIVATE KEY-----\nrequest e2e\n"),
  });
  await answer.waitForSelector("#file-summary");
  await answer.click("#send-secret");
  await answer.waitForSelector("#sent", { timeout: 30000 });
  const box = await asker.context.newPage();
  await openInbox(box, inbox);
  await box.click("#collect");
  await box.waitForSelector("#download", { timeout: 30000 });
  const [download] = await Promise.all([box.waitForEvent("download"), box.click("#download")]);
  assert.equal(download.suggestedFilename(), "id_ed25519");
});

test("an inbox open across a deploy that removed its worker: told at once, nothing collected", async () => {
  const { inbox, answer } = await requestToAnswer();
  await answer.fill("#secret", "kept through a deploy");
  await answer.click("#send-secret");
  await answer.waitForSelector("#sent", { timeout: 30000 });

  // The page's build of the worker is no longer on the server.
  const stale = await context();
  const workerFile = (url) => url.pathname.startsWith("/sdo-crypto-worker");
  const refused = [];
  await stale.context.route(workerFile, (route) => {
    refused.push(route.request().method());
    return route.fulfill({ status: 404, body: "" });
  });
  const box = await stale.context.newPage();
  await openInbox(box, inbox);
  await box.waitForSelector("#collect");
  await box.click("#collect");
  // Not after the worker's 90 s timeout: the missing files are noticed.
  await box.waitForSelector("#inbox-action-error", { timeout: 15000 });
  assert.match(await box.textContent("#inbox-action-error"), /older than the server’s current version/);
  // Opening an answer destroys it, so it was not opened: with the worker
  // back, the same page opens it.
  assert.ok(!stale.requests.some((r) => r.url.endsWith("/collect")), "collected without a worker");
  // The worker itself was refused its files, not only the check.
  assert.ok(refused.includes("GET"), `refused: ${refused}`);
  await stale.context.unroute(workerFile);
  await box.click("#collect");
  await box.waitForSelector("#secret-text", { timeout: 30000 });
  assert.equal(await box.inputValue("#secret-text"), "kept through a deploy");
});

/**
 * A request answered with `text`, then opened from its inbox with the
 * collect reaching the server (which releases the answer and destroys it)
 * and failing on the way back: `cut` "body" cuts the answer short, "reset"
 * resets the connection. The page must say the answer is lost, with no
 * second open offered.
 */
async function collectCutOff(text, cut) {
  const { asker, inbox, answer } = await requestToAnswer();
  await answer.fill("#secret", text);
  await answer.click("#send-secret");
  await answer.waitForSelector("#sent", { timeout: 30000 });

  const box = await asker.context.newPage();
  await box.route("**/collect", async (route) => {
    const response = await route.fetch();
    if (cut === "body") {
      await route.fulfill({ response, body: (await response.text()).slice(0, 20) });
    } else {
      await route.abort("connectionreset");
    }
  });
  await openInbox(box, inbox);
  await box.click("#collect");
  await box.waitForSelector("#collect-lost", { timeout: 30000 });
  assert.equal(await box.$("#collect"), null, "offered to open it again");
}

test("an answer released but cut off on its way to the inbox: the page says it is lost, not try again", async () => {
  await collectCutOff("lost on the way", "body");
});

test("a collect whose connection fails after the release: the page says the answer is lost, not try again", async () => {
  await collectCutOff("released, then the line went", "reset");
});

test("an answer whose connection fails after it was stored: told it may have arrived, not that someone else answered", async () => {
  const { answer } = await requestToAnswer();
  await answer.route("**/fill", async (route) => {
    await route.fetch();
    await route.abort("connectionreset");
  });
  await answer.fill("#secret", "stored, then the line went");
  await answer.click("#send-secret");
  await answer.waitForSelector("#respond-unknown", { timeout: 30000 });
  assert.equal(await answer.$("#answered"), null);
});
