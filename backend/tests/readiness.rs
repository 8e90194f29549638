//! `GET /api/v1/ready`: 200 while the store and the key provider answer,
//! 503 (a generic body; the cause goes to the log) while either fails, and
//! at most one round trip to each per second however often it is polled.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use axum::http::{Method, StatusCode};
use common::{Backend, TestApp, aws};
use sdo_backend::app::{HttpOptions, router};
use sdo_backend::service::{Limits, Service};
use sdo_backend::store::{Failure, OpId, Outcome, Record, SecretStore, StoreError};
use sdo_shared::secret::SecretId;

async fn ready(app: &TestApp) -> common::Reply {
    app.call(Method::GET, "/api/v1/ready", None, None).await
}

fn assert_not_ready(reply: &common::Reply) {
    assert_eq!(
        reply.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        reply.json
    );
    assert_eq!(reply.json["error"], "unavailable");
    // The cause is for the log, not the caller.
    let body = reply.json.to_string();
    for leak in ["store", "key", "outage", "DynamoDB", "KMS", "127.0.0.1"] {
        assert!(!body.contains(leak), "{body}");
    }
}

/// A real store that a test can switch off, and that counts the reads the
/// probe makes.
#[derive(Debug)]
struct Switchable {
    inner: Arc<dyn SecretStore>,
    down: AtomicBool,
    reads: AtomicU32,
}

impl Switchable {
    fn check(&self) -> Result<(), StoreError> {
        if self.down.load(Ordering::SeqCst) {
            return Err(StoreError::Unavailable("switched off".into()));
        }
        Ok(())
    }
}

#[async_trait]
impl SecretStore for Switchable {
    async fn insert(&self, r: &Record) -> Result<(), StoreError> {
        self.check()?;
        self.inner.insert(r).await
    }
    async fn get(&self, id: &SecretId) -> Result<Option<Record>, StoreError> {
        self.check()?;
        self.inner.get(id).await
    }
    async fn take_view(
        &self,
        id: &SecretId,
        views: u32,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<u32>, StoreError> {
        self.inner.take_view(id, views, now, op).await
    }
    async fn record_failure(
        &self,
        id: &SecretId,
        n: u32,
        limit: u32,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<Failure>, StoreError> {
        self.inner.record_failure(id, n, limit, now, op).await
    }
    async fn burn(&self, id: &SecretId, now: i64, op: &OpId) -> Result<Outcome<()>, StoreError> {
        self.inner.burn(id, now, op).await
    }
    async fn sweep_expired(&self, now: i64) -> Result<u64, StoreError> {
        self.inner.sweep_expired(now).await
    }
    async fn master_key_ref(&self) -> Result<Option<String>, StoreError> {
        self.reads.fetch_add(1, Ordering::SeqCst);
        self.check()?;
        self.inner.master_key_ref().await
    }
    async fn record_master_key(&self, key_ref: &str) -> Result<(), StoreError> {
        self.inner.record_master_key(key_ref).await
    }
    async fn has_records(&self) -> Result<bool, StoreError> {
        self.inner.has_records().await
    }
}

/// `app`'s store behind a switch, and a service over it that caches
/// readiness for `cache_for`.
fn switchable(app: &mut TestApp, cache_for: Duration) -> Arc<Switchable> {
    let store = Arc::new(Switchable {
        inner: Arc::clone(&app.store),
        down: AtomicBool::new(false),
        reads: AtomicU32::new(0),
    });
    let service = Service::new(
        store.clone(),
        app.keys.clone(),
        app.clock.clone(),
        Limits::default(),
    )
    .with_readiness_cache(cache_for);
    app.service = Arc::new(service);
    app.router = router(Arc::clone(&app.service), &HttpOptions::default());
    store
}

#[tokio::test(flavor = "multi_thread")]
async fn ready_follows_the_store_and_the_key_provider() {
    let mut app = TestApp::new(Backend::Sqlite).await;
    let store = switchable(&mut app, Duration::ZERO);
    let r = ready(&app).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["status"], "ok");

    store.down.store(true, Ordering::SeqCst);
    assert_not_ready(&ready(&app).await);
    // Liveness is not readiness: the process still answers.
    let health = app.call(Method::GET, "/api/v1/health", None, None).await;
    assert_eq!(health.status, StatusCode::OK);
    store.down.store(false, Ordering::SeqCst);
    assert_eq!(ready(&app).await.status, StatusCode::OK);

    app.keys.down.store(true, Ordering::SeqCst);
    assert_not_ready(&ready(&app).await);
    app.keys.down.store(false, Ordering::SeqCst);
    assert_eq!(ready(&app).await.status, StatusCode::OK);
}

/// Polled hard, concurrently, the probe still reads the store once per
/// cache period, and the answer changes only when the period is over.
#[tokio::test(flavor = "multi_thread")]
async fn readiness_is_checked_at_most_once_per_period() {
    let mut app = TestApp::new(Backend::Sqlite).await;
    let store = switchable(&mut app, Duration::from_millis(500));
    let app = Arc::new(app);
    let mut polls = Vec::new();
    for _ in 0..20 {
        let app = Arc::clone(&app);
        polls.push(tokio::spawn(async move { ready(&app).await.status }));
    }
    for poll in polls {
        assert_eq!(poll.await.unwrap(), StatusCode::OK);
    }
    assert_eq!(store.reads.load(Ordering::SeqCst), 1);

    store.down.store(true, Ordering::SeqCst);
    assert_eq!(ready(&app).await.status, StatusCode::OK, "cached");
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_not_ready(&ready(&app).await);
    assert_eq!(store.reads.load(Ordering::SeqCst), 2);
}

/// Real failures on AWS: DynamoDB, then KMS, at a port nothing listens on.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ready_is_503_while_dynamodb_or_kms_is_unreachable() {
    let up = TestApp::new(Backend::Dynamodb).await;
    assert_eq!(ready(&up).await.status, StatusCode::OK);

    let dead = format!("http://127.0.0.1:{}", common::free_port());
    let no_store = TestApp::new(Backend::DynamodbVia {
        kms: aws::moto_url(),
        dynamodb: dead.clone(),
    })
    .await;
    assert_not_ready(&ready(&no_store).await);
    let text = no_store.service.metrics().encode();
    assert!(
        text.contains("sdo_store_errors_total{kind=\"unavailable\"} 1\n"),
        "{text}"
    );

    let no_keys = TestApp::new(Backend::DynamodbVia {
        kms: dead,
        dynamodb: aws::moto_url(),
    })
    .await;
    assert_not_ready(&ready(&no_keys).await);
    let text = no_keys.service.metrics().encode();
    assert!(
        text.contains("sdo_key_errors_total{kind=\"unavailable\"} 1\n"),
        "{text}"
    );
}
