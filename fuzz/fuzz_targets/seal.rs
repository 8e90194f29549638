//! The server envelope: `seal::open` with a fixed data key and id never
//! panics, and nothing opens but the record sealed under that key and id.
//! Each input is read as `server_nonce (12) || sealed`, and is also sealed
//! itself, which must open only under its own id and only unaltered.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use sdo_backend::seal::{self, DataKey, NONCE_LEN};
use sdo_shared::secret::SecretId;

// scripts/fuzz_seeds.py seals the same record with these values, so the
// corpus starts with the one input that must open.
static KEY: LazyLock<DataKey> = LazyLock::new(|| DataKey::from_bytes([0x07; 32]));
static ID: LazyLock<SecretId> = LazyLock::new(|| SecretId::from_bytes([0x09; 16]));
static OTHER_ID: LazyLock<SecretId> = LazyLock::new(|| SecretId::from_bytes([0x0a; 16]));
const NONCE: [u8; NONCE_LEN] = [0x03; NONCE_LEN];

/// The record: the first valid test vector's blob.
static ORIGINAL: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let vectors: serde_json::Value =
        serde_json::from_str(include_str!("../../shared/tests/vectors/v1.json")).unwrap();
    let text = vectors["valid"][0]["blob"].as_str().unwrap();
    sdo_shared::base64url::decode(text).unwrap()
});
static SEALED: LazyLock<Vec<u8>> = LazyLock::new(|| seal::seal(&KEY, &NONCE, &ORIGINAL, &ID));

fuzz_target!(|data: &[u8]| {
    if let Some((nonce, sealed)) = data.split_first_chunk::<NONCE_LEN>() {
        let is_original = *nonce == NONCE && sealed == SEALED.as_slice();
        match seal::open(&KEY, nonce, sealed, &ID) {
            Ok(blob) => {
                assert!(is_original, "something other than the sealed record opened");
                assert!(blob == *ORIGINAL, "the record opened to other bytes");
            }
            Err(_) => assert!(!is_original, "the sealed record does not open"),
        }
        assert!(
            seal::open(&KEY, nonce, sealed, &OTHER_ID).is_err(),
            "a record opened under another id"
        );
    }

    let sealed = seal::seal(&KEY, &NONCE, data, &ID);
    let opened = seal::open(&KEY, &NONCE, &sealed, &ID).expect("a fresh seal opens");
    assert!(opened == data, "a fresh seal opened to other bytes");
    assert!(seal::open(&KEY, &NONCE, &sealed, &OTHER_ID).is_err());
    let mut altered = sealed.clone();
    let at = data.first().map_or(0, |&b| usize::from(b)) % altered.len();
    altered[at] ^= 0x01;
    assert!(seal::open(&KEY, &NONCE, &altered, &ID).is_err());
});
