//! Tells a person's click from a script's.
//!
//! Some mail scanners and link previewers run the page's JavaScript and
//! click its buttons. Their clicks are synthetic: `event.isTrusted` is false
//! for `element.click()` and `dispatchEvent`, and `navigator.userActivation`
//! (where the browser has it) is only active right after real input.

use js_sys::Reflect;
use wasm_bindgen::JsValue;
use web_sys::Event;

/// True only for an event the browser made from real input, while the page
/// has transient user activation (when the browser reports it).
pub fn is_trusted_gesture(event: &Event) -> bool {
    event.is_trusted() && user_activation_is_active().unwrap_or(true)
}

/// `navigator.userActivation.isActive`, or `None` where the browser lacks
/// the API (then `isTrusted` alone decides).
pub fn user_activation_is_active() -> Option<bool> {
    user_activation("isActive")
}

/// Whether the person has used this page at all yet
/// (`navigator.userActivation.hasBeenActive`; true where unknown).
pub fn page_has_been_used() -> bool {
    user_activation("hasBeenActive").unwrap_or(true)
}

fn user_activation(field: &str) -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let activation = Reflect::get(&navigator, &JsValue::from_str("userActivation")).ok()?;
    if !activation.is_object() {
        return None;
    }
    Reflect::get(&activation, &JsValue::from_str(field))
        .ok()?
        .as_bool()
}
