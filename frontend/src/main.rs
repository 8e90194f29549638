//! The browser app's entry point (Trunk's main wasm): mounts [`App`] on
//! `<div id="app">`.

use sdo_frontend::app::App;

fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
