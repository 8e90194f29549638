//! The reveal page (`#/s/{id}/{key}`).
//!
//! Opening the page consumes nothing: it only asks whether the secret exists
//! (GET with the link token, which takes no view). The reveal itself goes
//! out only on a trusted user gesture (see [`crate::gesture`]), because
//! link previewers and mail scanners open links and click buttons.

mod flow;
mod revealed;

use std::rc::Rc;

use sdo_shared::api::MetaResponse;
use sdo_shared::kdf;
use sdo_shared::payload::Payload;
use sdo_shared::secret::{LinkKey, SecretId};
use yew::prelude::*;

pub use flow::{Failure, Stage};
pub use revealed::RevealedView;

use crate::api::{Api, ApiError};
use crate::components::{Alert, AlertKind, Busy, PassphraseInput};
use crate::{gesture, humanize};

#[derive(Debug, Properties, PartialEq)]
pub struct RevealPageProps {
    pub id: SecretId,
    pub link_key: LinkKey,
}

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Checking,
    Ready(Rc<MetaResponse>),
    Working(Rc<MetaResponse>, Stage),
    Revealed(Rc<Payload>, u32),
    Gone,
    Locked,
    Undecryptable,
    OutcomeUnknown,
    /// The existence check failed for a reason other than "gone".
    CheckFailed(String),
    Cleared,
}

#[function_component(RevealPage)]
pub fn reveal_page(props: &RevealPageProps) -> Html {
    let api = use_context::<Api>().unwrap_or_default();
    let phase = use_state(|| Phase::Checking);
    let passphrase = use_state(String::new);
    let error = use_state(|| None::<String>);
    let checks = use_state(|| 0u32);

    {
        // Existence check: a GET that consumes nothing.
        let (api, phase) = (api.clone(), phase.clone());
        let (id, link_key) = (props.id, props.link_key.clone());
        use_effect_with((id, *checks), move |_| {
            phase.set(Phase::Checking);
            wasm_bindgen_futures::spawn_local(async move {
                let token = kdf::link_token(&link_key);
                phase.set(match api.meta(&id, &token).await {
                    Ok(meta) => Phase::Ready(Rc::new(meta)),
                    Err(ApiError::NotFound) => Phase::Gone,
                    Err(e) => Phase::CheckFailed(e.message()),
                });
            });
        });
    }

    let start: Rc<dyn Fn(&Event)> = {
        let (api, phase, passphrase, error) = (
            api.clone(),
            phase.clone(),
            passphrase.clone(),
            error.clone(),
        );
        let (id, link_key) = (props.id, props.link_key.clone());
        Rc::new(move |event: &Event| {
            // A script's click (a scanner's) does nothing at all.
            if !gesture::is_trusted_gesture(event) {
                return;
            }
            let Phase::Ready(meta) = (*phase).clone() else {
                return;
            };
            if meta.kdf.is_some() && passphrase.is_empty() {
                error.set(Some("Enter the passphrase you were given.".into()));
                return;
            }
            error.set(None);
            phase.set(Phase::Working(meta.clone(), Stage::Fetching));
            let (api, phase, passphrase, error) = (
                api.clone(),
                phase.clone(),
                passphrase.clone(),
                error.clone(),
            );
            let link_key = link_key.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let stage_phase = phase.clone();
                let stage_meta = meta.clone();
                let result = flow::reveal(&api, &id, &link_key, &meta, &passphrase, move |s| {
                    stage_phase.set(Phase::Working(stage_meta.clone(), s))
                })
                .await;
                match result {
                    Ok(r) => {
                        passphrase.set(String::new());
                        phase.set(Phase::Revealed(Rc::new(r.payload), r.views_left));
                    }
                    Err(Failure::WrongPassphrase { attempts_left: 0 }) => phase.set(Phase::Locked),
                    Err(Failure::WrongPassphrase { attempts_left }) => {
                        error.set(Some(ApiError::WrongPassphrase { attempts_left }.message()));
                        phase.set(Phase::Ready(meta));
                    }
                    Err(Failure::Gone) => phase.set(Phase::Gone),
                    Err(Failure::Undecryptable) => phase.set(Phase::Undecryptable),
                    Err(Failure::OutcomeUnknown) => phase.set(Phase::OutcomeUnknown),
                    Err(Failure::Retry(message)) => {
                        error.set(Some(message));
                        phase.set(Phase::Ready(meta));
                    }
                }
            });
        })
    };

    match &*phase {
        Phase::Checking => html! {
            <section class="card" aria-labelledby="reveal-title">
                <h1 id="reveal-title">{ "Someone sent you a secret" }</h1>
                <Busy label="Checking that the secret is still there…" />
            </section>
        },
        Phase::Ready(meta) | Phase::Working(meta, _) => {
            let working = match &*phase {
                Phase::Working(_, stage) => Some(*stage),
                _ => None,
            };
            let onclick = {
                let start = start.clone();
                Callback::from(move |e: MouseEvent| start(e.as_ref()))
            };
            let onkeydown = {
                let start = start.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if e.key() == "Enter" {
                        e.prevent_default();
                        start(e.as_ref());
                    }
                })
            };
            let on_passphrase = {
                let (passphrase, error) = (passphrase.clone(), error.clone());
                Callback::from(move |v: String| {
                    passphrase.set(v);
                    error.set(None);
                })
            };
            let views = if meta.views_left == 1 {
                "It can be viewed once: revealing it destroys it on the server.".to_owned()
            } else {
                format!(
                    "It can be viewed {} more times; revealing it uses one.",
                    meta.views_left
                )
            };
            html! {
                <section class="card" aria-labelledby="reveal-title">
                    <h1 id="reveal-title">{ "Someone sent you a secret" }</h1>
                    <p class="lede">
                        { format!("{views} It expires {}.", humanize::relative(meta.expires_at)) }
                    </p>
                    <form class="reveal-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}
                          aria-busy={working.is_some().to_string()}>
                        if meta.kdf.is_some() {
                            <div onkeydown={onkeydown}>
                                <PassphraseInput id="reveal-passphrase" label="Passphrase"
                                    value={(*passphrase).clone()} oninput={on_passphrase}
                                    disabled={working.is_some()} invalid={error.is_some()} autofocus=true
                                    hint="The sender should have given it to you separately from the link." />
                            </div>
                        }
                        if let Some(message) = &*error {
                            <Alert kind={AlertKind::Error} id="reveal-error"><p>{ message.clone() }</p></Alert>
                        }
                        if let Some(stage) = working {
                            <Busy label={stage.label()} />
                        } else {
                            <button type="button" class="btn btn-primary btn-large" id="reveal" {onclick}>
                                { "Reveal secret" }
                            </button>
                        }
                    </form>
                    <p class="hint">{ "Only reveal it when you are ready to copy or save it." }</p>
                </section>
            }
        }
        Phase::Revealed(payload, views_left) => {
            let onclear = {
                let phase = phase.clone();
                Callback::from(move |_| phase.set(Phase::Cleared))
            };
            html! { <RevealedView payload={payload.clone()} views_left={*views_left} {onclear} /> }
        }
        Phase::Gone => ending(
            "gone",
            "This secret is gone",
            "It has already been read, was destroyed by its sender, has expired, or the link is incomplete. If you did not read it yourself, tell the sender: someone else may have.",
        ),
        Phase::Locked => ending(
            "locked",
            "This secret has been destroyed",
            "Too many wrong passphrases were entered, so the server destroyed it. Ask the sender to create a new one.",
        ),
        Phase::Undecryptable => ending(
            "undecryptable",
            "The secret could not be decrypted",
            "The server released it, but it does not open with this link: the link was probably damaged when it was copied. It cannot be fetched again; ask the sender for a new one.",
        ),
        Phase::OutcomeUnknown => ending(
            "outcome-unknown",
            "It may have been used up",
            "The server could not confirm whether your request used up the secret. It may be gone: ask the sender to check the receipt before you try the link again.",
        ),
        Phase::Cleared => ending(
            "cleared",
            "Removed from this page",
            "The secret is no longer shown here. It was destroyed on the server when you revealed it (unless it allowed more views).",
        ),
        Phase::CheckFailed(message) => {
            let retry = {
                let checks = checks.clone();
                Callback::from(move |_: MouseEvent| checks.set(*checks + 1))
            };
            html! {
                <section class="card" aria-labelledby="reveal-title">
                    <h1 id="reveal-title">{ "Someone sent you a secret" }</h1>
                    <Alert kind={AlertKind::Error} title="Could not check the secret" id="check-error">
                        <p>{ message.clone() }</p>
                    </Alert>
                    <button type="button" class="btn btn-primary" id="retry" onclick={retry}>{ "Try again" }</button>
                </section>
            }
        }
    }
}

fn ending(id: &'static str, title: &'static str, text: &'static str) -> Html {
    html! {
        <section class="card ending" id={id} aria-labelledby="ending-title">
            <h1 id="ending-title">{ title }</h1>
            <p class="lede">{ text }</p>
            <a class="btn btn-secondary" href="#/">{ "Create a secret of your own" }</a>
        </section>
    }
}
