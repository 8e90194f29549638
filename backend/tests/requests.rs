//! The API suite for secret requests (docs/PROTOCOL.md §8), run against
//! every backend (`suite!`): a request's whole life, every wrong token and
//! bad input, expiry, a failing key service, and the exactly-once fill and
//! collection under concurrency.

#[macro_use]
mod common;

use std::sync::Arc;

use axum::http::{Method, StatusCode};
use common::requests::{ask, cancel, collect, fill, look, opened};
use common::{Backend, TestApp, assert_not_found};
use sdo_backend::app::HttpOptions;
use sdo_backend::service::Limits;
use sdo_shared::base64url;
use sdo_shared::payload::Payload;
use sdo_shared::request::{self, client};
use serde_json::{Value, json};

async fn config_says_requests_are_enabled(app: TestApp) {
    let r = app.call(Method::GET, "/api/v1/config", None, None).await;
    assert_eq!(r.json["requests_enabled"], true);
}

async fn create_look_fill_collect(app: TestApp) {
    let a = ask(&app, Some("the staging DB password, please"), 3600).await;
    assert_eq!(a.rid.len(), 22);

    // The responder reads the note with the fill token.
    let r = look(&app, &a, &a.fill_token()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["state"], "open");
    assert_eq!(r.json["filled_at"], Value::Null);
    let note = base64url::decode(r.json["note"].as_str().unwrap()).unwrap();
    let pk = request::public_key(&a.key);
    assert_eq!(
        client::open_note(&pk, &note).unwrap(),
        "the staging DB password, please"
    );
    // The inbox token sees the state, not the note.
    let r = look(&app, &a, &a.inbox_token()).await;
    assert_eq!(
        (&r.json["state"], &r.json["note"]),
        (&json!("open"), &Value::Null)
    );

    app.clock.advance(7);
    let secret = Payload::file("db.txt", "text/plain", b"hunter2".to_vec());
    let r = fill(&app, &a, &a.fill_token(), &secret).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json, json!({"expires_at": common::START + 3600}));
    assert_not_found(&fill(&app, &a, &a.fill_token(), &Payload::text("second")).await);
    let r = look(&app, &a, &a.inbox_token()).await;
    assert_eq!(r.json["state"], "filled");
    assert_eq!(r.json["filled_at"], common::START + 7);

    app.clock.advance(3);
    let r = collect(&app, &a, &a.inbox_token()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["filled_at"], common::START + 7);
    assert_eq!(opened(&a, &r), secret);
    assert_not_found(&collect(&app, &a, &a.inbox_token()).await);
    assert_not_found(&cancel(&app, &a, &a.inbox_token()).await);

    // The tombstone answers both sides, without the note.
    for token in [a.inbox_token(), a.fill_token()] {
        let r = look(&app, &a, &token).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.json["state"], "collected");
        assert_eq!(r.json["collected_at"], common::START + 10);
        assert_eq!(r.json["note"], Value::Null);
    }
}

async fn cancel_open_and_filled(app: TestApp) {
    let open = ask(&app, None, 600).await;
    assert_eq!(
        look(&app, &open, &open.fill_token()).await.json["note"],
        Value::Null
    );
    let r = cancel(&app, &open, &open.inbox_token()).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.json);
    assert_not_found(&fill(&app, &open, &open.fill_token(), &Payload::text("late")).await);
    assert_eq!(
        look(&app, &open, &open.fill_token()).await.json["state"],
        "cancelled"
    );

    let filled = ask(&app, Some("note"), 600).await;
    let r = fill(&app, &filled, &filled.fill_token(), &Payload::text("x")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        cancel(&app, &filled, &filled.inbox_token()).await.status,
        StatusCode::NO_CONTENT
    );
    assert_not_found(&collect(&app, &filled, &filled.inbox_token()).await);
    let r = look(&app, &filled, &filled.fill_token()).await;
    assert_eq!(
        (&r.json["state"], &r.json["note"]),
        (&json!("cancelled"), &Value::Null)
    );
}

async fn wrong_tokens_and_ids_are_one_404(app: TestApp) {
    let a = ask(&app, Some("note"), 600).await;
    let stranger = base64url::encode(&[7u8; 32]);
    assert_not_found(&look(&app, &a, &stranger).await);
    assert_not_found(&fill(&app, &a, &stranger, &Payload::text("x")).await);
    // Each token only for its own calls.
    assert_not_found(&fill(&app, &a, &a.inbox_token(), &Payload::text("x")).await);
    assert_not_found(&collect(&app, &a, &a.fill_token()).await);
    assert_not_found(&cancel(&app, &a, &a.fill_token()).await);
    // Collect before any fill.
    assert_not_found(&collect(&app, &a, &a.inbox_token()).await);
    for uri in [
        "/api/v1/requests/nope",
        "/api/v1/requests/AAAAAAAAAAAAAAAAAAAAAA",
    ] {
        assert_not_found(
            &app.call(Method::GET, uri, Some(&a.inbox_token()), None)
                .await,
        );
    }
    // A secret's token does not reach a request, nor the other way round.
    let c = app.create("s").await;
    let as_secret = format!("/api/v1/secrets/{}", a.rid);
    assert_not_found(
        &app.call(Method::GET, &as_secret, Some(&a.inbox_token()), None)
            .await,
    );
    let as_request = format!("/api/v1/requests/{}", c.id);
    assert_not_found(
        &app.call(Method::GET, &as_request, Some(&c.link_token()), None)
            .await,
    );
    // No header: 401 for every id.
    for uri in [a.uri(), "/api/v1/requests/nope".into()] {
        let r = app.call(Method::GET, &uri, None, None).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let r = app
        .call(Method::POST, &format!("{}/collect", a.uri()), None, None)
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // Nothing above changed the request.
    assert_eq!(look(&app, &a, &a.inbox_token()).await.json["state"], "open");
}

async fn bad_input_is_refused(app: TestApp) {
    let (_, body) = client::prepare_request(Some("n"), 600).unwrap();
    let good = serde_json::to_value(body).unwrap();
    let post = |body: Value| app.call(Method::POST, "/api/v1/requests", None, Some(body));
    let mut cases = Vec::new();
    for (field, value) in [
        ("inbox_verifier", json!(base64url::encode(&[1u8; 31]))),
        ("fill_verifier", json!("not base64!")),
        ("ttl_secs", json!(59)),
        ("ttl_secs", json!(7 * 86_400 + 1)),
        ("note", json!(base64url::encode(&[1u8; 300]))),
        ("note", json!(base64url::encode(&[0u8; 2000]))),
        ("blob", json!("AQ")),
    ] {
        let mut body = good.clone();
        body[field] = value;
        cases.push(body);
    }
    for body in cases {
        let r = post(body.clone()).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body} {}", r.json);
        assert_eq!(r.json["error"], "invalid_request");
    }

    let a = ask(&app, None, 600).await;
    let uri = format!("{}/fill", a.uri());
    let token = a.fill_token();
    let mut bad_version =
        base64url::decode(a.fill_body(&Payload::text("x"))["blob"].as_str().unwrap()).unwrap();
    bad_version[0] = 2;
    for blob in [vec![], vec![1u8; 304], bad_version] {
        let body = json!({"blob": base64url::encode(&blob)});
        let r = app.call(Method::POST, &uri, Some(&token), Some(body)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.json);
    }
    let r = app
        .call(
            Method::POST,
            &uri,
            Some(&token),
            Some(json!({"blob": "AQ", "x": 1})),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(look(&app, &a, &token).await.json["state"], "open");
}

async fn fills_over_the_blob_limit_are_413(backend: Backend) {
    let limits = Limits {
        max_blob_bytes: 1024,
        ..Limits::default()
    };
    let app = TestApp::with(backend, limits, HttpOptions::default()).await;
    let a = ask(&app, None, 600).await;
    // 768 bytes of padded payload fit (the config's max_payload_bytes)...
    assert_eq!(app.service.config().max_payload_bytes, 768);
    let fits = Payload::text("x".repeat(700));
    assert_eq!(
        fill(&app, &a, &a.fill_token(), &fits).await.status,
        StatusCode::OK
    );
    // ...one block more does not.
    let b = ask(&app, None, 600).await;
    let r = fill(&app, &b, &b.fill_token(), &Payload::text("x".repeat(800))).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.json);
    assert_eq!(r.json["error"], "too_large");
}

async fn expiry_ends_every_call_and_the_sweep_deletes(app: TestApp) {
    let open = ask(&app, Some("n"), 60).await;
    let filled = ask(&app, None, 60).await;
    assert_eq!(
        fill(&app, &filled, &filled.fill_token(), &Payload::text("x"))
            .await
            .status,
        StatusCode::OK
    );
    app.clock.advance(60);
    for a in [&open, &filled] {
        let r = look(&app, a, &a.fill_token()).await;
        assert_eq!(
            (&r.json["state"], &r.json["note"]),
            (&json!("expired"), &Value::Null)
        );
        assert_not_found(&fill(&app, a, &a.fill_token(), &Payload::text("y")).await);
        assert_not_found(&collect(&app, a, &a.inbox_token()).await);
        assert_not_found(&cancel(&app, a, &a.inbox_token()).await);
    }
    assert!(app.service.sweep().await.unwrap() >= 2);
    assert_not_found(&look(&app, &open, &open.inbox_token()).await);
    assert_not_found(&look(&app, &filled, &filled.inbox_token()).await);
}

async fn a_failing_key_service_consumes_nothing(app: TestApp) {
    use std::sync::atomic::Ordering;
    let a = ask(&app, None, 600).await;
    app.keys.down.store(true, Ordering::SeqCst);
    let r = fill(&app, &a, &a.fill_token(), &Payload::text("x")).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.json["error"], "unavailable");
    app.keys.down.store(false, Ordering::SeqCst);
    assert_eq!(look(&app, &a, &a.inbox_token()).await.json["state"], "open");
    let secret = Payload::text("kept");
    assert_eq!(
        fill(&app, &a, &a.fill_token(), &secret).await.status,
        StatusCode::OK
    );
    app.keys.down.store(true, Ordering::SeqCst);
    assert_eq!(
        collect(&app, &a, &a.inbox_token()).await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    app.keys.down.store(false, Ordering::SeqCst);
    let r = collect(&app, &a, &a.inbox_token()).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(opened(&a, &r), secret);
}

async fn concurrent_fills_and_collects_are_exactly_once(app: TestApp) {
    let app = Arc::new(app);
    let a = Arc::new(ask(&app, None, 600).await);
    let fills: Vec<_> = (0..64)
        .map(|n| {
            let (app, a) = (Arc::clone(&app), Arc::clone(&a));
            tokio::spawn(async move {
                let secret = Payload::text(format!("answer {n}"));
                (
                    fill(&app, &a, &a.fill_token(), &secret).await.status,
                    secret,
                )
            })
        })
        .collect();
    let mut winners = Vec::new();
    for t in fills {
        match t.await.unwrap() {
            (StatusCode::OK, secret) => winners.push(secret),
            (StatusCode::NOT_FOUND, _) => {}
            (other, _) => panic!("unexpected {other}"),
        }
    }
    assert_eq!(winners.len(), 1, "exactly one fill wins");

    let collects: Vec<_> = (0..64)
        .map(|_| {
            let (app, a) = (Arc::clone(&app), Arc::clone(&a));
            tokio::spawn(async move {
                let r = collect(&app, &a, &a.inbox_token()).await;
                (r.status == StatusCode::OK).then(|| opened(&a, &r))
            })
        })
        .collect();
    let mut released = Vec::new();
    for t in collects {
        released.extend(t.await.unwrap());
    }
    assert_eq!(
        released, winners,
        "exactly one collect gets the winner's fill"
    );
    assert_eq!(
        look(&app, &a, &a.inbox_token()).await.json["state"],
        "collected"
    );
}

suite!(
    TestApp::new;
    config_says_requests_are_enabled,
    create_look_fill_collect,
    cancel_open_and_filled,
    wrong_tokens_and_ids_are_one_404,
    bad_input_is_refused,
    expiry_ends_every_call_and_the_sweep_deletes,
    a_failing_key_service_consumes_nothing,
    concurrent_fills_and_collects_are_exactly_once,
);

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fills_over_the_blob_limit_are_413_on_sqlite() {
    fills_over_the_blob_limit_are_413(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fills_over_the_blob_limit_are_413_on_dynamodb() {
    fills_over_the_blob_limit_are_413(Backend::Dynamodb).await;
}
