//! The progress state of a long step (Argon2id, encryption, the network):
//! an indeterminate bar and what is happening, announced to screen readers.

use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct BusyProps {
    pub label: AttrValue,
    #[prop_or_default]
    pub detail: Option<AttrValue>,
}

#[function_component(Busy)]
pub fn busy(props: &BusyProps) -> Html {
    html! {
        <div class="busy" role="status" aria-live="polite">
            <progress class="busy-bar" aria-label={props.label.clone()}></progress>
            <p class="busy-label">{ props.label.clone() }</p>
            if let Some(detail) = &props.detail {
                <p class="busy-detail">{ detail.clone() }</p>
            }
        </div>
    }
}
