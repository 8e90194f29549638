// Six languages, end to end: the browser's language is used (German,
// Arabic right to left, mirrored), the picker's choice is remembered, only
// the chosen language's messages are fetched, and every language fits a
// 320 px and a 1280 px screen without sideways overflow, request pages too;
// and the page that says the app could not start (frontend/boot.js, before
// any wasm) is in the reader's language too.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createSecret, launchBrowser, makeRequest, newContext, shot, startServer } from "./harness.js";

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

const localeFiles = (ctx) => ctx.requests.filter((r) => r.url.includes("/locales/")).map((r) => r.url.split("/").pop());

test("German: the browser's language, through create and reveal", async () => {
  const sender = await newContext(browser, { locale: "de-DE" });
  const page = await sender.context.newPage();
  await page.goto(`${server.base}/`);
  await page.waitForSelector("#create");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
  assert.equal(await page.textContent("#create"), "Link zum Geheimnis erstellen");
  assert.deepEqual(localeFiles(sender), ["de.ftl"]);
  const { share } = await createSecret(page, server.base, { text: "Geheimnis", passphrase: "richtig", views: 2 });
  assert.match(await page.textContent("body"), /2-mal aufgerufen/);
  const recipient = await newContext(browser, { locale: "de-AT" });
  const reveal = await recipient.context.newPage();
  await reveal.goto(share);
  await reveal.waitForSelector("#reveal-passphrase");
  await reveal.fill("#reveal-passphrase", "falsch");
  await reveal.click("#reveal");
  await reveal.waitForSelector("#reveal-error");
  assert.match(await reveal.textContent("#reveal-error"), /4 Versuche/);
  await reveal.fill("#reveal-passphrase", "richtig");
  await reveal.click("#reveal");
  await reveal.waitForSelector("#secret-text", { timeout: 30000 });
  assert.equal(await reveal.inputValue("#secret-text"), "Geheimnis");
  await shot(reveal, "lang-de-revealed");
  assert.deepEqual([...sender.problems, ...recipient.problems], []);
  await sender.context.close();
  await recipient.context.close();
});

test("Arabic: right to left, mirrored, through create and reveal", async () => {
  const sender = await newContext(browser, { locale: "ar-EG" });
  const page = await sender.context.newPage();
  await page.goto(`${server.base}/`);
  await page.waitForSelector("#create");
  assert.deepEqual(
    await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ["ar", "rtl"],
  );
  // Mirrored: the brand sits on the right, the language menu on the left,
  // and text starts at the right edge of its box.
  const layout = await page.evaluate(() => {
    const brand = document.querySelector(".brand").getBoundingClientRect();
    const menu = document.querySelector("#language").getBoundingClientRect();
    return { brandRight: brand.right, menuLeft: menu.left, width: innerWidth, align: getComputedStyle(document.querySelector("h1")).direction };
  });
  assert.ok(layout.brandRight > layout.width / 2, "the brand is not on the right");
  assert.ok(layout.menuLeft < layout.width / 2, "the language menu is not on the left");
  assert.equal(layout.align, "rtl");
  const { share } = await createSecret(page, server.base, { text: "سر", passphrase: "صحيح" });
  await shot(page, "lang-ar-created");
  // Links read left to right even in a right-to-left page.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("#share-link")).direction), "ltr");
  const recipient = await newContext(browser, { locale: "ar" });
  const reveal = await recipient.context.newPage();
  await reveal.goto(share);
  await reveal.waitForSelector("#reveal-passphrase");
  await reveal.fill("#reveal-passphrase", "خطأ");
  await reveal.click("#reveal");
  await reveal.waitForSelector("#reveal-error");
  // Four attempts left: Arabic's "few" plural form.
  assert.match(await reveal.textContent("#reveal-error"), /محاولات/);
  await reveal.fill("#reveal-passphrase", "صحيح");
  await reveal.click("#reveal");
  await reveal.waitForSelector("#secret-text", { timeout: 30000 });
  assert.equal(await reveal.inputValue("#secret-text"), "سر");
  await shot(reveal, "lang-ar-revealed");
  assert.deepEqual([...sender.problems, ...recipient.problems], []);
  await sender.context.close();
  await recipient.context.close();
});

test("the picker switches language, fetches only that file, and is remembered", async () => {
  const ctx = await newContext(browser, { locale: "en-US" });
  const page = await ctx.context.newPage();
  await page.goto(`${server.base}/`);
  await page.waitForSelector("#create");
  assert.deepEqual(localeFiles(ctx), ["en.ftl"]);
  await page.focus("#language");
  await page.selectOption("#language", "fr");
  await page.waitForFunction(() => document.documentElement.lang === "fr");
  // A new language is not a new page: focus stays on the menu.
  assert.equal(await page.evaluate(() => document.activeElement.id), "language");
  assert.match(await page.textContent("h1"), /secret/i);
  assert.notEqual(await page.textContent("#create"), "Create secret link");
  assert.deepEqual(localeFiles(ctx), ["en.ftl", "fr.ftl"]);
  await page.reload();
  await page.waitForSelector("#create");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
  assert.equal(await page.inputValue("#language"), "fr");
  assert.deepEqual(localeFiles(ctx), ["en.ftl", "fr.ftl", "fr.ftl"]);
  assert.deepEqual(ctx.problems, []);
  await ctx.context.close();
});

test("every language fits 320 and 1280 px screens without sideways overflow", async () => {
  const failures = [];
  for (const lang of ["en", "de", "fr", "es", "ja", "ar"]) {
    const ctx = await newContext(browser, { locale: lang });
    const page = await ctx.context.newPage();
    await page.goto(`${server.base}/`);
    await page.waitForSelector("#create");
    await page.fill("#passphrase", "a passphrase");
    const created = async () => {
      await page.fill("#secret", "fits");
      await page.fill("#passphrase", "a passphrase");
      await page.click("#create");
      await page.waitForSelector("#share-link", { timeout: 30000 });
    };
    for (const [state, prepare] of [["create", async () => {}], ["created", created]]) {
      await prepare();
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(50);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) failures.push(`${lang} ${state} ${width}px: ${overflow}px too wide`);
        await shot(page, `lang-${lang}-${state}-${width}`);
      }
    }
    if (ctx.problems.length) failures.push(`${lang}: ${ctx.problems.join("; ")}`);
    await ctx.context.close();
  }
  assert.deepEqual(failures, []);
});

test("every language fits the request pages at 320 and 1280 px, with their own words", async () => {
  const failures = [];
  const english = new Map();
  for (const lang of ["en", "de", "fr", "es", "ja", "ar"]) {
    const ctx = await newContext(browser, { locale: lang });
    const page = await ctx.context.newPage();
    const answerPage = await ctx.context.newPage();
    const { request, inbox } = await makeRequest(page, server.base, { note: "fits" });
    const states = [
      ["request-made", page, async () => {}],
      ["respond", answerPage, async () => {
        await answerPage.goto(request);
        await answerPage.waitForSelector("#send-secret");
      }],
      ["sent", answerPage, async () => {
        await answerPage.fill("#secret", "fits");
        await answerPage.click("#send-secret");
        await answerPage.waitForSelector("#sent", { timeout: 30000 });
      }],
      ["inbox", page, async () => {
        await page.goto(inbox);
        await page.waitForSelector("#collect");
      }],
    ];
    for (const [state, p, prepare] of states) {
      await prepare();
      const heading = await p.textContent("h1");
      if (lang === "en") english.set(state, heading);
      else if (heading === english.get(state)) failures.push(`${lang} ${state}: heading not translated`);
      for (const width of [320, 1280]) {
        await p.setViewportSize({ width, height: 900 });
        await p.waitForTimeout(50);
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) failures.push(`${lang} ${state} ${width}px: ${overflow}px too wide`);
        await shot(p, `lang-${lang}-${state}-${width}`);
      }
    }
    if (ctx.problems.length) failures.push(`${lang}: ${ctx.problems.join("; ")}`);
    await ctx.context.close();
  }
  assert.deepEqual(failures, []);
});

/** A language's `boot-failed` message, as its file holds it. */
function bootFailed(code) {
  const source = readFileSync(new URL(`../frontend/locales/${code}.ftl`, import.meta.url), "utf8");
  return source.match(/^boot-failed = (.+)$/m)[1];
}

test("the app could not start: said in the reader's language, in English when offline", async () => {
  // [browser language, remembered choice, locale files reachable, expected language]
  const cases = [
    ["de-DE", null, true, "de"],
    ["ar-EG", null, true, "ar"],
    ["en-US", "fr", true, "fr"],
    ["ja-JP", null, false, "en"],
    ["en-GB", null, true, "en"],
  ];
  for (const [locale, remembered, reachable, expected] of cases) {
    const ctx = await newContext(browser, { locale });
    if (remembered) {
      await ctx.context.addInitScript((code) => localStorage.setItem("sdo-lang", code), remembered);
    }
    // No wasm arrives: as in a browser without WebAssembly, or a dropped connection.
    await ctx.context.route(/_bg\.wasm$/, (route) => route.abort());
    if (!reachable) await ctx.context.route(/\/locales\//, (route) => route.abort());
    const page = await ctx.context.newPage();
    await page.goto(`${server.base}/`);
    const box = await page.waitForSelector(".boot-error[role=alert]");
    const what = `${locale}, remembered ${remembered}, files reachable ${reachable}`;
    // The English copy in boot.js (offline) is held to en.ftl's here as well.
    assert.equal(await box.textContent(), bootFailed(expected), what);
    assert.deepEqual(
      await box.evaluate((el) => [el.lang, el.dir]),
      [expected, expected === "ar" ? "rtl" : "ltr"],
      what,
    );
    assert.equal(await page.$("#create"), null, what);
    await ctx.context.close();
  }
});
