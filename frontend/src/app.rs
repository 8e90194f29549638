//! The app shell: header (with the language picker), the page for the
//! current `#route` (from the bundle's [`Pages`]), footer, and the one live
//! region that announces progress and outcomes. [`start`] is each bundle's
//! `main`.

use gloo_events::{EventListener, EventListenerOptions};
use yew::prelude::*;

use crate::api::Api;
use crate::bundle::{Pages, problem};
use crate::components::{ANNOUNCER_ID, language_picker};
use crate::config::Limits;
use crate::i18n::{self, I18n, Lang};
use crate::pages::{LinkProblem, link_problem_page};
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
pub fn app<P: Pages>(props: &AppProps) -> Html {
    // Read (and scrub) the address once, before anything renders.
    let route = use_state(arrive::<P>);
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
                    route.set(arrive::<P>());
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
    let page = match problem(&route) {
        Some(problem) => link_problem_page(t, problem),
        None => {
            P::page(&route, visit).unwrap_or_else(|| link_problem_page(t, LinkProblem::NotFound))
        }
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

/// The route in the address bar, scrubbed of its key if this bundle shows
/// its page. Another bundle's address (only while this one loads, or in a
/// build whose bundles disagree with `boot.js`) keeps its key, for the
/// bundle that can read it.
fn arrive<P: Pages>() -> Route {
    let route = route::current();
    if P::page(&route, 0).is_some() {
        route::scrub(&route);
    }
    route
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

/// Shown only if no message file can be loaded at all, so in English.
const NO_MESSAGES: &str =
    "self-destruct-o could not load its texts. Check your connection and reload the page.";

/// A bundle's entry point: fetches the preferred language's messages and
/// the server's limits together, then mounts [`App`] with the bundle's
/// pages on `<div id="app">`.
pub fn start<P: Pages>() {
    wasm_bindgen_futures::spawn_local(async {
        let preferred = i18n::preferred();
        // The limits decide what the first page offers (a request form
        // only where the server takes requests); without them the app
        // asks again after mounting.
        let api = Api::default();
        let (messages, limits) = futures::join!(I18n::fetch(preferred), api.config());
        // A missing or broken translation falls back to English rather
        // than leaving the page blank.
        let loaded = match messages {
            Ok(loaded) => Ok(loaded),
            Err(_) if preferred != Lang::En => I18n::fetch(Lang::En).await,
            Err(e) => Err(e),
        };
        let document = web_sys::window().and_then(|w| w.document());
        let root = document.as_ref().and_then(|d| d.get_element_by_id("app"));
        let Ok(messages) = loaded else {
            if let Some(root) = root {
                root.set_text_content(Some(NO_MESSAGES));
            }
            return;
        };
        i18n::apply_to_document(messages.lang());
        let props = AppProps {
            i18n: messages,
            api: None,
            limits: limits.ok(),
        };
        match root {
            Some(root) => yew::Renderer::<App<P>>::with_root_and_props(root, props).render(),
            None => yew::Renderer::<App<P>>::with_props(props).render(),
        };
    });
}
