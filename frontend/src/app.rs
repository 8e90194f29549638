//! The app shell: header, the page for the current `#route`, footer.

use gloo_events::EventListener;
use yew::prelude::*;

use crate::api::Api;
use crate::pages::{CreatePage, LinkProblem, LinkProblemPage, ReceiptPage, RevealPage};
use crate::route::{self, Route};

#[derive(Debug, Properties, PartialEq, Default)]
pub struct AppProps {
    /// The API to talk to; by default the build-time base or this origin.
    #[prop_or_default]
    pub api: Option<Api>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // Read (and scrub) the address once, before anything renders.
    let route = use_state(route::take_current);
    let api = use_memo(props.api.clone(), |api| api.clone().unwrap_or_default());
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    route.set(route::take_current());
                    if let Some(w) = web_sys::window() {
                        w.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Each secret gets a fresh page component (and fresh state).
    let page = match &*route {
        Route::Create => html! { <CreatePage /> },
        Route::Reveal { id, link_key } => html! {
            <RevealPage key={id.to_string()} id={*id} link_key={link_key.clone()} />
        },
        Route::Receipt { id, manage_token } => html! {
            <ReceiptPage key={id.to_string()} id={*id} manage_token={manage_token.clone()} />
        },
        Route::KeyRemoved => html! { <LinkProblemPage problem={LinkProblem::KeyRemoved} /> },
        Route::ReceiptTokenRemoved => html! {
            <LinkProblemPage problem={LinkProblem::ReceiptTokenRemoved} />
        },
        Route::Damaged(why) => html! {
            <LinkProblemPage problem={LinkProblem::Damaged(why.clone())} />
        },
        Route::NotFound => html! { <LinkProblemPage problem={LinkProblem::NotFound} /> },
    };
    html! {
        <ContextProvider<Api> context={(*api).clone()}>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ "Skip to content" }</a>
            <header class="site-header">
                <a class="brand" href="#/" aria-label="self-destruct-o: create a new secret">
                    <span class="brand-mark" aria-hidden="true"></span>
                    <span class="brand-name">{ "self-destruct-o" }</span>
                </a>
                <span class="tagline">{ "One-time secrets the server cannot read" }</span>
            </header>
            <main id="main" tabindex="-1">{ page }</main>
            <footer class="site-footer">
                <p>
                    { "End-to-end encrypted in your browser with AES-256-GCM. The key lives only in the link's #fragment, which browsers never send to a server." }
                </p>
            </footer>
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
