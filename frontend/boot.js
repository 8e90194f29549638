// Starts the app without an inline script, which the server's CSP
// (script-src 'self') forbids. Trunk writes the main bundle's hashed file
// names into this tag's data attributes (Trunk.toml, pattern_script), and
// scripts/frontend.sh those of the other bundles (data-reveal-*,
// data-rest-*).
//
// The app is three wasm bundles (frontend/src/bundle.rs has the same
// table): a first load fetches only the one its address needs.
const tag = document.getElementById("sdo-boot");
const BUNDLES = { s: "reveal", r: "rest", request: "rest", q: "rest", i: "rest" };

function bundleOf(hash) {
  // As the app's router reads it: any number of leading slashes.
  const segment = hash.replace(/^#\/*/, "").split("/")[0];
  const name = BUNDLES[segment];
  // A development build (trunk serve) has only the main bundle, which
  // then carries every page.
  return name && tag.dataset[`${name}Js`] ? name : "main";
}

const bundle = bundleOf(location.hash);

// An address of another bundle reloads the page into that bundle. The
// app's own listener (added after this one) never sees it: it would read
// and scrub a key that is the other bundle's, and show "not found" while
// the page reloads. If the person stays instead (a page that asks before
// it is left), the address goes back to the one they stayed on, so the
// other link's key does not sit in the address bar and the history.
window.addEventListener("hashchange", (event) => {
  if (bundleOf(location.hash) === bundle) return;
  event.stopImmediatePropagation();
  const stay = () => history.replaceState(history.state, "", event.oldURL);
  if (window.navigation?.reload) {
    navigation.reload().committed.catch(stay);
  } else {
    location.reload();
  }
});
// The page after such a reload is a new one: it starts at the top.
history.scrollRestoration = "manual";

// The app's languages, picked as frontend/src/i18n/mod.rs picks them: the
// remembered choice, else the first of the browser's languages we have.
const LANGUAGES = ["en", "de", "fr", "es", "ja", "ar"];
const ENGLISH =
  "The app could not start: this browser needs JavaScript modules and WebAssembly. " +
  "Try an up-to-date Firefox, Chrome, Safari or Edge, or reload the page.";

function preferredLanguage() {
  const primary = (tag) => String(tag).split(/[-_]/)[0].toLowerCase();
  let stored = null;
  try {
    stored = localStorage.getItem("sdo-lang");
  } catch {
    // Storage refused (private mode, policy): as if nothing was chosen.
  }
  const tags = [stored, ...(navigator.languages ?? [navigator.language])];
  return tags.filter(Boolean).map(primary).find((code) => LANGUAGES.includes(code)) ?? "en";
}

// The message in the reader's language, from the same file the app reads
// (locales/*.ftl, its one line `boot-failed = ...`), and that language; in
// English (the copy above, which an e2e test holds to en.ftl's) when the
// file cannot be fetched either, as when the connection is what failed.
async function bootFailedMessage() {
  const code = preferredLanguage();
  try {
    // A stalled connection must not keep the alert away for long.
    const response = await fetch(new URL(`locales/${code}.ftl`, document.baseURI), {
      signal: AbortSignal.timeout?.(3000),
    });
    const line = response.ok && (await response.text()).match(/^boot-failed = (.+)$/m);
    if (line) return { code, text: line[1] };
  } catch {
    // Offline, too slow, or the server is gone: the English copy.
  }
  return { code: "en", text: ENGLISH };
}

async function showBootFailure() {
  const { code, text } = await bootFailedMessage();
  const app = document.getElementById("app");
  app.replaceChildren();
  const box = document.createElement("div");
  box.className = "card boot-error";
  box.setAttribute("role", "alert");
  box.lang = code;
  box.dir = code === "ar" ? "rtl" : "ltr";
  box.textContent = text;
  app.append(box);
}

try {
  const js = bundle === "main" ? tag.dataset.js : tag.dataset[`${bundle}Js`];
  const wasm = bundle === "main" ? tag.dataset.wasm : tag.dataset[`${bundle}Wasm`];
  // The wasm download starts now, beside the glue's.
  const module = fetch(wasm);
  const { default: init } = await import(js);
  await init({ module_or_path: module });
} catch (error) {
  console.error(error);
  await showBootFailure();
}
