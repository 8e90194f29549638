//! The app ships as three wasm bundles, one per kind of visit, so that a
//! first load carries only its own pages:
//!
//! | bundle (bin) | addresses | pages |
//! | --- | --- | --- |
//! | [`Share`] (`sdo-frontend`, Trunk's main) | `#/` and anything unknown | the create form and the "link is ready" page |
//! | [`Reveal`] (`sdo-reveal`) | `#/s/…` | reveal, and the share link's problems |
//! | [`Rest`] (`sdo-rest`) | `#/r/…`, `#/request`, `#/q/…`, `#/i/…` | the receipt and the request pages |
//!
//! `boot.js` picks the bundle from the address's first segment, and reloads
//! the page when an address of another bundle is followed; the app's own
//! `hashchange` listener never sees it (so it never scrubs a key that the
//! other bundle has yet to read). That table and the one here must agree:
//! the e2e suite opens every kind of address and checks which bundle
//! answered. A development build (`trunk serve`) has only Trunk's main
//! bundle, which is then [`All`].

use yew::prelude::*;

use crate::pages::{
    CreatePage, InboxPage, LinkProblem, NewRequestPage, ReceiptPage, RespondPage, RevealPage,
    link_problem_page,
};
use crate::route::Route;

/// The pages one bundle can show.
pub trait Pages: 'static {
    /// The page for `route`, or `None` if it belongs to another bundle
    /// (the app then says "not found": `boot.js` should not have sent it
    /// here). `visit` counts arrivals at an address, so that opening the
    /// same link again gives a fresh page.
    fn page(route: &Route, visit: u32) -> Option<Html>;
}

/// The sender's first page: create, then the link.
#[derive(Debug)]
pub struct Share;

/// The recipient's page.
#[derive(Debug)]
pub struct Reveal;

/// Everything after the first share, and requests: receipts, the request
/// form, the answer page and the inbox.
#[derive(Debug)]
pub struct Rest;

/// Every page: development builds and the wasm tests.
#[derive(Debug)]
pub struct All;

impl Pages for Share {
    fn page(route: &Route, _visit: u32) -> Option<Html> {
        match route {
            Route::Create => Some(html! { <CreatePage /> }),
            _ => None,
        }
    }
}

impl Pages for Reveal {
    fn page(route: &Route, visit: u32) -> Option<Html> {
        match route {
            Route::Reveal { id, link_key } => Some(html! {
                <RevealPage key={format!("{id}/{visit}")} id={*id} link_key={link_key.clone()} />
            }),
            _ => None,
        }
    }
}

impl Pages for Rest {
    fn page(route: &Route, visit: u32) -> Option<Html> {
        Some(match route {
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
            _ => return None,
        })
    }
}

impl Pages for All {
    fn page(route: &Route, visit: u32) -> Option<Html> {
        Share::page(route, visit)
            .or_else(|| Reveal::page(route, visit))
            .or_else(|| Rest::page(route, visit))
    }
}

/// The page for an address that is not (or no longer) a usable link; the
/// same in every bundle, and cheap (plain functions).
pub fn problem_page(route: &Route, i18n: &crate::i18n::I18n) -> Option<Html> {
    let problem = match route {
        Route::KeyRemoved => LinkProblem::KeyRemoved,
        Route::ReceiptTokenRemoved => LinkProblem::ReceiptTokenRemoved,
        Route::RespondKeyRemoved => LinkProblem::RequestKeyRemoved,
        Route::InboxKeyRemoved => LinkProblem::InboxKeyRemoved,
        Route::Damaged => LinkProblem::Damaged,
        Route::NotFound => LinkProblem::NotFound,
        _ => return None,
    };
    Some(link_problem_page(i18n, problem))
}
