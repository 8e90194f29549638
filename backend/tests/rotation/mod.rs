//! Helpers for the rotation tests: secrets made and revealed through the
//! real router of a server built from a data directory, as a client would.
#![allow(dead_code)]

use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use sdo_backend::config::Config;
use sdo_backend::server;
use sdo_backend::store::RotationDb;
use sdo_shared::client;
use sdo_shared::payload::Payload;
use sdo_shared::secret::ContentKey;
use serde_json::{Value, json};
use tower::ServiceExt;

/// What a creator keeps of one secret.
pub struct Kept {
    pub id: String,
    pub text: String,
    pub link_token: String,
    pub reveal_token: String,
    pub content_key: ContentKey,
}

impl Kept {
    pub fn reveal_body(&self) -> Value {
        json!({ "reveal_token": self.reveal_token })
    }

    /// Checks a 200 reveal's body opens to this secret's text.
    pub fn assert_opens(&self, body: &Value) {
        let blob = sdo_shared::base64url::decode(body["blob"].as_str().unwrap()).unwrap();
        let opened = sdo_shared::blob::open(&self.content_key, &blob).unwrap();
        assert_eq!(opened.as_text(), Some(self.text.as_str()));
    }
}

pub fn config(data: &Path) -> Config {
    use clap::Parser;
    Config::try_parse_from(["sdo-server", "--data-dir", data.to_str().unwrap()]).unwrap()
}

pub async fn call(
    router: &Router,
    uri: &str,
    bearer: Option<&str>,
    body: Value,
) -> (StatusCode, Value) {
    let mut req = Request::post(uri).header("content-type", "application/json");
    if let Some(token) = bearer {
        req = req.header("authorization", format!("Bearer {token}"));
    }
    let response = router
        .clone()
        .oneshot(req.body(Body::from(body.to_string())).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

/// Makes `n` one-view secrets through a server on `data`.
pub async fn create(data: &Path, n: usize) -> Vec<Kept> {
    let built = server::build(&config(data)).await.unwrap();
    let mut kept = Vec::new();
    for i in 0..n {
        let text = format!("secret number {i}");
        let prepared = client::prepare(&Payload::text(&text), None, 3600, 1).unwrap();
        let keys = client::derive_keys(&prepared.link_key, None, None).unwrap();
        let body = serde_json::to_value(&prepared.request).unwrap();
        let (status, reply) = call(&built.router, "/api/v1/secrets", None, body).await;
        assert_eq!(status, StatusCode::CREATED, "{reply}");
        kept.push(Kept {
            id: reply["id"].as_str().unwrap().to_owned(),
            text,
            link_token: sdo_shared::kdf::link_token(&prepared.link_key).to_base64url(),
            reveal_token: keys.reveal_token.to_base64url(),
            content_key: keys.content_key,
        });
    }
    kept
}

/// `n` waiting secrets, and one more already revealed (a tombstone, which
/// has no data key to rotate).
pub async fn seed(data: &Path, n: usize) -> Vec<Kept> {
    let mut kept = create(data, n + 1).await;
    let gone = kept.pop().unwrap();
    reveal_all(data, std::slice::from_ref(&gone)).await;
    kept
}

/// Reveals each secret through a server started on `data`: every one
/// answers 200 with its own text.
pub async fn reveal_all(data: &Path, kept: &[Kept]) {
    let built = server::build(&config(data)).await.unwrap();
    for k in kept {
        let uri = format!("/api/v1/secrets/{}/reveal", k.id);
        let (status, body) = call(&built.router, &uri, Some(&k.link_token), k.reveal_body()).await;
        assert_eq!(status, StatusCode::OK, "{}: {body}", k.text);
        k.assert_opens(&body);
    }
}

/// How many records each master key wraps, by reference.
pub fn by_key(data: &Path) -> Vec<(String, u64)> {
    RotationDb::open(data).unwrap().count_by_key().unwrap()
}

/// The files in `dir` whose bytes contain `needle`.
pub fn files_containing(dir: &Path, needle: &[u8]) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            let bytes = std::fs::read(&path).ok()?;
            bytes
                .windows(needle.len())
                .any(|w| w == needle)
                .then(|| path.display().to_string())
        })
        .collect()
}
