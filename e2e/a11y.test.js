// Accessibility, end to end in Chromium: axe-core (WCAG 2.2 A/AA and best
// practices) on every page and state, in light and dark, at 320 and 1280 px,
// with no sideways overflow; and what axe cannot see: where focus lands,
// what the live region announces (once), border and focus-ring contrast
// computed from the styles, the Enter key, titles, and a keyboard-only run.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createSecret, launchBrowser, makeRequest, newContext, shot, startServer } from "./harness.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const VARIANTS = [
  { scheme: "light", width: 1280 },
  { scheme: "dark", width: 1280 },
  { scheme: "light", width: 320 },
  { scheme: "dark", width: 320 },
];

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

/** A context where axe can be injected (bypassCSP); the app is unchanged. */
async function axeContext() {
  return newContext(browser, { bypassCSP: true });
}

/** axe and the overflow check, in all four variants, on the page as it is. */
async function audit(page, name) {
  const failures = [];
  for (const { scheme, width } of VARIANTS) {
    // Reduced motion: no colour transitions half way through when axe looks.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(50);
    if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
    const result = await page.evaluate((tags) => axe.run(document, { runOnly: { type: "tag", values: tags } }), TAGS);
    for (const v of result.violations) {
      failures.push(`${name} ${scheme} ${width}px: ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .slice(0, 3).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1, 2).join("")}`).join("\n    ")}`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) failures.push(`${name} ${scheme} ${width}px: ${overflow}px of sideways overflow`);
    if (width === 320) await shot(page, `a11y-${name}-${scheme}-320`);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1100, height: 900 });
  return failures;
}

test("axe finds nothing on any page or state, light or dark, at 320 or 1280 px", async () => {
  const failures = [];
  const sender = await axeContext();
  const page = await sender.context.newPage();
  await page.goto(`${server.base}/`);
  await page.waitForSelector("#create");
  failures.push(...(await audit(page, "create")));

  await page.click("#create");
  await page.waitForSelector("#secret-error");
  failures.push(...(await audit(page, "create-errors")));

  await page.fill("#secret", "a11y secret");
  await page.fill("#passphrase", "a passphrase to check");
  await page.click("#suggest-passphrase");
  await page.waitForSelector("#suggestion");
  await page.selectOption("#expiry", "custom");
  failures.push(...(await audit(page, "create-filled")));
  await page.click("label[for=mode-file]");
  failures.push(...(await audit(page, "create-file")));
  await page.click("label[for=mode-text]");
  await page.fill("#secret", "a11y secret");
  await page.selectOption("#expiry", "3600");

  await page.click("#create");
  await page.waitForSelector("#share-link", { timeout: 30000 });
  failures.push(...(await audit(page, "created-passphrase")));
  const share = await page.inputValue("#share-link");
  const receipt = await page.inputValue("#receipt-link");

  const plain = await createSecret(page, server.base, { text: "no passphrase" });
  failures.push(...(await audit(page, "created")));

  const recipient = await axeContext();
  const reveal = await recipient.context.newPage();
  await reveal.goto(share);
  await reveal.waitForSelector("#reveal-passphrase");
  failures.push(...(await audit(reveal, "reveal-passphrase")));
  await reveal.fill("#reveal-passphrase", "wrong");
  await reveal.click("#reveal");
  await reveal.waitForSelector("#reveal-error");
  failures.push(...(await audit(reveal, "reveal-wrong")));
  await reveal.fill("#reveal-passphrase", "a passphrase to check");
  await reveal.click("#reveal");
  await reveal.waitForSelector("#secret-text", { timeout: 30000 });
  failures.push(...(await audit(reveal, "revealed")));
  await reveal.click("#clear");
  await reveal.waitForSelector("#cleared");
  failures.push(...(await audit(reveal, "cleared")));

  const other = await recipient.context.newPage();
  await other.goto(plain.share);
  await other.waitForSelector("#reveal");
  failures.push(...(await audit(other, "reveal")));
  await other.goto(share.replace(/\/[^/]+$/, "/AAAA"));
  await other.waitForSelector("#damaged");
  failures.push(...(await audit(other, "damaged")));
  await other.goto(`${server.base}/#/nowhere`);
  await other.waitForSelector("#not-found");
  failures.push(...(await audit(other, "not-found")));

  const third = await recipient.context.newPage();
  await third.goto(share);
  await third.waitForSelector("#gone");
  failures.push(...(await audit(third, "gone")));
  await third.reload();
  await third.waitForSelector("#key-removed");
  failures.push(...(await audit(third, "key-removed")));

  await page.goto(plain.receipt);
  await page.waitForSelector("#burn");
  failures.push(...(await audit(page, "receipt")));
  await page.click("#burn");
  await page.waitForSelector("#confirm-burn");
  failures.push(...(await audit(page, "receipt-confirm")));
  await page.click("#confirm-burn");
  await page.waitForFunction(() => document.querySelector("#receipt-state")?.textContent === "Destroyed");
  failures.push(...(await audit(page, "receipt-destroyed")));
  await page.goto(receipt);
  await page.waitForSelector("#receipt-state");
  failures.push(...(await audit(page, "receipt-viewed")));
  await page.goto(`${server.base}/`);
  await page.waitForSelector("#create");

  assert.deepEqual(failures, []);
  await sender.context.close();
  await recipient.context.close();
});

/** Starts recording what the live region announces. */
async function recordAnnouncements(page) {
  await page.waitForSelector("#announcer", { state: "attached" });
  await page.evaluate(() => {
    window.__announced = [];
    const region = document.getElementById("announcer");
    new MutationObserver(() => {
      const text = region.textContent;
      if (text) window.__announced.push(text);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
}
const announced = (page) => page.evaluate(() => window.__announced);

test("focus lands on what changed, and each change is announced once", async () => {
  const sender = await newContext(browser);
  const page = await sender.context.newPage();
  await page.goto(`${server.base}/`);
  await page.waitForSelector("#create");
  assert.equal(await page.title(), "Share a secret, once · self-destruct-o");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  // The live region exists, empty, before anything is announced.
  assert.equal(await page.textContent("#announcer"), "");
  await recordAnnouncements(page);

  // A field error is tied to its field, and the field gets the focus.
  await page.click("#create");
  await page.waitForSelector("#secret-error");
  assert.equal(await page.evaluate(() => document.activeElement.id), "secret");
  assert.equal(await page.getAttribute("#secret", "aria-describedby"), "secret-error");

  await page.fill("#secret", "focus and announcements");
  await page.fill("#passphrase", "a slow passphrase");
  await page.focus("#create");
  await page.keyboard.press("Enter");
  // The focused button became a progress indicator, which has the focus.
  await page.waitForSelector("#busy");
  assert.equal(await page.evaluate(() => document.activeElement.id), "busy");
  await page.waitForSelector("#share-link", { timeout: 30000 });
  assert.equal(await page.evaluate(() => document.activeElement.id), "created-title");
  assert.equal(await page.title(), "Your secret link is ready · self-destruct-o");
  await page.click("#share-link-copy");
  await page.waitForSelector("#share-link-copy.copied");
  await page.waitForTimeout(200);
  assert.deepEqual(await announced(page), [
    "Strengthening the passphrase…",
    "Uploading the encrypted secret…",
    "Copied to the clipboard.",
  ]);
  const share = await page.inputValue("#share-link");

  // A wrong passphrase: focus back in the field, described by the error.
  const recipient = await newContext(browser);
  const reveal = await recipient.context.newPage();
  await reveal.goto(share);
  await reveal.waitForSelector("#reveal-passphrase");
  assert.match(await reveal.textContent("#reveal-passphrase-hint"), /destroyed after 5 wrong passphrases/);
  await reveal.fill("#reveal-passphrase", "not it");
  await reveal.click("#reveal");
  await reveal.waitForSelector("#reveal-error");
  await reveal.waitForFunction(() => document.activeElement?.id === "reveal-passphrase");
  assert.match(await reveal.getAttribute("#reveal-passphrase", "aria-describedby"), /\breveal-error\b/);
  await reveal.fill("#reveal-passphrase", "a slow passphrase");
  await reveal.click("#reveal");
  await reveal.waitForSelector("#secret-text", { timeout: 30000 });
  await reveal.waitForFunction(() => document.activeElement?.id === "revealed-title");
  await reveal.click("#clear");
  await reveal.waitForFunction(() => document.activeElement?.id === "ending-title");

  // The receipt announces a change of state, not each refresh.
  const receipt = await createSecret(page, server.base, { text: "watch me" });
  await page.goto(receipt.receipt);
  await page.waitForSelector("#receipt-state");
  await page.waitForTimeout(300);
  await recordAnnouncements(page);
  await page.click("#refresh");
  await page.click("#refresh");
  await page.waitForTimeout(300);
  assert.deepEqual(await announced(page), []);
  const viewer = await recipient.context.newPage();
  await viewer.goto(receipt.share);
  await viewer.click("#reveal");
  await viewer.waitForSelector("#secret-text");
  await page.click("#refresh");
  await page.waitForFunction(() => document.querySelector("#receipt-state")?.textContent === "Viewed");
  await page.click("#refresh");
  await page.waitForTimeout(300);
  assert.deepEqual(await announced(page), ["Status: Viewed."]);
  assert.deepEqual([...sender.problems, ...recipient.problems], []);
  await sender.context.close();
  await recipient.context.close();
});

/** WCAG contrast ratio of two CSS colours (rgb/rgba strings). */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test("field borders and focus rings reach 3:1 in both themes", async () => {
  const { context } = await newContext(browser);
  const page = await context.newPage();
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${server.base}/`);
    await page.waitForSelector("#create");
    const fields = await page.evaluate(() => {
      const card = getComputedStyle(document.querySelector(".card")).backgroundColor;
      return [...document.querySelectorAll("input:not([type=radio]):not([type=file]), textarea, select")]
        .map((el) => ({ id: el.id, border: getComputedStyle(el).borderTopColor, card }));
    });
    assert.ok(fields.length >= 4);
    for (const f of fields) {
      const ratio = contrast(f.border, f.card);
      assert.ok(ratio >= 3, `${scheme}: #${f.id} border ${f.border} on ${f.card} is ${ratio.toFixed(2)}:1`);
    }
    for (const id of ["secret", "create", "expiry"]) {
      await page.focus(`#${id}`);
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      const ring = await page.evaluate((id) => {
        const s = getComputedStyle(document.getElementById(id));
        return { color: s.outlineColor, width: parseFloat(s.outlineWidth), style: s.outlineStyle };
      }, id);
      const card = await page.evaluate(() => getComputedStyle(document.querySelector(".card")).backgroundColor);
      assert.ok(ring.style !== "none" && ring.width >= 2, `${scheme}: #${id} has no focus ring`);
      assert.ok(contrast(ring.color, card) >= 3, `${scheme}: #${id} focus ring ${ring.color} is under 3:1`);
    }
    // A copy button in its "Copied" state keeps its text readable.
    await page.fill("#secret", "contrast");
    await page.click("#create");
    await page.waitForSelector("#share-link-copy");
    await page.click("#share-link-copy");
    await page.waitForSelector("#share-link-copy.copied");
    const copied = await page.evaluate(() => {
      const s = getComputedStyle(document.getElementById("share-link-copy"));
      return { fg: s.color, bg: s.backgroundColor };
    });
    assert.ok(contrast(copied.fg, copied.bg) >= 4.5, `${scheme}: "Copied" is ${contrast(copied.fg, copied.bg).toFixed(2)}:1`);
  }
  await context.close();
});

test("Enter on the passphrase's Show button shows it and costs no attempt", async () => {
  const sender = await newContext(browser);
  const page = await sender.context.newPage();
  const { share } = await createSecret(page, server.base, { text: "enter key", passphrase: "the right one" });
  const recipient = await newContext(browser);
  const reveal = await recipient.context.newPage();
  await reveal.goto(share);
  await reveal.waitForSelector("#reveal-passphrase");
  await reveal.focus("#reveal-passphrase");
  await reveal.keyboard.type("a wrong one");
  await reveal.keyboard.press("Tab");
  assert.equal(await reveal.evaluate(() => document.activeElement.id), "reveal-passphrase-toggle");
  assert.equal(await reveal.getAttribute("#reveal-passphrase-toggle", "aria-label"), "Show passphrase");
  await reveal.keyboard.press("Enter");
  await reveal.waitForTimeout(800);
  assert.equal(await reveal.getAttribute("#reveal-passphrase", "type"), "text");
  assert.equal(await reveal.getAttribute("#reveal-passphrase-toggle", "aria-label"), "Hide passphrase");
  assert.equal(recipient.requests.filter((r) => r.url.endsWith("/reveal")).length, 0, "Enter on Show sent a reveal");
  assert.equal(await reveal.locator("#reveal-error").count(), 0);
  await sender.context.close();
  await recipient.context.close();
});

/** Presses Tab until the element with `id` has focus. */
async function tabTo(page, id) {
  for (let i = 0; i < 60; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached #${id}`);
}

test("keyboard only: create, copy, reveal and destroy, no mouse", async () => {
  const sender = await newContext(browser);
  const page = await sender.context.newPage();
  await page.goto(`${server.base}/`);
  await page.waitForSelector("#create");
  await tabTo(page, "secret");
  await page.keyboard.type("keyboard only");
  await tabTo(page, "views");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("2");
  await tabTo(page, "create");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#share-link");
  await tabTo(page, "share-link-copy");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#share-link-copy.copied");
  const share = await page.evaluate(() => navigator.clipboard.readText());
  await tabTo(page, "receipt-link-copy");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#receipt-link-copy.copied");
  const receipt = await page.evaluate(() => navigator.clipboard.readText());

  const recipient = await newContext(browser);
  const reveal = await recipient.context.newPage();
  await reveal.goto(share);
  await reveal.waitForSelector("#reveal");
  await tabTo(reveal, "reveal");
  await reveal.keyboard.press("Enter");
  await reveal.waitForSelector("#secret-text");
  assert.equal(await reveal.inputValue("#secret-text"), "keyboard only");

  await page.goto(receipt);
  await page.waitForSelector("#burn");
  await tabTo(page, "burn");
  await page.keyboard.press("Enter");
  // The safe choice has the focus; cancel brings it back.
  await page.waitForFunction(() => document.activeElement?.id === "cancel-burn");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "burn");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "cancel-burn");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "confirm-burn");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#receipt-state")?.textContent === "Destroyed");
  await page.waitForFunction(() => document.activeElement?.id === "receipt-title");
  const late = await recipient.context.newPage();
  await late.goto(share);
  await late.waitForSelector("#gone");
  assert.deepEqual([...sender.problems, ...recipient.problems], []);
  await sender.context.close();
  await recipient.context.close();
});

test("axe finds nothing on the request pages, in every state, light or dark, at 320 or 1280 px", async () => {
  const failures = [];
  const asker = await axeContext();
  const page = await asker.context.newPage();
  await page.goto(`${server.base}/#/request`);
  await page.waitForSelector("#make-request");
  failures.push(...(await audit(page, "request-form")));
  await page.fill("#request-note", "x".repeat(1100));
  await page.click("#make-request");
  await page.waitForSelector("#request-note-error");
  failures.push(...(await audit(page, "request-form-error")));
  const { request, inbox } = await makeRequest(page, server.base, { note: "the build server's deploy key" });
  failures.push(...(await audit(page, "request-made")));

  const box = await asker.context.newPage();
  await box.goto(inbox);
  await box.waitForSelector("#withdraw");
  failures.push(...(await audit(box, "inbox-waiting")));

  const answerer = await axeContext();
  const answer = await answerer.context.newPage();
  await answer.goto(request);
  await answer.waitForSelector("#send-secret");
  failures.push(...(await audit(answer, "respond")));
  await answer.click("#send-secret");
  await answer.waitForSelector("#secret-error");
  failures.push(...(await audit(answer, "respond-error")));
  await answer.fill("#secret", "deploy key");
  await answer.click("#send-secret");
  await answer.waitForSelector("#sent", { timeout: 30000 });
  failures.push(...(await audit(answer, "respond-sent")));
  await answer.goto(request);
  await answer.waitForSelector("#answered");
  failures.push(...(await audit(answer, "respond-answered")));

  await box.click("#refresh");
  await box.waitForSelector("#collect");
  failures.push(...(await audit(box, "inbox-answered")));
  await box.click("#withdraw");
  await box.waitForSelector("#confirm-withdraw");
  failures.push(...(await audit(box, "inbox-confirm")));
  await box.click("#cancel-withdraw");
  await box.click("#collect");
  await box.waitForSelector("#secret-text", { timeout: 30000 });
  failures.push(...(await audit(box, "inbox-opened")));
  await box.goto(inbox);
  await box.waitForFunction(() => document.querySelector("#inbox-state")?.textContent === "Opened");
  failures.push(...(await audit(box, "inbox-opened-later")));
  await box.reload();
  await box.waitForSelector("#inbox-key-removed");
  failures.push(...(await audit(box, "inbox-key-removed")));

  const closed = await makeRequest(await asker.context.newPage(), server.base);
  await answer.goto(closed.inbox);
  await answer.click("#withdraw");
  await answer.click("#confirm-withdraw");
  await answer.waitForFunction(() => document.querySelector("#inbox-state")?.textContent === "Withdrawn");
  failures.push(...(await audit(answer, "inbox-withdrawn")));
  await answer.goto(closed.request);
  await answer.waitForSelector("#request-gone");
  failures.push(...(await audit(answer, "respond-closed")));
  await answer.reload();
  await answer.waitForSelector("#request-key-removed");
  failures.push(...(await audit(answer, "request-key-removed")));

  assert.deepEqual(failures, []);
  await asker.context.close();
  await answerer.context.close();
});

test("keyboard only: request, answer and open, no mouse", async () => {
  const asker = await newContext(browser);
  const page = await asker.context.newPage();
  await page.goto(`${server.base}/`);
  await page.waitForSelector("#create");
  await tabTo(page, "tab-request");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#make-request");
  await tabTo(page, "request-note");
  await page.keyboard.type("the Wi-Fi password");
  await tabTo(page, "make-request");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#request-link", { timeout: 30000 });
  // The new page's heading has the focus.
  await page.waitForFunction(() => document.activeElement?.id === "request-made-title");
  await tabTo(page, "request-link-copy");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#request-link-copy.copied");
  const request = await page.evaluate(() => navigator.clipboard.readText());
  await tabTo(page, "inbox-link-copy");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#inbox-link-copy.copied");
  const inbox = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(request, /#\/q\//);
  assert.match(inbox, /#\/i\//);

  const answerer = await newContext(browser);
  const answer = await answerer.context.newPage();
  await answer.goto(request);
  await answer.waitForSelector("#send-secret");
  await tabTo(answer, "secret");
  await answer.keyboard.type("correct horse");
  await tabTo(answer, "send-secret");
  await answer.keyboard.press("Enter");
  await answer.waitForSelector("#sent", { timeout: 30000 });
  await answer.waitForFunction(() => document.activeElement?.id === "ending-title");

  await page.goto(inbox);
  await page.waitForSelector("#collect");
  await tabTo(page, "collect");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#secret-text", { timeout: 30000 });
  assert.equal(await page.inputValue("#secret-text"), "correct horse");
  assert.deepEqual([...asker.problems, ...answerer.problems], []);
  await asker.context.close();
  await answerer.context.close();
});
