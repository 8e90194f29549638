//! The create page (`#/`): the secret (text or a small file), an optional
//! passphrase, expiry and views; then the links.

mod expiry;
mod file_picker;
mod submit;

use std::rc::Rc;

use sdo_shared::api::MAX_VIEWS_LIMIT;
use sdo_shared::payload::{MAX_PADDED_LEN, Payload};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

pub use expiry::{Expiry, ExpiryPicker};
pub use file_picker::{FilePicker, PickedFile, max_file_len};
pub use submit::{Stage, Submission, app_origin, prepare_without_passphrase};

use crate::api::Api;
use crate::components::{Alert, AlertKind, Busy, PassphraseInput};
use crate::pages::{Created, CreatedView};
use crate::{humanize, worker};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Text,
    File,
}

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Editing,
    Working(Stage),
    Done(Rc<Created>),
}

/// Field errors, shown next to their fields.
#[derive(Debug, Clone, Default, PartialEq)]
struct Errors {
    secret: Option<String>,
    expiry: Option<String>,
    views: Option<String>,
    submit: Option<String>,
}

#[function_component(CreatePage)]
pub fn create_page() -> Html {
    let api = use_context::<Api>().unwrap_or_default();
    let mode = use_state(|| Mode::Text);
    let text = use_state(String::new);
    let file = use_state(|| None::<PickedFile>);
    let passphrase = use_state(String::new);
    let expiry = use_state(Expiry::default);
    let views = use_state(|| "1".to_owned());
    let errors = use_state(Errors::default);
    let phase = use_state(|| Phase::Editing);
    let warmed = use_mut_ref(|| false);

    if let Phase::Done(created) = &*phase {
        let onreset = {
            let phase = phase.clone();
            Callback::from(move |_| phase.set(Phase::Editing))
        };
        return html! { <CreatedView created={created.clone()} {onreset} /> };
    }

    let onsubmit = {
        let (mode, text, file, passphrase) =
            (mode.clone(), text.clone(), file.clone(), passphrase.clone());
        let (expiry, views, errors, phase) =
            (expiry.clone(), views.clone(), errors.clone(), phase.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if matches!(*phase, Phase::Working(_)) {
                return;
            }
            let mut found = Errors::default();
            let payload = match *mode {
                Mode::Text if text.trim().is_empty() => {
                    found.secret = Some("Write the secret to share.".into());
                    None
                }
                Mode::Text => Some(Payload::text((*text).clone())),
                Mode::File => match &*file {
                    None => {
                        found.secret = Some("Choose a file to share.".into());
                        None
                    }
                    Some(f) => Some(Payload::file(
                        f.name.clone(),
                        f.mime.clone(),
                        f.data.to_vec(),
                    )),
                },
            };
            if let Some(p) = &payload
                && p.padded_len() > MAX_PADDED_LEN
            {
                found.secret = Some(format!(
                    "The secret is too long: the limit is about {}.",
                    humanize::bytes(MAX_PADDED_LEN)
                ));
            }
            let ttl_secs = expiry.seconds().map_err(|e| found.expiry = Some(e)).ok();
            let max_views = match views.trim().parse::<u32>() {
                Ok(n) if (1..=MAX_VIEWS_LIMIT).contains(&n) => Some(n),
                _ => {
                    found.views = Some(format!(
                        "Enter a number of views from 1 to {MAX_VIEWS_LIMIT}."
                    ));
                    None
                }
            };
            let secret_ok = found.secret.is_none();
            let (Some(payload), Some(ttl_secs), Some(max_views), true) =
                (payload, ttl_secs, max_views, secret_ok)
            else {
                errors.set(found);
                focus_first_invalid();
                return;
            };
            errors.set(Errors::default());
            let submission = Submission {
                payload,
                passphrase: (*passphrase).clone(),
                ttl_secs,
                max_views,
            };
            let (api, phase, errors) = (api.clone(), phase.clone(), errors.clone());
            let (text, passphrase, file) = (text.clone(), passphrase.clone(), file.clone());
            phase.set(Phase::Working(Stage::Encrypting));
            wasm_bindgen_futures::spawn_local(async move {
                let stage_phase = phase.clone();
                let result = submit::run(&api, submission, move |stage| {
                    stage_phase.set(Phase::Working(stage))
                })
                .await;
                match result {
                    Ok(created) => {
                        // The plaintext and passphrase leave the page's state.
                        text.set(String::new());
                        passphrase.set(String::new());
                        file.set(None);
                        phase.set(Phase::Done(Rc::new(created)));
                    }
                    Err(message) => {
                        phase.set(Phase::Editing);
                        errors.set(Errors {
                            submit: Some(message),
                            ..Errors::default()
                        });
                    }
                }
            });
        })
    };

    let working = match &*phase {
        Phase::Working(stage) => Some(*stage),
        _ => None,
    };
    let set_mode = |m: Mode| {
        let mode = mode.clone();
        let errors = errors.clone();
        Callback::from(move |_: Event| {
            mode.set(m);
            errors.set(Errors::default());
        })
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                text.set(area.value());
            }
        })
    };
    let on_file = {
        let (file, errors) = (file.clone(), errors.clone());
        Callback::from(
            move |picked: Result<Option<PickedFile>, String>| match picked {
                Ok(picked) => {
                    file.set(picked);
                    errors.set(Errors::default());
                }
                Err(message) => {
                    file.set(None);
                    errors.set(Errors {
                        secret: Some(message),
                        ..Errors::default()
                    });
                }
            },
        )
    };
    let on_passphrase = {
        let passphrase = passphrase.clone();
        Callback::from(move |value: String| {
            if !value.is_empty() && !*warmed.borrow() {
                *warmed.borrow_mut() = true;
                worker::warm_up();
            }
            passphrase.set(value);
        })
    };
    let on_expiry = {
        let expiry = expiry.clone();
        Callback::from(move |value: Expiry| expiry.set(value))
    };
    let on_views = {
        let views = views.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                views.set(input.value());
            }
        })
    };

    html! {
        <section class="card" aria-labelledby="create-title">
            <h1 id="create-title">{ "Share a secret, once" }</h1>
            <p class="lede">
                { "Your secret is encrypted in this browser. The link holds the key; the server only ever stores ciphertext, and destroys it once it has been read." }
            </p>
            <form class="create-form" {onsubmit} novalidate=true aria-busy={working.is_some().to_string()}>
                <fieldset class="segmented" disabled={working.is_some()}>
                    <legend class="visually-hidden">{ "What to share" }</legend>
                    <input type="radio" id="mode-text" name="mode" checked={*mode == Mode::Text}
                           onchange={set_mode(Mode::Text)} />
                    <label for="mode-text">{ "Text" }</label>
                    <input type="radio" id="mode-file" name="mode" checked={*mode == Mode::File}
                           onchange={set_mode(Mode::File)} />
                    <label for="mode-file">{ "File" }</label>
                </fieldset>
                <fieldset class="plain" disabled={working.is_some()}>
                    <legend class="visually-hidden">{ "The secret and how it is protected" }</legend>
                    if *mode == Mode::Text {
                        <div class="field">
                            <label for="secret">{ "Secret" }</label>
                            <textarea id="secret" rows="6" value={(*text).clone()} oninput={on_text}
                                      placeholder="Password, API key, recovery code, a private note…"
                                      spellcheck="false" autocomplete="off" autofocus=true
                                      aria-invalid={errors.secret.is_some().then_some("true")}
                                      aria-describedby={errors.secret.is_some().then_some("secret-error")} />
                            if let Some(error) = &errors.secret {
                                <p class="field-error" id="secret-error" role="alert">{ error.clone() }</p>
                            }
                        </div>
                    } else {
                        <FilePicker file={(*file).clone()} onchange={on_file}
                                    error={errors.secret.clone().map(AttrValue::from)} />
                    }
                    <PassphraseInput id="passphrase" label="Passphrase (optional)"
                        value={(*passphrase).clone()} oninput={on_passphrase} new_passphrase=true
                        hint="Adds a second factor: the recipient needs the link and this passphrase. Send it by another channel (a call, a different app)." />
                    <div class="field-row">
                        <ExpiryPicker value={(*expiry).clone()} onchange={on_expiry}
                                      error={errors.expiry.clone().map(AttrValue::from)} />
                        <div class="field">
                            <label for="views">{ "Views" }</label>
                            <input id="views" type="number" min="1" max={MAX_VIEWS_LIMIT.to_string()}
                                   step="1" inputmode="numeric" value={(*views).clone()} oninput={on_views}
                                   aria-describedby="views-hint"
                                   aria-invalid={errors.views.is_some().then_some("true")} />
                            <p class="hint" id="views-hint">{ "Destroyed after this many reads." }</p>
                            if let Some(error) = &errors.views {
                                <p class="field-error" role="alert">{ error.clone() }</p>
                            }
                        </div>
                    </div>
                </fieldset>
                if let Some(error) = &errors.submit {
                    <Alert kind={AlertKind::Error} title="The secret was not created">
                        <p>{ error.clone() }</p>
                    </Alert>
                }
                if let Some(stage) = working {
                    <Busy label={stage.label()} detail={stage.detail().map(AttrValue::from)} />
                } else {
                    <button type="submit" class="btn btn-primary btn-large" id="create">
                        { "Create secret link" }
                    </button>
                }
            </form>
        </section>
    }
}

/// Moves focus to the first field marked invalid, so keyboard and screen
/// reader users land on the problem.
fn focus_first_invalid() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // The marks are rendered on the next tick.
    gloo_timers::callback::Timeout::new(0, move || {
        if let Ok(Some(el)) = document.query_selector("[aria-invalid=\"true\"]")
            && let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
        {
            let _ = el.focus();
        }
    })
    .forget();
}
