// Argon2id in headless Chromium, measured through the shipped release
// build: the time from a click on "Reveal" to the reveal request leaving
// the browser is the worker's Argon2id (m=65536 KiB, t=3, p=1, the
// default) plus a postMessage round trip. Run: node e2e/bench-argon2.js [N]

import { createSecret, launchBrowser, newContext, startServer } from "./harness.js";

const runs = Number(process.argv[2] || 10);
const server = await startServer(["--max-attempts", String(runs + 5)]);
const browser = await launchBrowser();
try {
  const sender = await newContext(browser);
  const page = await sender.context.newPage();
  const { share } = await createSecret(page, server.base, { text: "bench", passphrase: "the right one" });
  const recipient = await newContext(browser);
  const reveal = await recipient.context.newPage();
  await reveal.goto(share);
  await reveal.waitForSelector("#reveal-passphrase");
  const times = [];
  for (let i = 0; i <= runs; i++) {
    await reveal.fill("#reveal-passphrase", `wrong ${i}`);
    const sent = reveal.waitForRequest((r) => r.url().endsWith("/reveal"));
    const start = Date.now();
    await reveal.click("#reveal");
    await sent;
    const ms = Date.now() - start;
    await reveal.waitForSelector("#reveal-error");
    // The first includes downloading and compiling the worker.
    if (i === 0) console.log(`cold (worker load + Argon2id): ${ms} ms`);
    else times.push(ms);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const version = browser.version();
  console.log(`Chromium ${version}, ${runs} warm runs: median ${median} ms, min ${times[0]} ms, max ${times.at(-1)} ms`);
} finally {
  await browser.close();
  await server.stop();
}
