//! "Notify me when…": a browser notification when a page that polls (the
//! receipt, a request's inbox) sees the change the user waits for, only
//! after the user opted in and the browser granted permission. It says
//! nothing about the secret.

use std::cell::Cell;

use wasm_bindgen_futures::JsFuture;
use web_sys::{Notification, NotificationOptions, NotificationPermission};
use yew::prelude::*;

use crate::i18n::{I18n, use_i18n};

thread_local! {
    /// Opted in on this page (not remembered: each receipt asks again).
    static WANTED: Cell<bool> = const { Cell::new(false) };
}

/// Shows the notification with these message ids, if the user asked for
/// it on this page.
pub fn notify(i18n: &I18n, title_id: &str, body_id: &str) {
    if !WANTED.get() || Notification::permission() != NotificationPermission::Granted {
        return;
    }
    let options = NotificationOptions::new();
    options.set_body(&i18n.t(body_id));
    options.set_lang(i18n.lang().code());
    let _ = Notification::new_with_options(&i18n.t(title_id), &options);
}

fn supported() -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w, &"Notification".into()).unwrap_or(false))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Off,
    On,
    Blocked,
}

#[derive(Debug, Properties, PartialEq)]
pub struct NotifyToggleProps {
    /// "Notify me when it is viewed", "… when it is answered".
    pub label: AttrValue,
}

#[function_component(NotifyToggle)]
pub fn notify_toggle(props: &NotifyToggleProps) -> Html {
    let i18n = use_i18n();
    let status = use_state(|| {
        if WANTED.get() {
            Status::On
        } else {
            Status::Off
        }
    });
    if !supported() {
        return html! { <p class="hint" id="notify-unsupported">{ i18n.t("notify-unsupported") }</p> };
    }
    let onchange = {
        let status = status.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            if !on {
                WANTED.set(false);
                status.set(Status::Off);
                return;
            }
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let granted = match Notification::request_permission() {
                    Ok(promise) => JsFuture::from(promise)
                        .await
                        .ok()
                        .and_then(|v| v.as_string())
                        .is_some_and(|p| p == "granted"),
                    Err(_) => false,
                };
                WANTED.set(granted);
                status.set(if granted { Status::On } else { Status::Blocked });
            });
        })
    };
    html! {
        <div class="field">
            <div class="check">
                <input type="checkbox" id="notify" checked={*status == Status::On} {onchange}
                       aria-describedby={if *status == Status::Blocked { "notify-blocked" } else { "notify-hint" }} />
                <label for="notify">{ props.label.clone() }</label>
            </div>
            if *status == Status::Blocked {
                <p class="field-error" id="notify-blocked" role="alert">{ i18n.t("notify-blocked") }</p>
            } else {
                <p class="hint" id="notify-hint">{ i18n.t("notify-hint") }</p>
            }
        </div>
    }
}
