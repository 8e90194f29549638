//! A revealed secret: the text with a copy button, or a file to save, and a
//! warning before the tab is closed or reloaded (it cannot be fetched again).

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use sdo_shared::payload::{Kind, Payload};
use yew::prelude::*;

use crate::components::{Alert, AlertKind, CopyButton};
use crate::{download, humanize};

#[derive(Debug, Properties, PartialEq)]
pub struct RevealedViewProps {
    pub payload: Rc<Payload>,
    pub views_left: u32,
    pub onclear: Callback<()>,
}

#[function_component(RevealedView)]
pub fn revealed_view(props: &RevealedViewProps) -> Html {
    use_effect_with((), |_| {
        let window = web_sys::window();
        let listener = window.map(|w| {
            EventListener::new_with_options(
                &w,
                "beforeunload",
                EventListenerOptions::enable_prevent_default(),
                |event| {
                    event.prevent_default();
                    // Older browsers want a returnValue too.
                    let _ = js_sys::Reflect::set(event, &"returnValue".into(), &"".into());
                },
            )
        });
        move || drop(listener)
    });
    let saved_error = use_state(|| None::<String>);
    let onclear = {
        let cb = props.onclear.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let gone = if props.views_left == 0 {
        "It has now been destroyed on the server: this page holds the only copy. Copy or save it before you leave."
            .to_owned()
    } else {
        format!(
            "The server allows {} more view{} of it.",
            props.views_left,
            if props.views_left == 1 { "" } else { "s" }
        )
    };
    let body = match props.payload.kind() {
        Kind::Text => {
            let text = props.payload.as_text().unwrap_or_default().to_owned();
            let rows = text.lines().count().clamp(3, 16).to_string();
            html! {
                <div class="field">
                    <label for="secret-text">{ "The secret" }</label>
                    <textarea id="secret-text" class="mono secret-text" readonly=true {rows}
                              spellcheck="false" value={text.clone()} />
                    <div class="actions">
                        <CopyButton text={text} label="Copy secret" primary=true id="copy-secret" />
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
                    saved_error.set(download::save(&name, &mime, payload.data()).err());
                })
            };
            html! {
                <div class="field">
                    <div class="file-chip" id="revealed-file">
                        <span class="file-name">{ download::safe_file_name(name) }</span>
                        <span class="file-size">{ humanize::bytes(props.payload.data().len()) }</span>
                    </div>
                    <div class="actions">
                        <button type="button" class="btn btn-primary" id="download" onclick={onsave}>
                            { "Save file" }
                        </button>
                    </div>
                    if let Some(error) = &*saved_error {
                        <p class="field-error" role="alert">{ error.clone() }</p>
                    }
                </div>
            }
        }
    };
    html! {
        <section class="card" aria-labelledby="revealed-title">
            <h1 id="revealed-title">{ "Here is your secret" }</h1>
            <Alert kind={if props.views_left == 0 { AlertKind::Warning } else { AlertKind::Info }}>
                <p id="destroyed-note">{ gone }</p>
            </Alert>
            { body }
            <div class="actions">
                <button type="button" class="btn btn-link" id="clear" onclick={onclear}>
                    { "Done: remove it from this page" }
                </button>
            </div>
        </section>
    }
}
