//! Checks the crate against `vectors/v1.json`, written by an independent
//! Python implementation (`vectors/generate.py`).

use sdo_shared::base64url::{decode, encode};
use sdo_shared::blob::{self, BlobError};
use sdo_shared::kdf::{self, KdfParams};
use sdo_shared::payload::{Payload, PayloadError};
use sdo_shared::secret::{LinkKey, Verifier};
use serde::Deserialize;

#[derive(Deserialize)]
struct Vectors {
    protocol: String,
    valid: Vec<Valid>,
    fail: Vec<Fail>,
}

#[derive(Deserialize)]
struct Valid {
    name: String,
    link_key: String,
    passphrase: Option<String>,
    kdf: Option<KdfParams>,
    payload: VectorPayload,
    nonce: String,
    link_token: String,
    link_verifier: String,
    pass_key: Option<String>,
    content_key: String,
    reveal_token: String,
    reveal_verifier: String,
    padded_len: usize,
    blob: String,
}

#[derive(Deserialize)]
struct VectorPayload {
    kind: String,
    name: String,
    mime: String,
    data: String,
}

#[derive(Deserialize)]
struct Fail {
    name: String,
    link_key: String,
    blob: String,
    error: String,
}

fn load() -> Vectors {
    let v: Vectors = serde_json::from_str(include_str!("vectors/v1.json")).unwrap();
    assert_eq!(v.protocol, "sdo/v1");
    v
}

fn error_code(e: &BlobError) -> &'static str {
    match e {
        BlobError::Empty => "empty",
        BlobError::UnknownVersion(_) => "unknown_version",
        BlobError::BadLength(_) => "bad_length",
        BlobError::Decrypt => "decrypt",
        BlobError::Payload(PayloadError::UnknownKind(_)) => "unknown_kind",
        BlobError::Payload(PayloadError::BadPaddedLength(_)) => "bad_padded_length",
        BlobError::Payload(PayloadError::Overrun(_)) => "overrun",
        BlobError::Payload(PayloadError::NonZeroPadding) => "non_zero_padding",
        BlobError::Payload(PayloadError::ExcessPadding) => "excess_padding",
        BlobError::Payload(PayloadError::InvalidUtf8(_)) => "invalid_utf8",
        BlobError::Payload(PayloadError::TextWithMetadata) => "text_with_metadata",
        BlobError::Payload(PayloadError::TextNotUtf8) => "text_not_utf8",
        BlobError::Payload(_) => "payload",
        BlobError::Random(_) => "random",
    }
}

#[test]
fn valid_vectors_derive_and_seal_the_same_bytes() {
    let vectors = load();
    assert!(vectors.valid.len() >= 5);
    for v in vectors.valid {
        let link_key = LinkKey::from_base64url(&v.link_key).unwrap();
        let link_token = kdf::link_token(&link_key);
        assert_eq!(link_token.to_base64url(), v.link_token, "{}", v.name);
        let link_verifier = Verifier::of(link_token.expose());
        assert_eq!(
            encode(link_verifier.as_bytes()),
            v.link_verifier,
            "{}",
            v.name
        );

        let pass_key = match (&v.passphrase, &v.kdf) {
            (Some(p), Some(params)) => Some(kdf::pass_key(p, params).unwrap()),
            _ => None,
        };
        assert_eq!(
            pass_key.as_ref().map(|k| k.to_base64url()),
            v.pass_key,
            "{}",
            v.name
        );
        let keys = kdf::secret_keys(&link_key, pass_key.as_ref());
        assert_eq!(keys.content_key.to_base64url(), v.content_key, "{}", v.name);
        assert_eq!(
            keys.reveal_token.to_base64url(),
            v.reveal_token,
            "{}",
            v.name
        );
        let reveal_verifier = Verifier::of(keys.reveal_token.expose());
        assert_eq!(
            encode(reveal_verifier.as_bytes()),
            v.reveal_verifier,
            "{}",
            v.name
        );

        let data = decode(&v.payload.data).unwrap();
        let payload = match v.payload.kind.as_str() {
            "text" => Payload::text(String::from_utf8(data).unwrap()),
            "file" => Payload::file(v.payload.name.clone(), v.payload.mime.clone(), data),
            other => panic!("unknown kind {other}"),
        };
        assert_eq!(payload.padded_len(), v.padded_len, "{}", v.name);
        let nonce: [u8; 12] = decode(&v.nonce).unwrap().try_into().unwrap();
        let sealed = blob::seal_with_nonce(&keys.content_key, nonce, &payload).unwrap();
        assert_eq!(encode(&sealed), v.blob, "{}", v.name);
        assert_eq!(blob::open(&keys.content_key, &sealed).unwrap(), payload);
    }
}

#[test]
fn fail_vectors_are_refused_with_their_error() {
    let vectors = load();
    assert!(vectors.fail.len() >= 10);
    for f in vectors.fail {
        assert!(f.name.starts_with("fail_"));
        let link_key = LinkKey::from_base64url(&f.link_key).unwrap();
        let keys = kdf::secret_keys(&link_key, None);
        let err = blob::open(&keys.content_key, &decode(&f.blob).unwrap()).unwrap_err();
        assert_eq!(error_code(&err), f.error, "{}", f.name);
    }
}
