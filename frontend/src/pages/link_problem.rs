//! Pages for addresses that are not (or no longer) a usable link.

use yew::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkProblem {
    /// `#/s/{id}` without its key: this tab read the key and scrubbed it
    /// from the address bar; a reload cannot bring it back.
    KeyRemoved,
    /// `#/r/{id}` without its token, for the same reason.
    ReceiptTokenRemoved,
    /// A link with a damaged part (what the parser said).
    Damaged(String),
    NotFound,
}

#[derive(Debug, Properties, PartialEq)]
pub struct LinkProblemPageProps {
    pub problem: LinkProblem,
}

#[function_component(LinkProblemPage)]
pub fn link_problem_page(props: &LinkProblemPageProps) -> Html {
    let (id, title, text) = match &props.problem {
        LinkProblem::KeyRemoved => (
            "key-removed",
            "Open the link again",
            "For safety, this page removes the secret's key from the address bar as soon as it reads it, so reloading cannot bring it back. Open the original link again.".to_owned(),
        ),
        LinkProblem::ReceiptTokenRemoved => (
            "receipt-token-removed",
            "Open the receipt link again",
            "For safety, this page removes the receipt's token from the address bar as soon as it reads it, so reloading cannot bring it back. Open the receipt link you kept again.".to_owned(),
        ),
        LinkProblem::Damaged(why) => (
            "damaged",
            "This link is damaged",
            format!("Part of it is missing or changed ({why}). Copy the whole link again; nothing was revealed or used up."),
        ),
        LinkProblem::NotFound => (
            "not-found",
            "Nothing here",
            "This address is not a page of this app.".to_owned(),
        ),
    };
    html! {
        <section class="card ending" id={id} aria-labelledby="problem-title">
            <h1 id="problem-title">{ title }</h1>
            <p class="lede">{ text }</p>
            <a class="btn btn-secondary" href="#/">{ "Create a secret" }</a>
        </section>
    }
}
