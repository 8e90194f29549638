//! The API suite, part one: every row of the protocol through a secret's
//! life, run against every backend (`suite!`). Errors are in api_errors.rs.

#[macro_use]
mod common;

use std::sync::Arc;

use axum::http::{Method, StatusCode};
use common::{Created, TestApp, assert_not_found};
use sdo_shared::api::State;
use sdo_shared::payload::Payload;
use serde_json::{Value, json};

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

/// The expiry is checked against the clock when the view is taken, not
/// when the reveal began: a slow key service (here 5 s pass during the
/// unwrap) must not let a view be taken after the secret expired meanwhile.
async fn a_secret_that_expires_while_its_key_is_unwrapped_is_gone(app: TestApp) {
    let c = app
        .create_with(&Payload::text("too late"), None, 60, 1)
        .await;
    app.clock.advance(59);
    app.keys
        .advance_on_unwrap
        .store(5, std::sync::atomic::Ordering::SeqCst);
    assert_not_found(&app.reveal(&c, None).await);
}

suite!(
    TestApp::new;
    a_secret_that_expires_while_its_key_is_unwrapped_is_gone,
    health,
    create_meta_reveal_round_trip,
    file_payload_round_trip,
    wrong_passphrase_counts_then_right_one_reveals,
    attempt_limit_destroys_the_secret,
    max_views_are_counted_down,
    burn_with_link_or_manage_token,
    receipt_reports_each_state,
    expiry_is_checked_on_every_read,
    concurrent_reveals_are_exactly_once,
    concurrent_wrong_passphrases_lock_exactly_at_the_limit,
    creating_many_gives_distinct_ids,
);
