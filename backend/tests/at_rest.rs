//! What the server leaves behind: files in the data directory and log lines.
//! Neither may hold a plaintext, link key, token, passphrase or data key, in
//! raw bytes, base64url or standard base64 (the SDK's wire form), at TRACE.

mod common;

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use aws_sdk_dynamodb::types::AttributeValue;
use axum::http::{Method, StatusCode};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use common::requests::{ask, cancel, collect, look, opened};
use common::{Backend, TestApp};
use sdo_backend::keys::{KeyProvider, Subject};
use sdo_shared::base64url;
use sdo_shared::payload::Payload;
use sdo_shared::request;
use sdo_shared::secret::SecretId;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn capture_logs() -> Captured {
    static LOGS: OnceLock<Captured> = OnceLock::new();
    LOGS.get_or_init(|| {
        // The server's own log layer at its most verbose (`--log trace`).
        use tracing_subscriber::layer::SubscriberExt;
        use tracing_subscriber::util::SubscriberInitExt;
        let captured = Captured::default();
        let writer = captured.clone();
        let layer = sdo_backend::logging::layer(
            "trace",
            sdo_backend::config::LogFormat::Text,
            move || writer.clone(),
            false,
        )
        .unwrap();
        tracing_subscriber::registry().with(layer).init();
        captured
    })
    .clone()
}

fn all_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            out.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every byte the backend stored: the data directory's files, or every item
/// of the DynamoDB table.
async fn stored_bytes(app: &TestApp) -> Vec<(String, Vec<u8>)> {
    let Some(names) = &app.aws else {
        let files = all_files(app.dir.path());
        assert!(files.iter().any(|(n, _)| n.ends_with("secrets.db")));
        return files;
    };
    let sdk = common::aws::sdk_config(&common::aws::moto_url()).await;
    let items = aws_sdk_dynamodb::Client::new(&sdk)
        .scan()
        .table_name(&names.table)
        .send()
        .await
        .unwrap()
        .items
        .unwrap_or_default();
    assert!(!items.is_empty());
    items
        .iter()
        .map(|item| {
            let mut bytes = Vec::new();
            for (name, value) in item {
                bytes.extend_from_slice(name.as_bytes());
                match value {
                    AttributeValue::B(b) => bytes.extend_from_slice(b.as_ref()),
                    AttributeValue::S(s) | AttributeValue::N(s) => {
                        bytes.extend_from_slice(s.as_bytes())
                    }
                    // The ids of consuming writes (`ops`).
                    AttributeValue::Ss(set) => {
                        for s in set {
                            bytes.extend_from_slice(s.as_bytes());
                        }
                    }
                    other => panic!("unexpected attribute {other:?}"),
                }
            }
            (format!("item {:?}", item.get("id")), bytes)
        })
        .collect()
}

async fn no_secret_material_at_rest_or_in_logs(backend: Backend) {
    let logs = capture_logs();
    let app = TestApp::new(backend).await;
    let plaintext = "PLAINTEXT-correct-horse-battery-staple";
    let passphrase = "PASSPHRASE-open-sesame";

    let revealed = app
        .create_with(&Payload::text(plaintext), Some(passphrase), 600, 1)
        .await;
    let waiting = app
        .create_with(&Payload::text(plaintext), Some(passphrase), 600, 2)
        .await;
    let burned = app.create(plaintext).await;
    assert_eq!(
        app.reveal(&revealed, Some("wrong guess")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.reveal(&revealed, Some(passphrase)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.reveal(&waiting, Some(passphrase)).await.status,
        StatusCode::OK
    );
    let r = app
        .call(
            Method::DELETE,
            &burned.secret_uri(),
            Some(&burned.link_token()),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(app.receipt(&revealed).await.status, StatusCode::OK);

    // The data key of the secret still waiting, unwrapped as the server does.
    let id = SecretId::parse(&waiting.id).unwrap();
    let record = app.store.get(&id).await.unwrap().unwrap();
    // Verifiers belong in the store (they are how it checks a token), never
    // in a log: the AWS SDK's debug and trace lines print request bodies.
    let mut verifiers = Vec::new();
    for (what, v) in [
        ("link verifier", record.link_verifier.as_ref()),
        ("reveal verifier", record.reveal_verifier.as_ref()),
        ("manage verifier", Some(&record.manage_verifier)),
    ] {
        let bytes = v.unwrap().as_bytes().to_vec();
        verifiers.push((
            format!("{what} (base64)"),
            STANDARD.encode(&bytes).into_bytes(),
        ));
        verifiers.push((
            format!("{what} (base64url)"),
            base64url::encode(&bytes).into_bytes(),
        ));
    }
    let payload = record.payload.unwrap();
    let data_key = app
        .keys
        .unwrap(&payload.wrapped_key, &payload.key_ref, Subject::Secret(id))
        .await
        .unwrap();

    let mut needles: Vec<(String, Vec<u8>)> = vec![
        ("plaintext".into(), plaintext.as_bytes().to_vec()),
        ("passphrase".into(), passphrase.as_bytes().to_vec()),
        ("data key".into(), data_key.expose().to_vec()),
        (
            "data key (base64)".into(),
            STANDARD.encode(data_key.expose()).into_bytes(),
        ),
    ];
    for (name, c) in [
        ("revealed", &revealed),
        ("waiting", &waiting),
        ("burned", &burned),
    ] {
        let tokens = [
            ("link key", c.link_key.to_base64url()),
            ("link token", c.link_token()),
            (
                "reveal token",
                c.reveal_token(c.kdf.as_ref().map(|_| passphrase)),
            ),
            ("manage token", c.manage_token.clone()),
        ];
        for (what, text) in tokens {
            let bytes = base64url::decode(&text).unwrap();
            needles.push((
                format!("{name} {what} (base64)"),
                STANDARD.encode(&bytes).into_bytes(),
            ));
            needles.push((format!("{name} {what} (text)"), text.into_bytes()));
            needles.push((format!("{name} {what} (bytes)"), bytes));
        }
    }

    let mut places = stored_bytes(&app).await;
    let log_text = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    places.push(("logs".into(), log_text.clone().into_bytes()));
    for (place, bytes) in &places {
        for (what, needle) in &needles {
            assert!(!contains(bytes, needle), "{what} found in {place}");
        }
    }
    for (what, needle) in &verifiers {
        assert!(
            !contains(log_text.as_bytes(), needle),
            "{what} found in the logs"
        );
    }

    // Logs are still useful: the route template, never the id.
    assert!(
        log_text.contains("/api/v1/secrets/{id}/reveal"),
        "{log_text}"
    );
    assert!(log_text.contains("status=403"), "{log_text}");
    // (Ids are not secret, but the access log keeps them out so URLs alone
    // say nothing.)
    let access: Vec<&str> = log_text
        .lines()
        .filter(|l| l.contains("sdo::access"))
        .collect();
    assert!(!access.is_empty());
    assert!(access.iter().all(|l| !l.contains(&revealed.id)));
}

#[tokio::test(flavor = "multi_thread")]
async fn no_secret_material_in_sqlite_files_or_logs() {
    no_secret_material_at_rest_or_in_logs(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn no_secret_material_in_dynamodb_items_or_logs() {
    no_secret_material_at_rest_or_in_logs(Backend::Dynamodb).await;
}

/// The same for secret requests: no note or fill plaintext, request key,
/// public key, token, note key or data key, and not the note or the fill as
/// the client sent them either (the server seals both again).
async fn no_request_material_at_rest_or_in_logs(backend: Backend) {
    let logs = capture_logs();
    let app = TestApp::new(backend).await;
    let note = "NOTE-the-staging-db-password-please";
    let plaintext = "FILL-PLAINTEXT-hunter2-hunter2";
    let secret = Payload::text(plaintext);
    let open = ask(&app, Some(note), 600).await;
    let filled = ask(&app, Some(note), 600).await;
    let collected = ask(&app, Some(note), 600).await;
    let cancelled = ask(&app, Some(note), 600).await;
    let mut sent = Vec::new();
    for a in [&filled, &collected, &cancelled] {
        let body = a.fill_body(&secret);
        let r = app
            .call(
                Method::POST,
                &format!("{}/fill", a.uri()),
                Some(&a.fill_token()),
                Some(body.clone()),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        sent.push(body["blob"].as_str().unwrap().to_owned());
    }
    assert_eq!(
        look(&app, &open, &open.fill_token()).await.status,
        StatusCode::OK
    );
    let r = collect(&app, &collected, &collected.inbox_token()).await;
    assert_eq!(opened(&collected, &r), secret);
    assert_eq!(
        cancel(&app, &cancelled, &cancelled.inbox_token())
            .await
            .status,
        StatusCode::NO_CONTENT
    );

    let rid = filled.rid();
    let stored = app.store.requests().unwrap().get_request(&rid).await;
    let key = stored.unwrap().unwrap().key.unwrap();
    let data_key = app
        .keys
        .unwrap(&key.wrapped_key, &key.key_ref, Subject::Request(rid))
        .await
        .unwrap();
    let mut texts = vec![
        ("note".to_owned(), note.as_bytes().to_vec()),
        ("fill plaintext".to_owned(), plaintext.as_bytes().to_vec()),
        ("data key".to_owned(), data_key.expose().to_vec()),
    ];
    for a in [&open, &filled, &collected, &cancelled] {
        texts.push(("note as sent".into(), a.note.clone().unwrap()));
    }
    for blob in sent {
        texts.push(("fill as sent".into(), base64url::decode(&blob).unwrap()));
    }
    for (name, a) in [
        ("open", &open),
        ("filled", &filled),
        ("collected", &collected),
        ("cancelled", &cancelled),
    ] {
        let pk = request::public_key(&a.key);
        for (what, bytes) in [
            ("request key", a.key.expose().to_vec()),
            ("public key", pk.expose().to_vec()),
            (
                "inbox token",
                request::inbox_token(&a.key).expose().to_vec(),
            ),
            ("fill token", request::fill_token(&pk).expose().to_vec()),
            ("note key", request::note_key(&pk).expose().to_vec()),
        ] {
            texts.push((format!("{name} {what}"), bytes));
        }
    }
    let mut needles = Vec::new();
    for (what, bytes) in texts {
        // The wire's base64url, the SDK's standard base64, and raw bytes;
        // base64 only of whole prefixes, so a match is the value's.
        needles.push((
            format!("{what} (base64url)"),
            base64url::encode(&bytes).into_bytes(),
        ));
        needles.push((
            format!("{what} (base64)"),
            STANDARD.encode(&bytes).into_bytes(),
        ));
        needles.push((format!("{what} (bytes)"), bytes));
    }

    let mut places = stored_bytes(&app).await;
    let log_text = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    places.push(("logs".into(), log_text.clone().into_bytes()));
    for (place, bytes) in &places {
        for (what, needle) in &needles {
            assert!(!contains(bytes, needle), "{what} found in {place}");
        }
    }
    assert!(
        log_text.contains("/api/v1/requests/{rid}/fill"),
        "{log_text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn no_request_material_in_sqlite_files_or_logs() {
    no_request_material_at_rest_or_in_logs(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn no_request_material_in_dynamodb_items_or_logs() {
    no_request_material_at_rest_or_in_logs(Backend::Dynamodb).await;
}

#[tokio::test]
async fn restart_on_the_same_data_dir_keeps_secrets() {
    use sdo_backend::config::Config;
    use sdo_backend::server;
    use tower::ServiceExt;

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let config = Config::try_parse_from_args(&data);
    let prepared = sdo_shared::client::prepare(&Payload::text("still here"), None, 600, 1).unwrap();
    let create = |router: axum::Router, body: String| async move {
        let req = axum::http::Request::post("/api/v1/secrets")
            .header("content-type", "application/json")
            .body(axum::body::Body::from(body))
            .unwrap();
        router.oneshot(req).await.unwrap()
    };
    let built = server::build(&config).await.unwrap();
    let response = create(
        built.router,
        serde_json::to_string(&prepared.request).unwrap(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let body = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    let created: sdo_shared::api::CreateResponse = serde_json::from_slice(&body).unwrap();
    // The first server is gone, and with it its hold on the data directory.
    drop(built.service);
    drop(built.lock);

    let again = server::build(&config).await.unwrap();
    let link_token = sdo_shared::kdf::link_token(&prepared.link_key).to_base64url();
    let keys = sdo_shared::client::derive_keys(&prepared.link_key, None, None).unwrap();
    let req = axum::http::Request::post(format!("/api/v1/secrets/{}/reveal", created.id))
        .header("content-type", "application/json")
        .header("authorization", format!("Bearer {link_token}"))
        .body(axum::body::Body::from(
            serde_json::json!({"reveal_token": keys.reveal_token.to_base64url()}).to_string(),
        ))
        .unwrap();
    let response = again.router.oneshot(req).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

trait FromArgs {
    fn try_parse_from_args(data: &Path) -> Self;
}

impl FromArgs for sdo_backend::config::Config {
    fn try_parse_from_args(data: &Path) -> Self {
        use clap::Parser;
        Self::try_parse_from(["sdo-server", "--data-dir", data.to_str().unwrap()]).unwrap()
    }
}
