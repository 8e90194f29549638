//! Saves a revealed file: a Blob URL and an `<a download>` click, all in
//! this page (no network; `img-src`/navigation to `blob:` stays local).

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// How long the file's object URL stays valid after the click.
pub const REVOKE_AFTER_MS: u32 = 60_000;

/// Offers `data` to the browser as a download named `name`.
pub fn save(name: &str, mime: &str, data: &[u8]) -> Result<(), String> {
    let fail = |what: &str| format!("could not save the file ({what})");
    let blob = blob_of(&Uint8Array::from(data), mime).map_err(|_| fail("blob"))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| fail("object URL"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("element"))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(&safe_file_name(name));
    anchor.set_hidden(true);
    // In the document, so every browser honours the click.
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
    }
    anchor.click();
    anchor.remove();
    // The click only starts the download, which reads the URL later (after
    // a save dialog, possibly); revoking now would cancel it. A minute is
    // long enough to start and short enough not to keep the copy around.
    gloo_timers::callback::Timeout::new(REVOKE_AFTER_MS, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// A Blob of `bytes` (the JavaScript copy of the plaintext), which is then
/// zero-filled, whether or not the Blob could be made: the Blob holds its
/// own copy, and the page need not keep a second one until it is collected.
fn blob_of(bytes: &Uint8Array, mime: &str) -> Result<Blob, wasm_bindgen::JsValue> {
    let parts = Array::of1(&bytes.buffer());
    let options = BlobPropertyBag::new();
    options.set_type(if mime.is_empty() {
        "application/octet-stream"
    } else {
        mime
    });
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options);
    bytes.fill(0, 0, bytes.length());
    blob
}

/// A name that cannot point into a directory, and never empty.
pub fn safe_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .trim_start_matches('.')
        .to_owned();
    if cleaned.is_empty() {
        "secret.bin".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::{blob_of, safe_file_name};
    use js_sys::Uint8Array;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// The Blob has the bytes; the array they came in is zeroed.
    #[test]
    fn the_plaintext_copy_is_zeroed_once_in_the_blob() {
        let bytes = Uint8Array::from(&b"-----BEGIN PRIVATE KEY-----"[..]);
        let blob = blob_of(&bytes, "").unwrap();
        assert_eq!(blob.size(), 27.0);
        assert_eq!(blob.type_(), "application/octet-stream");
        assert_eq!(bytes.to_vec(), vec![0; 27]);
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(safe_file_name("report.pdf"), "report.pdf");
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name("C:\\x\\key.pem"), "key.pem");
        assert_eq!(safe_file_name(".."), "secret.bin");
        assert_eq!(safe_file_name(""), "secret.bin");
        assert_eq!(safe_file_name("a\u{0}b"), "ab");
    }
}
