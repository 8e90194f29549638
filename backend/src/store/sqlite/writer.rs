//! Group commit: one thread owns the write connection, and every write that
//! arrives while a commit is in flight joins the next transaction. With
//! `synchronous = FULL` that turns one fsync per write into one per batch,
//! which is what makes the durable default fast under load.
//!
//! Each write is a single statement whose conditions SQLite evaluates in
//! order inside the transaction, so batching changes no write's meaning; a
//! statement that fails (a duplicate id) fails alone.
//!
//! The queue is bounded: when it is full a write is refused at once (503,
//! nothing written) instead of piling up. A write whose requester has gone
//! (its HTTP request was cancelled while the write waited in the queue) is
//! skipped: nobody would receive what it consumes.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, TrySendError};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use rusqlite::types::Value;
use tokio::sync::oneshot;

use super::schema::{classify, internal};
use crate::store::StoreError;

/// Most writes one transaction takes; a bound on a batch's latency.
const MAX_BATCH: usize = 256;
/// Prepared statements kept per connection (the writer uses about 20).
pub(super) const STATEMENT_CACHE: usize = 32;
/// The write connection's page cache, in KiB (`PRAGMA cache_size`; SQLite's
/// default is 2,000). With payloads deleted as they are read, the pages a
/// write touches are few (the ends of the tables, the id index's leaves),
/// and the default's extra MiB was resident memory bought for no speed
/// (docs/BENCHMARKS.md).
const PAGE_CACHE_KIB: u32 = 1024;
/// How often a busy checkpoint is tried again before waiting for the next tick.
const CHECKPOINT_TRIES: u32 = 5;

enum Work {
    Write {
        sql: String,
        params: Vec<Value>,
    },
    /// `PRAGMA wal_checkpoint(TRUNCATE)`, outside any transaction.
    Checkpoint,
}

struct Job {
    work: Work,
    /// Rows changed, sent once the transaction has committed.
    reply: oneshot::Sender<Result<usize, StoreError>>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct WriterOptions {
    /// Writes that may wait for the writer; more are refused.
    pub queue_bound: usize,
    /// Truncate the WAL this often (when anything was written since), so
    /// sealed bytes of a destroyed secret do not stay in it.
    pub checkpoint_every: Option<Duration>,
}

#[derive(Debug, Clone)]
pub(super) struct Writer {
    jobs: mpsc::SyncSender<Job>,
    depth: Arc<AtomicUsize>,
}

impl Writer {
    /// Starts the writer thread; it ends when the last `Writer` is dropped.
    pub(super) fn start(conn: Connection, options: WriterOptions) -> Result<Self, StoreError> {
        // Every statement the store writes with, requests included, fits.
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        conn.execute_batch(&format!("PRAGMA cache_size = -{PAGE_CACHE_KIB}"))
            .map_err(internal)?;
        let (jobs, queue) = mpsc::sync_channel::<Job>(options.queue_bound);
        let depth = Arc::new(AtomicUsize::new(0));
        let thread_depth = Arc::clone(&depth);
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || serve(conn, queue, thread_depth, options.checkpoint_every))
            .map_err(|e| StoreError::Internal(format!("cannot start the writer: {e}")))?;
        Ok(Self { jobs, depth })
    }

    /// Writes waiting for the writer thread.
    pub(super) fn queue_depth(&self) -> usize {
        self.depth.load(Ordering::Relaxed)
    }

    /// Runs one write statement; returns the rows it changed once committed.
    pub(super) async fn execute(
        &self,
        sql: String,
        params: Vec<Value>,
    ) -> Result<usize, StoreError> {
        self.submit(Work::Write { sql, params }).await
    }

    /// Truncates the WAL now.
    pub(super) async fn checkpoint(&self) -> Result<usize, StoreError> {
        self.submit(Work::Checkpoint).await
    }

    async fn submit(&self, work: Work) -> Result<usize, StoreError> {
        let (reply, answer) = oneshot::channel();
        // Counted before the send, so the thread never decrements first.
        self.depth.fetch_add(1, Ordering::Relaxed);
        if let Err(e) = self.jobs.try_send(Job { work, reply }) {
            self.depth.fetch_sub(1, Ordering::Relaxed);
            return Err(match e {
                TrySendError::Full(_) => StoreError::Unavailable("the write queue is full".into()),
                TrySendError::Disconnected(_) => {
                    StoreError::Internal("the SQLite writer has stopped".into())
                }
            });
        }
        answer.await.map_err(|_| {
            // The thread took the job and died without answering: the write
            // may or may not have committed.
            StoreError::Ambiguous("the SQLite writer dropped a write".into())
        })?
    }
}

fn serve(
    conn: Connection,
    queue: mpsc::Receiver<Job>,
    depth: Arc<AtomicUsize>,
    checkpoint_every: Option<Duration>,
) {
    let mut dirty = false;
    let mut last_checkpoint = Instant::now();
    loop {
        let first = match next_checkpoint_in(dirty, last_checkpoint.elapsed(), checkpoint_every) {
            Some(wait) => match queue.recv_timeout(wait) {
                Ok(job) => Some(job),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            },
            None => match queue.recv() {
                Ok(job) => Some(job),
                Err(_) => return,
            },
        };
        if let Some(first) = first {
            let mut batch = vec![first];
            while batch.len() < MAX_BATCH {
                match queue.try_recv() {
                    Ok(job) => batch.push(job),
                    Err(_) => break,
                }
            }
            depth.fetch_sub(batch.len(), Ordering::Relaxed);
            let (checkpoints, writes): (Vec<Job>, Vec<Job>) = batch
                .into_iter()
                .partition(|j| matches!(j.work, Work::Checkpoint));
            dirty |= commit_batch(&conn, writes);
            for job in checkpoints {
                let done = checkpoint(&conn);
                last_checkpoint = Instant::now();
                // A checkpoint that failed left the WAL as it was: the timer
                // must try again, or a destroyed secret's sealed bytes could
                // stay in the WAL until the next write.
                if done.is_ok() {
                    dirty = false;
                }
                let _ = job.reply.send(done.map(|()| 0));
            }
        }
        if let Some(every) = checkpoint_every
            && dirty
            && last_checkpoint.elapsed() >= every
        {
            match checkpoint(&conn) {
                Ok(()) => dirty = false,
                Err(e) => tracing::warn!(error = %e, "WAL checkpoint did not complete"),
            }
            last_checkpoint = Instant::now();
        }
    }
}

/// How long the writer may wait for a job before the timed checkpoint is
/// due; `None`: wait for a job however long it takes. Nothing written since
/// the last checkpoint means nothing to truncate, so an idle writer sleeps
/// (a timeout of zero there would have it spin on a core).
fn next_checkpoint_in(
    dirty: bool,
    since_checkpoint: Duration,
    every: Option<Duration>,
) -> Option<Duration> {
    every
        .filter(|_| dirty)
        .map(|every| every.saturating_sub(since_checkpoint))
}

/// A `TRUNCATE` checkpoint that really truncated. SQLite reports "busy"
/// in the result row, not as an error, when a reader kept it from copying
/// every frame; the WAL then still holds old pages, so try again.
pub(super) fn checkpoint(conn: &Connection) -> Result<(), StoreError> {
    for attempt in 1..=CHECKPOINT_TRIES {
        let busy: i64 = conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))
            .map_err(classify)?;
        if busy == 0 {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(10 * u64::from(attempt)));
    }
    Err(StoreError::Unavailable(
        "the WAL checkpoint stayed busy".into(),
    ))
}

/// Commits the live jobs of `batch`; whether anything was written.
fn commit_batch(conn: &Connection, batch: Vec<Job>) -> bool {
    // A job whose requester is gone would consume a view (or burn) for
    // nobody. Skipping it is safe: the requester never got an answer.
    let batch: Vec<Job> = batch.into_iter().filter(|j| !j.reply.is_closed()).collect();
    if batch.is_empty() {
        return false;
    }
    if let Err(e) = run(conn, "BEGIN IMMEDIATE", &[]) {
        let e = classify(e);
        for job in batch {
            let _ = job.reply.send(Err(e.clone()));
        }
        return false;
    }
    // `BEGIN` can wait up to the busy timeout for another process's write
    // lock (an operator's `sqlite3`, a backup): a requester may leave
    // meanwhile, so look again.
    let batch: Vec<Job> = batch.into_iter().filter(|j| !j.reply.is_closed()).collect();
    if batch.is_empty() {
        let _ = conn.execute_batch("ROLLBACK");
        return false;
    }
    let mut results = Vec::with_capacity(batch.len());
    for job in &batch {
        let Work::Write { sql, params } = &job.work else {
            continue;
        };
        results.push(run(conn, sql, params).map_err(classify));
        // Some errors (disk full, I/O) make SQLite roll the whole transaction
        // back by itself; later statements would then commit one by one
        // while COMMIT fails. Stop: every write in the batch failed.
        if conn.is_autocommit() {
            let e = StoreError::Unavailable("the transaction was rolled back".into());
            for job in batch {
                let _ = job.reply.send(Err(e.clone()));
            }
            return false;
        }
    }
    match run(conn, "COMMIT", &[]) {
        Ok(_) => {
            for (job, result) in batch.into_iter().zip(results) {
                let _ = job.reply.send(result);
            }
            true
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            let e = commit_failed(e);
            for job in batch {
                let _ = job.reply.send(Err(e.clone()));
            }
            false
        }
    }
}

/// A `COMMIT` that failed (an fsync or a write of the WAL) may still have
/// left its frames, commit frame and checksums included, in the WAL, where
/// recovery at the next start applies them: whether the batch happened is
/// not known, and a reveal must not be told "nothing was used up".
fn commit_failed(e: rusqlite::Error) -> StoreError {
    StoreError::Ambiguous(format!("the commit failed: {e}"))
}

/// One statement from the connection's cache: parsing and planning the same
/// few statements again for every write was about a tenth of the server's
/// CPU under load (docs/BENCHMARKS.md).
fn run(conn: &Connection, sql: &str, params: &[Value]) -> rusqlite::Result<usize> {
    conn.prepare_cached(sql)?
        .execute(rusqlite::params_from_iter(params.iter()))
}

#[cfg(test)]
mod tests;
