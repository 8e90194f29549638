//! Pages for addresses that are not (or no longer) a usable link.

use yew::prelude::*;

use crate::components::{Ending, ending};
use crate::i18n::I18n;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    /// `#/s/{id}` without its key: this tab read the key and scrubbed it
    /// from the address bar; a reload cannot bring it back.
    KeyRemoved,
    /// `#/r/{id}` without its token, for the same reason.
    ReceiptTokenRemoved,
    /// `#/q/{rid}` and `#/i/{rid}` without their keys, for the same reason.
    RequestKeyRemoved,
    InboxKeyRemoved,
    /// A link with a damaged part. Which part stays unsaid: the parser's
    /// words are about encodings, which mean nothing to the reader.
    Damaged,
    NotFound,
}

/// A function, not a component: it has no state of its own.
pub fn link_problem_page(i18n: &I18n, problem: LinkProblem) -> Html {
    let which = match problem {
        LinkProblem::KeyRemoved => {
            Ending::new("key-removed", "key-removed-title", "key-removed-text")
        }
        LinkProblem::ReceiptTokenRemoved => Ending::new(
            "receipt-token-removed",
            "receipt-token-removed-title",
            "receipt-token-removed-text",
        ),
        LinkProblem::RequestKeyRemoved => Ending::new(
            "request-key-removed",
            "request-key-removed-title",
            "request-key-removed-text",
        ),
        LinkProblem::InboxKeyRemoved => Ending::new(
            "inbox-key-removed",
            "inbox-key-removed-title",
            "inbox-key-removed-text",
        ),
        LinkProblem::Damaged => Ending::new("damaged", "damaged-title", "damaged-text"),
        LinkProblem::NotFound => Ending::new("not-found", "not-found-title", "not-found-text"),
    };
    ending(i18n, which, "#/", "create-secret")
}
