//! Picks one small file (from the file dialog, a drop or a paste), reads
//! it here, and shows its name and size before anything is encrypted or
//! sent.

use std::rc::Rc;

use js_sys::Uint8Array;
use sdo_shared::payload::MAX_PADDED_LEN;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use zeroize::Zeroizing;

use crate::i18n::{I18n, format, s, use_i18n};

/// Type, name and length fields of the payload header.
const HEADER_LEN: usize = 1 + 2 + 2 + 4;

/// A file read into memory, not yet encrypted.
#[derive(Clone, PartialEq)]
pub struct PickedFile {
    pub name: String,
    pub mime: String,
    pub data: Rc<Zeroizing<Vec<u8>>>,
}

redacted_debug!(PickedFile);

/// The largest file content that fits a padded payload of `max_padded`
/// bytes (the server's limit) with this name and type.
pub fn max_file_len(name: &str, mime: &str, max_padded: usize) -> usize {
    max_padded
        .min(MAX_PADDED_LEN)
        .saturating_sub(HEADER_LEN + name.len() + mime.len())
}

#[derive(Debug, Properties, PartialEq)]
pub struct FilePickerProps {
    pub file: Option<PickedFile>,
    /// The server's padded payload limit.
    pub max_padded: usize,
    pub onchange: Callback<Result<Option<PickedFile>, String>>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[function_component(FilePicker)]
pub fn file_picker(props: &FilePickerProps) -> Html {
    let i18n = use_i18n();
    let input_ref = use_node_ref();
    let onchange = {
        let cb = props.onchange.clone();
        let (i18n, max_padded) = (i18n.clone(), props.max_padded);
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|list| list.get(0)) else {
                cb.emit(Ok(None));
                return;
            };
            let (cb, i18n) = (cb.clone(), i18n.clone());
            wasm_bindgen_futures::spawn_local(async move {
                cb.emit(read(&i18n, file, max_padded).await.map(Some));
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
    let error_id = props.error.as_ref().map(|_| "file-error");
    let described_by = ["file-hint"]
        .into_iter()
        .chain(error_id)
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        <div class="field">
            <label for="file">{ i18n.t("file-label") }</label>
            <input id="file" type="file" ref={input_ref} {onchange}
                   aria-describedby={described_by}
                   aria-invalid={props.error.is_some().then_some("true")} />
            <p class="hint" id="file-hint">
                { i18n.tf("file-hint", [("limit", s(format::bytes(&i18n, max_file_len("", "", props.max_padded))))]) }
            </p>
            if let Some(file) = &props.file {
                <div class="file-chip" id="file-summary">
                    <span class="file-name">{ file.name.clone() }</span>
                    <span class="file-size">{ format::bytes(&i18n, file.data.len()) }</span>
                    <button type="button" class="btn btn-link" onclick={clear}
                            aria-label={i18n.tf("file-remove-label", [("name", s(file.name.clone()))])}>
                        { i18n.t("file-remove") }
                    </button>
                </div>
            }
            if let Some(error) = &props.error {
                <p class="field-error" id="file-error">{ error.clone() }</p>
            }
        </div>
    }
}

/// Reads a chosen, dropped or pasted file, if it fits.
pub async fn read(
    i18n: &I18n,
    file: web_sys::File,
    max_padded: usize,
) -> Result<PickedFile, String> {
    let name = file.name();
    let mime = file.type_();
    let limit = max_file_len(&name, &mime, max_padded);
    let size = file.size() as usize;
    if size > limit {
        return Err(i18n.tf(
            "file-too-large",
            [
                ("name", s(name)),
                ("size", s(format::bytes(i18n, size))),
                ("limit", s(format::bytes(i18n, limit))),
            ],
        ));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| i18n.tf("file-unreadable", [("name", s(name.clone()))]))?;
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
        let max = max_file_len(name, mime, MAX_PADDED_LEN);
        let fits = Payload::file(name, mime, vec![0; max]);
        assert!(fits.encode_padded().is_ok());
        let over = Payload::file(name, mime, vec![0; max + 1]);
        assert!(over.encode_padded().is_err());
        // A server with a lower limit: what fits is what its padding allows.
        let max = max_file_len(name, mime, 9_728);
        assert!(Payload::file(name, mime, vec![0; max]).padded_len() <= 9_728);
        assert!(Payload::file(name, mime, vec![0; max + 1]).padded_len() > 9_728);
    }
}
