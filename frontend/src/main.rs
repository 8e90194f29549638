//! The browser app's entry point (Trunk's main wasm): fetches the
//! preferred language's messages and the server's limits together, then
//! mounts [`App`] on `<div id="app">`.

use sdo_frontend::api::Api;
use sdo_frontend::app::{App, AppProps};
use sdo_frontend::i18n::{self, I18n, Lang};

/// Shown only if no message file can be loaded at all, so in English.
const NO_MESSAGES: &str =
    "self-destruct-o could not load its texts. Check your connection and reload the page.";

fn main() {
    wasm_bindgen_futures::spawn_local(async {
        let preferred = i18n::preferred();
        // The limits decide what the first page offers (a request form
        // only where the server takes requests); without them the app
        // asks again after mounting.
        let api = Api::default();
        let (messages, limits) = futures::join!(I18n::fetch(preferred), api.config());
        // A missing or broken translation falls back to English rather
        // than leaving the page blank.
        let loaded = match messages {
            Ok(loaded) => Ok(loaded),
            Err(_) if preferred != Lang::En => I18n::fetch(Lang::En).await,
            Err(e) => Err(e),
        };
        let document = web_sys::window().and_then(|w| w.document());
        let root = document.as_ref().and_then(|d| d.get_element_by_id("app"));
        let Ok(messages) = loaded else {
            if let Some(root) = root {
                root.set_text_content(Some(NO_MESSAGES));
            }
            return;
        };
        i18n::apply_to_document(messages.lang());
        let props = AppProps {
            i18n: messages,
            api: None,
            limits: limits.ok(),
        };
        match root {
            Some(root) => yew::Renderer::<App>::with_root_and_props(root, props).render(),
            None => yew::Renderer::<App>::with_props(props).render(),
        };
    });
}
