// Argon2id (m = 65536 KiB, t = 3, p = 1, the default) in headless Chromium:
// the shipped release build against hash-wasm (npm), alternating in one
// browser so that both see the same load. Run from a built tree:
//
//   node e2e/bench-argon2.js [N]      # N rounds, 15 by default
//
// The app: a secret with a passphrase, then wrong passphrases on its reveal
// page; a run is the time from the click on "Reveal" to the start of the
// reveal request (Resource Timing), i.e. a postMessage to the app's worker,
// Argon2id, the reply and HKDF. hash-wasm: its argon2id() in a dedicated
// Worker of a blank page, from postMessage to the reply. Both are timed with
// performance.now() inside the page, so neither carries the DevTools
// protocol's latency. Rounds alternate which of the two goes first.
//
// Prints the medians, min/max and app/hash-wasm, and exits 1 if the median
// of the per-round ratios is above MAX_RATIO (a script, not a test: the
// figures go in docs/BENCHMARKS.md).

import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { createRequire } from "node:module";
import { createSecret, launchBrowser, newContext, startServer } from "./harness.js";

const MAX_RATIO = 0.8;
const M_KIB = 65536;
const T = 3;
const P = 1;

const rounds = Number(process.argv[2] || 15);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error("usage: node e2e/bench-argon2.js [rounds]");
  process.exit(2);
}
const hashWasmSource = readFileSync(
  createRequire(import.meta.url).resolve("hash-wasm/dist/argon2.umd.min.js"),
  "utf8",
);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const fmt = (ms) => ms.toFixed(0);
const summary = (xs) =>
  `median ${fmt(median(xs))} ms (min ${fmt(Math.min(...xs))}, max ${fmt(Math.max(...xs))})`;

/** The app's reveal page, ready for wrong passphrases. */
async function appRunner(browser, base) {
  const sender = await newContext(browser);
  const page = await sender.context.newPage();
  const { share } = await createSecret(page, base, { text: "bench", passphrase: "the right one" });
  await sender.context.close();
  const recipient = await newContext(browser);
  const reveal = await recipient.context.newPage();
  await reveal.goto(share);
  await reveal.waitForSelector("#reveal-passphrase");
  let i = 0;
  return async () => {
    await reveal.fill("#reveal-passphrase", `wrong ${i++}`);
    const answered = reveal.waitForResponse((r) => r.url().endsWith("/reveal"));
    // The app ignores untrusted (script) clicks, so this is Playwright's
    // input event; the clock starts at the event's own timestamp.
    await reveal.evaluate(() => {
      performance.clearResourceTimings();
      document.addEventListener("click", (e) => (window.sdoBenchStart = e.timeStamp), { capture: true, once: true });
    });
    await reveal.click("#reveal");
    await answered;
    const ms = await reveal.evaluate(async () => {
      for (;;) {
        const entry = performance
          .getEntriesByType("resource")
          .find((e) => new URL(e.name).pathname.endsWith("/reveal"));
        if (entry) return entry.startTime - window.sdoBenchStart;
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    await reveal.waitForSelector("#reveal-error");
    await reveal.waitForSelector("#reveal");
    return ms;
  };
}

/** hash-wasm's argon2id in a Worker of a blank page (no CSP there). */
async function hashWasmRunner(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.evaluate((source) => {
    const worker = `${source}
      self.onmessage = async (e) => {
        const start = performance.now();
        await self.hashwasm.argon2id({ ...e.data, outputType: "binary" });
        self.postMessage(performance.now() - start);
      };`;
    window.sdoBenchWorker = new Worker(URL.createObjectURL(new Blob([worker], { type: "text/javascript" })));
  }, hashWasmSource);
  let i = 0;
  return async () => {
    const password = `wrong ${i++}`;
    return page.evaluate(
      ({ password, m, t, p }) =>
        new Promise((resolve, reject) => {
          const worker = window.sdoBenchWorker;
          const salt = crypto.getRandomValues(new Uint8Array(16));
          const start = performance.now();
          worker.onmessage = () => resolve(performance.now() - start);
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage({ password, salt, parallelism: p, iterations: t, memorySize: m, hashLength: 32 });
        }),
      { password, m: M_KIB, t: T, p: P },
    );
  };
}

const server = await startServer(["--max-attempts", String(rounds + 5)]);
const browser = await launchBrowser();
let failed = false;
try {
  const load = loadavg().map((x) => x.toFixed(2)).join(" ");
  const app = await appRunner(browser, server.base);
  const hashWasm = await hashWasmRunner(browser);
  // The first of each includes loading and compiling the wasm.
  console.log(`cold: app ${fmt(await app())} ms, hash-wasm ${fmt(await hashWasm())} ms`);
  const appMs = [];
  const hwMs = [];
  const ratios = [];
  for (let r = 0; r < rounds; r++) {
    let a, h;
    if (r % 2 === 0) {
      a = await app();
      h = await hashWasm();
    } else {
      h = await hashWasm();
      a = await app();
    }
    appMs.push(a);
    hwMs.push(h);
    ratios.push(a / h);
    console.log(`round ${r + 1}: app ${fmt(a)} ms, hash-wasm ${fmt(h)} ms, ratio ${(a / h).toFixed(2)}`);
  }
  const ratio = median(ratios);
  console.log(`Chromium ${browser.version()}, Argon2id m=${M_KIB} KiB t=${T} p=${P}, ${rounds} rounds`);
  console.log(`load average before: ${load}, after: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  console.log(`app (worker):       ${summary(appMs)}`);
  console.log(`hash-wasm (worker): ${summary(hwMs)}`);
  console.log(
    `app / hash-wasm: ${ratio.toFixed(2)} median of rounds ` +
      `(${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}), ` +
      `${(median(appMs) / median(hwMs)).toFixed(2)} of the medians; goal <= ${MAX_RATIO}`,
  );
  failed = ratio > MAX_RATIO;
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
