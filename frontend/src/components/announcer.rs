//! Announcements for screen readers: progress, copy results, a receipt's
//! new state. One polite live region, rendered by the app shell from the
//! start; each call replaces its text, so each is read once.

use std::cell::RefCell;

use gloo_timers::callback::Timeout;

/// The live region's element id (see `app.rs`).
pub const ANNOUNCER_ID: &str = "announcer";

thread_local! {
    /// The announcement about to be made; a newer one replaces it, so a
    /// step that lasted a moment is not read after the one that followed.
    static PENDING: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

/// Says `text` once to screen readers.
pub fn announce(text: &str) {
    let Some(region) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ANNOUNCER_ID))
    else {
        return;
    };
    // Emptying first, then filling on the next task, makes a repeated
    // message ("Copied", twice) a change that is read again.
    region.set_text_content(None);
    let text = text.to_owned();
    let timeout = Timeout::new(50, move || region.set_text_content(Some(&text)));
    // Dropping the previous timeout cancels it.
    PENDING.with(|p| p.replace(Some(timeout)));
}
