//! What only the SQLite store can show: its writer thread's queue (bounded,
//! and skipping writes nobody waits for), the WAL checkpoint timer, and the
//! start-up guards on the data directory (master key, file modes).

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use common::{Backend, TestApp};
use sdo_backend::config::Config;
use sdo_backend::keys::local::{MASTER_KEY_FILE, MasterKeyError};
use sdo_backend::server::{self, StartError};
use sdo_backend::store::{Durability, SqliteOptions, StoreError};
use sdo_shared::payload::Payload;
use sdo_shared::secret::SecretId;

/// Takes SQLite's write lock from another connection, as a long write by
/// another process would: the writer thread then waits in `BEGIN`.
fn hold_write_lock(dir: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(dir.join("secrets.db")).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    conn
}

async fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_reveal_cancelled_while_queued_takes_no_view() {
    let app = TestApp::new(Backend::Sqlite).await;
    let sqlite = app.sqlite.clone().unwrap();
    let c = app.create("still here").await;

    let lock = hold_write_lock(app.dir.path());
    // A write that the writer thread takes and then waits with, in BEGIN.
    let store = app.store.clone();
    let blocker = tokio::spawn(async move {
        let id = SecretId::from_bytes([9; 16]);
        store
            .burn(&id, 0, &sdo_backend::store::OpId::generate().unwrap())
            .await
    });
    wait_for("the writer to take the blocker", || {
        sqlite.queue_depth() == 0
    })
    .await;
    tokio::time::sleep(Duration::from_millis(100)).await;

    let reveal = {
        let app_router = app.router.clone();
        let uri = format!("{}/reveal", c.secret_uri());
        let token = c.link_token();
        let body = serde_json::json!({ "reveal_token": c.reveal_token(None) }).to_string();
        tokio::spawn(async move {
            use tower::ServiceExt;
            let req = axum::http::Request::post(uri)
                .header("content-type", "application/json")
                .header("authorization", format!("Bearer {token}"))
                .body(axum::body::Body::from(body))
                .unwrap();
            app_router.oneshot(req).await
        })
    };
    wait_for("the reveal to queue behind it", || {
        sqlite.queue_depth() == 1
    })
    .await;
    // The client goes away (its connection closed) while the write waits.
    reveal.abort();
    let _ = reveal.await;
    drop(lock);
    blocker.await.unwrap().unwrap();
    wait_for("the queue to drain", || sqlite.queue_depth() == 0).await;

    let receipt = app.receipt(&c).await;
    assert_eq!(receipt.json["state"], "waiting", "{}", receipt.json);
    assert_eq!(receipt.json["views_left"], 1);
    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(app.open(&c, None, &r).as_text(), Some("still here"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_full_write_queue_is_503_and_writes_nothing() {
    let options = SqliteOptions {
        queue_bound: 1,
        ..SqliteOptions::new(Durability::Full)
    };
    let app = TestApp::new(Backend::SqliteWith(options)).await;
    let sqlite = app.sqlite.clone().unwrap();
    let c = app.create("waits its turn").await;

    let lock = hold_write_lock(app.dir.path());
    let burn = |n: u8| {
        let store = app.store.clone();
        tokio::spawn(async move {
            let op = sdo_backend::store::OpId::generate().unwrap();
            store.burn(&SecretId::from_bytes([n; 16]), 0, &op).await
        })
    };
    let first = burn(1); // taken by the writer, which waits for the lock
    wait_for("the writer to take it", || sqlite.queue_depth() == 0).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let second = burn(2); // fills the queue
    wait_for("the queue to fill", || sqlite.queue_depth() == 1).await;

    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.json);
    assert_eq!(r.json["error"], "unavailable");
    assert!(matches!(
        burn(3).await.unwrap(),
        Err(StoreError::Unavailable(_))
    ));
    drop(lock);
    first.await.unwrap().unwrap();
    second.await.unwrap().unwrap();
    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::OK, "nothing was used up: {}", r.json);
}

fn files_containing(dir: &Path, needle: &[u8]) -> Vec<String> {
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

/// A checkpoint on its own timer truncates the WAL, so a revealed secret's
/// sealed bytes do not wait there for the next sweep (or forever, with the
/// sweep off).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sealed_bytes_leave_the_wal_after_one_checkpoint_interval() {
    let options = SqliteOptions {
        checkpoint_every: Some(Duration::from_millis(200)),
        ..SqliteOptions::new(Durability::Full)
    };
    let app = TestApp::new(Backend::SqliteWith(options)).await;
    let c = app
        .create_with(&Payload::text("x".repeat(2000)), None, 600, 1)
        .await;
    let id = SecretId::parse(&c.id).unwrap();
    let sealed = app
        .store
        .get(&id)
        .await
        .unwrap()
        .unwrap()
        .payload
        .unwrap()
        .sealed;
    let needle = &sealed[100..164];
    assert!(!files_containing(app.dir.path(), needle).is_empty());

    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(
        files_containing(app.dir.path(), needle),
        Vec::<String>::new()
    );
}

/// CPU time (clock ticks) used so far by each of this process's SQLite
/// writer threads, by thread id. Other tests' writers in this binary come
/// and go; idle ones use none.
fn writer_threads_ticks() -> std::collections::HashMap<String, u64> {
    std::fs::read_dir("/proc/self/task")
        .unwrap()
        .filter_map(|task| {
            let task = task.ok()?.path();
            let comm = std::fs::read_to_string(task.join("comm")).ok()?;
            (comm.trim() == "sqlite-writer").then_some(())?;
            let stat = std::fs::read_to_string(task.join("stat")).ok()?;
            // utime and stime, counted after the ")" that ends the name.
            let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
            let ticks = fields[11].parse::<u64>().ok()? + fields[12].parse::<u64>().ok()?;
            Some((task.file_name()?.to_string_lossy().into_owned(), ticks))
        })
        .collect()
}

/// With the checkpoint timer on, a writer with nothing to do sleeps: once
/// its checkpoint was done it used to wait with a timeout of zero, and an
/// idle server kept a core busy.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_idle_writer_uses_no_cpu() {
    let options = SqliteOptions {
        checkpoint_every: Some(Duration::from_millis(20)),
        ..SqliteOptions::new(Durability::Full)
    };
    let app = TestApp::new(Backend::SqliteWith(options)).await;
    app.create_with(&Payload::text("x"), None, 600, 1).await;
    // Past the timed checkpoint, and past a whole idle interval after it.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let before = writer_threads_ticks();
    tokio::time::sleep(Duration::from_millis(500)).await;
    // Threads present at both readings only: one that ended or started in
    // between is another test's.
    let used: u64 = writer_threads_ticks()
        .iter()
        .filter_map(|(tid, after)| Some(after.saturating_sub(*before.get(tid)?)))
        .sum();
    // A spinning writer uses about 50 ticks here (100 a second).
    assert!(
        used < 10,
        "the idle writer used {used} clock ticks in 0.5 s"
    );
}

fn config(data: &Path) -> Config {
    use clap::Parser;
    Config::try_parse_from(["sdo-server", "--data-dir", data.to_str().unwrap()]).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_or_different_master_key_refuses_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let config = config(&data);
    let built = server::build(&config).await.unwrap();
    let prepared = sdo_shared::client::prepare(&Payload::text("kept"), None, 600, 1).unwrap();
    built
        .service
        .create(prepared.request.clone())
        .await
        .unwrap();
    drop(built);

    let key = data.join(MASTER_KEY_FILE);
    let original = std::fs::read(&key).unwrap();
    std::fs::remove_file(&key).unwrap();
    let err = server::build(&config).await.unwrap_err();
    assert!(
        matches!(err, StartError::MasterKey(MasterKeyError::Missing { .. })),
        "{err}"
    );
    assert!(err.to_string().contains("Restore that key file"), "{err}");
    assert!(!key.exists(), "no new key was made");

    std::fs::write(&key, [7u8; 32]).unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    let err = server::build(&config).await.unwrap_err();
    assert!(
        matches!(err, StartError::MasterKey(MasterKeyError::Mismatch { .. })),
        "{err}"
    );

    std::fs::write(&key, &original).unwrap();
    server::build(&config).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_database_from_before_the_key_was_recorded_still_needs_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        // The store of an earlier version: records, no recorded key.
        let app_dir = &data;
        std::fs::create_dir_all(app_dir).unwrap();
        let store = sdo_backend::store::SqliteStore::open(app_dir, Durability::Full).unwrap();
        let keys = sdo_backend::keys::LocalKeyProvider::open_or_create(app_dir).unwrap();
        let service = sdo_backend::service::Service::new(
            std::sync::Arc::new(store),
            std::sync::Arc::new(keys),
            std::sync::Arc::new(sdo_backend::clock::SystemClock),
            Default::default(),
        );
        let prepared = sdo_shared::client::prepare(&Payload::text("old"), None, 600, 1).unwrap();
        service.create(prepared.request).await.unwrap();
    }
    std::fs::remove_file(data.join(MASTER_KEY_FILE)).unwrap();
    let err = server::build(&config(&data)).await.unwrap_err();
    assert!(
        matches!(err, StartError::MasterKey(MasterKeyError::Missing { .. })),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_database_file_others_can_read_refuses_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let config = config(&data);
    drop(server::build(&config).await.unwrap());
    let db = data.join("secrets.db");
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let err = server::build(&config).await.unwrap_err();
    assert!(err.to_string().contains("chmod 600"), "{err}");
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    server::build(&config).await.unwrap();
}
