//! How jobs and outcomes cross `postMessage`: postcard, a compact serde
//! format, instead of gloo-worker's default bincode. postcard's errors keep
//! no message, so serde's error texts (which print floats and escape
//! strings, and link the code for both) stay out of the page's wasm: about
//! 12 KB gzipped of each page bundle (docs/BENCHMARKS.md).
//!
//! Messages carry keys, passphrases and plaintexts. In wasm memory each is
//! encoded once, into a buffer of its exact size (a growing buffer would
//! leave freed partial copies behind), which is zeroed once the browser has
//! its copy; a received message is zeroed in Rust and in its JavaScript
//! array once decoded. The array handed to `postMessage`, and the copy the
//! browser makes of it for the other side, are JavaScript's and out of
//! reach.

use gloo_worker::Codec;
use js_sys::Uint8Array;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsValue, UnwrapThrowExt};
use zeroize::{Zeroize, Zeroizing};

#[derive(Debug)]
pub struct Postcard;

impl Codec for Postcard {
    fn encode<I: Serialize>(input: I) -> JsValue {
        let size = postcard::experimental::serialized_size(&input)
            .expect_throw("a worker message did not encode");
        let mut bytes = Zeroizing::new(vec![0; size]);
        let encoded =
            postcard::to_slice(&input, &mut bytes).expect_throw("a worker message did not encode");
        Uint8Array::from(&encoded[..]).into()
    }

    fn decode<O: DeserializeOwned>(input: JsValue) -> O {
        let array = Uint8Array::from(input);
        let mut bytes = array.to_vec();
        array.fill(0, 0, array.length());
        let decoded = postcard::from_bytes(&bytes);
        bytes.zeroize();
        decoded.expect_throw("a worker message did not decode")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker::{Job, Outcome};
    use sdo_shared::kdf::KdfParams;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn jobs_and_outcomes_survive_the_trip_and_the_received_copy_is_zeroed() {
        let kdf = KdfParams::new([7; 16], 65_536, 3, 1).unwrap();
        let job = Job::Derive {
            link_key: [9; 32],
            kdf: kdf.clone(),
            passphrase: "correct horse".into(),
        };
        let message = Postcard::encode(&job);
        // The same JavaScript array, and a copy of it (`new Uint8Array`).
        let array: Uint8Array = message.clone().unchecked_into();
        let sent = Uint8Array::new(&message);
        match &Postcard::decode::<Job>(message) {
            Job::Derive {
                link_key,
                kdf: got,
                passphrase,
            } => {
                assert_eq!(*link_key, [9; 32]);
                assert_eq!(*got, kdf);
                assert_eq!(passphrase, "correct horse");
            }
            other => panic!("decoded {other:?}"),
        }
        assert!(
            sent.to_vec().contains(&9),
            "the copy kept before decoding has the key"
        );
        assert!(
            array.to_vec().iter().all(|&b| b == 0),
            "the received array is zeroed"
        );

        let outcome = Outcome::Failed("the passphrase is empty".into());
        match &Postcard::decode::<Outcome>(Postcard::encode(&outcome)) {
            Outcome::Failed(text) => assert_eq!(text, "the passphrase is empty"),
            other => panic!("decoded {other:?}"),
        }
    }
}
