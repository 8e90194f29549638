//! The two things to do from the home page, share a secret or request one,
//! as a small navigation above the form (shown only where the server takes
//! requests). Links rather than ARIA tabs: each is its own `#route`, so
//! they work with Back, bookmarks and a new tab.

use yew::prelude::*;

use crate::config::Limits;
use crate::i18n::I18n;
use crate::route::NEW_REQUEST;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeTab {
    Share,
    Request,
}

/// A function, not a component: it has no state of its own.
pub fn home_tabs(i18n: &I18n, limits: &Limits, current: HomeTab) -> Html {
    if !limits.requests_enabled {
        return html! {};
    }
    let tab = |which: HomeTab, id: &'static str, href: String, text: String| {
        let here = which == current;
        html! {
            <a {id} {href} class={classes!("home-tab", here.then_some("current"))}
               aria-current={here.then_some("page")}>{ text }</a>
        }
    };
    html! {
        <nav class="home-tabs" aria-label={i18n.t("home-tabs-label")}>
            { tab(HomeTab::Share, "tab-share", "#/".into(), i18n.t("tab-share")) }
            { tab(HomeTab::Request, "tab-request", format!("#/{NEW_REQUEST}"), i18n.t("tab-request")) }
        </nav>
    }
}
