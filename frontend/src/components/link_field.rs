//! A labelled, read-only link with a copy button next to it.

use yew::prelude::*;

use super::CopyButton;

#[derive(Debug, Properties, PartialEq)]
pub struct LinkFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub primary: bool,
}

#[function_component(LinkField)]
pub fn link_field(props: &LinkFieldProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    // Selecting everything on focus makes a manual copy one keystroke.
    let onfocus = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    });
    html! {
        <div class="field link-field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="input-row">
                <input id={props.id.clone()} type="text" readonly=true class="mono"
                       value={props.value.clone()} spellcheck="false" autocomplete="off"
                       aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}
                       {onfocus} />
                <CopyButton text={props.value.clone()} primary={props.primary}
                            id={format!("{}-copy", props.id)}
                            aria_label={format!("Copy the {}", props.label.to_lowercase())} />
            </div>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id}>{ hint.clone() }</p>
            }
        </div>
    }
}
