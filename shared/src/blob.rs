//! The client envelope: what the server stores and cannot read.
//!
//! ```text
//! blob = 0x01 || nonce (12) || AES-256-GCM(content_key, nonce, padded, aad="sdo/v1 blob")
//! ```

use aes_gcm::aead::{Aead, KeyInit, Payload as AeadPayload};
use aes_gcm::{Aes256Gcm, Nonce};

use crate::payload::{MAX_PADDED_LEN, PAD_BLOCK, Payload, PayloadError};
use crate::secret::ContentKey;
use crate::{RandomError, random_bytes};

pub const VERSION_V1: u8 = 0x01;
pub const NONCE_LEN: usize = 12;
pub const TAG_LEN: usize = 16;
pub const AAD: &[u8] = b"sdo/v1 blob";
/// Version byte, nonce and tag around the padded payload.
pub const OVERHEAD: usize = 1 + NONCE_LEN + TAG_LEN;
pub const MIN_LEN: usize = OVERHEAD + PAD_BLOCK;
pub const MAX_LEN: usize = OVERHEAD + MAX_PADDED_LEN;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BlobError {
    #[error("empty blob")]
    Empty,
    #[error("unknown blob version {0}")]
    UnknownVersion(u8),
    #[error("blob length {0} is not a valid sealed payload length")]
    BadLength(usize),
    #[error("the blob does not open with this key (wrong key, passphrase, or a corrupted blob)")]
    Decrypt,
    #[error("the decrypted payload is malformed: {0}")]
    Payload(#[from] PayloadError),
    #[error(transparent)]
    Random(#[from] RandomError),
}

/// Checks what can be checked without the key: version and length class.
/// The server calls this on every blob it is given.
pub fn check_shape(blob: &[u8]) -> Result<(), BlobError> {
    let version = *blob.first().ok_or(BlobError::Empty)?;
    if version != VERSION_V1 {
        return Err(BlobError::UnknownVersion(version));
    }
    let len = blob.len();
    if len < MIN_LEN || !(len - OVERHEAD).is_multiple_of(PAD_BLOCK) {
        return Err(BlobError::BadLength(len));
    }
    Ok(())
}

/// Seals a payload under a fresh random nonce.
pub fn seal(key: &ContentKey, payload: &Payload) -> Result<Vec<u8>, BlobError> {
    seal_with_nonce(key, random_bytes()?, payload)
}

/// Seals with a caller-chosen nonce. Only for test vectors: reusing a nonce
/// under one key breaks AES-GCM.
pub fn seal_with_nonce(
    key: &ContentKey,
    nonce: [u8; NONCE_LEN],
    payload: &Payload,
) -> Result<Vec<u8>, BlobError> {
    seal_with_aad(key, nonce, payload, AAD)
}

/// The envelope under another `aad`, for other things the protocol seals
/// the same way (a secret request's note), so that one can never be
/// mistaken for the other even under the same key.
pub(crate) fn seal_with_aad(
    key: &ContentKey,
    nonce: [u8; NONCE_LEN],
    payload: &Payload,
    aad: &[u8],
) -> Result<Vec<u8>, BlobError> {
    let padded = payload.encode_padded()?;
    let ciphertext = cipher(key)
        .encrypt(&Nonce::from(nonce), AeadPayload { msg: &padded, aad })
        .map_err(|_| BlobError::Decrypt)?;
    let mut blob = Vec::with_capacity(OVERHEAD + padded.len());
    blob.push(VERSION_V1);
    blob.extend_from_slice(&nonce);
    blob.extend_from_slice(&ciphertext);
    Ok(blob)
}

/// Opens a blob: shape, then authentication, then the strict payload decoder.
pub fn open(key: &ContentKey, blob: &[u8]) -> Result<Payload, BlobError> {
    open_with_aad(key, blob, AAD)
}

pub(crate) fn open_with_aad(
    key: &ContentKey,
    blob: &[u8],
    aad: &[u8],
) -> Result<Payload, BlobError> {
    check_shape(blob)?;
    let (nonce, ciphertext) = blob[1..].split_at(NONCE_LEN);
    let nonce: [u8; NONCE_LEN] = nonce
        .try_into()
        .map_err(|_| BlobError::BadLength(blob.len()))?;
    let padded = zeroize::Zeroizing::new(
        cipher(key)
            .decrypt(
                &Nonce::from(nonce),
                AeadPayload {
                    msg: ciphertext,
                    aad,
                },
            )
            .map_err(|_| BlobError::Decrypt)?,
    );
    Ok(Payload::decode_padded(&padded)?)
}

fn cipher(key: &ContentKey) -> Aes256Gcm {
    Aes256Gcm::new(&(*key.expose()).into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key() -> ContentKey {
        ContentKey::from_bytes([5; 32])
    }

    #[test]
    fn round_trip_and_size() {
        let p = Payload::text("s3cr3t");
        let blob = seal(&key(), &p).unwrap();
        assert_eq!(blob.len(), MIN_LEN);
        assert_eq!(open(&key(), &blob).unwrap(), p);
        assert_eq!(
            open(&ContentKey::from_bytes([6; 32]), &blob),
            Err(BlobError::Decrypt)
        );
    }

    #[test]
    fn shape_errors_are_distinct() {
        let blob = seal(&key(), &Payload::text("x")).unwrap();
        assert_eq!(open(&key(), &[]), Err(BlobError::Empty));
        let mut v2 = blob.clone();
        v2[0] = 2;
        assert_eq!(open(&key(), &v2), Err(BlobError::UnknownVersion(2)));
        assert_eq!(
            open(&key(), &blob[..blob.len() - 1]),
            Err(BlobError::BadLength(blob.len() - 1))
        );
        assert_eq!(open(&key(), &blob[..10]), Err(BlobError::BadLength(10)));
    }

    #[test]
    fn every_flipped_bit_is_caught() {
        let blob = seal(&key(), &Payload::text("flip me")).unwrap();
        for i in 1..blob.len() {
            for bit in 0..8 {
                let mut bad = blob.clone();
                bad[i] ^= 1 << bit;
                assert_eq!(
                    open(&key(), &bad),
                    Err(BlobError::Decrypt),
                    "byte {i} bit {bit}"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn arbitrary_blobs_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..700)) {
            let _ = open(&key(), &bytes);
            let _ = check_shape(&bytes);
        }

        #[test]
        fn truncation_is_always_refused(cut in 0usize..MIN_LEN) {
            let blob = seal(&key(), &Payload::text("truncate")).unwrap();
            prop_assert!(open(&key(), &blob[..cut]).is_err());
        }
    }
}
