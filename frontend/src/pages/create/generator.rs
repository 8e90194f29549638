//! "Suggest a passphrase": six words from the EFF large list (fetched the
//! first time words are asked for) or twenty random characters, with the
//! entropy stated, to use or to reroll.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::focus_soon;
use crate::i18n::{n, use_i18n};
use crate::passgen::{self, Suggestion};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Words,
    Characters,
}

#[derive(Debug, Clone, PartialEq)]
enum State {
    Closed,
    Loading,
    Shown(Kind, Suggestion),
    Failed(Kind),
}

#[derive(Debug, Properties, PartialEq)]
pub struct GeneratorProps {
    /// Told the suggestion the user chose to use.
    pub onuse: Callback<String>,
    #[prop_or_default]
    pub disabled: bool,
}

#[function_component(Generator)]
pub fn generator(props: &GeneratorProps) -> Html {
    let i18n = use_i18n();
    let state = use_state(|| State::Closed);
    let words = use_mut_ref(|| None::<Rc<Vec<String>>>);

    let suggest = {
        let (state, words) = (state.clone(), words.clone());
        Rc::new(move |kind: Kind| {
            let (state, words) = (state.clone(), words.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let list = match kind {
                    Kind::Characters => None,
                    Kind::Words => {
                        let cached = words.borrow().clone();
                        match cached {
                            Some(list) => Some(list),
                            None => {
                                state.set(State::Loading);
                                let Some(list) = fetch_word_list().await else {
                                    state.set(State::Failed(kind));
                                    return;
                                };
                                *words.borrow_mut() = Some(list.clone());
                                Some(list)
                            }
                        }
                    }
                };
                let suggestion = match &list {
                    Some(list) => passgen::words(list),
                    None => passgen::characters(),
                };
                state.set(match suggestion {
                    Ok(s) => State::Shown(kind, s),
                    Err(_) => State::Failed(kind),
                });
            });
        })
    };
    let open = {
        let suggest = suggest.clone();
        Callback::from(move |_: MouseEvent| {
            suggest(Kind::Words);
            focus_soon("#generator-title");
        })
    };
    let kind = match &*state {
        State::Shown(k, _) | State::Failed(k) => *k,
        State::Closed | State::Loading => Kind::Words,
    };
    let pick = |k: Kind| {
        let suggest = suggest.clone();
        Callback::from(move |_: Event| suggest(k))
    };
    let again = {
        let suggest = suggest.clone();
        Callback::from(move |_: MouseEvent| suggest(kind))
    };

    if *state == State::Closed {
        return html! {
            <button type="button" class="btn btn-link" id="suggest-passphrase" onclick={open}
                    disabled={props.disabled}>
                { i18n.t("generator-open") }
            </button>
        };
    }
    let body = match &*state {
        State::Closed => html! {},
        State::Loading => html! { <p class="hint">{ i18n.t("generator-loading") }</p> },
        State::Failed(_) => {
            html! { <p class="field-error" id="generator-error">{ i18n.t("generator-failed") }</p> }
        }
        State::Shown(kind, suggestion) => {
            let detail = match kind {
                Kind::Words => i18n.tf(
                    "generator-words-detail",
                    [("count", n(passgen::WORDS as u32))],
                ),
                Kind::Characters => i18n.tf(
                    "generator-characters-detail",
                    [("count", n(passgen::CHARACTERS as u32))],
                ),
            };
            let use_it = {
                let (cb, value, state) = (
                    props.onuse.clone(),
                    suggestion.passphrase.clone(),
                    state.clone(),
                );
                Callback::from(move |_: MouseEvent| {
                    cb.emit(value.clone());
                    state.set(State::Closed);
                    focus_soon("#passphrase");
                })
            };
            html! {
                <>
                    <output id="suggestion" class="mono suggestion" for="generator-kind">
                        { suggestion.passphrase.clone() }
                    </output>
                    <p class="hint" id="suggestion-entropy">
                        { detail }{ " " }{ i18n.tf("generator-entropy", [("bits", n(suggestion.bits))]) }
                    </p>
                    <div class="actions">
                        <button type="button" class="btn btn-secondary" id="use-suggestion" onclick={use_it}>
                            { i18n.t("generator-use") }
                        </button>
                        <button type="button" class="btn btn-link" id="suggest-again" onclick={again}>
                            { i18n.t("generator-again") }
                        </button>
                    </div>
                </>
            }
        }
    };
    html! {
        <div class="generator" role="group" aria-labelledby="generator-title">
            <p class="generator-title" id="generator-title" tabindex="-1">{ i18n.t("generator-title") }</p>
            <fieldset class="segmented" id="generator-kind">
                <legend class="visually-hidden">{ i18n.t("generator-kind-legend") }</legend>
                <input type="radio" id="generator-words" name="generator-kind"
                       checked={kind == Kind::Words} onchange={pick(Kind::Words)} />
                <label for="generator-words">{ i18n.t("generator-words") }</label>
                <input type="radio" id="generator-characters" name="generator-kind"
                       checked={kind == Kind::Characters} onchange={pick(Kind::Characters)} />
                <label for="generator-characters">{ i18n.t("generator-characters") }</label>
            </fieldset>
            { body }
        </div>
    }
}

async fn fetch_word_list() -> Option<Rc<Vec<String>>> {
    let response = gloo_net::http::Request::get(passgen::WORD_LIST_PATH)
        .send()
        .await
        .ok()
        .filter(|r| r.ok())?;
    let text = response.text().await.ok()?;
    passgen::parse_word_list(&text).map(Rc::new)
}
