//! Secret requests ("sdo/v1 requests"): a requester makes a request link and
//! sends it to someone, who encrypts a secret that only the requester's inbox
//! link can open. docs/PROTOCOL.md, "sdo/v1 requests", has the byte-level
//! statement; this is the code.
//!
//! ```text
//! request_key = 32 random bytes                      (inbox link, requester only)
//! hpke_ikm    = HKDF(salt="sdo/v1/request", ikm=request_key, info="hpke key pair")
//! (skR, pkR)  = DeriveKeyPair(hpke_ikm)              (RFC 9180 §7.1.3)
//! inbox_token = HKDF(salt="sdo/v1/request", ikm=request_key, info="inbox token")
//! fill_token  = HKDF(salt="sdo/v1/request/public", ikm=pkR, info="fill token")
//! note_key    = HKDF(salt="sdo/v1/request/public", ikm=pkR, info="note key")
//! ```
//!
//! HPKE is RFC 9180 base mode with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256
//! and AES-256-GCM ([`fill`]). The fill token and the note key come from the
//! public key, so the request link (which carries only `pkR`) is enough to
//! fill; the server stores SHA-256 verifiers of both tokens and never sees
//! `pkR`, so it can neither fill a request nor read its note.
//!
//! Layout: this file has the key schedule, [`fill`] the responder's HPKE
//! envelope, [`note`] the requester's note, and [`client`] both sides' steps
//! over the wire types of [`crate::api`].

pub mod client;
pub mod fill;
pub mod note;

use hpke::Kem as _;
use zeroize::Zeroizing;

use crate::RandomError;
use crate::blob::BlobError;
use crate::kdf::hkdf32;
use crate::payload::PayloadError;
use crate::secret::{ContentKey, FillToken, InboxToken, RequestKey, RequestPublicKey, SecretId};

pub use client::{open_fill, open_note, prepare_request, seal_fill};

/// A request's id: 16 random bytes chosen by the server, in the same text
/// form as a secret's, so servers and links handle both alike.
pub type RequestId = SecretId;

/// The protocol's name for this part, in docs and the test vectors.
pub const PROTOCOL: &str = "sdo/v1 requests";
/// HKDF salt of everything derived from the request key.
pub const REQUEST_SALT: &[u8] = b"sdo/v1/request";
pub const HPKE_IKM_INFO: &[u8] = b"hpke key pair";
pub const INBOX_TOKEN_INFO: &[u8] = b"inbox token";
/// HKDF salt of everything derived from the public key: what a request link
/// holder may derive.
pub const PUBLIC_SALT: &[u8] = b"sdo/v1/request/public";
pub const FILL_TOKEN_INFO: &[u8] = b"fill token";
pub const NOTE_KEY_INFO: &[u8] = b"note key";

/// The HPKE suite's RFC 9180 identifiers, for documentation and checks.
pub const KEM_ID: u16 = 0x0020;
pub const KDF_ID: u16 = 0x0001;
pub const AEAD_ID: u16 = 0x0002;

pub(crate) type Kem = hpke::kem::X25519HkdfSha256;
pub(crate) type Kdf = hpke::kdf::HkdfSha256;
pub(crate) type Aead = hpke::aead::AesGcm256;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    #[error("empty fill")]
    Empty,
    #[error("unknown fill version {0}")]
    UnknownVersion(u8),
    #[error("fill length {0} is not a valid sealed payload length")]
    BadLength(usize),
    #[error("the request's public key cannot be encrypted to (a damaged request link?)")]
    BadPublicKey,
    #[error(
        "the secret does not open with this inbox link (another request's, or a corrupted fill)"
    )]
    Decrypt,
    #[error("the decrypted secret is malformed: {0}")]
    Payload(#[from] PayloadError),
    #[error("the note is {len} bytes padded; the limit is {max}")]
    NoteTooLong { len: usize, max: usize },
    #[error("the note is not text")]
    NoteNotText,
    #[error("the note does not open: {0}")]
    Note(BlobError),
    #[error(transparent)]
    Random(#[from] RandomError),
}

impl From<BlobError> for RequestError {
    fn from(e: BlobError) -> Self {
        match e {
            BlobError::Random(r) => RequestError::Random(r),
            other => RequestError::Note(other),
        }
    }
}

/// The keys a requester derives from the request key. The private key is
/// not among them: [`fill::open`] derives it when it needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestKeys {
    pub public_key: RequestPublicKey,
    pub inbox_token: InboxToken,
    pub fill_token: FillToken,
}

pub fn request_keys(request_key: &RequestKey) -> RequestKeys {
    let public_key = public_key(request_key);
    RequestKeys {
        fill_token: fill_token(&public_key),
        inbox_token: inbox_token(request_key),
        public_key,
    }
}

/// `DeriveKeyPair` from RFC 9180 rather than HKDF straight to an X25519
/// scalar: any HPKE library has it, so an independent client needs nothing
/// of ours beyond the label.
pub(crate) fn key_pair(
    request_key: &RequestKey,
) -> (
    <Kem as hpke::Kem>::PrivateKey,
    <Kem as hpke::Kem>::PublicKey,
) {
    let ikm = Zeroizing::new(hkdf32(REQUEST_SALT, request_key.expose(), HPKE_IKM_INFO));
    Kem::derive_keypair(ikm.as_ref())
}

pub fn public_key(request_key: &RequestKey) -> RequestPublicKey {
    use hpke::Serializable as _;
    let (_, pk) = key_pair(request_key);
    RequestPublicKey::from_slice(&pk.to_bytes())
        .unwrap_or_else(|_| unreachable!("an X25519 public key is 32 bytes"))
}

pub fn inbox_token(request_key: &RequestKey) -> InboxToken {
    InboxToken::from_bytes(hkdf32(REQUEST_SALT, request_key.expose(), INBOX_TOKEN_INFO))
}

pub fn fill_token(public_key: &RequestPublicKey) -> FillToken {
    FillToken::from_bytes(hkdf32(PUBLIC_SALT, public_key.expose(), FILL_TOKEN_INFO))
}

/// The AES-256-GCM key of the note ([`note`]).
pub fn note_key(public_key: &RequestPublicKey) -> ContentKey {
    ContentKey::from_bytes(hkdf32(PUBLIC_SALT, public_key.expose(), NOTE_KEY_INFO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_distinct_and_deterministic() {
        let rk = RequestKey::from_bytes([7; 32]);
        let keys = request_keys(&rk);
        assert_eq!(keys, request_keys(&rk));
        let other = request_keys(&RequestKey::from_bytes([8; 32]));
        assert_ne!(keys.public_key, other.public_key);
        assert_ne!(keys.inbox_token, other.inbox_token);
        assert_ne!(keys.fill_token, other.fill_token);
        let all = [
            *keys.public_key.expose(),
            *keys.inbox_token.expose(),
            *keys.fill_token.expose(),
            *note_key(&keys.public_key).expose(),
            *rk.expose(),
        ];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
        // The fill token needs only the public key: the request link.
        assert_eq!(keys.fill_token, fill_token(&keys.public_key));
    }

    #[test]
    fn keys_print_as_stars() {
        let keys = request_keys(&RequestKey::from_bytes([1; 32]));
        let text = format!("{keys:?} {:?}", RequestKey::from_bytes([1; 32]));
        assert_eq!(
            text,
            "RequestKeys { public_key: RequestPublicKey(***), inbox_token: InboxToken(***), \
             fill_token: FillToken(***) } RequestKey(***)"
        );
    }
}
