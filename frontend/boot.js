// Starts the app without an inline script, which the server's CSP
// (script-src 'self') forbids. Trunk writes the hashed file names into this
// tag's data attributes (Trunk.toml, pattern_script).
const tag = document.getElementById("sdo-boot");
try {
  const { default: init } = await import(tag.dataset.js);
  await init({ module_or_path: tag.dataset.wasm });
} catch (error) {
  const app = document.getElementById("app");
  app.replaceChildren();
  const box = document.createElement("div");
  box.className = "card boot-error";
  box.setAttribute("role", "alert");
  box.textContent =
    "The app could not start: this browser needs JavaScript modules and WebAssembly. " +
    "Try an up-to-date Firefox, Chrome, Safari or Edge, or reload the page.";
  app.append(box);
  console.error(error);
}
