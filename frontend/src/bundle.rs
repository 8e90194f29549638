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
//! answered, and a wasm test below checks this table against the pages.
//! Trunk's main bundle is [`Share`] only when built with the `bundles`
//! feature, as `scripts/frontend.sh build` does (and builds the other two);
//! otherwise (`trunk serve`, a plain `trunk build`) it is [`All`], and
//! `boot.js`, finding no other bundle named, loads it for every address.

use yew::prelude::*;

use crate::pages::{
    CreatePage, InboxPage, LinkProblem, NewRequestPage, ReceiptPage, RespondPage, RevealPage,
};
use crate::route::Route;

/// The pages one bundle can show.
pub trait Pages: 'static {
    /// The page for `route`, or `None` if it belongs to another bundle
    /// (the app then leaves its key in the address bar and says "not
    /// found": `boot.js` should not have sent it here). `visit` counts
    /// arrivals at an address, so that opening the same link again gives a
    /// fresh page.
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

/// What is wrong with an address that is not (or no longer) a usable link.
/// Every bundle shows these pages (plain functions, and cheap).
pub fn problem(route: &Route) -> Option<LinkProblem> {
    Some(match route {
        Route::KeyRemoved => LinkProblem::KeyRemoved,
        Route::ReceiptTokenRemoved => LinkProblem::ReceiptTokenRemoved,
        Route::RespondKeyRemoved => LinkProblem::RequestKeyRemoved,
        Route::InboxKeyRemoved => LinkProblem::InboxKeyRemoved,
        Route::Damaged => LinkProblem::Damaged,
        Route::NotFound => LinkProblem::NotFound,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    const ID: &str = "AQEBAQEBAQEBAQEBAQEBAQ";
    const KEY: &str = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI";

    /// Every kind of address, as `boot.js` sees it (first segment).
    fn every_route() -> Vec<(&'static str, Route)> {
        [
            ("", "#/".to_owned()),
            ("s", format!("#/s/{ID}/{KEY}")),
            ("s", format!("#/s/{ID}")),
            ("s", format!("#/s/{ID}/x")),
            ("r", format!("#/r/{ID}/{KEY}")),
            ("r", format!("#/r/{ID}")),
            ("request", "#/request".to_owned()),
            ("q", format!("#/q/{ID}/{KEY}")),
            ("q", format!("#/q/{ID}")),
            ("i", format!("#/i/{ID}/{KEY}")),
            ("i", format!("#/i/{ID}")),
            ("nowhere", "#/nowhere".to_owned()),
        ]
        .into_iter()
        .map(|(segment, hash)| (segment, Route::parse(&hash)))
        .collect()
    }

    /// The same table as `boot.js`'s `BUNDLES`.
    fn bundle_of(segment: &str) -> &'static str {
        match segment {
            "s" => "reveal",
            "r" | "request" | "q" | "i" => "rest",
            _ => "share",
        }
    }

    #[test]
    fn every_page_is_in_the_bundle_that_boot_js_picks_and_only_there() {
        let mut kinds = std::collections::BTreeSet::new();
        for (segment, route) in every_route() {
            kinds.insert(kind(&route));
            let shown_by: Vec<&str> = [
                ("share", Share::page(&route, 0).is_some()),
                ("reveal", Reveal::page(&route, 0).is_some()),
                ("rest", Rest::page(&route, 0).is_some()),
            ]
            .into_iter()
            .filter_map(|(name, shown)| shown.then_some(name))
            .collect();
            match problem(&route) {
                Some(_) => assert!(shown_by.is_empty(), "{route:?}: {shown_by:?}"),
                None => assert_eq!(shown_by, [bundle_of(segment)], "{route:?}"),
            }
            assert_eq!(
                All::page(&route, 0).is_some(),
                problem(&route).is_none(),
                "{route:?}"
            );
        }
        assert_eq!(kinds.len(), KINDS, "{kinds:?}");
    }

    /// How many kinds of route there are: a new one fails to compile here
    /// until it is counted, and the test above until it is listed.
    const KINDS: usize = 12;
    fn kind(route: &Route) -> usize {
        match route {
            Route::Create => 0,
            Route::Reveal { .. } => 1,
            Route::KeyRemoved => 2,
            Route::Receipt { .. } => 3,
            Route::ReceiptTokenRemoved => 4,
            Route::NewRequest => 5,
            Route::Respond { .. } => 6,
            Route::RespondKeyRemoved => 7,
            Route::Inbox { .. } => 8,
            Route::InboxKeyRemoved => 9,
            Route::Damaged => 10,
            Route::NotFound => 11,
        }
    }
}
