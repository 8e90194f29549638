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
