//! Helpers for component tests: mount the app on a fresh element, fake the
//! network with a stub `fetch`, and wait for the DOM.

#![allow(dead_code)]

use std::time::Duration;

use js_sys::{Function, Reflect};
use sdo_frontend::api::Api;
use sdo_frontend::app::{App, AppProps};
use sdo_frontend::bundle::{All, Pages};
use sdo_frontend::config::Limits;
use sdo_frontend::i18n::{ENGLISH, I18n, Lang};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

pub fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

pub fn document() -> web_sys::Document {
    window().document().unwrap()
}

pub fn origin() -> String {
    window().location().origin().unwrap()
}

/// The app, mounted at `hash`, on its own element.
pub struct Mounted {
    pub root: Element,
    destroy: Option<Box<dyn FnOnce()>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(destroy) = self.destroy.take() {
            destroy();
        }
        self.root.remove();
    }
}

impl Mounted {
    pub fn query(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).ok().flatten()
    }

    pub fn get(&self, selector: &str) -> Element {
        self.query(selector)
            .unwrap_or_else(|| panic!("no {selector} in: {}", self.root.inner_html()))
    }

    pub fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    /// A script's click (`element.click()`): `isTrusted` is false.
    pub fn click(&self, selector: &str) {
        self.get(selector).unchecked_into::<HtmlElement>().click();
    }

    /// Sets a field's value as typing would, and fires `input`.
    pub fn type_into(&self, selector: &str, value: &str) {
        let el = self.get(selector);
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            input.set_value(value);
        } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value(value);
        }
        let init = EventInit::new();
        init.set_bubbles(true);
        let event = Event::new_with_event_init_dict("input", &init).unwrap();
        el.dispatch_event(&event).unwrap();
    }

    pub fn value(&self, selector: &str) -> String {
        let el = self.get(selector);
        Reflect::get(&el, &"value".into())
            .unwrap()
            .as_string()
            .unwrap_or_default()
    }

    pub async fn wait_for(&self, selector: &str) -> Element {
        let what = format!("{selector} to appear");
        wait_until(
            &what,
            || self.query(selector).is_some(),
            || self.root.inner_html(),
        )
        .await;
        self.get(selector)
    }

    pub async fn wait_for_text(&self, needle: &str) {
        let what = format!("the text {needle:?}");
        wait_until(&what, || self.text().contains(needle), || self.text()).await;
    }
}

/// Mounts the app as if the address were `hash`, talking to `api`.
pub async fn mount(hash: &str, api: Api) -> Mounted {
    mount_with(hash, api, Some(Limits::default())).await
}

/// Mounts the app with these server limits (`None`: it fetches them).
pub async fn mount_with(hash: &str, api: Api, limits: Option<Limits>) -> Mounted {
    mount_bundle::<All>(hash, api, limits).await
}

/// Mounts the app as one bundle (`P`'s pages only) would.
pub async fn mount_bundle<P: Pages>(hash: &str, api: Api, limits: Option<Limits>) -> Mounted {
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(hash))
        .unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App<P>>::with_root_and_props(
        root.clone(),
        AppProps {
            i18n: I18n::parse(Lang::En, ENGLISH.into()).unwrap(),
            api: Some(api),
            limits,
        },
    )
    .render();
    sleep(10).await;
    Mounted {
        root,
        destroy: Some(Box::new(move || handle.destroy())),
    }
}

pub async fn sleep(ms: u64) {
    gloo_timers::future::sleep(Duration::from_millis(ms)).await;
}

pub async fn wait_until(what: &str, done: impl Fn() -> bool, state: impl Fn() -> String) {
    for _ in 0..250 {
        if done() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}; now: {}", state());
}

/// One canned answer: requests whose method matches and whose path contains
/// `path` get `status` and `body`.
pub struct Route<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub status: u16,
    pub body: String,
}

#[derive(Debug, Deserialize)]
pub struct Call {
    pub method: String,
    pub path: String,
    pub auth: String,
    pub body: String,
}

const STUB: &str = r#"
if (!window.__sdoRealFetch) { window.__sdoRealFetch = window.fetch; }
const routes = JSON.parse(routesJson);
window.__sdoCalls = [];
window.fetch = async (input, init) => {
  const req = new Request(input, init);
  const url = new URL(req.url);
  const body = (req.method === "GET" || req.method === "HEAD") ? "" : await req.text();
  window.__sdoCalls.push({ method: req.method, path: url.pathname,
                           auth: req.headers.get("authorization") || "", body });
  for (const r of routes) {
    if (r.method === req.method && url.pathname.includes(r.path)) {
      return new Response(r.body, { status: r.status, headers: { "content-type": "application/json" } });
    }
  }
  return new Response('{"error":"not_found","message":"not found"}',
                      { status: 404, headers: { "content-type": "application/json" } });
};
"#;

/// Replaces `window.fetch` with canned answers and records every call.
pub fn stub_fetch(routes: &[Route<'_>]) {
    let json = serde_json::to_string(
        &routes
            .iter()
            .map(|r| {
                serde_json::json!({
                    "method": r.method, "path": r.path, "status": r.status, "body": r.body
                })
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    Function::new_with_args("routesJson", STUB)
        .call1(&JsValue::NULL, &JsValue::from_str(&json))
        .unwrap();
}

/// Puts the browser's own `fetch` back.
pub fn restore_fetch() {
    Function::new_no_args("if (window.__sdoRealFetch) { window.fetch = window.__sdoRealFetch; }")
        .call0(&JsValue::NULL)
        .unwrap();
}

pub fn calls() -> Vec<Call> {
    let raw = Reflect::get(&window(), &"__sdoCalls".into()).unwrap();
    let text = js_sys::JSON::stringify(&raw).unwrap().as_string().unwrap();
    serde_json::from_str(&text).unwrap()
}
