//! A page's or step's heading: it names the tab (`document.title`) and,
//! when the app moves to a new page or step, takes the focus, so keyboard
//! and screen reader users start at the new content instead of at a
//! button that no longer exists.

use std::cell::Cell;

use yew::prelude::*;

use crate::i18n::{self, use_i18n};

thread_local! {
    /// The first heading after the page loads leaves focus where the
    /// browser put it (the page's start, or an `autofocus` field).
    static LOADED: Cell<bool> = const { Cell::new(false) };
}

#[derive(Debug, Properties, PartialEq)]
pub struct PageHeadingProps {
    pub id: AttrValue,
    pub text: AttrValue,
}

#[function_component(PageHeading)]
pub fn page_heading(props: &PageHeadingProps) -> Html {
    let i18n = use_i18n();
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((props.text.clone(), i18n.clone()), move |(text, i18n)| {
            i18n::set_title(i18n, text);
            if LOADED.replace(true)
                && let Some(h) = node.cast::<web_sys::HtmlElement>()
            {
                let _ = h.focus();
            }
        });
    }
    html! {
        <h1 id={props.id.clone()} tabindex="-1" ref={node}>{ props.text.clone() }</h1>
    }
}
