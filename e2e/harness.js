// Shared setup for the end-to-end tests: the real sdo-server serving the
// release build (dist/) on a free port with a temporary data directory, and
// Debian's Chromium driven by playwright-core.

import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, "..");
export const artifacts = join(here, "artifacts");

export const CHROMIUM = process.env.SDO_CHROMIUM || "/usr/bin/chromium";
const SERVER = process.env.SDO_SERVER || join(root, "target/release/sdo-server");
const DIST = process.env.SDO_DIST || join(root, "dist");

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/**
 * Starts sdo-server; returns { base, stop, logs }. By default it serves
 * dist/ with --static-dir from a temporary data dir; `{ bin, cwd }` runs
 * another binary (a copy of the release one) in `cwd` on its own defaults.
 */
export async function startServer(extraArgs = [], { bin = SERVER, cwd } = {}) {
  const own = cwd === undefined;
  for (const [what, path] of [["sdo-server", bin], ...(own ? [["dist/index.html", join(DIST, "index.html")]] : [])]) {
    if (!existsSync(path)) throw new Error(`${what} not found at ${path}: run scripts/frontend.sh build`);
  }
  const port = await freePort();
  const dataDir = own ? mkdtempSync(join(tmpdir(), "sdo-e2e-")) : null;
  const args = [
    "--listen", `127.0.0.1:${port}`,
    ...(own ? ["--data-dir", dataDir, "--static-dir", DIST] : []),
    "--rate-limit", "0",
    "--log", "warn",
    ...extraArgs,
  ];
  const child = spawn(bin, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
  let logs = "";
  child.stderr.on("data", (d) => (logs += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sdo-server exited: ${logs}`);
    try {
      const r = await fetch(`${base}/api/v1/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`sdo-server did not start: ${logs}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    logs: () => logs,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/**
 * A fresh browser context (its own storage, history and clipboard), which
 * records every request and every CSP violation.
 */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1100, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const requests = [];
  const problems = [];
  context.on("request", async (request) => {
    const entry = { method: request.method(), url: request.url(), headers: {}, body: "" };
    requests.push(entry);
    try {
      entry.headers = await request.allHeaders();
    } catch {
      entry.headers = request.headers();
    }
    entry.body = request.postData() || "";
  });
  context.on("page", (page) => watchPage(page, problems));
  return { context, requests, problems };
}

function watchPage(page, problems) {
  page.on("console", (msg) => {
    const text = msg.text();
    if (/Content Security Policy|Refused to/i.test(text)) problems.push(`CSP: ${text}`);
    if (msg.type() === "error" && /panicked|RuntimeError|unreachable/i.test(text)) problems.push(`error: ${text}`);
    // frontend/split.js: the create page's deferred half did not arrive.
    if (/could not (fetch|load) the rest of the app/.test(text)) problems.push(`split: ${text}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
}

export async function shot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** Creates a secret through the UI; returns { share, receipt }. */
export async function createSecret(page, base, { text, passphrase, views, expiry, file, shots } = {}) {
  await page.goto(`${base}/`);
  await page.waitForSelector("#create");
  if (file) {
    await page.click("label[for=mode-file]");
    await page.setInputFiles("#file", file);
    await page.waitForSelector("#file-summary");
  } else {
    await page.fill("#secret", text);
  }
  if (passphrase) await page.fill("#passphrase", passphrase);
  if (views) await page.fill("#views", String(views));
  if (expiry) await page.selectOption("#expiry", String(expiry));
  if (shots) await shot(page, `${shots}-filled`);
  await page.click("#create");
  await page.waitForSelector("#share-link", { timeout: 30000 });
  if (shots) await shot(page, `${shots}-created`);
  return {
    share: await page.inputValue("#share-link"),
    receipt: await page.inputValue("#receipt-link"),
  };
}

/** The key in a share link (after `#/s/{id}/`). */
export function linkParts(share) {
  const m = share.match(/#\/s\/([A-Za-z0-9_-]{22})\/([A-Za-z0-9_-]{43})$/);
  if (!m) throw new Error(`not a share link: ${share}`);
  return { id: m[1], key: m[2] };
}

/** A value as it could appear on the wire, in every common encoding. */
export function encodings(value) {
  const bytes = Buffer.from(value, "utf8");
  return [
    value,
    encodeURIComponent(value),
    bytes.toString("base64"),
    bytes.toString("base64url"),
    bytes.toString("hex"),
    JSON.stringify(value).slice(1, -1),
  ];
}

/** What goes over the wire: a fragment is never sent (RFC 3986 §3.5). */
export function wireUrl(url) {
  const hash = url.indexOf("#");
  return hash === -1 ? url : url.slice(0, hash);
}

/** Makes a request through the UI; returns { request, inbox } links. */
export async function makeRequest(page, base, { note, shots } = {}) {
  await page.goto(`${base}/#/request`);
  await page.waitForSelector("#make-request");
  if (note) await page.fill("#request-note", note);
  if (shots) await shot(page, `${shots}-filled`);
  await page.click("#make-request");
  await page.waitForSelector("#request-link", { timeout: 30000 });
  if (shots) await shot(page, `${shots}-made`);
  return {
    request: await page.inputValue("#request-link"),
    inbox: await page.inputValue("#inbox-link"),
  };
}

/** The id and key of a request link (`#/q/`) or an inbox link (`#/i/`). */
export function requestParts(link) {
  const m = link.match(/#\/([qi])\/([A-Za-z0-9_-]{22})\/([A-Za-z0-9_-]{43})$/);
  if (!m) throw new Error(`not a request or inbox link: ${link}`);
  return { route: m[1], id: m[2], key: m[3] };
}
