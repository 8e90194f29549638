//! The app shell: header (with the language picker), the page for the
//! current `#route`, footer, and the one live region that announces
//! progress and outcomes.

use gloo_events::{EventListener, EventListenerOptions};
use yew::prelude::*;

use crate::api::Api;
use crate::components::{ANNOUNCER_ID, language_picker};
use crate::config::Limits;
use crate::i18n::{self, I18n, Lang};
use crate::pages::{
    CreatePage, InboxPage, LinkProblem, NewRequestPage, ReceiptPage, RespondPage, RevealPage,
    link_problem_page,
};
use crate::route::{self, Route};

#[derive(Debug, Properties, PartialEq)]
pub struct AppProps {
    /// The messages to start with (`main` fetches the preferred language's
    /// file before the first render).
    pub i18n: I18n,
    /// The API to talk to; by default the build-time base or this origin.
    #[prop_or_default]
    pub api: Option<Api>,
    /// The server's limits, if known; otherwise they are fetched.
    #[prop_or_default]
    pub limits: Option<Limits>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // Read (and scrub) the address once, before anything renders.
    let route = use_state(route::take_current);
    // Each arrival at an address is a new visit, with a fresh page: the
    // same link opened again in this tab is checked again, not shown as
    // the page last left it.
    let visits = use_mut_ref(|| 0u32);
    let api = use_memo(props.api.clone(), |api| api.clone().unwrap_or_default());
    let i18n = use_state(|| props.i18n.clone());
    let limits = use_state(|| props.limits.unwrap_or_default());
    {
        let (route, visits) = (route.clone(), visits.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    *visits.borrow_mut() += 1;
                    route.set(route::take_current());
                    if let Some(w) = web_sys::window() {
                        w.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                })
            });
            move || drop(listener)
        });
    }
    {
        let (api, limits, known) = ((*api).clone(), limits.clone(), props.limits.is_some());
        use_effect_with((), move |_| {
            if !known {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(fetched) = api.config().await {
                        limits.set(fetched);
                    }
                });
            }
        });
    }
    use_effect_with((), |_| {
        // A file dropped anywhere but the drop zone would otherwise make the
        // browser open it in place of the app, and the form would be lost.
        let window = web_sys::window();
        let listeners = window.map(|w| {
            let stop = |event: &str| {
                EventListener::new_with_options(
                    &w,
                    event.to_owned(),
                    EventListenerOptions::enable_prevent_default(),
                    |e| e.prevent_default(),
                )
            };
            [stop("dragover"), stop("drop")]
        });
        move || drop(listeners)
    });
    let on_language = {
        let i18n = i18n.clone();
        Callback::from(move |lang: Lang| {
            let i18n = i18n.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // On failure the page stays in its current language; the
                // picker shows that language again.
                if let Ok(loaded) = I18n::fetch(lang).await {
                    i18n::remember(lang);
                    i18n::apply_to_document(lang);
                    i18n.set(loaded);
                }
            });
        })
    };
    let t = &*i18n;
    // Each visit gets a fresh page component (and fresh state).
    let visit = *visits.borrow();
    let page = match &*route {
        Route::Create => html! { <CreatePage /> },
        Route::Reveal { id, link_key } => html! {
            <RevealPage key={format!("{id}/{visit}")} id={*id} link_key={link_key.clone()} />
        },
        Route::Receipt { id, manage_token } => html! {
            <ReceiptPage key={format!("{id}/{visit}")} id={*id} manage_token={manage_token.clone()} />
        },
        Route::NewRequest => html! { <NewRequestPage /> },
        Route::Respond { id, public_key } => html! {
            <RespondPage key={format!("{id}/{visit}")} id={*id} public_key={public_key.clone()} />
        },
        Route::Inbox { id, request_key } => html! {
            <InboxPage key={format!("{id}/{visit}")} id={*id} request_key={request_key.clone()} />
        },
        Route::RespondKeyRemoved => link_problem_page(t, LinkProblem::RequestKeyRemoved),
        Route::InboxKeyRemoved => link_problem_page(t, LinkProblem::InboxKeyRemoved),
        Route::KeyRemoved => link_problem_page(t, LinkProblem::KeyRemoved),
        Route::ReceiptTokenRemoved => link_problem_page(t, LinkProblem::ReceiptTokenRemoved),
        Route::Damaged => link_problem_page(t, LinkProblem::Damaged),
        Route::NotFound => link_problem_page(t, LinkProblem::NotFound),
    };
    html! {
        <ContextProvider<Api> context={(*api).clone()}>
        <ContextProvider<I18n> context={t.clone()}>
        <ContextProvider<Limits> context={*limits}>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ t.t("skip-to-content") }</a>
            <header class="site-header">
                <a class="brand" href="#/" aria-label={t.t("brand-label")}>
                    <span class="brand-mark" aria-hidden="true"></span>
                    <span class="brand-name">{ "self-destruct-o" }</span>
                </a>
                <span class="tagline">{ t.t("tagline") }</span>
                { language_picker(t, on_language) }
            </header>
            <main id="main" tabindex="-1">{ page }</main>
            <footer class="site-footer">
                <p>{ t.t("footer") }</p>
            </footer>
            // Present from the start, so that each later change of its
            // text is announced (screen readers ignore live regions that
            // appear together with their text).
            <div id={ANNOUNCER_ID} class="visually-hidden" role="status" aria-live="polite"
                 aria-atomic="true"></div>
        </ContextProvider<Limits>>
        </ContextProvider<I18n>>
        </ContextProvider<Api>>
    }
}

/// The skip link must not change the hash (that is the router's), so it
/// moves focus itself.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        let main = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"));
        if let Some(main) =
            main.and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok())
        {
            let _ = main.focus();
        }
    })
}
