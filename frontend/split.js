// Appended to the create page's wasm-bindgen glue by scripts/frontend.sh:
// the loader of the code its first render does not run (frontend/split/,
// frontend/split.txt). `wasm` is the glue's own binding to the primary
// module's exports (undefined until the glue's init has run); SPLIT_FILE is
// the deferred half's hashed name.
//
// The deferred half is fetched on the visitor's first interaction (typing,
// a click or tap, a drop or a paste), which is before any of its code can
// run unless something calls it first; then the primary's stub loads it
// synchronously (__sdo_split_load), so the code always runs, only later.
const SPLIT_URL = new URL(SPLIT_FILE, import.meta.url);
const SPLIT_TRIGGERS = ["pointerdown", "keydown", "input", "paste", "dragenter", "click"];
let splitReady = false;
// A prefetch is under way (it ends in splitInstall, or in a retry later).
let splitFetching = false;
// The prefetched bytes while they compile: a call that needs the code then
// builds the module from them instead of fetching it again.
let splitBytes = null;
// A compiled module waiting for the glue's init (a tap while the first
// file was still downloading).
let splitModule = null;

function splitInstall(module) {
  if (splitReady) return;
  if (!wasm) {
    splitModule = module;
    return;
  }
  // Its element segment writes the deferred functions into the primary's
  // table; the stubs stop calling the loader once the flag is set.
  new WebAssembly.Instance(module, { primary: wasm });
  wasm.__sdo_split_loaded.value = 1;
  splitReady = true;
  splitBytes = splitModule = null;
  splitNotice(null);
}

function splitListen() {
  for (const type of SPLIT_TRIGGERS) {
    addEventListener(type, splitPrefetch, { capture: true, once: true, passive: true });
  }
}

function splitPrefetch() {
  if (splitReady || splitFetching || splitModule) return;
  splitFetching = true;
  fetch(SPLIT_URL)
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.arrayBuffer();
    })
    .then((bytes) => {
      splitBytes = bytes;
      return WebAssembly.compile(bytes);
    })
    .then(
      (module) => {
        splitBytes = null;
        splitInstall(module);
      },
      (error) => {
        // Offline, or the server has a newer build and no longer this
        // file: say so now, before more is typed, and try again on the
        // next interaction (a connection that comes back clears it).
        splitFetching = false;
        splitBytes = null;
        console.warn("could not fetch the rest of the app", error);
        splitNotice();
        splitListen();
      },
    );
}

function __sdo_split_load() {
  if (splitReady) return;
  if (splitModule || splitBytes) {
    splitInstall(splitModule || new WebAssembly.Module(splitBytes));
    return;
  }
  // What called it shows in the console (with names in a build made with
  // SDO_WASM_SPLIT_KEEP_NAMES=1): a candidate to take out of split.txt.
  console.info("deferred code ran before the first interaction", new Error().stack);
  // Synchronous, because a wasm call cannot wait. A binary body through a
  // synchronous request has to come as text with every byte one character.
  const request = new XMLHttpRequest();
  request.open("GET", SPLIT_URL, false);
  request.overrideMimeType("text/plain; charset=x-user-defined");
  try {
    request.send();
  } catch (error) {
    console.warn(error);
  }
  if (request.status !== 200) {
    // The call cannot go on without the code; what called it is left
    // half done, so the page has to be reloaded.
    splitNotice();
    throw new Error(`could not load the rest of the app (HTTP ${request.status})`);
  }
  const text = request.responseText;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  splitInstall(new WebAssembly.Module(bytes));
}

// An alert above the app (not in it: Yew owns #app's children), or none.
// Its words are the create page's hidden #sdo-split-failed (the message
// "split-failed" in the reader's language); English, like boot.js's, only
// if the app has not rendered yet.
function splitNotice(show = true) {
  document.getElementById("sdo-split-error")?.remove();
  if (!show) return;
  const box = document.createElement("div");
  box.id = "sdo-split-error";
  box.className = "alert error split-error";
  box.setAttribute("role", "alert");
  const text = document.createElement("p");
  text.textContent =
    document.getElementById("sdo-split-failed")?.textContent ||
    "Part of this page could not be loaded. Reload the page before you go on.";
  box.append(text);
  document.getElementById("app")?.before(box);
}

splitListen();
