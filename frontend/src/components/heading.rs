//! A page's or step's heading: it names the tab (`document.title`) and,
//! when the app moves to a new page or step, takes the focus, so keyboard
//! and screen reader users start at the new content instead of at a
//! button that no longer exists.

use yew::prelude::*;

use crate::gesture::page_has_been_used;
use crate::i18n::{self, use_i18n};

#[derive(Debug, Properties, PartialEq)]
pub struct PageHeadingProps {
    pub id: AttrValue,
    pub text: AttrValue,
}

#[function_component(PageHeading)]
pub fn page_heading(props: &PageHeadingProps) -> Html {
    let i18n = use_i18n();
    let node = use_node_ref();
    let shown_in = use_mut_ref(|| i18n.lang());
    {
        let node = node.clone();
        use_effect_with((props.text.clone(), i18n.clone()), move |(text, i18n)| {
            i18n::set_title(i18n, text);
            // The same heading in another language is not a new step: focus
            // stays on the language menu. A page just opened, before any
            // input, leaves focus where the browser put it.
            let relabelled = shown_in.replace(i18n.lang()) != i18n.lang();
            if !relabelled
                && page_has_been_used()
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
