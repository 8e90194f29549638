//! The Lambda path in-process: API Gateway HTTP API (payload v2) events,
//! parsed by `lambda_http` exactly as the runtime does, sent through the
//! same router with `oneshot`.

mod common;

use std::sync::Arc;

use axum::http::StatusCode;
use common::lambda::{event, invoke};
use common::{Backend, TestApp};
use http_body_util::BodyExt;
use sdo_backend::app::{HttpOptions, router};
use sdo_backend::lambda::with_source_ip;
use sdo_backend::rate_limit::RateLimit;
use sdo_shared::payload::Payload;
use serde_json::{Value, json};
use tower::ServiceExt;

async fn lambda_round_trip(backend: Backend) {
    let test = TestApp::new(backend).await;
    let app = with_source_ip(test.router.clone());
    let ip = "192.0.2.10";

    let (status, body) = invoke(&app, include_str!("events/health.json")).await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("ok"))
    );
    let (status, body) = invoke(&app, include_str!("events/meta-unauthorized.json")).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("unauthorized"))
    );

    let prepared = sdo_shared::client::prepare(&Payload::text("via lambda"), None, 600, 1).unwrap();
    let create = serde_json::to_value(&prepared.request).unwrap();
    let (status, created) = invoke(
        &app,
        &event("POST", "/api/v1/secrets", None, Some(&create), ip),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let path = format!("/api/v1/secrets/{}", created["id"].as_str().unwrap());
    let link_token = sdo_shared::kdf::link_token(&prepared.link_key).to_base64url();

    let (status, meta) = invoke(&app, &event("GET", &path, Some(&link_token), None, ip)).await;
    assert_eq!(
        (status, meta["views_left"].as_u64()),
        (StatusCode::OK, Some(1))
    );

    let keys = sdo_shared::client::derive_keys(&prepared.link_key, None, None).unwrap();
    let reveal = json!({"reveal_token": keys.reveal_token.to_base64url()});
    let reveal_path = format!("{path}/reveal");
    let (status, revealed) = invoke(
        &app,
        &event("POST", &reveal_path, Some(&link_token), Some(&reveal), ip),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{revealed}");
    let blob = sdo_shared::base64url::decode(revealed["blob"].as_str().unwrap()).unwrap();
    let payload = sdo_shared::blob::open(&keys.content_key, &blob).unwrap();
    assert_eq!(payload.as_text(), Some("via lambda"));

    let (status, gone) = invoke(
        &app,
        &event("POST", &reveal_path, Some(&link_token), Some(&reveal), ip),
    )
    .await;
    assert_eq!(
        (status, gone["error"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
    let (status, bad) = invoke(
        &app,
        &event(
            "POST",
            "/api/v1/secrets",
            None,
            Some(&json!({"blob": 1})),
            ip,
        ),
    )
    .await;
    assert_eq!(
        (status, bad["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_request"))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn lambda_events_on_sqlite() {
    lambda_round_trip(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn lambda_events_on_dynamodb_and_kms() {
    lambda_round_trip(Backend::Dynamodb).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn rate_limit_keys_on_api_gateway_source_ip() {
    let test = TestApp::new(Backend::Sqlite).await;
    let options = HttpOptions {
        rate_limit: RateLimit::per_minute(2),
        ..Default::default()
    };
    let app = with_source_ip(router(Arc::clone(&test.service), &options));
    let health = |ip: &str| event("GET", "/api/v1/health", None, None, ip);
    assert_eq!(
        invoke(&app, &health("198.51.100.1")).await.0,
        StatusCode::OK
    );
    assert_eq!(
        invoke(&app, &health("198.51.100.1")).await.0,
        StatusCode::OK
    );
    let (status, body) = invoke(&app, &health("198.51.100.1")).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("rate_limited"))
    );
    // Another caller is not held back by the first one's budget.
    assert_eq!(
        invoke(&app, &health("198.51.100.2")).await.0,
        StatusCode::OK
    );
}

/// An invocation whose deadline is nearer than a store write may take
/// starts no consuming write: 503, and the secret is untouched. With time
/// enough, the same reveal works.
#[tokio::test(flavor = "multi_thread")]
async fn a_reveal_too_close_to_the_deadline_consumes_nothing() {
    use lambda_http::RequestExt;

    let test = TestApp::new(Backend::Sqlite).await;
    let app = with_source_ip(test.router.clone());
    let c = test.create("not yet").await;
    let reveal = json!({"reveal_token": c.reveal_token(None)});
    let event = event(
        "POST",
        &format!("{}/reveal", c.secret_uri()),
        Some(&c.link_token()),
        Some(&reveal),
        "192.0.2.10",
    );
    let with_deadline = |ms_left: u64| {
        let now_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64;
        let mut context = lambda_http::Context::default();
        context.deadline = now_ms + ms_left;
        lambda_http::request::from_str(&event)
            .unwrap()
            .with_lambda_context(context)
    };
    let send = |request: lambda_http::Request| {
        let app = app.clone();
        async move {
            let response = app.oneshot(request).await.unwrap();
            let status = response.status();
            let bytes = response.into_body().collect().await.unwrap().to_bytes();
            (status, serde_json::from_slice::<Value>(&bytes).unwrap())
        }
    };

    let (status, body) = send(with_deadline(3_000)).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(body["error"], "unavailable");
    let receipt = test.receipt(&c).await;
    assert_eq!(
        (
            receipt.json["state"].as_str(),
            receipt.json["views_left"].as_u64()
        ),
        (Some("waiting"), Some(1))
    );

    // cargo lambda's emulator sends a duration where a time belongs; that is
    // no deadline at all, not one long past.
    let mut context = lambda_http::Context::default();
    context.deadline = 600_000;
    let emulated = lambda_http::request::from_str(&event)
        .unwrap()
        .with_lambda_context(context);
    let (status, body) = send(emulated).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let receipt = test.receipt(&c).await;
    assert_eq!(receipt.json["state"], "revealed");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reveal_with_time_enough_before_the_deadline_works() {
    use lambda_http::RequestExt;

    let test = TestApp::new(Backend::Sqlite).await;
    let app = with_source_ip(test.router.clone());
    let c = test.create("in time").await;
    let reveal = json!({"reveal_token": c.reveal_token(None)});
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    let mut context = lambda_http::Context::default();
    context.deadline = now_ms + 30_000;
    let request = lambda_http::request::from_str(&event(
        "POST",
        &format!("{}/reveal", c.secret_uri()),
        Some(&c.link_token()),
        Some(&reveal),
        "192.0.2.10",
    ))
    .unwrap()
    .with_lambda_context(context);
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}
