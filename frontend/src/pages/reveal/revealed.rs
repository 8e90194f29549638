//! A revealed secret: the text with a copy button, or a file to save, and a
//! warning before the tab is closed or reloaded (it cannot be fetched again).

use std::rc::Rc;

use sdo_shared::payload::{Kind, Payload};
use yew::prelude::*;

use crate::components::{AlertKind, CopyButton, PageHeading, alert, use_leave_guard};
use crate::download;
use crate::i18n::{format, n, use_i18n};

#[derive(Debug, Properties, PartialEq)]
pub struct RevealedViewProps {
    pub payload: Rc<Payload>,
    pub views_left: u32,
    pub onclear: Callback<()>,
}

#[function_component(RevealedView)]
pub fn revealed_view(props: &RevealedViewProps) -> Html {
    let i18n = use_i18n();
    // Never released: the secret cannot be fetched again.
    use_leave_guard();
    let saved_error = use_state(|| false);
    let onclear = {
        let cb = props.onclear.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let gone = if props.views_left == 0 {
        i18n.t("revealed-destroyed")
    } else {
        i18n.tf("revealed-views-left", [("views", n(props.views_left))])
    };
    let body = match props.payload.kind() {
        Kind::Text => {
            let text = props.payload.as_text().unwrap_or_default().to_owned();
            let rows = text.lines().count().clamp(3, 16).to_string();
            html! {
                <div class="field">
                    <label for="secret-text">{ i18n.t("secret-text-label") }</label>
                    <textarea id="secret-text" class="mono secret-text" readonly=true {rows}
                              spellcheck="false" value={text.clone()} />
                    <div class="actions">
                        <CopyButton text={text} label={i18n.t("copy-secret")} primary=true id="copy-secret" />
                    </div>
                </div>
            }
        }
        Kind::File { name, mime } => {
            let onsave = {
                let payload = props.payload.clone();
                let (name, mime) = (name.clone(), mime.clone());
                let saved_error = saved_error.clone();
                Callback::from(move |_: MouseEvent| {
                    saved_error.set(download::save(&name, &mime, payload.data()).is_err());
                })
            };
            html! {
                <div class="field">
                    <div class="file-chip" id="revealed-file">
                        <span class="file-name">{ download::safe_file_name(name) }</span>
                        <span class="file-size">{ format::bytes(&i18n, props.payload.data().len()) }</span>
                    </div>
                    <div class="actions">
                        <button type="button" class="btn btn-primary" id="download" onclick={onsave}>
                            { i18n.t("save-file") }
                        </button>
                    </div>
                    if *saved_error {
                        <p class="field-error" role="alert">{ i18n.t("save-failed") }</p>
                    }
                </div>
            }
        }
    };
    html! {
        <section class="card" aria-labelledby="revealed-title">
            <PageHeading id="revealed-title" text={i18n.t("revealed-title")} />
            { alert(if props.views_left == 0 { AlertKind::Warning } else { AlertKind::Info }, None, None, html! { <p id="destroyed-note">{ gone }</p> }) }
            { body }
            <div class="actions">
                <button type="button" class="btn btn-link" id="clear" onclick={onclear}>
                    { i18n.t("clear") }
                </button>
            </div>
        </section>
    }
}
