//! Checks secret requests against `vectors/requests.json`, written by an
//! independent Python implementation (`vectors/request_vectors.py`, HPKE from
//! `pyhpke`). The fills are sealed there with a fixed ephemeral key
//! (`DeriveKeyPair(ikm_e)`, as in RFC 9180's vectors), so Rust must both open
//! them and seal the very same bytes.

use sdo_shared::base64url::{decode, encode};
use sdo_shared::link::{self, InboxLink, Link};
use sdo_shared::payload::{Payload, PayloadError};
use sdo_shared::request::{
    self, AEAD_ID, KDF_ID, KEM_ID, RequestError, RequestId, fill, note, open_fill, open_note,
};
use sdo_shared::secret::{RequestKey, RequestPublicKey, Verifier};
use serde::Deserialize;

#[derive(Deserialize)]
struct Vectors {
    protocol: String,
    suite: Suite,
    valid: Vec<Valid>,
    fail: Vec<Fail>,
    note_fail: Vec<NoteFail>,
}

#[derive(Deserialize)]
struct Suite {
    kem_id: u16,
    kdf_id: u16,
    aead_id: u16,
}

#[derive(Deserialize)]
struct Valid {
    name: String,
    request_key: String,
    rid: String,
    public_key: String,
    inbox_token: String,
    inbox_verifier: String,
    fill_token: String,
    fill_verifier: String,
    note_key: String,
    note: Option<String>,
    note_nonce: Option<String>,
    note_blob: Option<String>,
    payload: VectorPayload,
    padded_len: usize,
    info: String,
    aad: String,
    ikm_e: String,
    enc: String,
    fill: String,
    inbox_link: String,
    request_link: String,
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
    request_key: String,
    rid: String,
    fill: String,
    error: String,
}

#[derive(Deserialize)]
struct NoteFail {
    name: String,
    public_key: String,
    note: String,
    error: String,
}

fn load() -> Vectors {
    let v: Vectors = serde_json::from_str(include_str!("vectors/requests.json")).unwrap();
    assert_eq!(v.protocol, request::PROTOCOL);
    assert_eq!(
        (v.suite.kem_id, v.suite.kdf_id, v.suite.aead_id),
        (KEM_ID, KDF_ID, AEAD_ID)
    );
    v
}

fn error_code(e: &RequestError) -> &'static str {
    use sdo_shared::blob::BlobError;
    match e {
        RequestError::Empty | RequestError::Note(BlobError::Empty) => "empty",
        RequestError::UnknownVersion(_) | RequestError::Note(BlobError::UnknownVersion(_)) => {
            "unknown_version"
        }
        RequestError::BadLength(_) | RequestError::Note(BlobError::BadLength(_)) => "bad_length",
        RequestError::Decrypt | RequestError::Note(BlobError::Decrypt) => "decrypt",
        RequestError::BadPublicKey => "bad_public_key",
        RequestError::Payload(PayloadError::UnknownKind(_)) => "unknown_kind",
        RequestError::Payload(PayloadError::NonZeroPadding) => "non_zero_padding",
        RequestError::Payload(PayloadError::ExcessPadding) => "excess_padding",
        RequestError::Payload(PayloadError::TextNotUtf8) => "text_not_utf8",
        RequestError::Payload(_) => "payload",
        RequestError::NoteTooLong { .. } => "note_too_long",
        RequestError::NoteNotText => "note_not_text",
        RequestError::Note(_) => "note",
        RequestError::Random(_) => "random",
    }
}

fn payload(v: &VectorPayload) -> Payload {
    let data = decode(&v.data).unwrap();
    match v.kind.as_str() {
        "text" => Payload::text(String::from_utf8(data).unwrap()),
        "file" => Payload::file(v.name.clone(), v.mime.clone(), data),
        other => panic!("unknown kind {other}"),
    }
}

#[test]
fn valid_vectors_derive_seal_and_open_the_same_bytes() {
    let vectors = load();
    assert!(vectors.valid.len() >= 4);
    for v in vectors.valid {
        let n = &v.name;
        let request_key = RequestKey::from_base64url(&v.request_key).unwrap();
        let rid = RequestId::parse(&v.rid).unwrap();
        let keys = request::request_keys(&request_key);
        assert_eq!(keys.public_key.to_base64url(), v.public_key, "{n}");
        assert_eq!(keys.inbox_token.to_base64url(), v.inbox_token, "{n}");
        assert_eq!(keys.fill_token.to_base64url(), v.fill_token, "{n}");
        let inbox_verifier = Verifier::of(keys.inbox_token.expose());
        assert_eq!(encode(inbox_verifier.as_bytes()), v.inbox_verifier, "{n}");
        let fill_verifier = Verifier::of(keys.fill_token.expose());
        assert_eq!(encode(fill_verifier.as_bytes()), v.fill_verifier, "{n}");
        assert_eq!(
            request::note_key(&keys.public_key).to_base64url(),
            v.note_key,
            "{n}"
        );

        match (&v.note, &v.note_nonce, &v.note_blob) {
            (Some(text), Some(nonce), Some(blob)) => {
                let nonce: [u8; 12] = decode(nonce).unwrap().try_into().unwrap();
                let sealed = note::seal_with_nonce(&keys.public_key, nonce, text).unwrap();
                assert_eq!(encode(&sealed), *blob, "{n}");
                let opened = open_note(&keys.public_key, &decode(blob).unwrap()).unwrap();
                assert_eq!(&opened, text, "{n}");
            }
            (None, None, None) => {}
            _ => panic!("{n}: note, note_nonce and note_blob go together"),
        }

        assert_eq!(encode(&fill::info(&rid)), v.info, "{n}");
        assert_eq!(encode(&fill::aad(&rid)), v.aad, "{n}");
        let payload = payload(&v.payload);
        assert_eq!(payload.padded_len(), v.padded_len, "{n}");
        let fill_bytes = decode(&v.fill).unwrap();
        assert_eq!(encode(&fill_bytes[1..33]), v.enc, "{n}");
        assert_eq!(open_fill(&request_key, &rid, &fill_bytes).unwrap(), payload);
        let ikm_e: [u8; 32] = decode(&v.ikm_e).unwrap().try_into().unwrap();
        let sealed = fill::seal_with_ikm_e(&keys.public_key, &rid, &payload, &ikm_e).unwrap();
        assert_eq!(encode(&sealed), v.fill, "{n}");

        let inbox = InboxLink {
            origin: "https://sdo.example".into(),
            id: rid,
            request_key: request_key.clone(),
        };
        assert_eq!(inbox.to_url(), v.inbox_link, "{n}");
        assert_eq!(inbox.request_link().to_url(), v.request_link, "{n}");
        assert_eq!(link::parse(&v.inbox_link).unwrap(), Link::Inbox(inbox));
        let Ok(Link::Request(req)) = link::parse(&v.request_link) else {
            panic!("{n}: the request link does not parse");
        };
        assert_eq!(req.public_key, keys.public_key, "{n}");
    }
}

#[test]
fn fail_vectors_are_refused_with_their_error() {
    let vectors = load();
    assert!(vectors.fail.len() >= 15);
    for f in vectors.fail {
        assert!(f.name.starts_with("fail_"));
        let request_key = RequestKey::from_base64url(&f.request_key).unwrap();
        let rid = RequestId::parse(&f.rid).unwrap();
        let err = open_fill(&request_key, &rid, &decode(&f.fill).unwrap()).unwrap_err();
        assert_eq!(error_code(&err), f.error, "{}", f.name);
    }
}

#[test]
fn note_fail_vectors_are_refused_with_their_error() {
    let vectors = load();
    assert!(vectors.note_fail.len() >= 5);
    for f in vectors.note_fail {
        assert!(f.name.starts_with("fail_note_"));
        let pk = RequestPublicKey::from_base64url(&f.public_key).unwrap();
        let err = open_note(&pk, &decode(&f.note).unwrap()).unwrap_err();
        assert_eq!(error_code(&err), f.error, "{}", f.name);
    }
}
