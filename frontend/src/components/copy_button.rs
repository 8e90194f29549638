//! A copy-to-clipboard button that says whether it worked.
//!
//! The async Clipboard API needs a secure context (https or localhost);
//! elsewhere it falls back to `document.execCommand("copy")` on a
//! temporary, off-screen textarea.

use gloo_timers::callback::Timeout;
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::announce;
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// What to copy.
    pub text: AttrValue,
    /// The button's text; "Copy" by default.
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// What the button copies, for screen readers ("Copy the share link").
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    #[prop_or_default]
    pub primary: bool,
    /// Told after a successful copy.
    #[prop_or_default]
    pub oncopied: Callback<()>,
}

redacted_debug!(CopyButtonProps);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Idle,
    Done,
    Failed,
}

#[function_component(CopyButton)]
pub fn copy_button(props: &CopyButtonProps) -> Html {
    let i18n = use_i18n();
    let state = use_state(|| Copied::Idle);
    let timer = use_mut_ref(|| None::<Timeout>);
    let onclick = {
        let state = state.clone();
        let text = props.text.clone();
        let oncopied = props.oncopied.clone();
        let (done, failed) = (
            i18n.t("copied-announcement"),
            i18n.t("copy-failed-announcement"),
        );
        Callback::from(move |_: MouseEvent| {
            let state = state.clone();
            let timer = timer.clone();
            let text = text.clone();
            let (done, failed) = (done.clone(), failed.clone());
            let oncopied = oncopied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = copy_text(&text).await;
                if ok {
                    oncopied.emit(());
                }
                // The button's own text changes too, but a changed label
                // is not announced; the live region is.
                announce(if ok { &done } else { &failed });
                state.set(if ok { Copied::Done } else { Copied::Failed });
                let reset = state.clone();
                *timer.borrow_mut() = Some(Timeout::new(2_500, move || reset.set(Copied::Idle)));
            });
        })
    };
    let label = match *state {
        Copied::Idle => props
            .label
            .as_ref()
            .map_or_else(|| i18n.t("copy"), ToString::to_string),
        Copied::Done => format!("{} ✓", i18n.t("copied")),
        Copied::Failed => i18n.t("copy-failed"),
    };
    let class = classes!(
        "btn",
        if props.primary {
            "btn-primary"
        } else {
            "btn-secondary"
        },
        (*state == Copied::Done).then_some("copied")
    );
    html! {
        <button type="button" class={class} id={props.id.clone()}
                aria-label={(*state == Copied::Idle).then(|| props.aria_label.clone()).flatten()}
                {onclick}>
            { label }
        </button>
    }
}

/// Copies `text` to the clipboard; false if the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let clipboard = Reflect::get(&navigator, &JsValue::from_str("clipboard")).unwrap_or_default();
    if clipboard.is_object() {
        let promise = navigator.clipboard().write_text(text);
        if JsFuture::from(promise).await.is_ok() {
            return true;
        }
    }
    copy_with_exec_command(text)
}

fn copy_with_exec_command(text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let (Ok(element), Some(body)) = (document.create_element("textarea"), document.body()) else {
        return false;
    };
    let area: HtmlTextAreaElement = element.unchecked_into();
    area.set_value(text);
    area.set_class_name("offscreen");
    area.set_read_only(true);
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let ok = Reflect::get(&document, &JsValue::from_str("execCommand"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(&document, &JsValue::from_str("copy")).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    area.remove();
    ok
}
