//! The create page (`#/`): the secret (text or a small file), an optional
//! passphrase, expiry and views, within the server's limits; then the
//! links.

pub mod drop;
mod expiry;
mod file_picker;
mod generator;
mod recent_list;
mod secret_input;
mod submit;

use std::rc::Rc;

use sdo_shared::payload::Payload;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub use expiry::{Expiry, ExpiryPickerProps, expiry_picker};
pub use file_picker::{FilePicker, PickedFile, max_file_len};
pub use secret_input::{SecretField, mode_switch, secret_field};
pub use submit::{Stage, Submission, app_origin, prepare_without_passphrase};

use crate::api::Api;
use crate::components::{
    AlertKind, Busy, HomeTab, PageHeading, PassphraseInput, alert, focus_soon, home_tabs,
};
use crate::config::Limits;
use crate::i18n::{I18n, format, n, s, use_i18n};
use crate::pages::{Created, CreatedView};
use crate::worker;
use drop::use_file_drop;
use generator::Generator;
use recent_list::RecentList;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
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
    let limits = use_context::<Limits>().unwrap_or_default();
    let i18n = use_i18n();
    let mode = use_state(|| Mode::Text);
    let text = use_state(String::new);
    let file = use_state(|| None::<PickedFile>);
    let passphrase = use_state(String::new);
    let expiry = use_state(|| Expiry::default_for(&limits));
    let views = use_state(|| "1".to_owned());
    let errors = use_state(Errors::default);
    let phase = use_state(|| Phase::Editing);
    let warmed = use_mut_ref(|| false);
    {
        // The server's limits arrive after the first render; a default
        // the server does not allow is replaced.
        let expiry = expiry.clone();
        use_effect_with(limits, move |limits| {
            if expiry.seconds(limits).is_err() && matches!(*expiry, Expiry::Preset(_)) {
                expiry.set(Expiry::default_for(limits));
            }
        });
    }
    let on_dropped = {
        let (mode, file, errors, i18n) = (mode.clone(), file.clone(), errors.clone(), i18n.clone());
        let max_padded = limits.max_payload_bytes;
        Callback::from(move |files: Vec<web_sys::File>| {
            mode.set(Mode::File);
            let (file, errors, i18n) = (file.clone(), errors.clone(), i18n.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match drop::pick(&i18n, files, max_padded).await {
                    Ok(picked) => {
                        file.set(Some(picked));
                        errors.set(Errors::default());
                    }
                    Err(message) => {
                        file.set(None);
                        errors.set(Errors {
                            secret: Some(message),
                            ..Errors::default()
                        });
                        focus_soon("#file");
                    }
                }
            });
        })
    };
    let editing = matches!(*phase, Phase::Editing);
    let dragging = use_file_drop(on_dropped, editing);

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
        let i18n = i18n.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if matches!(*phase, Phase::Working(_)) {
                return;
            }
            let mut found = Errors::default();
            let payload = secret_payload(&i18n, &limits, *mode, &text, file.as_ref())
                .map_err(|e| found.secret = Some(e))
                .ok();
            let ttl_secs = expiry
                .seconds(&limits)
                .map_err(|e| found.expiry = Some(e.message(&i18n, &limits)))
                .ok();
            let max_views = match views.trim().parse::<u32>() {
                Ok(v) if (1..=limits.max_views).contains(&v) => Some(v),
                _ => {
                    found.views =
                        Some(i18n.tf("views-out-of-range", [("max", n(limits.max_views))]));
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
            phase.set(Phase::Working(if passphrase.is_empty() {
                Stage::Encrypting
            } else {
                Stage::Stretching
            }));
            let form = submit::Form {
                phase: phase.clone(),
                errors: errors.clone(),
                text: text.clone(),
                passphrase: passphrase.clone(),
                file: file.clone(),
            };
            wasm_bindgen_futures::spawn_local(submit::finish(
                api.clone(),
                i18n.clone(),
                submission,
                form,
            ));
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

    let on_suggestion = {
        let passphrase = passphrase.clone();
        Callback::from(move |value: String| {
            worker::warm_up();
            passphrase.set(value);
        })
    };
    let views_error_id = errors.views.as_ref().map(|_| "views-error");
    html! {
        <>
        { home_tabs(&i18n, &limits, HomeTab::Share) }
        <section class="card" aria-labelledby="create-title">
            <PageHeading id="create-title" text={i18n.t("create-title")} />
            <p class="lede">{ i18n.t("create-lede") }</p>
            <form class="create-form" {onsubmit} novalidate=true aria-busy={working.is_some().to_string()}>
                { mode_switch(&i18n, *mode, working.is_some(), set_mode) }
                <fieldset class="plain" disabled={working.is_some()}>
                    <legend class="visually-hidden">{ i18n.t("secret-legend") }</legend>
                    { secret_field(&i18n, SecretField {
                        mode: *mode,
                        text: &text,
                        file: (*file).clone(),
                        on_file,
                        max_padded: limits.max_payload_bytes,
                        error: errors.secret.clone(),
                        first: true,
                    }) }
                    <PassphraseInput id="passphrase" label={i18n.t("passphrase-optional-label")}
                        value={(*passphrase).clone()} oninput={on_passphrase} new_passphrase=true
                        hint={i18n.t("passphrase-create-hint")} />
                    <Generator onuse={on_suggestion} disabled={working.is_some()} />
                    <div class="field-row">
                        { expiry_picker(&i18n, ExpiryPickerProps {
                            value: (*expiry).clone(),
                            limits,
                            onchange: on_expiry,
                            error: errors.expiry.clone(),
                        }) }
                        <div class="field">
                            <label for="views">{ i18n.t("views-label") }</label>
                            <input id="views" type="number" min="1" max={limits.max_views.to_string()}
                                   step="1" inputmode="numeric" value={(*views).clone()} oninput={on_views}
                                   aria-describedby={["views-hint"].into_iter().chain(views_error_id).collect::<Vec<_>>().join(" ")}
                                   aria-invalid={errors.views.is_some().then_some("true")} />
                            <p class="hint" id="views-hint">
                                { i18n.tf("views-hint", [("max", n(limits.max_views))]) }
                            </p>
                            if let Some(error) = &errors.views {
                                <p class="field-error" id="views-error">{ error.clone() }</p>
                            }
                        </div>
                    </div>
                </fieldset>
                if let Some(error) = &errors.submit {
                    { alert(AlertKind::Error, Some(i18n.t("create-failed")), Some("create-error"), html! { <p>{ error.clone() }</p> }) }
                }
                if let Some(stage) = working {
                    <Busy label={i18n.t(stage.label_id())}
                          detail={stage.detail_id().map(|id| AttrValue::from(i18n.t(id)))} />
                } else {
                    <button type="submit" class="btn btn-primary btn-large" id="create">
                        { i18n.t("create-button") }
                    </button>
                }
            </form>
            if dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ i18n.t("drop-here") }</p></div>
            }
        </section>
        <RecentList />
        // What frontend/split.js shows above the app if the rest of this
        // bundle cannot be fetched: its words, in the reader's language.
        <div id="sdo-split-failed" hidden=true>{ i18n.t("split-failed") }</div>
        </>
    }
}

/// The secret as the form holds it, within the server's size limit, or
/// the sentence to show by its field.
pub fn secret_payload(
    i18n: &I18n,
    limits: &Limits,
    mode: Mode,
    text: &str,
    file: Option<&PickedFile>,
) -> Result<Payload, String> {
    let payload = match (mode, file) {
        (Mode::Text, _) if text.trim().is_empty() => return Err(i18n.t("secret-empty")),
        (Mode::Text, _) => Payload::text(text),
        (Mode::File, None) => return Err(i18n.t("file-missing")),
        (Mode::File, Some(f)) => Payload::file(f.name.clone(), f.mime.clone(), f.data.to_vec()),
    };
    if payload.padded_len() > limits.max_payload_bytes {
        return Err(i18n.tf(
            "secret-too-long",
            [("limit", s(format::bytes(i18n, limits.max_payload_bytes)))],
        ));
    }
    Ok(payload)
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
