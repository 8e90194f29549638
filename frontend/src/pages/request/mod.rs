//! Ask someone for a secret (`#/request`): an optional note and an expiry;
//! then the request link to send and the inbox link to keep ([`made`]).
//!
//! The request key is made in the worker (its X25519 is not in the first
//! load); the server gets only the two tokens' verifiers and the sealed
//! note.

mod made;

use std::rc::Rc;

use sdo_shared::link::{InboxLink, RequestLink};
use sdo_shared::payload::Payload;
use sdo_shared::request::{RequestId, note};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

pub use made::{RequestMade, RequestMadeView};

use crate::api::Api;
use crate::components::{AlertKind, Busy, HomeTab, PageHeading, alert, focus_soon, home_tabs};
use crate::config::Limits;
use crate::i18n::{I18n, format, s, use_i18n};
use crate::pages::create::{Expiry, ExpiryPickerProps, app_origin, expiry_picker};
use crate::worker;

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Editing,
    /// The message id of what is happening.
    Working(&'static str),
    Done(Rc<RequestMade>),
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Errors {
    note: Option<String>,
    expiry: Option<String>,
    submit: Option<String>,
}

#[function_component(NewRequestPage)]
pub fn new_request_page() -> Html {
    let api = use_context::<Api>().unwrap_or_default();
    let limits = use_context::<Limits>().unwrap_or_default();
    let i18n = use_i18n();
    let note = use_state(String::new);
    let expiry = use_state(|| Expiry::default_for(&limits));
    let errors = use_state(Errors::default);
    let phase = use_state(|| Phase::Editing);
    {
        let expiry = expiry.clone();
        use_effect_with(limits, move |limits| {
            if expiry.seconds(limits).is_err() && matches!(*expiry, Expiry::Preset(_)) {
                expiry.set(Expiry::default_for(limits));
            }
        });
    }
    // The worker's wasm starts loading while the note is typed.
    use_effect_with((), |_| worker::warm_up());

    if let Phase::Done(made) = &*phase {
        let onreset = {
            let phase = phase.clone();
            Callback::from(move |_| phase.set(Phase::Editing))
        };
        return html! { <RequestMadeView made={made.clone()} {onreset} /> };
    }
    if !limits.requests_enabled {
        return html! {
            <section class="card" aria-labelledby="request-title">
                <PageHeading id="request-title" text={i18n.t("request-title")} />
                { alert(AlertKind::Info, None, Some("requests-unavailable"), html! { <p>{ i18n.t("request-unavailable") }</p> }) }
                <a class="btn btn-secondary" href="#/">{ i18n.t("create-secret") }</a>
            </section>
        };
    }

    let onsubmit = {
        let (note, expiry, errors, phase) =
            (note.clone(), expiry.clone(), errors.clone(), phase.clone());
        let i18n = i18n.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if matches!(*phase, Phase::Working(_)) {
                return;
            }
            let mut found = Errors::default();
            if Payload::text(note.trim()).padded_len() > note::MAX_PADDED_LEN {
                found.note = Some(i18n.tf(
                    "request-note-too-long",
                    [("limit", s(format::bytes(&i18n, note::MAX_PADDED_LEN)))],
                ));
            }
            let ttl_secs = expiry
                .seconds(&limits)
                .map_err(|e| found.expiry = Some(e.message(&i18n, &limits)))
                .ok();
            let (Some(ttl_secs), None) = (ttl_secs, &found.note) else {
                let first = if found.note.is_some() {
                    "#request-note"
                } else {
                    "#expiry"
                };
                errors.set(found);
                focus_soon(first);
                return;
            };
            errors.set(Errors::default());
            phase.set(Phase::Working("request-stage-preparing"));
            let (api, phase, errors, note) =
                (api.clone(), phase.clone(), errors.clone(), note.clone());
            let i18n = i18n.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match make(&api, &i18n, note.trim(), ttl_secs, &phase).await {
                    Ok(made) => {
                        note.set(String::new());
                        phase.set(Phase::Done(Rc::new(made)));
                    }
                    Err(message) => {
                        phase.set(Phase::Editing);
                        errors.set(Errors {
                            submit: Some(message),
                            ..Errors::default()
                        });
                        focus_soon("#make-request");
                    }
                }
            });
        })
    };
    let working = match &*phase {
        Phase::Working(stage) => Some(*stage),
        _ => None,
    };
    let on_note = {
        let note = note.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                note.set(area.value());
            }
        })
    };
    let on_expiry = {
        let expiry = expiry.clone();
        Callback::from(move |value: Expiry| expiry.set(value))
    };
    let note_described = match &errors.note {
        Some(_) => "request-note-hint request-note-error",
        None => "request-note-hint",
    };
    html! {
        <>
        { home_tabs(&i18n, &limits, HomeTab::Request) }
        <section class="card" aria-labelledby="request-title">
            <PageHeading id="request-title" text={i18n.t("request-title")} />
            <p class="lede">{ i18n.t("request-lede") }</p>
            <form class="create-form" {onsubmit} novalidate=true aria-busy={working.is_some().to_string()}>
                <fieldset class="plain" disabled={working.is_some()}>
                    <legend class="visually-hidden">{ i18n.t("request-legend") }</legend>
                    <div class="field">
                        <label for="request-note">{ i18n.t("request-note-label") }</label>
                        <textarea id="request-note" rows="3" value={(*note).clone()} oninput={on_note}
                                  placeholder={i18n.t("request-note-placeholder")}
                                  aria-describedby={note_described}
                                  aria-invalid={errors.note.is_some().then_some("true")} />
                        <p class="hint" id="request-note-hint">{ i18n.t("request-note-hint") }</p>
                        if let Some(error) = &errors.note {
                            <p class="field-error" id="request-note-error">{ error.clone() }</p>
                        }
                    </div>
                    <div class="field-row">
                        { expiry_picker(&i18n, ExpiryPickerProps {
                            value: (*expiry).clone(),
                            limits,
                            onchange: on_expiry,
                            error: errors.expiry.clone(),
                        }) }
                    </div>
                </fieldset>
                if let Some(error) = &errors.submit {
                    { alert(AlertKind::Error, Some(i18n.t("request-failed")), Some("request-error"), html! { <p>{ error.clone() }</p> }) }
                }
                if let Some(stage) = working {
                    <Busy label={i18n.t(stage)} />
                } else {
                    <button type="submit" class="btn btn-primary btn-large" id="make-request">
                        { i18n.t("request-button") }
                    </button>
                }
            </form>
        </section>
        </>
    }
}

/// Makes the keys (in the worker), posts the request, builds both links.
async fn make(
    api: &Api,
    i18n: &I18n,
    note: &str,
    ttl_secs: u64,
    phase: &UseStateHandle<Phase>,
) -> Result<RequestMade, String> {
    let prepared = worker::prepare_request(note, ttl_secs)
        .await
        .map_err(|e| i18n.t(e.message_key("out-of-date-form", "request-prepare-failed")))?;
    phase.set(Phase::Working("request-stage-uploading"));
    let created = api
        .create_request(&prepared.request)
        .await
        .map_err(|e| e.message(i18n))?;
    let id = RequestId::parse(&created.id).map_err(|_| i18n.t("error-bad-response"))?;
    let origin = app_origin();
    let inbox = InboxLink {
        origin: origin.clone(),
        id,
        request_key: prepared.request_key,
    };
    let request = RequestLink {
        origin,
        id,
        public_key: prepared.public_key,
    };
    Ok(RequestMade {
        request_url: request.to_url(),
        inbox_url: inbox.to_url(),
        expires_at: created.expires_at,
        has_note: !note.is_empty(),
    })
}
