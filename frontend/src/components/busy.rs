//! The progress state of a long step (Argon2id, encryption, the network):
//! an indeterminate bar and what is happening. Each new step is announced
//! once through the app's live region; if the button that started the
//! work had the focus, the focus moves here instead of being lost (but a
//! page just opened, before any input, keeps its focus where it is).

use yew::prelude::*;

use super::announce;
use super::focus::focus_is_lost;

#[derive(Debug, Properties, PartialEq)]
pub struct BusyProps {
    pub label: AttrValue,
    #[prop_or_default]
    pub detail: Option<AttrValue>,
}

#[function_component(Busy)]
pub fn busy(props: &BusyProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            if focus_is_lost()
                && crate::gesture::page_has_been_used()
                && let Some(el) = node.cast::<web_sys::HtmlElement>()
            {
                let _ = el.focus();
            }
        });
    }
    use_effect_with(props.label.clone(), |label| announce(label));
    html! {
        <div class="busy" id="busy" tabindex="-1" ref={node}>
            <progress class="busy-bar" aria-label={props.label.clone()}></progress>
            <p class="busy-label">{ props.label.clone() }</p>
            if let Some(detail) = &props.detail {
                <p class="busy-detail">{ detail.clone() }</p>
            }
        </div>
    }
}
