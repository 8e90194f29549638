//! A labelled, read-only link with a copy button next to it.

use yew::prelude::*;

use super::CopyButton;

#[derive(Default)]
pub struct LinkFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// The copy button's name for screen readers ("Copy the share link").
    pub copy_label: AttrValue,
    pub hint: Option<AttrValue>,
    pub primary: bool,
    /// Told when the link is copied, by the button or by hand.
    pub oncopied: Callback<()>,
}

redacted_debug!(LinkFieldProps);

/// A function, not a component: it has no state of its own (each Yew
/// component costs kilobytes of wasm).
pub fn link_field(props: LinkFieldProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    // Selecting everything on focus makes a manual copy one keystroke.
    let onfocus = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    });
    let oncopy = {
        let cb = props.oncopied.clone();
        Callback::from(move |_: Event| cb.emit(()))
    };
    html! {
        <div class="field link-field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="input-row">
                <input id={props.id.clone()} type="text" readonly=true class="mono"
                       value={props.value.clone()} spellcheck="false" autocomplete="off"
                       aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}
                       {onfocus} {oncopy} />
                <CopyButton text={props.value.clone()} primary={props.primary}
                            id={format!("{}-copy", props.id)}
                            aria_label={props.copy_label.clone()}
                            oncopied={props.oncopied.clone()} />
            </div>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id}>{ hint.clone() }</p>
            }
        </div>
    }
}
