//! Picks one small file, reads it here, and shows its name and size before
//! anything is encrypted or sent.

use std::rc::Rc;

use js_sys::Uint8Array;
use sdo_shared::payload::MAX_PADDED_LEN;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use zeroize::Zeroizing;

use crate::humanize;

/// Type, name and length fields of the payload header.
const HEADER_LEN: usize = 1 + 2 + 2 + 4;

/// A file read into memory, not yet encrypted.
#[derive(Debug, Clone, PartialEq)]
pub struct PickedFile {
    pub name: String,
    pub mime: String,
    pub data: Rc<Zeroizing<Vec<u8>>>,
}

/// The largest file content that fits the protocol's padded payload with
/// this name and type.
pub fn max_file_len(name: &str, mime: &str) -> usize {
    MAX_PADDED_LEN.saturating_sub(HEADER_LEN + name.len() + mime.len())
}

#[derive(Debug, Properties, PartialEq)]
pub struct FilePickerProps {
    pub file: Option<PickedFile>,
    pub onchange: Callback<Result<Option<PickedFile>, String>>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[function_component(FilePicker)]
pub fn file_picker(props: &FilePickerProps) -> Html {
    let input_ref = use_node_ref();
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|list| list.get(0)) else {
                cb.emit(Ok(None));
                return;
            };
            let cb = cb.clone();
            wasm_bindgen_futures::spawn_local(async move {
                cb.emit(read(file).await.map(Some));
            });
        })
    };
    let clear = {
        let cb = props.onchange.clone();
        let input_ref = input_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                input.set_value("");
                let _ = input.focus();
            }
            cb.emit(Ok(None));
        })
    };
    html! {
        <div class="field">
            <label for="file">{ "File" }</label>
            <input id="file" type="file" ref={input_ref} {onchange}
                   aria-describedby="file-hint"
                   aria-invalid={props.error.is_some().then_some("true")} />
            <p class="hint" id="file-hint">
                { format!("One file, up to {}. It is encrypted in this browser before upload.",
                          humanize::bytes(max_file_len("", ""))) }
            </p>
            if let Some(file) = &props.file {
                <div class="file-chip" id="file-summary">
                    <span class="file-name">{ file.name.clone() }</span>
                    <span class="file-size">{ humanize::bytes(file.data.len()) }</span>
                    <button type="button" class="btn btn-link" onclick={clear}>{ "Remove" }</button>
                </div>
            }
            if let Some(error) = &props.error {
                <p class="field-error" role="alert">{ error.clone() }</p>
            }
        </div>
    }
}

async fn read(file: web_sys::File) -> Result<PickedFile, String> {
    let name = file.name();
    let mime = file.type_();
    let limit = max_file_len(&name, &mime);
    let size = file.size() as usize;
    if size > limit {
        return Err(format!(
            "“{name}” is {}; the limit is {}.",
            humanize::bytes(size),
            humanize::bytes(limit)
        ));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("“{name}” could not be read."))?;
    let data = Zeroizing::new(Uint8Array::new(&buffer).to_vec());
    Ok(PickedFile {
        name,
        mime,
        data: Rc::new(data),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sdo_shared::payload::Payload;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn the_limit_is_exactly_what_fits() {
        let (name, mime) = ("key.pem", "application/x-pem-file");
        let max = max_file_len(name, mime);
        let fits = Payload::file(name, mime, vec![0; max]);
        assert!(fits.encode_padded().is_ok());
        let over = Payload::file(name, mime, vec![0; max + 1]);
        assert!(over.encode_padded().is_err());
    }
}
