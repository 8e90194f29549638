//! Answer a request (`#/q/{rid}/{public_key}`): the requester's note, and
//! a secret (text or a file) that is sealed in the worker to the request's
//! public key, so only the requester's inbox link opens it. No passphrase:
//! the key pair does that job.
//!
//! Opening the page consumes nothing (a GET with the fill token). A request
//! takes one answer; a refused fill is told apart from a gone request by
//! asking for the state again.

use std::rc::Rc;

use sdo_shared::api::{FillRequest, RequestMetaResponse, RequestState};
use sdo_shared::request::{self, RequestId};
use sdo_shared::secret::{FillToken, RequestPublicKey};
use yew::prelude::*;

use crate::api::{Api, ApiError, RequestToken};
use crate::components::{AlertKind, Busy, Ending, PageHeading, alert, ending, focus_soon};
use crate::config::Limits;
use crate::i18n::{I18n, format, s, use_i18n};
use crate::pages::create::drop::{self, use_file_drop};
use crate::pages::create::{
    Mode, PickedFile, SecretField, mode_switch, secret_field, secret_payload,
};
use crate::worker;

#[derive(Debug, Properties, PartialEq)]
pub struct RespondPageProps {
    pub id: RequestId,
    pub public_key: RequestPublicKey,
}

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Checking,
    /// Open: the note (if any) and when the request expires.
    Ready {
        note: Option<Rc<str>>,
        expires_at: i64,
    },
    Working {
        note: Option<Rc<str>>,
        expires_at: i64,
        stage: &'static str,
    },
    Ended(Ending),
    CheckFailed(ApiError),
}

const SENT: Ending = Ending::new("sent", "sent-title", "sent-text");
const ANSWERED: Ending = Ending::new("answered", "answered-title", "answered-text");
const GONE: Ending = Ending::new("request-gone", "request-gone-title", "request-gone-text");
const UNCONFIRMED: Ending = Ending::new(
    "respond-unknown",
    "respond-unknown-title",
    "respond-unknown-text",
);
const NOTE_UNREADABLE: Ending = Ending::new(
    "note-unreadable",
    "note-unreadable-title",
    "note-unreadable-text",
);

/// What a request's state means to someone who wants to answer it.
fn phase_of(meta: &RequestMetaResponse, public_key: &RequestPublicKey) -> Phase {
    match meta.state {
        RequestState::Open => {
            let note = match &meta.note {
                None => None,
                Some(sealed) => match request::open_note(public_key, sealed.as_bytes()) {
                    Ok(text) => Some(Rc::from(text)),
                    // Only a changed link makes the note fail to open.
                    Err(_) => return Phase::Ended(NOTE_UNREADABLE),
                },
            };
            Phase::Ready {
                note,
                expires_at: meta.expires_at,
            }
        }
        RequestState::Filled | RequestState::Collected => Phase::Ended(ANSWERED),
        RequestState::Cancelled | RequestState::Expired => Phase::Ended(GONE),
    }
}

#[function_component(RespondPage)]
pub fn respond_page(props: &RespondPageProps) -> Html {
    let api = use_context::<Api>().unwrap_or_default();
    let limits = use_context::<Limits>().unwrap_or_default();
    let i18n = use_i18n();
    let phase = use_state(|| Phase::Checking);
    let mode = use_state(|| Mode::Text);
    let text = use_state(String::new);
    let file = use_state(|| None::<PickedFile>);
    let error = use_state(|| None::<String>);
    let submit_error = use_state(|| None::<String>);
    let checks = use_state(|| 0u32);
    {
        let (api, phase) = (api.clone(), phase.clone());
        let (id, public_key) = (props.id, props.public_key.clone());
        use_effect_with((id, *checks), move |_| {
            phase.set(Phase::Checking);
            // Its wasm loads while the secret is typed.
            worker::warm_up();
            wasm_bindgen_futures::spawn_local(async move {
                let token = request::fill_token(&public_key);
                phase.set(
                    match api.request_meta(&id, RequestToken::Fill(&token)).await {
                        Ok(meta) => phase_of(&meta, &public_key),
                        Err(ApiError::NotFound) => Phase::Ended(GONE),
                        Err(e) => Phase::CheckFailed(e),
                    },
                );
            });
        });
    }
    let editing = matches!(*phase, Phase::Ready { .. });
    let on_dropped = {
        let (mode, file, error, i18n) = (mode.clone(), file.clone(), error.clone(), i18n.clone());
        let max_padded = limits.max_payload_bytes;
        Callback::from(move |files: Vec<web_sys::File>| {
            mode.set(Mode::File);
            let (file, error, i18n) = (file.clone(), error.clone(), i18n.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let picked = drop::pick(&i18n, files, max_padded).await;
                error.set(picked.as_ref().err().cloned());
                file.set(picked.ok());
            });
        })
    };
    let dragging = use_file_drop(on_dropped, editing);

    let title = i18n.t("respond-title");
    let (note, expires_at, stage) = match &*phase {
        Phase::Checking => {
            return html! {
                <section class="card" aria-labelledby="respond-title">
                    <PageHeading id="respond-title" text={title} />
                    <Busy label={i18n.t("respond-checking")} />
                </section>
            };
        }
        Phase::Ended(which) => return ending(&i18n, *which, "#/", "create-your-own"),
        Phase::CheckFailed(e) => {
            let retry = {
                let checks = checks.clone();
                Callback::from(move |_: MouseEvent| checks.set(*checks + 1))
            };
            return html! {
                <section class="card" aria-labelledby="respond-title">
                    <PageHeading id="respond-title" text={title} />
                    { alert(AlertKind::Error, Some(i18n.t("respond-check-failed")), Some("check-error"), html! { <p>{ e.message(&i18n) }</p> }) }
                    <button type="button" class="btn btn-primary" id="retry" onclick={retry}>{ i18n.t("try-again") }</button>
                </section>
            };
        }
        Phase::Ready { note, expires_at } => (note.clone(), *expires_at, None),
        Phase::Working {
            note,
            expires_at,
            stage,
        } => (note.clone(), *expires_at, Some(*stage)),
    };

    let onsubmit = {
        let (api, phase, mode, text, file) = (
            api.clone(),
            phase.clone(),
            mode.clone(),
            text.clone(),
            file.clone(),
        );
        let (error, submit_error, i18n) = (error.clone(), submit_error.clone(), i18n.clone());
        let (id, public_key, note) = (props.id, props.public_key.clone(), note.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !matches!(*phase, Phase::Ready { .. }) {
                return;
            }
            let payload = match secret_payload(&i18n, &limits, *mode, &text, file.as_ref()) {
                Ok(payload) => payload,
                Err(message) => {
                    error.set(Some(message));
                    focus_soon(if *mode == Mode::Text {
                        "#secret"
                    } else {
                        "#file"
                    });
                    return;
                }
            };
            error.set(None);
            submit_error.set(None);
            let working = |stage| Phase::Working {
                note: note.clone(),
                expires_at,
                stage,
            };
            phase.set(working("respond-stage-encrypting"));
            let uploading = working("respond-stage-uploading");
            let ready = Phase::Ready {
                note: note.clone(),
                expires_at,
            };
            let (api, phase, text, file) = (api.clone(), phase.clone(), text.clone(), file.clone());
            let (submit_error, i18n, public_key) =
                (submit_error.clone(), i18n.clone(), public_key.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let sent = match worker::seal_fill(&public_key, &id, &payload).await {
                    Ok(fill) => {
                        phase.set(uploading);
                        let token = request::fill_token(&public_key);
                        send(&api, &i18n, &id, &token, &fill).await
                    }
                    Err(e) => {
                        Err(i18n.t(e.message_key("out-of-date-answer", "respond-seal-failed")))
                    }
                };
                match sent {
                    Ok(which) => {
                        text.set(String::new());
                        file.set(None);
                        phase.set(Phase::Ended(which));
                    }
                    Err(message) => {
                        submit_error.set(Some(message));
                        phase.set(ready);
                        focus_soon("#send-secret");
                    }
                }
            });
        })
    };
    let set_mode = |m: Mode| {
        let (mode, error) = (mode.clone(), error.clone());
        Callback::from(move |_: Event| {
            mode.set(m);
            error.set(None);
        })
    };
    let on_file = {
        let (file, error) = (file.clone(), error.clone());
        Callback::from(move |picked: Result<Option<PickedFile>, String>| {
            error.set(picked.as_ref().err().cloned());
            file.set(picked.ok().flatten());
        })
    };
    let busy = stage.is_some();
    let expires = i18n.tf(
        "respond-expires",
        [("when", s(format::relative(&i18n, expires_at)))],
    );
    html! {
        <section class="card" aria-labelledby="respond-title">
            <PageHeading id="respond-title" text={title} />
            <p class="lede">{ i18n.t("respond-lede") }{ " " }{ expires }</p>
            if let Some(note) = &note {
                <figure class="request-note">
                    <figcaption>{ i18n.t("respond-note-label") }</figcaption>
                    <blockquote id="request-note" dir="auto">{ note.to_string() }</blockquote>
                </figure>
                <p class="hint">{ i18n.t("respond-note-warning") }</p>
            }
            <form class="create-form" {onsubmit} novalidate=true aria-busy={busy.to_string()}>
                { mode_switch(&i18n, *mode, busy, set_mode) }
                <fieldset class="plain" disabled={busy}>
                    <legend class="visually-hidden">{ i18n.t("secret-legend") }</legend>
                    { secret_field(&i18n, SecretField {
                        mode: *mode,
                        text: &text,
                        file: (*file).clone(),
                        on_file,
                        max_padded: limits.max_payload_bytes,
                        error: (*error).clone(),
                        first: false,
                    }) }
                </fieldset>
                if let Some(message) = &*submit_error {
                    { alert(AlertKind::Error, Some(i18n.t("respond-failed")), Some("respond-error"), html! { <p>{ message.clone() }</p> }) }
                }
                if let Some(stage) = stage {
                    <Busy label={i18n.t(stage)} />
                } else {
                    <button type="submit" class="btn btn-primary btn-large" id="send-secret">
                        { i18n.t("respond-button") }
                    </button>
                }
            </form>
            if dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ i18n.t("drop-here") }</p></div>
            }
        </section>
    }
}

/// Posts the fill; `Ok` names the ending, `Err` is a sentence for the
/// form (and the secret is still there to send again).
async fn send(
    api: &Api,
    i18n: &I18n,
    id: &RequestId,
    token: &FillToken,
    fill: &FillRequest,
) -> Result<Ending, String> {
    let failure = match api.fill(id, token, fill).await {
        Ok(_) => return Ok(SENT),
        Err(e) => e,
    };
    // Refused (404), unconfirmed (503 outcome unknown), or cut off (the
    // connection failed, or a proxy answered 5xx: the fill may have been
    // stored before the answer was lost): the request's state says which.
    let cut_off = matches!(failure, ApiError::Network | ApiError::Server(_));
    if !cut_off && !matches!(failure, ApiError::NotFound | ApiError::OutcomeUnknown) {
        return Err(failure.message(i18n));
    }
    let state = api
        .request_meta(id, RequestToken::Fill(token))
        .await
        .map(|m| m.state);
    match (failure, state) {
        (
            ApiError::OutcomeUnknown | ApiError::Network | ApiError::Server(_),
            Ok(RequestState::Filled | RequestState::Collected),
        ) => Ok(UNCONFIRMED),
        (ApiError::OutcomeUnknown, Ok(RequestState::Open)) => Err(i18n.t("respond-not-stored")),
        // Still open (nothing was stored), or the request cannot be read
        // either: the connection's own message, and the form to send again.
        (e @ (ApiError::Network | ApiError::Server(_)), _) => Err(e.message(i18n)),
        (_, Ok(RequestState::Filled | RequestState::Collected)) => Ok(ANSWERED),
        _ => Ok(GONE),
    }
}
