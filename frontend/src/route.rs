//! Hash routing: the whole route lives in `location.hash`, so the app is
//! plain static files (no server rewrites) and the keys in it are never sent
//! to a server.
//!
//! | fragment | page |
//! | --- | --- |
//! | `#/` (or empty) | create |
//! | `#/s/{id}/{link_key}` | reveal |
//! | `#/s/{id}` | reveal, after the key was scrubbed from the address bar |
//! | `#/r/{id}/{manage_token}` | receipt |
//! | `#/r/{id}` | receipt, after the token was scrubbed from the address bar |
//! | `#/request` | ask someone for a secret |
//! | `#/q/{rid}/{public_key}` | answer a request (the request link) |
//! | `#/i/{rid}/{request_key}` | a request's inbox (the inbox link) |
//! | `#/q/{rid}`, `#/i/{rid}` | those two, after the key was scrubbed |
//!
//! A request link is scrubbed too: it is not secret from the responder, but
//! anyone who finds it in this browser's history could answer the request
//! before they do.

use sdo_shared::link::{
    self, Fragment, INBOX_ROUTE, LinkError, RECEIPT_ROUTE, REQUEST_ROUTE, SHARE_ROUTE,
};
use sdo_shared::request::RequestId;
use sdo_shared::secret::{LinkKey, ManageToken, RequestKey, RequestPublicKey, SecretId};

/// `#/request`: the form that makes a request.
pub const NEW_REQUEST: &str = "request";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Create,
    Reveal {
        id: SecretId,
        link_key: LinkKey,
    },
    /// A share link whose key is gone: this tab already read it and scrubbed
    /// it, then was reloaded.
    KeyRemoved,
    Receipt {
        id: SecretId,
        manage_token: ManageToken,
    },
    /// A receipt link whose token this tab scrubbed, then was reloaded.
    ReceiptTokenRemoved,
    NewRequest,
    Respond {
        id: RequestId,
        public_key: RequestPublicKey,
    },
    RespondKeyRemoved,
    Inbox {
        id: RequestId,
        request_key: RequestKey,
    },
    InboxKeyRemoved,
    /// Looks like one of our links, but a part is damaged.
    Damaged,
    NotFound,
}

impl Route {
    /// Parses `location.hash` (with or without the `#`).
    pub fn parse(hash: &str) -> Self {
        let fragment = hash.strip_prefix('#').unwrap_or(hash);
        if fragment.is_empty() || fragment == "/" {
            return Route::Create;
        }
        if fragment.trim_start_matches('/') == NEW_REQUEST {
            return Route::NewRequest;
        }
        match link::parse_fragment(fragment) {
            Ok(Fragment::Share { id, link_key }) => Route::Reveal { id, link_key },
            Ok(Fragment::Receipt { id, manage_token }) => Route::Receipt { id, manage_token },
            Ok(Fragment::Request { id, public_key }) => Route::Respond { id, public_key },
            Ok(Fragment::Inbox { id, request_key }) => Route::Inbox { id, request_key },
            Err(LinkError::Damaged(_)) => Route::Damaged,
            Err(_) => {
                let mut parts = fragment.trim_start_matches('/').split('/');
                match (parts.next(), parts.next(), parts.next()) {
                    (Some(SHARE_ROUTE), Some(id), None) if SecretId::parse(id).is_ok() => {
                        Route::KeyRemoved
                    }
                    (Some(RECEIPT_ROUTE), Some(id), None) if SecretId::parse(id).is_ok() => {
                        Route::ReceiptTokenRemoved
                    }
                    (Some(REQUEST_ROUTE), Some(id), None) if RequestId::parse(id).is_ok() => {
                        Route::RespondKeyRemoved
                    }
                    (Some(INBOX_ROUTE), Some(id), None) if RequestId::parse(id).is_ok() => {
                        Route::InboxKeyRemoved
                    }
                    _ => Route::NotFound,
                }
            }
        }
    }

    /// What the address bar should show instead of this route, if the route
    /// carries a key or token that must not stay there (nor in history, a
    /// screenshot, or a shared screen).
    pub fn scrubbed_hash(&self) -> Option<String> {
        match self {
            Route::Reveal { id, .. } => Some(format!("#/{SHARE_ROUTE}/{id}")),
            Route::Receipt { id, .. } => Some(format!("#/{RECEIPT_ROUTE}/{id}")),
            Route::Respond { id, .. } => Some(format!("#/{REQUEST_ROUTE}/{id}")),
            Route::Inbox { id, .. } => Some(format!("#/{INBOX_ROUTE}/{id}")),
            _ => None,
        }
    }
}

/// The route in the address bar now.
pub fn current() -> Route {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map_or(Route::NotFound, |hash| Route::parse(&hash))
}

/// If `route` holds a key or token, replaces the history entry so that it
/// is no longer in the address bar, the tab's history, or a screenshot of
/// either. Only the page that reads the key may do this: a reload cannot
/// bring it back.
pub fn scrub(route: &Route) {
    let history = web_sys::window().and_then(|w| w.history().ok());
    if let (Some(scrubbed), Some(history)) = (route.scrubbed_hash(), history) {
        // Failing to scrub is not a reason to refuse to work; it only
        // happens in sandboxed frames, which our CSP forbids anyway.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&scrubbed));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    const ID: &str = "AQEBAQEBAQEBAQEBAQEBAQ";
    const KEY: &str = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI";

    #[test]
    fn routes() {
        assert_eq!(Route::parse(""), Route::Create);
        assert_eq!(Route::parse("#/"), Route::Create);
        assert_eq!(Route::parse("#"), Route::Create);
        let reveal = Route::parse(&format!("#/s/{ID}/{KEY}"));
        assert!(matches!(reveal, Route::Reveal { .. }));
        assert_eq!(
            reveal.scrubbed_hash().as_deref(),
            Some("#/s/AQEBAQEBAQEBAQEBAQEBAQ")
        );
        assert!(matches!(
            Route::parse(&format!("#/r/{ID}/{KEY}")),
            Route::Receipt { .. }
        ));
        assert_eq!(Route::parse(&format!("#/s/{ID}")), Route::KeyRemoved);
        assert_eq!(
            Route::parse(&format!("#/s/{ID}/{}", &KEY[1..])),
            Route::Damaged
        );
        assert_eq!(Route::parse("#/about"), Route::NotFound);
        assert_eq!(
            Route::parse(&format!("#/r/{ID}")),
            Route::ReceiptTokenRemoved
        );
        assert_eq!(
            Route::parse(&format!("#/r/{ID}/{KEY}"))
                .scrubbed_hash()
                .as_deref(),
            Some("#/r/AQEBAQEBAQEBAQEBAQEBAQ")
        );
    }

    #[test]
    fn request_routes() {
        assert_eq!(Route::parse("#/request"), Route::NewRequest);
        assert_eq!(Route::parse("#request"), Route::NewRequest);
        assert_eq!(Route::parse("#/request/x"), Route::NotFound);
        let respond = Route::parse(&format!("#/q/{ID}/{KEY}"));
        assert!(matches!(respond, Route::Respond { .. }));
        assert_eq!(
            respond.scrubbed_hash().as_deref(),
            Some(&*format!("#/q/{ID}"))
        );
        let inbox = Route::parse(&format!("#/i/{ID}/{KEY}"));
        assert!(matches!(inbox, Route::Inbox { .. }));
        assert_eq!(
            inbox.scrubbed_hash().as_deref(),
            Some(&*format!("#/i/{ID}"))
        );
        assert_eq!(Route::parse(&format!("#/q/{ID}")), Route::RespondKeyRemoved);
        assert_eq!(Route::parse(&format!("#/i/{ID}")), Route::InboxKeyRemoved);
        assert_eq!(
            Route::parse(&format!("#/i/{ID}/{}", &KEY[1..])),
            Route::Damaged
        );
        assert_eq!(Route::parse("#/i/short"), Route::NotFound);
    }
}
