//! A passphrase field with a show/hide toggle and, for a new passphrase, a
//! strength meter.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{s, use_i18n};
use crate::strength;

#[derive(Properties, PartialEq)]
pub struct PassphraseInputProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    /// Show the strength meter (when choosing a passphrase).
    #[prop_or_default]
    pub new_passphrase: bool,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub disabled: bool,
    #[prop_or_default]
    pub invalid: bool,
    #[prop_or_default]
    pub autofocus: bool,
    /// Enter in the field itself (not on the Show button next to it).
    #[prop_or_default]
    pub onenter: Option<Callback<KeyboardEvent>>,
    /// The id of the error that describes the field, when there is one.
    #[prop_or_default]
    pub error_id: Option<AttrValue>,
}

redacted_debug!(PassphraseInputProps);

#[function_component(PassphraseInput)]
pub fn passphrase_input(props: &PassphraseInputProps) -> Html {
    let i18n = use_i18n();
    let visible = use_state(|| false);
    let toggle = {
        let visible = visible.clone();
        Callback::from(move |_: MouseEvent| visible.set(!*visible))
    };
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                cb.emit(input.value());
            }
        })
    };
    let onkeydown = props.onenter.clone().map(|cb| {
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                cb.emit(e);
            }
        })
    });
    let hint_id = format!("{}-hint", props.id);
    let meter_id = format!("{}-strength", props.id);
    let described_by = [
        props.error_id.as_ref().map(ToString::to_string),
        props.hint.as_ref().map(|_| hint_id.clone()),
        (props.new_passphrase && !props.value.is_empty()).then(|| meter_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let strength =
        (props.new_passphrase && !props.value.is_empty()).then(|| strength::estimate(&props.value));
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="input-row">
                <input id={props.id.clone()}
                       type={if *visible { "text" } else { "password" }}
                       value={props.value.clone()} {oninput} {onkeydown}
                       autocomplete={if props.new_passphrase { "new-password" } else { "off" }}
                       spellcheck="false" autocapitalize="off"
                       disabled={props.disabled} autofocus={props.autofocus}
                       aria-invalid={props.invalid.then_some("true")}
                       aria-describedby={(!described_by.is_empty()).then_some(described_by)} />
                // Named for what it does to what ("Show passphrase"); the
                // visible word is the start of that name.
                <button type="button" class="btn btn-secondary toggle"
                        id={format!("{}-toggle", props.id)}
                        aria-label={i18n.t(if *visible { "passphrase-hide-label" } else { "passphrase-show-label" })}
                        aria-controls={props.id.clone()}
                        onclick={toggle} disabled={props.disabled}>
                    { i18n.t(if *visible { "passphrase-hide" } else { "passphrase-show" }) }
                </button>
            </div>
            if let Some(level) = strength {
                <div class="strength" id={meter_id}>
                    <span class={classes!("strength-bar", level.class())} aria-hidden="true">
                        { for (1..=5).map(|i| html! {
                            <span class={classes!("seg", (i <= level.score()).then_some("on"))}></span>
                        }) }
                    </span>
                    <span class={classes!("strength-label", level.class())}>
                        { i18n.tf("strength", [("level", s(i18n.t(level.label_id())))]) }
                    </span>
                </div>
            }
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id}>{ hint.clone() }</p>
            }
        </div>
    }
}
