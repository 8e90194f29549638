//! Every wire type against its serde form (serde_json is a dev-dependency
//! only): what the server's serde writes, this module reads to the same
//! value; what this module writes, the server's serde reads to the same
//! value. Then the forms a server must never get away with.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

fn kdf_params() -> KdfParams {
    KdfParams::new([7; 16], 65_536, 3, 1).unwrap()
}

fn bytes(n: u8, len: usize) -> Base64Bytes {
    Base64Bytes::new(vec![n; len])
}

/// Read from what serde writes, to the same value.
fn reads_back<T: Serialize + FromWire>(value: &T) {
    let text = serde_json::to_string(value).unwrap();
    let read = T::from_json(&text).unwrap_or_else(|| panic!("cannot read {text}"));
    assert_eq!(
        serde_json::to_value(&read).unwrap(),
        serde_json::to_value(value).unwrap()
    );
}

/// Written so that serde (with `deny_unknown_fields` where the server has
/// it) reads the same value.
fn writes_for_serde<T: Serialize + DeserializeOwned + ToWire>(value: &T) {
    let text = value.to_json();
    let read: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_eq!(
        serde_json::to_value(&read).unwrap(),
        serde_json::to_value(value).unwrap()
    );
}

#[test]
fn every_answer_reads_as_serde_writes_it() {
    reads_back(&ConfigResponse {
        min_ttl_secs: 60,
        max_ttl_secs: 604_800,
        max_views: 100,
        max_payload_bytes: 262_144,
        max_attempts: 5,
        requests_enabled: true,
    });
    reads_back(&CreateResponse {
        id: "AAECAwQFBgcICQoLDA0ODw".into(),
        manage_token: bytes(9, 32),
        expires_at: 1_790_000_000,
    });
    for kdf in [None, Some(kdf_params())] {
        reads_back(&MetaResponse {
            kdf,
            expires_at: 1_790_000_000,
            views_left: 3,
        });
    }
    reads_back(&RevealResponse {
        blob: bytes(1, 300),
        views_left: 0,
    });
    for revealed_at in [None, Some(1_790_000_100)] {
        reads_back(&ReceiptResponse {
            state: State::Revealed,
            created_at: 1_789_000_000,
            expires_at: 1_790_000_000,
            views_left: 0,
            failed_attempts: 2,
            revealed_at,
        });
    }
    for (error, attempts_left) in [
        (ErrorCode::WrongPassphrase, Some(0)),
        (ErrorCode::OutcomeUnknown, None),
    ] {
        reads_back(&ErrorBody {
            error,
            message: "a \"quoted\" message\nover two lines".into(),
            attempts_left,
        });
    }
    reads_back(&CreateRequestResponse {
        id: "AAECAwQFBgcICQoLDA0ODw".into(),
        expires_at: 1_790_000_000,
    });
    for (note, filled_at, collected_at) in [
        (None, None, None),
        (Some(bytes(2, 100)), Some(1_789_500_000), None),
        (None, Some(1_789_500_000), Some(1_789_600_000)),
    ] {
        reads_back(&RequestMetaResponse {
            state: RequestState::Collected,
            created_at: 1_789_000_000,
            expires_at: 1_790_000_000,
            filled_at,
            collected_at,
            note,
        });
    }
    reads_back(&FillResponse {
        expires_at: 1_790_000_000,
    });
    reads_back(&CollectResponse {
        blob: bytes(3, 500),
        filled_at: 1_789_500_000,
    });
}

#[test]
fn every_request_is_written_as_serde_reads_it() {
    for (kdf, max_views) in [(None, 1), (Some(kdf_params()), 100)] {
        writes_for_serde(&CreateRequest {
            blob: bytes(1, 300),
            link_verifier: bytes(2, 32),
            reveal_verifier: bytes(3, 32),
            kdf,
            ttl_secs: 604_800,
            max_views,
        });
    }
    writes_for_serde(&RevealRequest {
        reveal_token: bytes(4, 32),
    });
    for note in [None, Some(bytes(5, 100))] {
        writes_for_serde(&CreateRequestRequest {
            inbox_verifier: bytes(6, 32),
            fill_verifier: bytes(7, 32),
            note,
            ttl_secs: 3_600,
        });
    }
    writes_for_serde(&FillRequest {
        blob: bytes(8, 400),
    });
}

fn meta(value: Value) -> Option<MetaResponse> {
    MetaResponse::from_json(&value.to_string())
}

#[test]
fn wrong_forms_are_refused() {
    let good = json!({ "kdf": null, "expires_at": 1_790_000_000, "views_left": 1 });
    assert!(meta(good.clone()).is_some());
    assert!(
        meta(json!({ "expires_at": 1_790_000_000, "views_left": 1 })).is_some(),
        "kdf may be left out"
    );
    for (field, bad) in [
        ("views_left", json!(-1)),
        ("views_left", json!(1.5)),
        ("views_left", json!("1")),
        ("views_left", json!(4_294_967_296_u64)),
        ("views_left", Value::Null),
        ("expires_at", json!(9_007_199_254_740_993_u64)),
        ("kdf", json!("argon2id")),
        (
            "kdf",
            json!({ "alg": "scrypt", "salt": "BwcHBwcHBwcHBwcHBwcHBw", "m_kib": 65536, "t": 3, "p": 1 }),
        ),
        (
            "kdf",
            json!({ "alg": "argon2id", "salt": "BwcH", "m_kib": 65536, "t": 3, "p": 1 }),
        ),
        (
            "kdf",
            json!({ "alg": "argon2id", "salt": "BwcHBwcHBwcHBwcHBwcHBw", "m_kib": 1, "t": 3, "p": 1 }),
        ),
    ] {
        let mut value = good.clone();
        value[field] = bad;
        assert!(meta(value.clone()).is_none(), "{value}");
    }
    for text in ["", "null", "[]", "1", "\"x\"", "{", "{\"views_left\":1}"] {
        assert!(MetaResponse::from_json(text).is_none(), "{text}");
    }
    let reveal = |blob: &str| {
        RevealResponse::from_json(&json!({ "blob": blob, "views_left": 0 }).to_string())
    };
    assert!(reveal("AQID").is_some());
    assert!(reveal("AQI=").is_none(), "padded base64");
    assert!(reveal("AQ+/").is_none(), "not base64url");
    let error =
        |code: &str| ErrorBody::from_json(&json!({ "error": code, "message": "" }).to_string());
    assert_eq!(error("not_found").unwrap().error, ErrorCode::NotFound);
    assert!(error("NotFound").is_none());
}

#[test]
fn a_body_never_prints() {
    let body = RevealRequest {
        reveal_token: bytes(4, 32),
    };
    let fields = Fields::parse(&body.to_json()).unwrap();
    assert_eq!(format!("{fields:?}"), "Fields(***)");
}
