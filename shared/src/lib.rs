//! The self-destruct-o protocol, version 1: everything a client and the
//! server must agree on, and nothing else.
//!
//! This crate is compiled natively (server, CLI) and to `wasm32` (browser), so
//! both sides run the very same code. It must never do I/O, know about HTTP,
//! storage or an async runtime, log, or print key material: the only
//! side effect it has is reading randomness through `getrandom`.
//!
//! Layers, inward: [`base64url`] text encoding, [`secret`] key newtypes,
//! [`kdf`] the key schedule, [`payload`] the plaintext codec, [`blob`] the
//! client envelope, [`link`] share and receipt links, [`api`] the HTTP
//! API's wire types, and [`client`] the sender's and recipient's steps.
//! [`request`] is secret requests ("sdo/v1 requests"): someone asked for a
//! secret encrypts it with HPKE to the requester's key.

pub mod api;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub mod argon2id;
pub mod base64url;
pub mod blob;
pub mod client;
pub mod kdf;
pub mod link;
pub mod payload;
pub mod request;
pub mod secret;

/// Fills `buf` from the operating system (or the browser's crypto API).
pub fn random_bytes<const N: usize>() -> Result<[u8; N], RandomError> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|_| RandomError)?;
    Ok(buf)
}

/// The platform refused to hand out randomness; nothing safe can proceed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the system random number generator is unavailable")]
pub struct RandomError;
