//! The requester's optional note to the responder ("the staging database
//! password, please"): a v1 envelope of a text payload under a key derived
//! from the public key, so a request link holder can read it and the server
//! cannot.
//!
//! ```text
//! note = 0x01 || nonce (12) || AES-256-GCM(note_key, nonce, padded, aad="sdo/v1 request note")
//! ```
//! The rid cannot be bound: the note is sealed before the server assigns
//! it. The key is bound instead, and every request has a fresh one.

use super::{RequestError, note_key};
use crate::blob::{self, NONCE_LEN, OVERHEAD};
use crate::payload::{Kind, Payload};
use crate::random_bytes;
use crate::secret::RequestPublicKey;

pub const AAD: &[u8] = b"sdo/v1 request note";
/// Largest padded note: four pad blocks, so 1015 bytes of UTF-8 text.
pub const MAX_PADDED_LEN: usize = 1024;
/// Largest note on the wire, for the server's check.
pub const MAX_LEN: usize = OVERHEAD + MAX_PADDED_LEN;

/// Checks what the server can without the key: a v1 envelope's shape, and
/// no larger than a note may be.
pub fn check_shape(note: &[u8]) -> Result<(), RequestError> {
    blob::check_shape(note)?;
    if note.len() > MAX_LEN {
        return Err(RequestError::NoteTooLong {
            len: note.len() - OVERHEAD,
            max: MAX_PADDED_LEN,
        });
    }
    Ok(())
}

pub fn seal(public_key: &RequestPublicKey, text: &str) -> Result<Vec<u8>, RequestError> {
    seal_with_nonce(public_key, random_bytes()?, text)
}

/// Seals with a caller-chosen nonce. Only for test vectors.
pub fn seal_with_nonce(
    public_key: &RequestPublicKey,
    nonce: [u8; NONCE_LEN],
    text: &str,
) -> Result<Vec<u8>, RequestError> {
    let payload = Payload::text(text);
    let len = payload.padded_len();
    if len > MAX_PADDED_LEN {
        return Err(RequestError::NoteTooLong {
            len,
            max: MAX_PADDED_LEN,
        });
    }
    Ok(blob::seal_with_aad(
        &note_key(public_key),
        nonce,
        &payload,
        AAD,
    )?)
}

pub fn open(public_key: &RequestPublicKey, note: &[u8]) -> Result<String, RequestError> {
    check_shape(note)?;
    let payload = blob::open_with_aad(&note_key(public_key), note, AAD)?;
    match payload.kind() {
        Kind::Text => payload
            .as_text()
            .map(str::to_owned)
            .ok_or(RequestError::NoteNotText),
        Kind::File { .. } => Err(RequestError::NoteNotText),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blob::BlobError;
    use crate::request::public_key;
    use crate::secret::RequestKey;

    fn pk() -> RequestPublicKey {
        public_key(&RequestKey::from_bytes([2; 32]))
    }

    #[test]
    fn round_trip_and_limits() {
        let note = seal(&pk(), "the staging DB password, please").unwrap();
        assert_eq!(note.len(), OVERHEAD + 256);
        assert_eq!(
            open(&pk(), &note).unwrap(),
            "the staging DB password, please"
        );
        let other = public_key(&RequestKey::from_bytes([3; 32]));
        assert_eq!(
            open(&other, &note),
            Err(RequestError::Note(BlobError::Decrypt))
        );

        let longest = "é".repeat(507) + "a";
        assert_eq!(longest.len(), 1015);
        let note = seal(&pk(), &longest).unwrap();
        assert_eq!(note.len(), MAX_LEN);
        assert_eq!(open(&pk(), &note).unwrap(), longest);
        assert_eq!(
            seal(&pk(), &(longest + "a")),
            Err(RequestError::NoteTooLong {
                len: 1280,
                max: MAX_PADDED_LEN
            })
        );
    }

    #[test]
    fn a_secret_blob_is_not_a_note() {
        // The same key and envelope, the v1 blob's aad: refused.
        let key = note_key(&pk());
        let blob = blob::seal(&key, &Payload::text("hi")).unwrap();
        assert_eq!(
            open(&pk(), &blob),
            Err(RequestError::Note(BlobError::Decrypt))
        );
        let file =
            blob::seal_with_aad(&key, [1; 12], &Payload::file("a", "b/c", vec![]), AAD).unwrap();
        assert_eq!(open(&pk(), &file), Err(RequestError::NoteNotText));
    }

    #[test]
    fn oversized_envelopes_are_refused_before_decrypting() {
        let big = blob::seal_with_aad(
            &note_key(&pk()),
            [1; 12],
            &Payload::text("a".repeat(2000)),
            AAD,
        )
        .unwrap();
        assert!(matches!(
            check_shape(&big),
            Err(RequestError::NoteTooLong { .. })
        ));
        assert!(matches!(
            open(&pk(), &big),
            Err(RequestError::NoteTooLong { .. })
        ));
        assert_eq!(check_shape(&[]), Err(RequestError::Note(BlobError::Empty)));
    }
}
