//! Blob open: never panics on any input; shape is checked before anything
//! else, so nothing opens that `check_shape` (the server's only check) would
//! refuse; a blob that opens is the one encoding of its payload.
//!
//! Random bytes almost never carry a valid tag, so each input is also sealed
//! as a plaintext under the key: that reaches the decoder behind
//! authentication, where a sender holding the key is the attacker.
#![no_main]

use std::sync::LazyLock;

use aes_gcm::aead::{Aead, KeyInit, Payload as AeadPayload};
use aes_gcm::{Aes256Gcm, Nonce};
use libfuzzer_sys::fuzz_target;
use sdo_shared::blob::{self, BlobError, NONCE_LEN};
use sdo_shared::kdf;
use sdo_shared::payload::Payload;
use sdo_shared::secret::{ContentKey, LinkKey};

/// The content key of the test vectors' `fail_*` cases (link key 0x77 × 32,
/// no passphrase), so that those seeds get past authentication.
static KEY: LazyLock<ContentKey> =
    LazyLock::new(|| kdf::secret_keys(&LinkKey::from_bytes([0x77; 32]), None).content_key);
const NONCE: [u8; NONCE_LEN] = [0x42; NONCE_LEN];

/// `0x01 || nonce || AES-GCM(key, plaintext)`, with no check of the plaintext.
fn seal_raw(plaintext: &[u8]) -> Vec<u8> {
    let ciphertext = Aes256Gcm::new(&(*KEY.expose()).into())
        .encrypt(
            &Nonce::from(NONCE),
            AeadPayload {
                msg: plaintext,
                aad: blob::AAD,
            },
        )
        .expect("AES-GCM seals any input this size");
    let mut sealed = vec![blob::VERSION_V1];
    sealed.extend_from_slice(&NONCE);
    sealed.extend_from_slice(&ciphertext);
    sealed
}

fn is_shape_error(e: &BlobError) -> bool {
    matches!(
        e,
        BlobError::Empty | BlobError::UnknownVersion(_) | BlobError::BadLength(_)
    )
}

fuzz_target!(|data: &[u8]| {
    // The input as a blob, as a server or a client receives one.
    let shape = blob::check_shape(data);
    let opened = blob::open(&KEY, data);
    match (&shape, &opened) {
        (Err(refused), _) => assert_eq!(opened.as_ref().err(), Some(refused)),
        (Ok(()), Err(e)) => assert!(!is_shape_error(e), "open refused a good shape: {e}"),
        (Ok(()), Ok(payload)) => {
            let nonce: [u8; NONCE_LEN] = data[1..1 + NONCE_LEN].try_into().unwrap();
            let again = blob::seal_with_nonce(&KEY, nonce, payload)
                .unwrap_or_else(|e| panic!("an opened payload does not seal: {e}"));
            assert!(
                again == data,
                "an opened blob is not its payload's encoding"
            );
        }
    }

    // The input as a plaintext, sealed properly.
    let sealed = seal_raw(data);
    let shape = blob::check_shape(&sealed);
    let opened = blob::open(&KEY, &sealed);
    if opened.is_ok() {
        assert!(shape.is_ok(), "a blob opened that check_shape refuses");
    }
    let expected = match shape {
        Err(e) => Err(e),
        Ok(()) => Payload::decode_padded(data).map_err(BlobError::from),
    };
    assert_eq!(opened, expected);
});
