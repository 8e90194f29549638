//! The SQLite file's layout: a database of the first layout (the payload in
//! the secret's row) is moved to the current one at start, every secret
//! keeping its state; a move that fails changes nothing; a layout the
//! server does not know is refused; and a payload row never outlives its
//! secret's wait.

mod common;

use std::path::Path;

use axum::http::StatusCode;
use common::{Backend, TestApp};
use sdo_backend::store::{Durability, SqliteStore};
use sdo_shared::api::State;
use sdo_shared::payload::Payload;
use sdo_shared::secret::SecretId;

/// The first layout, as the server before layout 2 created it.
const FIRST_LAYOUT: &str = "
CREATE TABLE layout_1 (
    id              TEXT PRIMARY KEY NOT NULL,
    state           TEXT NOT NULL,
    sealed          BLOB,
    server_nonce    BLOB,
    wrapped_key     BLOB,
    key_ref         TEXT,
    link_verifier   BLOB,
    reveal_verifier BLOB,
    manage_verifier BLOB NOT NULL,
    kdf_salt        BLOB,
    kdf_m_kib       INTEGER,
    kdf_t           INTEGER,
    kdf_p           INTEGER,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    views_left      INTEGER NOT NULL,
    failed_attempts INTEGER NOT NULL,
    revealed_at     INTEGER
) STRICT;";

fn db(dir: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(dir.join("secrets.db")).unwrap();
    // A closed app's writer thread may still be letting go of the file.
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .unwrap();
    conn
}

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |row| row.get(0)).unwrap()
}

fn layout_version(dir: &Path) -> i64 {
    count(&db(dir), "PRAGMA user_version")
}

/// Rewrites the store's secrets into the first layout, as an older server
/// left them (the view has the first layout's columns, in its order).
fn to_first_layout(dir: &Path) {
    db(dir)
        .execute_batch(&format!(
            "BEGIN;
             {FIRST_LAYOUT}
             INSERT INTO layout_1 SELECT * FROM secret_records;
             DROP VIEW secret_records;
             DROP TABLE payloads;
             DROP TABLE secrets;
             ALTER TABLE layout_1 RENAME TO secrets;
             CREATE INDEX secrets_expires_at ON secrets (expires_at);
             PRAGMA user_version = 0;
             COMMIT;"
        ))
        .unwrap();
}

fn payload_rows(dir: &Path) -> i64 {
    count(&db(dir), "SELECT COUNT(*) FROM payloads")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_first_layout_database_moves_over_with_every_secret_as_it_was() {
    let app = TestApp::new(Backend::Sqlite).await;
    let waiting = app.create("one view, untouched").await;
    let twice = app
        .create_with(&Payload::text("two views"), None, 3600, 2)
        .await;
    assert_eq!(app.reveal(&twice, None).await.status, StatusCode::OK);
    let revealed = app.create("already read").await;
    assert_eq!(app.reveal(&revealed, None).await.status, StatusCode::OK);
    let guarded = app
        .create_with(
            &Payload::text("behind a passphrase"),
            Some("right"),
            3600,
            1,
        )
        .await;
    assert_ne!(
        app.reveal(&guarded, Some("wrong")).await.status,
        StatusCode::OK
    );
    let burned = app.create("burned before").await;
    let reply = app.burn(&burned).await;
    assert!(reply.status.is_success(), "{}", reply.json);
    let tmp = app.close();
    let dir = tmp.path().to_owned();
    to_first_layout(&dir);
    assert_eq!(
        count(
            &db(&dir),
            "SELECT COUNT(*) FROM pragma_table_info('secrets') WHERE name = 'sealed'"
        ),
        1
    );
    let app = TestApp::open_dir(tmp).await;

    assert_eq!(layout_version(&dir), 2);
    let conn = db(&dir);
    assert_eq!(
        count(
            &conn,
            "SELECT COUNT(*) FROM sqlite_schema WHERE name LIKE '%layout%'"
        ),
        0,
        "the first layout's table is gone"
    );
    // Two are still waiting: the untouched one and the one with a view left.
    assert_eq!(payload_rows(&dir), 3, "waiting, twice and guarded");

    let reply = app.reveal(&waiting, None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    assert_eq!(
        app.open(&waiting, None, &reply),
        Payload::text("one view, untouched")
    );
    let reply = app.reveal(&twice, None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    assert_eq!(reply.json["views_left"], 0);
    assert_eq!(app.open(&twice, None, &reply), Payload::text("two views"));
    let receipt = app.receipt(&guarded).await;
    assert_eq!(receipt.json["failed_attempts"], 1, "{}", receipt.json);
    let reply = app.reveal(&guarded, Some("right")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);

    let receipt = app.receipt(&revealed).await;
    assert_eq!(receipt.json["state"], "revealed", "{}", receipt.json);
    assert!(receipt.json["revealed_at"].is_i64());
    common::assert_not_found(&app.reveal(&revealed, None).await);
    assert_eq!(app.receipt(&burned).await.json["state"], "burned");
    assert_eq!(payload_rows(&dir), 0, "every payload went with its wait");

    // Opened again, the moved file is left as it is.
    let app = TestApp::open_dir(app.close()).await;
    assert_eq!(layout_version(&dir), 2);
    assert_eq!(app.receipt(&waiting).await.json["state"], "revealed");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_move_that_fails_leaves_the_first_layout_whole() {
    let app = TestApp::new(Backend::Sqlite).await;
    let kept = app.create("still in the old layout").await;
    let tmp = app.close();
    let dir = tmp.path().to_owned();
    to_first_layout(&dir);
    // A table in the way: the move gets as far as the new view, then fails.
    db(&dir)
        .execute_batch("CREATE TABLE payloads (n INTEGER PRIMARY KEY)")
        .unwrap();
    let before = count(&db(&dir), "SELECT COUNT(*) FROM secrets");

    let err = SqliteStore::open(&dir, Durability::Full).unwrap_err();
    assert!(err.to_string().contains("it is unchanged"), "{err}");
    assert_eq!(layout_version(&dir), 0);
    let conn = db(&dir);
    assert_eq!(count(&conn, "SELECT COUNT(*) FROM secrets"), before);
    assert_eq!(
        count(
            &conn,
            "SELECT COUNT(*) FROM sqlite_schema
             WHERE name IN ('secret_records', 'secrets_layout_1') OR type = 'trigger'"
        ),
        0
    );
    assert_eq!(
        count(
            &conn,
            &format!(
                "SELECT COUNT(*) FROM secrets WHERE id = '{}' AND sealed IS NOT NULL",
                kept.id
            )
        ),
        1
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_first_layout_row_with_half_a_payload_stays_unreadable_and_the_rest_move() {
    let app = TestApp::new(Backend::Sqlite).await;
    let kept = app.create("whole").await;
    let tmp = app.close();
    let dir = tmp.path().to_owned();
    to_first_layout(&dir);
    // A row no server wrote: half a payload.
    db(&dir)
        .execute_batch(
            "INSERT INTO secrets (id, state, sealed, manage_verifier, created_at, expires_at,
                 views_left, failed_attempts)
             SELECT 'AAAAAAAAAAAAAAAAAAAAAA', 'waiting', sealed, manage_verifier, created_at,
                 expires_at, 1, 0 FROM secrets",
        )
        .unwrap();

    let app = TestApp::open_dir(tmp).await;
    assert_eq!(layout_version(&dir), 2);
    assert_eq!(payload_rows(&dir), 1);
    let broken = app
        .store
        .get(&SecretId::parse("AAAAAAAAAAAAAAAAAAAAAA").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(broken.state, State::Waiting);
    assert!(broken.payload.is_none(), "still unreadable, as before");
    let reply = app.reveal(&kept, None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    assert_eq!(app.open(&kept, None, &reply), Payload::text("whole"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_layout_this_server_does_not_know_is_refused_and_left_alone() {
    let tmp = TestApp::new(Backend::Sqlite).await.close();
    for (version, says) in [
        (3, "version 3, newer"),
        (1, "version 1 is not"),
        (-1, "version -1 is not"),
    ] {
        db(tmp.path())
            .execute_batch(&format!("PRAGMA user_version = {version}"))
            .unwrap();
        let err = SqliteStore::open(tmp.path(), Durability::Full).unwrap_err();
        assert!(err.to_string().contains(says), "{err}");
        assert_eq!(layout_version(tmp.path()), version);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn no_payload_row_outlives_its_secrets_wait() {
    let app = TestApp::new(Backend::Sqlite).await;
    let dir = app.dir.path().to_owned();
    let revealed = app.create("revealed").await;
    let burned = app.create("burned").await;
    let locked = app
        .create_with(&Payload::text("locked"), Some("right"), 3600, 1)
        .await;
    let expired = app
        .create_with(&Payload::text("expired"), None, 60, 1)
        .await;
    assert_eq!(payload_rows(&dir), 4);

    assert_eq!(app.reveal(&revealed, None).await.status, StatusCode::OK);
    let reply = app.burn(&burned).await;
    assert!(reply.status.is_success(), "{}", reply.json);
    while app.receipt(&locked).await.json["state"] == "waiting" {
        app.reveal(&locked, Some("wrong")).await;
    }
    assert_eq!(payload_rows(&dir), 1, "only the one still waiting");
    app.clock.advance(61);
    assert_eq!(app.service.sweep().await.unwrap(), 1);
    assert_eq!(payload_rows(&dir), 0);
    common::assert_not_found(&app.reveal(&expired, None).await);

    // The swept secret was the newest, so the next one gets its row number:
    // it must find its own payload, not a trace of the other's.
    let next = app.create("the next one").await;
    let reply = app.reveal(&next, None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    assert_eq!(app.open(&next, None, &reply), Payload::text("the next one"));
}
