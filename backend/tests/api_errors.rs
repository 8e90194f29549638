//! The API suite, part two: every error of the protocol, and that bad
//! input changes nothing, run against every backend (`suite!`).

#[macro_use]
mod common;

use std::sync::atomic::Ordering;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use common::{Backend, TestApp, assert_not_found};
use sdo_shared::payload::Payload;
use serde_json::{Value, json};

async fn every_gone_secret_is_the_same_404(app: TestApp) {
    let c = app.create("x").await;
    let unknown = "AAAAAAAAAAAAAAAAAAAAAA";
    let wrong_token = "A".repeat(43);
    let replies = [
        app.call(
            Method::GET,
            &format!("/api/v1/secrets/{unknown}"),
            Some(&c.link_token()),
            None,
        )
        .await,
        app.call(Method::GET, &c.secret_uri(), Some(&wrong_token), None)
            .await,
        // The manage token is not a link token.
        app.call(Method::GET, &c.secret_uri(), Some(&c.manage_token), None)
            .await,
        app.call(
            Method::GET,
            "/api/v1/secrets/not-an-id",
            Some(&c.link_token()),
            None,
        )
        .await,
        app.call(
            Method::GET,
            &format!("{}/receipt", c.secret_uri()),
            Some(&c.link_token()),
            None,
        )
        .await,
    ];
    for r in &replies {
        assert_not_found(r);
        assert_eq!(r.json, replies[0].json);
    }
    // A wrong link token on reveal is a 404 too, and counts no attempt.
    let body = json!({"reveal_token": c.reveal_token(None)});
    let r = app
        .call(
            Method::POST,
            &format!("{}/reveal", c.secret_uri()),
            Some(&wrong_token),
            Some(body),
        )
        .await;
    assert_not_found(&r);
    assert_eq!(app.receipt(&c).await.json["failed_attempts"], 0);
}

async fn missing_or_malformed_auth_is_401_for_every_id(app: TestApp) {
    let c = app.create("x").await;
    for uri in [
        c.secret_uri(),
        "/api/v1/secrets/AAAAAAAAAAAAAAAAAAAAAA".into(),
    ] {
        for auth in [
            None,
            Some("Basic Zm9vOmJhcg"),
            Some("Bearer"),
            Some("Bearer short"),
            Some("Bearer AAAA="),
        ] {
            let mut req = Request::builder().method(Method::GET).uri(&uri);
            if let Some(a) = auth {
                req = req.header(header::AUTHORIZATION, a);
            }
            let r = app.send(req.body(Body::empty()).unwrap()).await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{auth:?}");
            assert_eq!(r.json["error"], "unauthorized");
        }
    }
    // The scheme's name in any case, as HTTP allows.
    for scheme in ["bearer", "BEARER"] {
        let req = Request::builder()
            .method(Method::GET)
            .uri(c.secret_uri())
            .header(
                header::AUTHORIZATION,
                format!("{scheme} {}", c.link_token()),
            );
        let r = app.send(req.body(Body::empty()).unwrap()).await;
        assert_eq!(r.status, StatusCode::OK, "{scheme}: {}", r.json);
    }
    // Still there.
    assert_eq!(app.reveal(&c, None).await.status, StatusCode::OK);
}

fn create_body(overrides: Value) -> Value {
    let c = sdo_shared::client::prepare(&Payload::text("v"), None, 600, 1).unwrap();
    let mut body = serde_json::to_value(&c.request).unwrap();
    for (k, v) in overrides.as_object().unwrap() {
        if v.is_null() && k != "kdf" {
            body.as_object_mut().unwrap().remove(k);
        } else {
            body[k] = v.clone();
        }
    }
    body
}

async fn bad_create_requests_are_400_and_store_nothing(app: TestApp) {
    let v32 = "A".repeat(43);
    let kdf = |m: u32, t: u32, p: u32| json!({"alg": "argon2id", "salt": "AAAAAAAAAAAAAAAAAAAAAA", "m_kib": m, "t": t, "p": p});
    let cases = [
        json!({"blob": null}),
        json!({"link_verifier": null}),
        json!({"blob": "AQ=="}),
        json!({"blob": "AQ+/"}),
        json!({"blob": "AQ"}),
        json!({"link_verifier": "AAAA"}),
        json!({"reveal_verifier": format!("{v32}AAAA")}),
        json!({"ttl_secs": 59}),
        json!({"ttl_secs": 7 * 86400 + 1}),
        json!({"ttl_secs": -5}),
        json!({"max_views": 0}),
        json!({"max_views": 101}),
        json!({"kdf": kdf(1024, 3, 1)}),
        json!({"kdf": kdf(65536, 11, 1)}),
        json!({"kdf": kdf(65536, 3, 9)}),
        json!({"kdf": {"alg": "scrypt"}}),
        json!({"admin": true}),
    ];
    for case in cases {
        let r = app.post_create(create_body(case.clone())).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{case} -> {}", r.json);
        assert_eq!(r.json["error"], "invalid_request");
        assert!(!r.json["message"].as_str().unwrap().is_empty());
    }
    // A blob with another version byte: a clear message naming the problem.
    let mut blob =
        sdo_shared::base64url::decode(create_body(json!({}))["blob"].as_str().unwrap()).unwrap();
    blob[0] = 2;
    let r = app
        .post_create(create_body(
            json!({"blob": sdo_shared::base64url::encode(&blob)}),
        ))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.json["message"].as_str().unwrap().contains("version"),
        "{}",
        r.json
    );

    let raw = |ct: &str, body: &str| {
        Request::builder()
            .method(Method::POST)
            .uri("/api/v1/secrets")
            .header(header::CONTENT_TYPE, ct)
            .body(Body::from(body.to_owned()))
            .unwrap()
    };
    let r = app.send(raw("application/json", "{not json")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // A token or a passphrase put in the wrong place is not echoed back:
    // no error message carries one.
    let token = "SECRETxTOKENxJxroZd3vQk9i4pk";
    for case in [
        json!({"max_views": token}),
        json!({"kdf": token}),
        json!({ token: true }),
    ] {
        let r = app.post_create(create_body(case.clone())).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{case}");
        let message = r.json["message"].as_str().unwrap();
        assert!(!message.contains(token), "{message}");
        assert!(!message.contains("KdfWire"), "{message}");
    }
    let r = app
        .send(raw("text/plain", &create_body(json!({})).to_string()))
        .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(r.json["error"], "unsupported_media_type");

    assert_eq!(app.service.sweep().await.unwrap(), 0);
    app.clock.advance(10 * 86400);
    assert_eq!(app.service.sweep().await.unwrap(), 0, "nothing was stored");
}

async fn oversized_bodies_are_413(app: TestApp) {
    // Over the body limit: refused from Content-Length, before reading.
    let huge = "A".repeat(600_000);
    let r = app
        .send(
            Request::builder()
                .method(Method::POST)
                .uri("/api/v1/secrets")
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::CONTENT_LENGTH, huge.len())
                .body(Body::from(huge))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.json["error"], "too_large");
}

async fn blob_over_the_configured_limit_is_413() {
    let limits = sdo_backend::service::Limits {
        max_blob_bytes: sdo_shared::blob::MIN_LEN,
        ..Default::default()
    };
    let app = TestApp::with(Backend::Sqlite, limits, Default::default()).await;
    let big = Payload::text("x".repeat(400));
    let c = sdo_shared::client::prepare(&big, None, 600, 1).unwrap();
    let r = app
        .post_create(serde_json::to_value(&c.request).unwrap())
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.json);
    let small = app.create("fits").await;
    assert_eq!(app.reveal(&small, None).await.status, StatusCode::OK);
}

async fn bad_reveal_requests_change_nothing(app: TestApp) {
    let c = app
        .create_with(&Payload::text("keep"), Some("pw"), 600, 1)
        .await;
    let uri = format!("{}/reveal", c.secret_uri());
    for body in [
        json!({}),
        json!({"reveal_token": "AAAA"}),
        json!({"reveal_token": 5}),
        json!({"reveal_token": "A".repeat(43), "x": 1}),
    ] {
        let r = app
            .call(
                Method::POST,
                &uri,
                Some(&c.link_token()),
                Some(body.clone()),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}");
    }
    let r = app
        .send(
            Request::builder()
                .method(Method::POST)
                .uri(&uri)
                .header(header::AUTHORIZATION, format!("Bearer {}", c.link_token()))
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(app.receipt(&c).await.json["failed_attempts"], 0);
    assert_eq!(app.reveal(&c, Some("pw")).await.status, StatusCode::OK);
}

async fn key_service_outage_is_503_and_consumes_nothing(app: TestApp) {
    let c = app.create("survives").await;
    app.keys.down.store(true, Ordering::SeqCst);
    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.json["error"], "unavailable");
    let create = app.post_create(create_body(json!({}))).await;
    assert_eq!(create.status, StatusCode::SERVICE_UNAVAILABLE);
    app.keys.down.store(false, Ordering::SeqCst);
    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(app.open(&c, None, &r).as_text(), Some("survives"));
}

async fn routing_errors_are_json(app: TestApp) {
    let r = app.call(Method::GET, "/nope", None, None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.json["error"], "not_found");
    let r = app.call(Method::PUT, "/api/v1/secrets", None, None).await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(r.json["error"], "method_not_allowed");
    assert!(r.headers.contains_key(header::ALLOW));
}

async fn security_headers_on_every_response(app: TestApp) {
    let c = app.create("h").await;
    for r in [
        app.call(Method::GET, "/api/v1/health", None, None).await,
        app.reveal(&c, None).await,
        app.reveal(&c, None).await,
        app.call(Method::GET, "/nope", None, None).await,
    ] {
        assert_eq!(r.headers[header::CACHE_CONTROL], "no-store");
        assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(r.headers[header::REFERRER_POLICY], "no-referrer");
    }
}

suite!(
    TestApp::new;
    every_gone_secret_is_the_same_404,
    missing_or_malformed_auth_is_401_for_every_id,
    bad_create_requests_are_400_and_store_nothing,
    oversized_bodies_are_413,
    bad_reveal_requests_change_nothing,
    key_service_outage_is_503_and_consumes_nothing,
    routing_errors_are_json,
    security_headers_on_every_response,
);

#[tokio::test]
async fn configured_blob_limit() {
    blob_over_the_configured_limit_is_413().await;
}

/// Slow requests get 503, except a reveal, which must never be cut off after
/// its conditional write (that would consume a view and say "try again").
#[tokio::test(flavor = "multi_thread")]
async fn timeouts_spare_the_reveal() {
    let options = sdo_backend::app::HttpOptions {
        request_timeout: std::time::Duration::from_millis(300),
        ..Default::default()
    };
    let app = TestApp::with(Backend::Sqlite, Default::default(), options).await;
    let c = app.create("slow but whole").await;
    app.keys
        .delay_ms
        .store(600, std::sync::atomic::Ordering::SeqCst);
    let create = app.post_create(create_body(json!({}))).await;
    assert_eq!(create.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(create.json["error"], "unavailable");
    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(app.open(&c, None, &r).as_text(), Some("slow but whole"));
}
