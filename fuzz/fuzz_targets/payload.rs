//! The payload decoder: what decodes must encode back to exactly the input
//! (one plaintext, one encoding) and decode again to the same payload.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sdo_shared::payload::Payload;

fuzz_target!(|data: &[u8]| {
    let Ok(payload) = Payload::decode_padded(data) else {
        return;
    };
    let encoded = payload
        .encode_padded()
        .unwrap_or_else(|e| panic!("a decoded payload does not encode: {e}"));
    // Payload's Debug shows kind and length only, and the inputs are the
    // fuzzer's, so a failure message carries nothing secret.
    assert!(
        encoded.as_slice() == data,
        "decode then encode is not the identity ({} bytes in, {} out)",
        data.len(),
        encoded.len()
    );
    let again = Payload::decode_padded(&encoded)
        .unwrap_or_else(|e| panic!("an encoded payload does not decode: {e}"));
    assert_eq!(again, payload);
});
