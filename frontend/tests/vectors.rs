//! The protocol's test vectors (`shared/tests/vectors/v1.json`, written by
//! an independent Python implementation) give the same bytes in the browser
//! as natively; and the worker's jobs agree with the direct calls.

use sdo_frontend::worker::{self, Job, Outcome};
use sdo_shared::base64url::{decode, encode};
use sdo_shared::blob;
use sdo_shared::client;
use sdo_shared::kdf::{self, KdfParams};
use sdo_shared::payload::Payload;
use sdo_shared::secret::{ContentKey, LinkKey, RevealToken, Verifier};
use serde::Deserialize;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

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
}

fn load() -> Vectors {
    let v: Vectors =
        serde_json::from_str(include_str!("../../shared/tests/vectors/v1.json")).unwrap();
    assert_eq!(v.protocol, "sdo/v1");
    v
}

fn payload_of(v: &VectorPayload) -> Payload {
    let data = decode(&v.data).unwrap();
    match v.kind.as_str() {
        "text" => Payload::text(String::from_utf8(data).unwrap()),
        "file" => Payload::file(v.name.clone(), v.mime.clone(), data),
        other => panic!("unknown kind {other}"),
    }
}

#[wasm_bindgen_test]
fn valid_vectors_give_the_same_bytes_in_wasm() {
    let vectors = load();
    assert!(vectors.valid.len() >= 5);
    for v in vectors.valid {
        let link_key = LinkKey::from_base64url(&v.link_key).unwrap();
        let link_token = kdf::link_token(&link_key);
        assert_eq!(link_token.to_base64url(), v.link_token, "{}", v.name);
        assert_eq!(
            encode(Verifier::of(link_token.expose()).as_bytes()),
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
        assert_eq!(
            encode(Verifier::of(keys.reveal_token.expose()).as_bytes()),
            v.reveal_verifier,
            "{}",
            v.name
        );
        let payload = payload_of(&v.payload);
        assert_eq!(payload.padded_len(), v.padded_len, "{}", v.name);
        let nonce: [u8; 12] = decode(&v.nonce).unwrap().try_into().unwrap();
        let sealed = blob::seal_with_nonce(&keys.content_key, nonce, &payload).unwrap();
        assert_eq!(encode(&sealed), v.blob, "{}", v.name);
        assert_eq!(blob::open(&keys.content_key, &sealed).unwrap(), payload);

        // The recipient's path the app takes gives the same keys.
        let derived =
            client::derive_keys(&link_key, v.kdf.as_ref(), v.passphrase.as_deref()).unwrap();
        assert_eq!(derived.content_key, keys.content_key, "{}", v.name);
    }
}

#[wasm_bindgen_test]
fn fail_vectors_are_refused_in_wasm() {
    let vectors = load();
    assert!(vectors.fail.len() >= 10);
    for f in vectors.fail {
        let link_key = LinkKey::from_base64url(&f.link_key).unwrap();
        let keys = kdf::secret_keys(&link_key, None);
        assert!(
            blob::open(&keys.content_key, &decode(&f.blob).unwrap()).is_err(),
            "{}",
            f.name
        );
    }
}

/// The page's own sealing (no passphrase) makes what `client::prepare`
/// makes: the recipient's `client::derive_keys` opens it and matches both
/// verifiers.
#[wasm_bindgen_test]
fn main_thread_prepare_agrees_with_the_client_module() {
    let payload = Payload::text("no passphrase here");
    let (link_key, request) =
        sdo_frontend::pages::create::prepare_without_passphrase(&payload, 3600, 1).unwrap();
    assert!(request.kdf.is_none());
    let keys = client::derive_keys(&link_key, None, None).unwrap();
    assert_eq!(
        blob::open(&keys.content_key, request.blob.as_bytes()).unwrap(),
        payload
    );
    let link_verifier = Verifier::from_slice(request.link_verifier.as_bytes()).unwrap();
    assert!(link_verifier.matches(kdf::link_token(&link_key).expose()));
    let reveal_verifier = Verifier::from_slice(request.reveal_verifier.as_bytes()).unwrap();
    assert!(reveal_verifier.matches(keys.reveal_token.expose()));
    // And the request has exactly the shape `client::prepare` gives.
    let reference = client::prepare(&payload, None, 3600, 1).unwrap();
    let shape = |r: &sdo_shared::api::CreateRequest| {
        let mut v = serde_json::to_value(r).unwrap();
        for k in ["blob", "link_verifier", "reveal_verifier"] {
            v[k] = serde_json::Value::from(v[k].as_str().unwrap().len());
        }
        v
    };
    assert_eq!(shape(&request), shape(&reference.request));
}

/// The worker's derive job (run here directly: the worker runs the same
/// function) matches the vectors' keys.
#[wasm_bindgen_test]
fn worker_derive_job_matches_the_vectors() {
    let vectors = load();
    let v = vectors
        .valid
        .iter()
        .find(|v| v.passphrase.is_some())
        .expect("a vector with a passphrase");
    let link_key = LinkKey::from_base64url(&v.link_key).unwrap();
    let outcome = worker::run(Job::Derive {
        link_key: *link_key.expose(),
        kdf: v.kdf.clone().unwrap(),
        passphrase: v.passphrase.clone().unwrap(),
    });
    let Outcome::Derived {
        content_key,
        reveal_token,
    } = &outcome
    else {
        panic!("derive failed");
    };
    assert_eq!(
        ContentKey::from_bytes(*content_key).to_base64url(),
        v.content_key
    );
    assert_eq!(
        RevealToken::from_bytes(*reveal_token).to_base64url(),
        v.reveal_token
    );
}

/// The worker's prepare job makes a request that the recipient's keys open,
/// and only with the right passphrase.
#[wasm_bindgen_test]
fn worker_prepare_job_round_trips() {
    let kdf = KdfParams::generate(kdf::M_KIB_MIN, 1, 1).unwrap();
    let payload = Payload::file("key.pem", "application/x-pem-file", b"-----BEGIN".to_vec());
    let outcome = worker::run(Job::Prepare {
        payload: (&payload).into(),
        passphrase: "open sesame".into(),
        kdf: kdf.clone(),
        ttl_secs: 300,
        max_views: 2,
    });
    let Outcome::Prepared { link_key, request } = &outcome else {
        panic!("prepare failed");
    };
    assert_eq!(request.kdf.as_ref(), Some(&kdf));
    assert_eq!((request.ttl_secs, request.max_views), (300, 2));
    let link_key = LinkKey::from_bytes(*link_key);
    let keys = client::derive_keys(&link_key, Some(&kdf), Some("open sesame")).unwrap();
    assert_eq!(
        blob::open(&keys.content_key, request.blob.as_bytes()).unwrap(),
        payload
    );
    let verifier = Verifier::from_slice(request.reveal_verifier.as_bytes()).unwrap();
    assert!(verifier.matches(keys.reveal_token.expose()));
    let wrong = client::derive_keys(&link_key, Some(&kdf), Some("open sesame!")).unwrap();
    assert!(!verifier.matches(wrong.reveal_token.expose()));
    assert!(matches!(
        worker::run(Job::Derive {
            link_key: *link_key.expose(),
            kdf,
            passphrase: String::new(),
        }),
        Outcome::Failed(_)
    ));
}
