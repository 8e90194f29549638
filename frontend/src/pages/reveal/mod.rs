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
use crate::components::{
    AlertKind, Busy, Ending, PageHeading, PassphraseInput, alert, ending, focus_soon,
};
use crate::config::Limits;
use crate::gesture;
use crate::i18n::{I18n, format, n, s, use_i18n};

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
    CheckFailed(ApiError),
    Cleared,
}

#[function_component(RevealPage)]
pub fn reveal_page(props: &RevealPageProps) -> Html {
    let api = use_context::<Api>().unwrap_or_default();
    let limits = use_context::<Limits>().unwrap_or_default();
    let i18n = use_i18n();
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
                    Err(e) => Phase::CheckFailed(e),
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
        let i18n = i18n.clone();
        Rc::new(move |event: &Event| {
            // A script's click (a scanner's) does nothing at all.
            if !gesture::is_trusted_gesture(event) {
                return;
            }
            let Phase::Ready(meta) = (*phase).clone() else {
                return;
            };
            if meta.kdf.is_some() && passphrase.is_empty() {
                error.set(Some(i18n.t("passphrase-missing")));
                focus_soon("#reveal-passphrase");
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
            let i18n = i18n.clone();
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
                        error.set(Some(
                            ApiError::WrongPassphrase { attempts_left }.message(&i18n),
                        ));
                        phase.set(Phase::Ready(meta));
                        focus_soon("#reveal-passphrase");
                    }
                    Err(Failure::Gone) => phase.set(Phase::Gone),
                    Err(Failure::Undecryptable) => phase.set(Phase::Undecryptable),
                    Err(Failure::OutcomeUnknown) => phase.set(Phase::OutcomeUnknown),
                    Err(failure @ (Failure::Retry(_) | Failure::OutOfDate)) => {
                        error.set(Some(match failure {
                            Failure::Retry(Some(e)) => e.message(&i18n),
                            Failure::OutOfDate => i18n.t("out-of-date-link"),
                            _ => i18n.t("derive-failed"),
                        }));
                        phase.set(Phase::Ready(meta));
                        focus_soon("#reveal");
                    }
                }
            });
        })
    };

    let title = i18n.t("reveal-title");
    match &*phase {
        Phase::Checking => html! {
            <section class="card" aria-labelledby="reveal-title">
                <PageHeading id="reveal-title" text={title} />
                <Busy label={i18n.t("checking")} />
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
            // Enter in the passphrase field itself; Enter on the field's
            // Show button only shows the passphrase.
            let onenter = {
                let start = start.clone();
                Callback::from(move |e: KeyboardEvent| start(e.as_ref()))
            };
            let on_passphrase = {
                let (passphrase, error) = (passphrase.clone(), error.clone());
                Callback::from(move |v: String| {
                    passphrase.set(v);
                    error.set(None);
                })
            };
            let views = if meta.views_left == 1 {
                i18n.t("reveal-views-once")
            } else {
                i18n.tf("reveal-views-more", [("views", n(meta.views_left))])
            };
            let expires = i18n.tf(
                "reveal-expires",
                [("when", s(format::relative(&i18n, meta.expires_at)))],
            );
            html! {
                <section class="card" aria-labelledby="reveal-title">
                    <PageHeading id="reveal-title" text={title} />
                    <p class="lede">{ views }{ " " }{ expires }</p>
                    <form class="reveal-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}
                          aria-busy={working.is_some().to_string()}>
                        if meta.kdf.is_some() {
                            <PassphraseInput id="reveal-passphrase" label={i18n.t("passphrase-label")}
                                value={(*passphrase).clone()} oninput={on_passphrase} {onenter}
                                disabled={working.is_some()} invalid={error.is_some()} autofocus=true
                                error_id={error.as_ref().map(|_| AttrValue::from("reveal-error"))}
                                hint={format!("{} {}", i18n.t("reveal-passphrase-hint"),
                                              i18n.tf("reveal-attempts", [("attempts", n(limits.max_attempts))]))} />
                        }
                        if let Some(message) = &*error {
                            { alert(AlertKind::Error, None, Some("reveal-error"), html! { <p>{ message.clone() }</p> }) }
                        }
                        if let Some(stage) = working {
                            <Busy label={i18n.t(stage.label_id())} />
                        } else {
                            <button type="button" class="btn btn-primary btn-large" id="reveal" {onclick}>
                                { i18n.t("reveal-button") }
                            </button>
                        }
                    </form>
                    <p class="hint">{ i18n.t("reveal-ready-hint") }</p>
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
        Phase::Gone => end(&i18n, Ending::new("gone", "gone-title", "gone-text")),
        Phase::Locked => end(&i18n, Ending::new("locked", "locked-title", "locked-text")),
        Phase::Undecryptable => end(
            &i18n,
            Ending::new("undecryptable", "undecryptable-title", "undecryptable-text"),
        ),
        Phase::OutcomeUnknown => end(
            &i18n,
            Ending::new(
                "outcome-unknown",
                "outcome-unknown-title",
                "outcome-unknown-text",
            ),
        ),
        Phase::Cleared => end(
            &i18n,
            Ending::new("cleared", "cleared-title", "cleared-text"),
        ),
        Phase::CheckFailed(e) => {
            let retry = {
                let checks = checks.clone();
                Callback::from(move |_: MouseEvent| checks.set(*checks + 1))
            };
            html! {
                <section class="card" aria-labelledby="reveal-title">
                    <PageHeading id="reveal-title" text={title} />
                    { alert(AlertKind::Error, Some(i18n.t("check-failed")), Some("check-error"), html! { <p>{ e.message(&i18n) }</p> }) }
                    <button type="button" class="btn btn-primary" id="retry" onclick={retry}>{ i18n.t("try-again") }</button>
                </section>
            }
        }
    }
}

/// Every ending of a reveal offers to make a secret of one's own.
fn end(i18n: &I18n, which: Ending) -> Html {
    ending(i18n, which, "#/", "create-your-own")
}
