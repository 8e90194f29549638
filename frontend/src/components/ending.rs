//! The last word of a page: what happened, and one way on. Reveal, answer,
//! inbox and link-problem pages all end this way, so focus (on the heading)
//! and layout are the same everywhere.

use yew::prelude::*;

use crate::components::PageHeading;
use crate::i18n::I18n;

/// One ending: its element id, and its title's and text's message ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ending {
    pub id: &'static str,
    pub title: &'static str,
    pub text: &'static str,
}

impl Ending {
    /// The usual naming: `{id}`, `{id}-title`, `{id}-text` would need
    /// formatting at run time, so each ending names its three ids.
    pub const fn new(id: &'static str, title: &'static str, text: &'static str) -> Self {
        Self { id, title, text }
    }
}

/// The ending's card, with a link `href` labelled by message `onward`.
pub fn ending(i18n: &I18n, ending: Ending, href: &str, onward: &str) -> Html {
    html! {
        <section class="card ending" id={ending.id} aria-labelledby="ending-title">
            <PageHeading id="ending-title" text={i18n.t(ending.title)} />
            <p class="lede">{ i18n.t(ending.text) }</p>
            <a class="btn btn-secondary" href={href.to_owned()}>{ i18n.t(onward) }</a>
        </section>
    }
}
