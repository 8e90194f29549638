//! "sdo/v1 requests" in the browser: the independent implementation's
//! vectors (`shared/tests/vectors/requests.json`) open in wasm through the
//! worker's jobs, and the jobs a requester and a responder run agree.

use sdo_frontend::worker::{self, Job, Outcome};
use sdo_shared::base64url::decode;
use sdo_shared::payload::Payload;
use sdo_shared::request;
use sdo_shared::secret::{RequestKey, RequestPublicKey, Verifier};
use serde::Deserialize;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Deserialize)]
struct Vectors {
    protocol: String,
    valid: Vec<Valid>,
}

#[derive(Deserialize)]
struct Valid {
    name: String,
    request_key: String,
    rid: String,
    public_key: String,
    inbox_token: String,
    fill_token: String,
    note: Option<String>,
    note_blob: Option<String>,
    fill: String,
}

fn load() -> Vectors {
    let v: Vectors =
        serde_json::from_str(include_str!("../../shared/tests/vectors/requests.json")).unwrap();
    assert_eq!(v.protocol, "sdo/v1 requests");
    v
}

#[wasm_bindgen_test]
fn the_vectors_open_in_the_worker_job() {
    let vectors = load();
    assert!(!vectors.valid.is_empty());
    for v in vectors.valid {
        let request_key = RequestKey::from_base64url(&v.request_key).unwrap();
        let public_key = request::public_key(&request_key);
        assert_eq!(public_key.to_base64url(), v.public_key, "{}", v.name);
        assert_eq!(
            request::inbox_token(&request_key).to_base64url(),
            v.inbox_token
        );
        assert_eq!(
            request::fill_token(&public_key).to_base64url(),
            v.fill_token
        );
        if let (Some(note), Some(blob)) = (&v.note, &v.note_blob) {
            let opened = request::open_note(&public_key, &decode(blob).unwrap()).unwrap();
            assert_eq!(&opened, note, "{}", v.name);
        }
        let rid = request::RequestId::parse(&v.rid).unwrap();
        let outcome = worker::run(Job::OpenFill {
            request_key: *request_key.expose(),
            rid: *rid.as_bytes(),
            blob: decode(&v.fill).unwrap(),
        });
        assert!(matches!(outcome, Outcome::FillOpened(_)), "{}", v.name);
        // Another request's id is not this fill's.
        let outcome = worker::run(Job::OpenFill {
            request_key: *request_key.expose(),
            rid: [9; 16],
            blob: decode(&v.fill).unwrap(),
        });
        assert!(matches!(outcome, Outcome::Failed(_)), "{}", v.name);
    }
}

#[wasm_bindgen_test]
fn requester_and_responder_jobs_agree() {
    let outcome = worker::run(Job::PrepareRequest {
        note: "the VPN key, please".into(),
        ttl_secs: 600,
    });
    let Outcome::RequestPrepared {
        request_key,
        public_key,
        request,
    } = &outcome
    else {
        panic!("prepare request failed");
    };
    let request_key = RequestKey::from_bytes(*request_key);
    let public_key = RequestPublicKey::from_bytes(*public_key);
    assert_eq!(request::public_key(&request_key), public_key);
    assert_eq!(request.ttl_secs, 600);
    let fill_verifier = Verifier::from_slice(request.fill_verifier.as_bytes()).unwrap();
    assert!(fill_verifier.matches(request::fill_token(&public_key).expose()));
    let note = request.note.as_ref().unwrap();
    assert_eq!(
        request::open_note(&public_key, note.as_bytes()).unwrap(),
        "the VPN key, please"
    );

    let rid = [3; 16];
    let secret = Payload::file("id_ed25519", "application/octet-stream", b"key".to_vec());
    let sealed = worker::run(Job::SealFill {
        public_key: *public_key.expose(),
        rid,
        payload: (&secret).into(),
    });
    let Outcome::FillSealed(fill) = &sealed else {
        panic!("seal failed");
    };
    let opened = worker::run(Job::OpenFill {
        request_key: *request_key.expose(),
        rid,
        blob: fill.blob.as_bytes().to_vec(),
    });
    let Outcome::FillOpened(payload) = &opened else {
        panic!("open failed");
    };
    assert_eq!(payload.to_payload(), secret);

    // An empty note is no note.
    let none = worker::run(Job::PrepareRequest {
        note: String::new(),
        ttl_secs: 600,
    });
    assert!(matches!(&none, Outcome::RequestPrepared { request, .. } if request.note.is_none()));
}
