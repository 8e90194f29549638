//! The self-destruct-o browser app (`sdo-frontend`): a Yew single-page app,
//! compiled to `wasm32-unknown-unknown` and bundled by Trunk, that creates,
//! reveals and tracks one-time secrets.
//!
//! It runs the protocol crate (`sdo-shared`) in the browser, so the sender's
//! machine encrypts and the recipient's machine decrypts. This crate must
//! never send a plaintext, a link key, a passphrase, a content key or a pass
//! key over the network (only the blob, the verifiers and the tokens the
//! protocol defines), never put them in a log or in storage (the one
//! exception: receipt links, which cannot open a secret, in
//! `localStorage` after the user opts in), and never consume a secret
//! without a trusted user gesture: link previewers and mail scanners open
//! links and even click buttons.
//!
//! Modules: [`route`] reads the `#fragment`, [`api`] talks HTTP to
//! `/api/v1` and [`config`] holds the server's limits, [`i18n`] the
//! language and its messages, [`worker`] runs Argon2id in a Web Worker,
//! [`gesture`] tells a person's click from a script's, [`passgen`]
//! suggests passphrases, [`recent`] remembers receipts (opt-in),
//! [`pages`] and [`components`] are the UI, [`app`] ties them together,
//! and [`bundle`] says which pages each of the three wasm bundles carries.

/// `Debug` that names the type and shows none of its fields, for values
/// holding a link (its key or token), a passphrase or plaintext: a derived
/// one would print them into any panic message or `{:?}` that reaches them.
macro_rules! redacted_debug {
    ($($t:ty),+ $(,)?) => {$(
        impl std::fmt::Debug for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!(stringify!($t), " { *** }"))
            }
        }
    )+};
}

pub mod api;
pub mod app;
pub mod bundle;
pub mod components;
pub mod config;
pub mod download;
pub mod gesture;
pub mod i18n;
pub mod pages;
pub mod passgen;
pub mod recent;
pub mod route;
pub mod strength;
pub mod worker;

// Unit tests run in a real browser (`cargo test --target wasm32-unknown-unknown`).
#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use wasm_bindgen_test::wasm_bindgen_test as test;
    use yew::AttrValue;
    use zeroize::Zeroizing;

    use crate::components::link_field::LinkFieldProps;
    use crate::pages::create::PickedFile;
    use crate::pages::{Created, request::RequestMade};
    use crate::passgen::Suggestion;
    use crate::recent::Entry;

    /// What holds a link, a passphrase or a file prints none of it.
    #[test]
    fn secrets_do_not_show_in_debug() {
        let link = "https://sdo.example/#/s/AQEBAQEBAQEBAQEBAQEBAQ/KEYKEYKEY";
        let shown = [
            format!(
                "{:?}",
                Created {
                    share_url: link.into(),
                    receipt_url: link.into(),
                    created_at: 0,
                    expires_at: 0,
                    max_views: 1,
                    passphrase: Some(Rc::new(Zeroizing::new("PASSWORD".into()))),
                }
            ),
            format!(
                "{:?}",
                RequestMade {
                    request_url: link.into(),
                    inbox_url: link.into(),
                    expires_at: 0,
                    has_note: false,
                }
            ),
            format!(
                "{:?}",
                Suggestion {
                    passphrase: "PASSWORD".into(),
                    bits: 80,
                }
            ),
            format!(
                "{:?}",
                Entry {
                    receipt_url: link.into(),
                    created_at: 0,
                    expires_at: 0,
                }
            ),
            format!(
                "{:?}",
                PickedFile {
                    name: "FILENAME".into(),
                    mime: "text/plain".into(),
                    data: Rc::new(Zeroizing::new(b"FILEBYTES".to_vec())),
                }
            ),
            format!(
                "{:?}",
                LinkFieldProps {
                    value: AttrValue::from(link),
                    ..Default::default()
                }
            ),
        ];
        for text in &shown {
            for secret in [
                "KEYKEYKEY",
                "PASSWORD",
                "FILENAME",
                "70, 73, 76",
                "FILEBYTES",
            ] {
                assert!(!text.contains(secret), "{text}");
            }
            assert!(text.ends_with("{ *** }"), "{text}");
        }
    }
}
