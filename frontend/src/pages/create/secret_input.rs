//! The secret itself, as text or as a file: the choice between the two and
//! the field for the chosen one. The create form and the answer page both
//! start this way.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::{FilePicker, Mode, PickedFile};
use crate::i18n::I18n;

/// The text/file switch; `set_mode` makes each radio button's handler (the
/// page decides which errors a switch clears).
pub fn mode_switch(
    i18n: &I18n,
    mode: Mode,
    busy: bool,
    set_mode: impl Fn(Mode) -> Callback<Event>,
) -> Html {
    html! {
        <fieldset class="segmented" disabled={busy}>
            <legend class="visually-hidden">{ i18n.t("mode-legend") }</legend>
            <input type="radio" id="mode-text" name="mode" checked={mode == Mode::Text}
                   onchange={set_mode(Mode::Text)} />
            <label for="mode-text">{ i18n.t("mode-text") }</label>
            <input type="radio" id="mode-file" name="mode" checked={mode == Mode::File}
                   onchange={set_mode(Mode::File)} />
            <label for="mode-file">{ i18n.t("mode-file") }</label>
        </fieldset>
    }
}

/// What [`secret_field`] shows and changes.
pub struct SecretField<'a> {
    pub mode: Mode,
    pub text: &'a UseStateHandle<String>,
    pub file: Option<PickedFile>,
    pub on_file: Callback<Result<Option<PickedFile>, String>>,
    pub max_padded: usize,
    /// The field's error, tied to it with `aria-describedby`.
    pub error: Option<String>,
    /// The page's first field: focused on arrival, with an example.
    pub first: bool,
}

redacted_debug!(SecretField<'_>);

/// The text area, or the file picker.
pub fn secret_field(i18n: &I18n, field: SecretField<'_>) -> Html {
    if field.mode == Mode::File {
        return html! {
            <FilePicker file={field.file} onchange={field.on_file} max_padded={field.max_padded}
                        error={field.error.map(AttrValue::from)} />
        };
    }
    let on_text = {
        let text = field.text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                text.set(area.value());
            }
        })
    };
    let invalid = field.error.is_some();
    html! {
        <div class="field">
            <label for="secret">{ i18n.t("secret-label") }</label>
            <textarea id="secret" rows="6" value={(**field.text).clone()} oninput={on_text}
                      placeholder={field.first.then(|| i18n.t("secret-placeholder"))}
                      spellcheck="false" autocomplete="off" autofocus={field.first}
                      aria-invalid={invalid.then_some("true")}
                      aria-describedby={invalid.then_some("secret-error")} />
            if let Some(error) = field.error {
                <p class="field-error" id="secret-error">{ error }</p>
            }
        </div>
    }
}
