//! The API suite: every row and every error of the protocol, run against
//! every backend (see `suite!` at the bottom).

mod common;

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use common::{Backend, Created, TestApp};
use sdo_shared::api::State;
use sdo_shared::payload::Payload;
use serde_json::{Value, json};

fn assert_not_found(reply: &common::Reply) {
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "{}", reply.json);
    assert_eq!(reply.json["error"], "not_found");
    assert_eq!(
        reply.json["message"],
        "this secret does not exist or is no longer available"
    );
}

async fn health(app: TestApp) {
    let r = app.call(Method::GET, "/api/v1/health", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json["status"], "ok");
}

async fn create_meta_reveal_round_trip(app: TestApp) {
    let c = app.create("correct horse battery staple").await;
    assert_eq!(c.id.len(), 22);
    assert_eq!(c.expires_at, common::START + 3600);

    let meta = app
        .call(Method::GET, &c.secret_uri(), Some(&c.link_token()), None)
        .await;
    assert_eq!(meta.status, StatusCode::OK);
    assert_eq!(
        meta.json,
        json!({"kdf": null, "expires_at": c.expires_at, "views_left": 1})
    );
    // Looking does not consume.
    let again = app
        .call(Method::GET, &c.secret_uri(), Some(&c.link_token()), None)
        .await;
    assert_eq!(again.status, StatusCode::OK);

    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["views_left"], 0);
    assert_eq!(
        app.open(&c, None, &r).as_text(),
        Some("correct horse battery staple")
    );

    assert_not_found(&app.reveal(&c, None).await);
    assert_not_found(
        &app.call(Method::GET, &c.secret_uri(), Some(&c.link_token()), None)
            .await,
    );
}

async fn file_payload_round_trip(app: TestApp) {
    let data: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
    let payload = Payload::file("id_ed25519", "application/octet-stream", data);
    let c = app.create_with(&payload, None, 600, 1).await;
    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(app.open(&c, None, &r), payload);
}

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
    // Still there.
    assert_eq!(app.reveal(&c, None).await.status, StatusCode::OK);
}

async fn wrong_passphrase_counts_then_right_one_reveals(app: TestApp) {
    let c = app
        .create_with(&Payload::text("vault"), Some("open sesame"), 600, 1)
        .await;
    let meta = app
        .call(Method::GET, &c.secret_uri(), Some(&c.link_token()), None)
        .await;
    assert_eq!(meta.json["kdf"]["alg"], "argon2id");
    assert_eq!(meta.json["kdf"]["m_kib"], 19456);

    let r = app.reveal(&c, Some("open sesame?")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.json["error"], "wrong_passphrase");
    assert_eq!(r.json["attempts_left"], 4);
    let r = app.reveal(&c, Some("open sesame!")).await;
    assert_eq!(r.json["attempts_left"], 3);

    let r = app.reveal(&c, Some("open sesame")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        app.open(&c, Some("open sesame"), &r).as_text(),
        Some("vault")
    );
    let receipt = app.receipt(&c).await;
    assert_eq!(receipt.json["failed_attempts"], 2);
    assert_eq!(receipt.json["state"], "revealed");
}

async fn attempt_limit_destroys_the_secret(app: TestApp) {
    let c = app
        .create_with(&Payload::text("vault"), Some("right"), 600, 3)
        .await;
    for left in (0..5).rev() {
        let r = app.reveal(&c, Some("wrong")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(r.json["attempts_left"], left);
    }
    assert_not_found(&app.reveal(&c, Some("right")).await);
    assert_not_found(&app.reveal(&c, Some("wrong")).await);
    let receipt = app.receipt(&c).await;
    assert_eq!(receipt.json["state"], "locked");
    assert_eq!(receipt.json["failed_attempts"], 5);
    assert_eq!(receipt.json["revealed_at"], Value::Null);
}

async fn max_views_are_counted_down(app: TestApp) {
    let c = app
        .create_with(&Payload::text("shared"), None, 600, 3)
        .await;
    for left in [2, 1, 0] {
        app.clock.advance(5);
        let r = app.reveal(&c, None).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.json["views_left"], left);
        let receipt = app.receipt(&c).await;
        // revealed_at is the first reveal, not the last.
        assert_eq!(receipt.json["revealed_at"], common::START + 5);
    }
    assert_not_found(&app.reveal(&c, None).await);
    assert_eq!(app.receipt(&c).await.json["state"], "revealed");
}

async fn burn_with_link_or_manage_token(app: TestApp) {
    for use_manage in [false, true] {
        let c = app.create("burn me").await;
        let token = if use_manage {
            c.manage_token.clone()
        } else {
            c.link_token()
        };
        let wrong = sdo_shared::base64url::encode(&[0x42; 32]);
        assert_not_found(
            &app.call(Method::DELETE, &c.secret_uri(), Some(&wrong), None)
                .await,
        );
        let r = app
            .call(Method::DELETE, &c.secret_uri(), Some(&token), None)
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT);
        assert_eq!(r.json, Value::Null);
        assert_not_found(&app.reveal(&c, None).await);
        assert_not_found(
            &app.call(Method::DELETE, &c.secret_uri(), Some(&token), None)
                .await,
        );
        let receipt = app.receipt(&c).await;
        assert_eq!(receipt.json["state"], "burned");
    }
}

async fn receipt_reports_each_state(app: TestApp) {
    let waiting = app.create_with(&Payload::text("w"), None, 600, 2).await;
    let r = app.receipt(&waiting).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.json,
        json!({"state": "waiting", "created_at": common::START, "expires_at": common::START + 600,
               "views_left": 2, "failed_attempts": 0, "revealed_at": null})
    );
    let wrong = app
        .call(
            Method::GET,
            &format!("{}/receipt", waiting.secret_uri()),
            Some(&sdo_shared::base64url::encode(&[0x43; 32])),
            None,
        )
        .await;
    assert_not_found(&wrong);
    assert_eq!(app.receipt(&waiting).await.json["state"], "waiting");
}

async fn expiry_is_checked_on_every_read(app: TestApp) {
    let c = app
        .create_with(&Payload::text("soon gone"), None, 60, 1)
        .await;
    let later = app
        .create_with(&Payload::text("later"), None, 3600, 1)
        .await;
    app.clock.advance(59);
    assert_eq!(
        app.call(Method::GET, &c.secret_uri(), Some(&c.link_token()), None)
            .await
            .status,
        StatusCode::OK
    );
    app.clock.advance(1);
    // The record is still stored (nothing swept), but it is expired.
    assert!(
        app.store
            .get(&sdo_shared::secret::SecretId::parse(&c.id).unwrap())
            .await
            .unwrap()
            .is_some()
    );
    assert_not_found(
        &app.call(Method::GET, &c.secret_uri(), Some(&c.link_token()), None)
            .await,
    );
    assert_not_found(&app.reveal(&c, None).await);
    assert_not_found(
        &app.call(Method::DELETE, &c.secret_uri(), Some(&c.link_token()), None)
            .await,
    );
    assert_eq!(app.receipt(&c).await.json["state"], "expired");

    assert_eq!(app.service.sweep().await.unwrap(), 1);
    assert_not_found(&app.receipt(&c).await);
    assert_eq!(app.reveal(&later, None).await.status, StatusCode::OK);
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
        let r = app
            .call(
                Method::POST,
                "/api/v1/secrets",
                None,
                Some(create_body(case.clone())),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{case} -> {}", r.json);
        assert_eq!(r.json["error"], "invalid_request");
        assert!(!r.json["message"].as_str().unwrap().is_empty());
    }
    // A blob with another version byte: a clear message naming the problem.
    let mut blob =
        sdo_shared::base64url::decode(create_body(json!({}))["blob"].as_str().unwrap()).unwrap();
    blob[0] = 2;
    let r = app
        .call(
            Method::POST,
            "/api/v1/secrets",
            None,
            Some(create_body(
                json!({"blob": sdo_shared::base64url::encode(&blob)}),
            )),
        )
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
        .call(
            Method::POST,
            "/api/v1/secrets",
            None,
            Some(serde_json::to_value(&c.request).unwrap()),
        )
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
    let create = app
        .call(
            Method::POST,
            "/api/v1/secrets",
            None,
            Some(create_body(json!({}))),
        )
        .await;
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

async fn concurrent_reveals_are_exactly_once(app: TestApp) {
    let app = Arc::new(app);
    for views in [1u32, 5] {
        let c = Arc::new(
            app.create_with(&Payload::text("race"), None, 600, views)
                .await,
        );
        let tasks: Vec<_> = (0..64)
            .map(|_| {
                let (app, c) = (Arc::clone(&app), Arc::clone(&c));
                tokio::spawn(async move { app.reveal(&c, None).await.status })
            })
            .collect();
        let mut ok = 0;
        for t in tasks {
            match t.await.unwrap() {
                StatusCode::OK => ok += 1,
                StatusCode::NOT_FOUND => {}
                other => panic!("unexpected {other}"),
            }
        }
        assert_eq!(ok, views, "{views}-view secret");
        assert_eq!(app.receipt(&c).await.json["state"], "revealed");
    }
}

async fn concurrent_wrong_passphrases_lock_exactly_at_the_limit(app: TestApp) {
    let app = Arc::new(app);
    let c = Arc::new(
        app.create_with(&Payload::text("x"), Some("right"), 600, 1)
            .await,
    );
    let wrong_token = c.reveal_token(Some("wrong"));
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let (app, c, t) = (Arc::clone(&app), Arc::clone(&c), wrong_token.clone());
            tokio::spawn(async move {
                let body = json!({"reveal_token": t});
                app.call(
                    Method::POST,
                    &format!("{}/reveal", c.secret_uri()),
                    Some(&c.link_token()),
                    Some(body),
                )
                .await
            })
        })
        .collect();
    let mut forbidden = Vec::new();
    for t in tasks {
        let r = t.await.unwrap();
        if r.status == StatusCode::FORBIDDEN {
            forbidden.push(r.json["attempts_left"].as_u64().unwrap());
        } else {
            assert_eq!(r.status, StatusCode::NOT_FOUND);
        }
    }
    forbidden.sort_unstable();
    assert_eq!(forbidden, vec![0, 1, 2, 3, 4]);
    let receipt = app.receipt(&c).await;
    assert_eq!(receipt.json["state"], State::Locked.as_str());
}

async fn creating_many_gives_distinct_ids(app: TestApp) {
    let mut ids = std::collections::HashSet::new();
    for _ in 0..50 {
        let c: Created = app.create("n").await;
        assert!(ids.insert(c.id));
    }
}

/// Runs each listed test against every backend.
macro_rules! suite {
    ($($test:ident),* $(,)?) => {
        suite!(@backend sqlite, Sqlite, $($test),*);
        suite!(@backend dynamodb, Dynamodb, $($test),*);
    };
    (@backend $module:ident, $backend:ident, $($test:ident),*) => {
        mod $module {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $test() {
                    super::$test(super::TestApp::new(super::Backend::$backend).await).await;
                }
            )*
        }
    };
}

suite!(
    health,
    create_meta_reveal_round_trip,
    file_payload_round_trip,
    every_gone_secret_is_the_same_404,
    missing_or_malformed_auth_is_401_for_every_id,
    wrong_passphrase_counts_then_right_one_reveals,
    attempt_limit_destroys_the_secret,
    max_views_are_counted_down,
    burn_with_link_or_manage_token,
    receipt_reports_each_state,
    expiry_is_checked_on_every_read,
    bad_create_requests_are_400_and_store_nothing,
    oversized_bodies_are_413,
    bad_reveal_requests_change_nothing,
    key_service_outage_is_503_and_consumes_nothing,
    routing_errors_are_json,
    security_headers_on_every_response,
    concurrent_reveals_are_exactly_once,
    concurrent_wrong_passphrases_lock_exactly_at_the_limit,
    creating_many_gives_distinct_ids,
);

#[tokio::test]
async fn configured_blob_limit() {
    blob_over_the_configured_limit_is_413().await;
}
