//! The creator's receipt (`#/r/{id}/{manage_token}`): what happened to the
//! secret, and a button to destroy it now. While the secret waits, the page
//! asks again now and then; a change of state (not every refresh) is
//! announced, and can raise a browser notification if the user asked.

use std::rc::Rc;

use gloo_timers::callback::Interval;
use sdo_shared::api::{ReceiptResponse, State};
use sdo_shared::secret::{ManageToken, SecretId};
use yew::prelude::*;

use crate::api::{Api, ApiError};
use crate::components::{
    AlertKind, Busy, NotifyToggle, PageHeading, alert, announce, focus_soon, notify,
};
use crate::i18n::{I18n, format, n, s, use_i18n};

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
    Failed(ApiError),
}

/// A state's badge text and sentence.
pub fn describe(i18n: &I18n, r: &ReceiptResponse) -> (String, String) {
    let when = |t: i64| {
        i18n.tf(
            "receipt-when",
            [
                ("relative", s(format::relative(i18n, t))),
                ("date", s(format::date_time(i18n, t))),
            ],
        )
    };
    let sentence = match r.state {
        State::Waiting => {
            let viewed = match r.revealed_at {
                Some(t) => i18n.tf("receipt-first-viewed", [("when", s(when(t)))]),
                None => i18n.t("receipt-not-viewed"),
            };
            let views = i18n.tf(
                "receipt-views-left",
                [("views", n(r.views_left)), ("when", s(when(r.expires_at)))],
            );
            format!("{viewed} {views}")
        }
        State::Revealed => match r.revealed_at {
            Some(t) => i18n.tf("receipt-viewed-at", [("when", s(when(t)))]),
            None => i18n.t("receipt-viewed"),
        },
        State::Burned => i18n.t("receipt-burned"),
        State::Locked => i18n.t("receipt-locked"),
        State::Expired => i18n.t("receipt-expired"),
    };
    (badge(i18n, r.state), sentence)
}

fn badge(i18n: &I18n, state: State) -> String {
    i18n.t(match state {
        State::Waiting => "state-waiting",
        State::Revealed => "state-revealed",
        State::Burned => "state-burned",
        State::Locked => "state-locked",
        State::Expired => "state-expired",
    })
}

#[function_component(ReceiptPage)]
pub fn receipt_page(props: &ReceiptPageProps) -> Html {
    let api = use_context::<Api>().unwrap_or_default();
    let i18n = use_i18n();
    let phase = use_state(|| Phase::Loading);
    let confirming = use_state(|| false);
    let burn_error = use_state(|| None::<ApiError>);
    // The state last seen, to tell a change from a refresh.
    let last_state = use_mut_ref(|| None::<State>);

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
                    Err(e) => Phase::Failed(e),
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

    {
        // Announce (and notify) a change of state, once.
        let state = match &*phase {
            Phase::Loaded(r) => Some(r.state),
            _ => None,
        };
        let (last_state, i18n) = (last_state.clone(), i18n.clone());
        use_effect_with(state, move |state| {
            if let Some(state) = *state {
                let before = last_state.borrow_mut().replace(state);
                if before.is_some_and(|b| b != state) {
                    announce(&i18n.tf("receipt-changed", [("state", s(badge(&i18n, state)))]));
                    if before == Some(State::Waiting) && state == State::Revealed {
                        notify(&i18n, "notify-title", "notify-body");
                    }
                }
            }
        });
    }
    let refresh = {
        let load = load.clone();
        Callback::from(move |_: MouseEvent| load())
    };
    let ask_burn = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(true);
            // The safe choice first; the button pressed is gone.
            focus_soon("#cancel-burn");
        })
    };
    let cancel_burn = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            focus_soon("#burn");
        })
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
                    Err(e) => burn_error.set(Some(e)),
                }
                confirming.set(false);
                // The buttons are gone; the page's heading is the place to
                // start reading the new state from.
                focus_soon("#receipt-title");
                load();
            });
        })
    };

    let body = match &*phase {
        Phase::Loading => html! { <Busy label={i18n.t("receipt-loading")} /> },
        Phase::Gone => html! {
            { alert(AlertKind::Info, Some(i18n.t("receipt-gone-title")), Some("receipt-gone"), html! { <p>{ i18n.t("receipt-gone-text") }</p> }) }
        },
        Phase::Failed(e) => html! {
            { alert(AlertKind::Error, Some(i18n.t("receipt-failed")), Some("receipt-error"), html! { <p>{ e.message(&i18n) }</p> }) }
        },
        Phase::Loaded(r) => {
            let (badge, sentence) = describe(&i18n, r);
            html! {
                <>
                    <p class="status-line">
                        <span class={classes!("badge", r.state.as_str())} id="receipt-state">{ badge }</span>
                        <span id="receipt-detail">{ sentence }</span>
                    </p>
                    <dl class="facts">
                        <dt>{ i18n.t("fact-created") }</dt><dd>{ format::date_time(&i18n, r.created_at) }</dd>
                        <dt>{ i18n.t("fact-expires") }</dt><dd>{ format::date_time(&i18n, r.expires_at) }</dd>
                        <dt>{ i18n.t("fact-views-left") }</dt><dd>{ format::number(&i18n, r.views_left.into(), 0) }</dd>
                        <dt>{ i18n.t("fact-wrong-passphrases") }</dt><dd>{ format::number(&i18n, r.failed_attempts.into(), 0) }</dd>
                    </dl>
                    if r.state == State::Waiting {
                        <NotifyToggle label={i18n.t("notify-label")} />
                        if *confirming {
                            <div class="confirm" role="group" aria-labelledby="confirm-text">
                                <p id="confirm-text">{ i18n.t("burn-confirm-text") }</p>
                                <button type="button" class="btn btn-danger" id="confirm-burn" onclick={burn}>
                                    { i18n.t("burn-confirm") }
                                </button>
                                <button type="button" class="btn btn-secondary" id="cancel-burn" onclick={cancel_burn}>
                                    { i18n.t("cancel") }
                                </button>
                            </div>
                        } else {
                            <button type="button" class="btn btn-danger" id="burn" onclick={ask_burn}>
                                { i18n.t("burn") }
                            </button>
                        }
                    }
                </>
            }
        }
    };
    html! {
        <section class="card" aria-labelledby="receipt-title">
            <PageHeading id="receipt-title" text={i18n.t("receipt-title")} />
            <p class="lede">{ i18n.t("receipt-lede") }</p>
            <div>{ body }</div>
            if let Some(error) = &*burn_error {
                { alert(AlertKind::Error, Some(i18n.t("burn-failed")), None, html! { <p>{ error.message(&i18n) }</p> }) }
            }
            <div class="actions">
                <button type="button" class="btn btn-secondary" id="refresh" onclick={refresh}>{ i18n.t("refresh") }</button>
                <a class="btn btn-link" href="#/">{ i18n.t("create-new") }</a>
            </div>
        </section>
    }
}
