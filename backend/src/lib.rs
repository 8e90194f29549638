//! The self-destruct-o server: it stores client-encrypted blobs, seals them
//! again under per-secret data keys, and releases each one exactly as often
//! as its creator allowed, only to a client that proves it holds the link.
//!
//! It must never see a plaintext, a link key or a passphrase (the protocol
//! keeps them on the client), and it must never log, store or echo a token,
//! a verifier or a data key. The HTTP layer ([`app`], [`api`]) knows the
//! [`service::Service`] and the [`store::SecretStore`] / [`keys::KeyProvider`]
//! traits, never a concrete backend; [`server`] picks those from [`config`].

pub mod api;
pub mod app;
pub mod client_ip;
pub mod clock;
pub mod config;
#[cfg(feature = "embed-app")]
pub mod embedded;
pub mod keys;
pub mod lambda;
pub mod lock;
pub mod logging;
pub mod metrics;
pub mod owner;
pub mod rate_limit;
pub mod readiness;
pub mod seal;
pub mod server;
pub mod service;
pub mod store;
