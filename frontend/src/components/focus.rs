//! Moving focus after a render: keyboard and screen reader users must land
//! on what changed, not on the page's start when the focused control
//! disappears.

use wasm_bindgen::JsCast;

/// Focuses the first element matching `selector` once the current render
/// is on the page.
pub fn focus_soon(selector: &'static str) {
    gloo_timers::callback::Timeout::new(0, move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    })
    .forget();
}

/// Whether focus has fallen back to the page itself (its control was
/// removed from the page).
pub fn focus_is_lost() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    match (document.active_element(), document.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.unchecked_ref::<web_sys::Element>(),
        (Some(_), None) => false,
    }
}
