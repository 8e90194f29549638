//! The creator's receipt (`#/r/{id}/{manage_token}`): what happened to the
//! secret, and a button to destroy it now.

use std::rc::Rc;

use gloo_timers::callback::Interval;
use sdo_shared::api::{ReceiptResponse, State};
use sdo_shared::secret::{ManageToken, SecretId};
use yew::prelude::*;

use crate::api::{Api, ApiError};
use crate::components::{Alert, AlertKind, Busy};
use crate::humanize;

/// How often a waiting receipt asks again.
const REFRESH_MS: u32 = 15_000;

#[derive(Debug, Properties, PartialEq)]
pub struct ReceiptPageProps {
    pub id: SecretId,
    pub manage_token: ManageToken,
}

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Loading,
    Loaded(ReceiptResponse),
    Gone,
    Failed(String),
}

/// A state's badge text and sentence.
pub fn describe(r: &ReceiptResponse) -> (&'static str, String) {
    let when = |t: i64| format!("{} ({})", humanize::relative(t), humanize::local_time(t));
    match r.state {
        State::Waiting => {
            let views = match r.views_left {
                1 => "1 view left".to_owned(),
                n => format!("{n} views left"),
            };
            let read = match r.revealed_at {
                Some(t) => format!("First read {}.", when(t)),
                None => "Not read yet.".to_owned(),
            };
            (
                "Waiting",
                format!("{read} {views}; it expires {}.", when(r.expires_at)),
            )
        }
        State::Revealed => (
            "Revealed",
            match r.revealed_at {
                Some(t) => format!("It was read {} and is destroyed.", when(t)),
                None => "It was read and is destroyed.".to_owned(),
            },
        ),
        State::Burned => (
            "Burned",
            "It was destroyed before anyone read it.".to_owned(),
        ),
        State::Locked => (
            "Locked",
            "Too many wrong passphrases were tried, so it was destroyed. If that was not the recipient, someone else has the link.".to_owned(),
        ),
        State::Expired => ("Expired", "It expired unread.".to_owned()),
    }
}

#[function_component(ReceiptPage)]
pub fn receipt_page(props: &ReceiptPageProps) -> Html {
    let api = use_context::<Api>().unwrap_or_default();
    let phase = use_state(|| Phase::Loading);
    let confirming = use_state(|| false);
    let burn_error = use_state(|| None::<String>);

    // Fetches the receipt and shows it; every handle set here is the same
    // state, so a stale copy of this closure (the timer's) still works.
    let load: Rc<dyn Fn()> = {
        let (api, phase) = (api.clone(), phase.clone());
        let (id, token) = (props.id, props.manage_token.clone());
        Rc::new(move || {
            let (api, phase, token) = (api.clone(), phase.clone(), token.clone());
            wasm_bindgen_futures::spawn_local(async move {
                phase.set(match api.receipt(&id, &token).await {
                    Ok(r) => Phase::Loaded(r),
                    Err(ApiError::NotFound) => Phase::Gone,
                    Err(e) => Phase::Failed(e.message()),
                });
            });
        })
    };
    {
        let load = load.clone();
        use_effect_with(props.id, move |_| load());
    }
    {
        // Ask again now and then while the secret waits to be read.
        let waiting = matches!(&*phase, Phase::Loaded(r) if r.state == State::Waiting);
        let load = load.clone();
        use_effect_with(waiting, move |waiting| {
            let timer = waiting.then(move || Interval::new(REFRESH_MS, move || load()));
            move || drop(timer)
        });
    }

    let refresh = {
        let load = load.clone();
        Callback::from(move |_: MouseEvent| load())
    };
    let ask_burn = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel_burn = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let burn = {
        let (api, confirming, burn_error) = (api.clone(), confirming.clone(), burn_error.clone());
        let (id, token) = (props.id, props.manage_token.clone());
        Callback::from(move |_: MouseEvent| {
            let (api, confirming, burn_error, load) = (
                api.clone(),
                confirming.clone(),
                burn_error.clone(),
                load.clone(),
            );
            let token = token.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match api.burn(&id, &token).await {
                    // 404: it went away meanwhile, which is what was wanted.
                    Ok(()) | Err(ApiError::NotFound) => burn_error.set(None),
                    Err(e) => burn_error.set(Some(e.message())),
                }
                confirming.set(false);
                load();
            });
        })
    };

    let body = match &*phase {
        Phase::Loading => html! { <Busy label="Loading the receipt…" /> },
        Phase::Gone => html! {
            <Alert kind={AlertKind::Info} title="No record of this secret" id="receipt-gone">
                <p>{ "It expired and was deleted, or this receipt link is incomplete. Receipts are kept only until the secret's expiry." }</p>
            </Alert>
        },
        Phase::Failed(message) => html! {
            <Alert kind={AlertKind::Error} title="Could not load the receipt" id="receipt-error">
                <p>{ message.clone() }</p>
            </Alert>
        },
        Phase::Loaded(r) => {
            let (badge, sentence) = describe(r);
            html! {
                <>
                    <p class="status-line">
                        <span class={classes!("badge", r.state.as_str())} id="receipt-state">{ badge }</span>
                        <span id="receipt-detail">{ sentence }</span>
                    </p>
                    <dl class="facts">
                        <dt>{ "Created" }</dt><dd>{ humanize::local_time(r.created_at) }</dd>
                        <dt>{ "Expires" }</dt><dd>{ humanize::local_time(r.expires_at) }</dd>
                        <dt>{ "Views left" }</dt><dd>{ r.views_left.to_string() }</dd>
                        <dt>{ "Wrong passphrases" }</dt><dd>{ r.failed_attempts.to_string() }</dd>
                    </dl>
                    if r.state == State::Waiting {
                        if *confirming {
                            <div class="confirm" role="group" aria-labelledby="confirm-text">
                                <p id="confirm-text">{ "Destroy the secret now? Nobody will be able to read it." }</p>
                                <button type="button" class="btn btn-danger" id="confirm-burn" onclick={burn}>
                                    { "Yes, burn it" }
                                </button>
                                <button type="button" class="btn btn-secondary" id="cancel-burn" onclick={cancel_burn}>
                                    { "Cancel" }
                                </button>
                            </div>
                        } else {
                            <button type="button" class="btn btn-danger" id="burn" onclick={ask_burn}>
                                { "Burn now" }
                            </button>
                        }
                    }
                </>
            }
        }
    };
    html! {
        <section class="card" aria-labelledby="receipt-title">
            <h1 id="receipt-title">{ "Receipt" }</h1>
            <p class="lede">{ "Your private view of the secret you sent. This link cannot open the secret; keep it to yourself anyway." }</p>
            <div aria-live="polite">{ body }</div>
            if let Some(error) = &*burn_error {
                <Alert kind={AlertKind::Error} title="Could not burn the secret"><p>{ error.clone() }</p></Alert>
            }
            <div class="actions">
                <button type="button" class="btn btn-secondary" id="refresh" onclick={refresh}>{ "Refresh" }</button>
                <a class="btn btn-link" href="#/">{ "Create a new secret" }</a>
            </div>
        </section>
    }
}
