//! The server envelope: every stored blob is sealed again under its own data
//! key, with the secret's id bound in, so a record copied to another id does
//! not open.
//!
//! ```text
//! sealed = AES-256-GCM(data_key, server_nonce, blob, aad = "sdo/v1 record" || id)
//! ```
//!
//! A secret request's note and fill are sealed the same way under the
//! request's data key, each with its own label (`REQUEST_NOTE_AAD`,
//! `REQUEST_FILL_AAD`), so neither opens as the other or as a secret's blob.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use sdo_shared::secret::SecretId;
use zeroize::{Zeroize, ZeroizeOnDrop};

pub const RECORD_AAD: &[u8] = b"sdo/v1 record";
pub const REQUEST_NOTE_AAD: &[u8] = b"sdo/v1 request record note";
pub const REQUEST_FILL_AAD: &[u8] = b"sdo/v1 request record fill";
pub const NONCE_LEN: usize = 12;

/// A plaintext data (or master) key. Wiped on drop, never printed.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct DataKey([u8; 32]);

impl DataKey {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }
    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        <[u8; 32]>::try_from(bytes).ok().map(Self)
    }
    pub fn expose(&self) -> &[u8; 32] {
        &self.0
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(***)")
    }
}

/// Authentication failed: wrong key, wrong id, or tampered bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("sealed data failed authentication")]
pub struct OpenError;

/// AES-256-GCM with associated data; the ciphertext carries the tag.
pub fn aead_seal(key: &DataKey, nonce: &[u8; NONCE_LEN], msg: &[u8], aad: &[u8]) -> Vec<u8> {
    Aes256Gcm::new(&(*key.expose()).into())
        .encrypt(&Nonce::from(*nonce), Payload { msg, aad })
        // Only inputs beyond 64 GiB can fail; blobs are capped far below.
        .unwrap_or_else(|_| unreachable!("AES-GCM input within limits"))
}

pub fn aead_open(
    key: &DataKey,
    nonce: &[u8; NONCE_LEN],
    ciphertext: &[u8],
    aad: &[u8],
) -> Result<Vec<u8>, OpenError> {
    Aes256Gcm::new(&(*key.expose()).into())
        .decrypt(
            &Nonce::from(*nonce),
            Payload {
                msg: ciphertext,
                aad,
            },
        )
        .map_err(|_| OpenError)
}

fn labelled_aad(label: &[u8], id: &SecretId) -> Vec<u8> {
    let mut aad = label.to_vec();
    aad.extend_from_slice(id.to_string().as_bytes());
    aad
}

fn record_aad(id: &SecretId) -> Vec<u8> {
    labelled_aad(RECORD_AAD, id)
}

pub fn seal(key: &DataKey, nonce: &[u8; NONCE_LEN], blob: &[u8], id: &SecretId) -> Vec<u8> {
    aead_seal(key, nonce, blob, &record_aad(id))
}

/// Seals `bytes` with `label || id` as the AAD (a request's note or fill).
pub fn seal_labelled(
    key: &DataKey,
    nonce: &[u8; NONCE_LEN],
    bytes: &[u8],
    label: &[u8],
    id: &SecretId,
) -> Vec<u8> {
    aead_seal(key, nonce, bytes, &labelled_aad(label, id))
}

pub fn open_labelled(
    key: &DataKey,
    nonce: &[u8; NONCE_LEN],
    sealed: &[u8],
    label: &[u8],
    id: &SecretId,
) -> Result<Vec<u8>, OpenError> {
    aead_open(key, nonce, sealed, &labelled_aad(label, id))
}

pub fn open(
    key: &DataKey,
    nonce: &[u8; NONCE_LEN],
    sealed: &[u8],
    id: &SecretId,
) -> Result<Vec<u8>, OpenError> {
    aead_open(key, nonce, sealed, &record_aad(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_record_opens_only_under_its_own_id() {
        let key = DataKey::from_bytes([1; 32]);
        let a = SecretId::from_bytes([1; 16]);
        let b = SecretId::from_bytes([2; 16]);
        let sealed = seal(&key, &[0; 12], b"blob", &a);
        assert_eq!(open(&key, &[0; 12], &sealed, &a).unwrap(), b"blob");
        assert_eq!(open(&key, &[0; 12], &sealed, &b), Err(OpenError));
        assert_eq!(format!("{key:?}"), "DataKey(***)");
        // A request's note does not open as its fill, nor as a secret.
        let note = seal_labelled(&key, &[0; 12], b"note", REQUEST_NOTE_AAD, &a);
        let open_as = |label| open_labelled(&key, &[0; 12], &note, label, &a);
        assert_eq!(open_as(REQUEST_NOTE_AAD).unwrap(), b"note");
        assert_eq!(open_as(REQUEST_FILL_AAD), Err(OpenError));
        assert_eq!(open(&key, &[0; 12], &note, &a), Err(OpenError));
    }
}
