//! The language menu: each language named in itself, the choice
//! remembered in this browser.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{I18n, Lang};

/// A function, not a component: it has no state of its own.
pub fn language_picker(i18n: &I18n, onchange: Callback<Lang>) -> Html {
    let current = i18n.lang();
    let onchange = {
        let cb = onchange;
        Callback::from(move |e: Event| {
            if let Some(lang) = e
                .target_dyn_into::<HtmlSelectElement>()
                .and_then(|s| Lang::from_tag(&s.value()))
            {
                cb.emit(lang);
            }
        })
    };
    html! {
        <div class="language">
            <label for="language" class="visually-hidden">{ i18n.t("language-label") }</label>
            <select id="language" {onchange}>
                { for Lang::ALL.into_iter().map(|lang| html! {
                    <option value={lang.code()} lang={lang.code()} selected={lang == current}>
                        { lang.native_name() }
                    </option>
                }) }
            </select>
        </div>
    }
}
