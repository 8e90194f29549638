use std::sync::atomic::AtomicBool;

use super::*;

#[test]
fn a_failed_commit_is_an_unknown_outcome() {
    let fsync = rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_IOERR_FSYNC),
        None,
    );
    assert!(matches!(commit_failed(fsync), StoreError::Ambiguous(_)));
}

/// A write whose requester leaves while `BEGIN` waits for another
/// process's write lock is not committed: it would consume a view for
/// nobody.
#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn a_write_abandoned_while_begin_waits_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    let mut conn = Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = WAL;").unwrap();
    // Tells the test that the writer is inside `BEGIN`, waiting.
    let waiting = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&waiting);
    conn.busy_handler(Some(move |tries: i32| {
        flag.store(true, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(5));
        tries < 2_000 // about 10 s
    }))
    .unwrap();
    let writer = Writer::start(
        conn,
        WriterOptions {
            queue_bound: 8,
            checkpoint_every: None,
        },
    )
    .unwrap();
    writer
        .execute("CREATE TABLE t (x INTEGER)".into(), vec![])
        .await
        .unwrap();

    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let abandoned = tokio::spawn({
        let writer = writer.clone();
        async move {
            writer
                .execute("INSERT INTO t VALUES (1)".into(), vec![])
                .await
        }
    });
    // Abandoned only once the writer is in `BEGIN`, waiting for the lock:
    // a fixed sleep could abandon it before, where the first filter skips
    // it and the test would pass without the second.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !waiting.load(Ordering::SeqCst) {
        assert!(
            Instant::now() < deadline,
            "the writer never waited for the lock"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    abandoned.abort();
    let _ = abandoned.await;
    other.execute_batch("COMMIT").unwrap();

    // A later write, so the abandoned batch is surely over.
    writer
        .execute("INSERT INTO t VALUES (2)".into(), vec![])
        .await
        .unwrap();
    let rows: Vec<i64> = other
        .prepare("SELECT x FROM t ORDER BY x")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows, vec![2], "the abandoned write was committed");
}

/// A checkpoint asked for (the sweep's) that a reader keeps busy must
/// leave the WAL for the timer: the writer may not go idle with
/// frames left in it.
#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn a_failed_checkpoint_is_tried_again_by_the_timer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    let wal = dir.path().join("w.db-wal");
    let conn = Connection::open(&path).unwrap();
    // A short busy wait, so five busy tries take a fraction of a second.
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 20;")
        .unwrap();
    let writer = Writer::start(
        conn,
        WriterOptions {
            queue_bound: 8,
            // Long enough that the timer cannot empty the WAL before the
            // reader holds it, however slow the machine's fsync.
            checkpoint_every: Some(Duration::from_secs(2)),
        },
    )
    .unwrap();
    writer
        .execute("CREATE TABLE t (x BLOB)".into(), vec![])
        .await
        .unwrap();
    writer
        .execute(
            "INSERT INTO t VALUES (?1)".into(),
            vec![Value::Blob(vec![7; 3000])],
        )
        .await
        .unwrap();

    // A read transaction on the last frame keeps TRUNCATE from resetting
    // the WAL.
    let reader = Connection::open(&path).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let rows: i64 = reader
        .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 1);
    assert!(std::fs::metadata(&wal).unwrap().len() > 0);
    assert!(writer.checkpoint().await.is_err());
    reader.execute_batch("COMMIT").unwrap();
    assert!(std::fs::metadata(&wal).unwrap().len() > 0);

    // No write follows; only the timer can truncate it now.
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::metadata(&wal).unwrap().len() > 0 {
        assert!(
            Instant::now() < deadline,
            "the WAL was left untruncated after a failed checkpoint"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[test]
fn an_idle_writer_waits_for_work_not_for_the_clock() {
    let every = Some(Duration::from_secs(5));
    let long_ago = Duration::from_secs(60);
    assert_eq!(next_checkpoint_in(false, long_ago, every), None);
    assert_eq!(next_checkpoint_in(false, Duration::ZERO, every), None);
    assert_eq!(next_checkpoint_in(true, long_ago, None), None);
    assert_eq!(
        next_checkpoint_in(true, Duration::from_secs(2), every),
        Some(Duration::from_secs(3))
    );
    assert_eq!(
        next_checkpoint_in(true, long_ago, every),
        Some(Duration::ZERO)
    );
}
