//! A request's inbox (`#/i/{rid}/{request_key}`), the requester's page:
//! waiting or answered, checked again now and then while it waits (a state
//! change is announced, and notified if the user asked); the answer is
//! collected only on a real click, like a reveal, because link previewers
//! open links too. Collecting releases it once; it is opened in the worker.

use std::rc::Rc;

use gloo_timers::callback::Interval;
use sdo_shared::api::{RequestMetaResponse, RequestState};
use sdo_shared::payload::Payload;
use sdo_shared::request::{self, RequestId};
use sdo_shared::secret::RequestKey;
use yew::prelude::*;

use crate::api::{Api, ApiError, RequestToken};
use crate::components::{
    AlertKind, Busy, Ending, NotifyToggle, PageHeading, alert, announce, ending, focus_soon, notify,
};
use crate::gesture;
use crate::i18n::{I18n, format, s, use_i18n};
use crate::pages::reveal::RevealedView;
use crate::worker;

/// How often a waiting inbox asks again, while the tab is visible.
const REFRESH_MS: u32 = 10_000;

#[derive(Debug, Properties, PartialEq)]
pub struct InboxPageProps {
    pub id: RequestId,
    pub request_key: RequestKey,
}

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Loading,
    Loaded(Rc<RequestMetaResponse>),
    Collecting,
    Collected(Rc<Payload>),
    Ended(Ending),
    Failed(ApiError),
}

const GONE: Phase = Phase::Ended(Ending::new(
    "inbox-gone",
    "inbox-gone-title",
    "inbox-gone-text",
));
const UNDECRYPTABLE: Ending = Ending::new(
    "collect-undecryptable",
    "collect-undecryptable-title",
    "collect-undecryptable-text",
);
const LOST: Ending = Ending::new("collect-lost", "collect-lost-title", "collect-lost-text");
const CLEARED: Ending = Ending::new("cleared", "cleared-title", "inbox-cleared-text");

fn badge(i18n: &I18n, state: RequestState) -> String {
    i18n.t(match state {
        RequestState::Open => "request-state-open",
        RequestState::Filled => "request-state-filled",
        RequestState::Collected => "request-state-collected",
        RequestState::Cancelled => "request-state-cancelled",
        RequestState::Expired => "request-state-expired",
    })
}

/// The state's sentence.
fn sentence(i18n: &I18n, m: &RequestMetaResponse) -> String {
    let when = |t: i64| {
        i18n.tf(
            "receipt-when",
            [
                ("relative", s(format::relative(i18n, t))),
                ("date", s(format::date_time(i18n, t))),
            ],
        )
    };
    match (m.state, m.filled_at, m.collected_at) {
        (RequestState::Open, ..) => i18n.tf("inbox-open", [("when", s(when(m.expires_at)))]),
        (RequestState::Filled, filled, _) => i18n.tf(
            "inbox-filled",
            [
                ("when", s(filled.map(when).unwrap_or_default())),
                ("expires", s(when(m.expires_at))),
            ],
        ),
        (RequestState::Collected, _, Some(t)) => i18n.tf("inbox-collected", [("when", s(when(t)))]),
        (RequestState::Collected, _, None) => i18n.t("inbox-collected-unknown"),
        (RequestState::Cancelled, ..) => i18n.t("inbox-cancelled"),
        (RequestState::Expired, ..) => i18n.t("inbox-expired"),
    }
}

fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

#[function_component(InboxPage)]
pub fn inbox_page(props: &InboxPageProps) -> Html {
    let api = use_context::<Api>().unwrap_or_default();
    let i18n = use_i18n();
    let phase = use_state(|| Phase::Loading);
    let confirming = use_state(|| false);
    let action_error = use_state(|| None::<(&'static str, String)>);
    let last_state = use_mut_ref(|| None::<RequestState>);
    let token = use_memo(props.request_key.clone(), request::inbox_token);

    let load: Rc<dyn Fn()> = {
        let (api, phase, token, id) = (api.clone(), phase.clone(), token.clone(), props.id);
        Rc::new(move || {
            let (api, phase, token) = (api.clone(), phase.clone(), token.clone());
            wasm_bindgen_futures::spawn_local(async move {
                phase.set(
                    match api.request_meta(&id, RequestToken::Inbox(&token)).await {
                        Ok(m) => Phase::Loaded(Rc::new(m)),
                        Err(ApiError::NotFound) => GONE,
                        Err(e) => Phase::Failed(e),
                    },
                );
            });
        })
    };
    {
        let load = load.clone();
        use_effect_with(props.id, move |_| load());
    }
    let state = match &*phase {
        Phase::Loaded(m) => Some(m.state),
        _ => None,
    };
    {
        // Ask again now and then while it waits, but not from a hidden tab.
        let load = load.clone();
        use_effect_with(state == Some(RequestState::Open), move |waiting| {
            let timer = waiting.then(move || {
                Interval::new(REFRESH_MS, move || {
                    if !page_hidden() {
                        load();
                    }
                })
            });
            move || drop(timer)
        });
    }
    {
        let (last_state, i18n) = (last_state.clone(), i18n.clone());
        use_effect_with(state, move |state| {
            if let Some(state) = *state {
                let before = last_state.borrow_mut().replace(state);
                if before.is_some_and(|b| b != state) {
                    announce(&i18n.tf("inbox-changed", [("state", s(badge(&i18n, state)))]));
                    if state == RequestState::Filled {
                        // Its wasm loads before the click that needs it.
                        worker::warm_up();
                        notify(&i18n, "notify-answered-title", "notify-answered-body");
                    }
                }
            }
        });
    }

    let collect = {
        let (api, phase, token, action_error) = (
            api.clone(),
            phase.clone(),
            token.clone(),
            action_error.clone(),
        );
        let (id, request_key, i18n) = (props.id, props.request_key.clone(), i18n.clone());
        Callback::from(move |e: MouseEvent| {
            // A script's click (a scanner's) does nothing at all.
            if !gesture::is_trusted_gesture(e.as_ref()) || !matches!(*phase, Phase::Loaded(_)) {
                return;
            }
            let before = (*phase).clone();
            phase.set(Phase::Collecting);
            action_error.set(None);
            let (api, phase, token, action_error) = (
                api.clone(),
                phase.clone(),
                token.clone(),
                action_error.clone(),
            );
            let (request_key, i18n) = (request_key.clone(), i18n.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // Opening the answer needs the worker, and a collected answer
                // cannot be fetched again: the worker must run first.
                if let Err(e) = worker::ready().await {
                    let message = i18n.t(e.message_key("out-of-date-link", "worker-failed"));
                    action_error.set(Some(("collect-failed", message)));
                    focus_soon("#collect");
                    phase.set(before);
                    return;
                }
                let failure = match api.collect(&id, &token).await {
                    Ok(collected) => {
                        phase.set(
                            match worker::open_fill(&request_key, &id, collected.blob.as_bytes())
                                .await
                            {
                                Ok(payload) => Phase::Collected(Rc::new(payload)),
                                Err(_) => Phase::Ended(UNDECRYPTABLE),
                            },
                        );
                        return;
                    }
                    Err(e) => e,
                };
                let now = api.request_meta(&id, RequestToken::Inbox(&token)).await;
                phase.set(match (&failure, now) {
                    // Released, but the answer never arrived: it is gone. A
                    // connection that failed (or a proxy's 5xx) may have
                    // failed after the release as well as before it; the
                    // server's own refusals (404, 429, 503 unavailable)
                    // say it released nothing to this page.
                    (
                        ApiError::OutcomeUnknown
                        | ApiError::Network
                        | ApiError::Server(_)
                        | ApiError::BadResponse,
                        Ok(m),
                    ) if m.state == RequestState::Collected => Phase::Ended(LOST),
                    (ApiError::NotFound | ApiError::OutcomeUnknown, Ok(m)) => {
                        Phase::Loaded(Rc::new(m))
                    }
                    (ApiError::NotFound, Err(ApiError::NotFound)) => GONE,
                    _ => {
                        action_error.set(Some(("collect-failed", failure.message(&i18n))));
                        focus_soon("#collect");
                        before
                    }
                });
            });
        })
    };
    let ask_withdraw = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(true);
            focus_soon("#cancel-withdraw");
        })
    };
    let cancel_withdraw = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            focus_soon("#withdraw");
        })
    };
    let withdraw = {
        let (api, confirming, action_error, token, id) = (
            api.clone(),
            confirming.clone(),
            action_error.clone(),
            token.clone(),
            props.id,
        );
        let (load, i18n) = (load.clone(), i18n.clone());
        Callback::from(move |_: MouseEvent| {
            let (api, confirming, action_error, token) = (
                api.clone(),
                confirming.clone(),
                action_error.clone(),
                token.clone(),
            );
            let (load, i18n) = (load.clone(), i18n.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api.cancel_request(&id, &token).await {
                    Ok(()) | Err(ApiError::NotFound) => action_error.set(None),
                    Err(e) => action_error.set(Some(("withdraw-failed", e.message(&i18n)))),
                }
                confirming.set(false);
                focus_soon("#inbox-title");
                load();
            });
        })
    };
    let refresh = {
        let load = load.clone();
        Callback::from(move |_: MouseEvent| load())
    };

    let body = match &*phase {
        Phase::Loading => html! { <Busy label={i18n.t("inbox-loading")} /> },
        Phase::Collecting => html! { <Busy label={i18n.t("collect-stage")} /> },
        Phase::Collected(payload) => {
            let onclear = {
                let phase = phase.clone();
                Callback::from(move |_| phase.set(Phase::Ended(CLEARED)))
            };
            return html! { <RevealedView payload={payload.clone()} views_left={0} {onclear} /> };
        }
        Phase::Ended(which) => {
            let another = format!("#/{}", crate::route::NEW_REQUEST);
            return ending(&i18n, *which, &another, "request-another");
        }
        Phase::Failed(e) => html! {
            { alert(AlertKind::Error, Some(i18n.t("inbox-failed")), Some("inbox-error"), html! { <p>{ e.message(&i18n) }</p> }) }
        },
        Phase::Loaded(m) => {
            let live = matches!(m.state, RequestState::Open | RequestState::Filled);
            html! {
                <>
                    <p class="status-line">
                        <span class={classes!("badge", m.state.as_str())} id="inbox-state">{ badge(&i18n, m.state) }</span>
                        <span id="inbox-detail">{ sentence(&i18n, m) }</span>
                    </p>
                    <dl class="facts">
                        <dt>{ i18n.t("fact-created") }</dt><dd>{ format::date_time(&i18n, m.created_at) }</dd>
                        <dt>{ i18n.t("fact-expires") }</dt><dd>{ format::date_time(&i18n, m.expires_at) }</dd>
                    </dl>
                    if m.state == RequestState::Filled {
                        <div class="actions">
                            <button type="button" class="btn btn-primary btn-large" id="collect" onclick={collect}>
                                { i18n.t("collect-button") }
                            </button>
                        </div>
                    }
                    if m.state == RequestState::Open {
                        <NotifyToggle label={i18n.t("notify-answered-label")} />
                    }
                    if live && *confirming {
                        <div class="confirm" role="group" aria-labelledby="confirm-text">
                            <p id="confirm-text">{ i18n.t("withdraw-confirm-text") }</p>
                            <button type="button" class="btn btn-danger" id="confirm-withdraw" onclick={withdraw}>
                                { i18n.t("withdraw-confirm") }
                            </button>
                            <button type="button" class="btn btn-secondary" id="cancel-withdraw" onclick={cancel_withdraw}>
                                { i18n.t("cancel") }
                            </button>
                        </div>
                    } else if live {
                        <div class="actions">
                            <button type="button" class="btn btn-danger" id="withdraw" onclick={ask_withdraw}>
                                { i18n.t("withdraw") }
                            </button>
                        </div>
                    }
                </>
            }
        }
    };
    html! {
        <section class="card" aria-labelledby="inbox-title">
            <PageHeading id="inbox-title" text={i18n.t("inbox-title")} />
            <p class="lede">{ i18n.t("inbox-lede") }</p>
            <div>{ body }</div>
            if let Some((title, message)) = &*action_error {
                { alert(AlertKind::Error, Some(i18n.t(title)), Some("inbox-action-error"), html! { <p>{ message.clone() }</p> }) }
            }
            <div class="actions">
                <button type="button" class="btn btn-secondary" id="refresh" onclick={refresh}>{ i18n.t("refresh") }</button>
            </div>
        </section>
    }
}
