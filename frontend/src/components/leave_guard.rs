//! "Leave this page?" before the tab is closed or reloaded while the page
//! holds something that cannot be had again (a receipt or inbox link never
//! copied, a revealed secret).

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use yew::prelude::*;

/// Guards the page while it is mounted; setting the returned flag to `true`
/// (the link was copied, say) lets the tab go without asking.
#[hook]
pub fn use_leave_guard() -> Rc<Cell<bool>> {
    let released = use_memo((), |_| Cell::new(false));
    {
        let released = released.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new_with_options(
                    &w,
                    "beforeunload",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        if !released.get() {
                            event.prevent_default();
                            // Older browsers want a returnValue too.
                            let _ = js_sys::Reflect::set(event, &"returnValue".into(), &"".into());
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }
    released
}

/// Asks before throwing the page's state away in-app ("create another"),
/// unless it is released; `true` means go ahead.
pub fn confirm_leave(released: &Cell<bool>, question: &str) -> bool {
    released.get()
        || web_sys::window()
            .and_then(|w| w.confirm_with_message(question).ok())
            .unwrap_or(true)
}
