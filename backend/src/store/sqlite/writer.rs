//! Group commit: one thread owns the write connection, and every write that
//! arrives while a commit is in flight joins the next transaction. With
//! `synchronous = FULL` that turns one fsync per write into one per batch,
//! which is what makes the durable default fast under load.
//!
//! Each write is a single statement whose conditions SQLite evaluates in
//! order inside the transaction, so batching changes no write's meaning; a
//! statement that fails (a duplicate id) fails alone.

use std::sync::mpsc;

use rusqlite::Connection;
use rusqlite::types::Value;
use tokio::sync::oneshot;

use super::schema::classify;
use crate::store::StoreError;

/// Most writes one transaction takes; a bound on a batch's latency.
const MAX_BATCH: usize = 256;

struct Job {
    sql: String,
    params: Vec<Value>,
    /// Rows changed, sent once the transaction has committed.
    reply: oneshot::Sender<Result<usize, StoreError>>,
}

#[derive(Debug, Clone)]
pub(super) struct Writer {
    jobs: mpsc::Sender<Job>,
}

/// A statement to run after the batch commits, outside any transaction.
pub(super) const CHECKPOINT: &str = "PRAGMA wal_checkpoint(TRUNCATE)";

impl Writer {
    /// Starts the writer thread; it ends when the last `Writer` is dropped.
    pub(super) fn start(conn: Connection) -> Result<Self, StoreError> {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || run(conn, queue))
            .map_err(|e| StoreError::Internal(format!("cannot start the writer: {e}")))?;
        Ok(Self { jobs })
    }

    /// Runs one write statement; returns the rows it changed once committed.
    pub(super) async fn execute(
        &self,
        sql: String,
        params: Vec<Value>,
    ) -> Result<usize, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { sql, params, reply })
            .map_err(|_| StoreError::Internal("the SQLite writer has stopped".into()))?;
        answer
            .await
            .map_err(|_| StoreError::Internal("the SQLite writer dropped a write".into()))?
    }
}

fn run(conn: Connection, queue: mpsc::Receiver<Job>) {
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        // The checkpoint cannot run inside a transaction.
        let (checkpoints, writes): (Vec<Job>, Vec<Job>) =
            batch.into_iter().partition(|j| j.sql == CHECKPOINT);
        commit_batch(&conn, writes);
        for job in checkpoints {
            let result = conn.query_row(CHECKPOINT, [], |_| Ok(0)).map_err(classify);
            let _ = job.reply.send(result);
        }
    }
}

fn commit_batch(conn: &Connection, batch: Vec<Job>) {
    if batch.is_empty() {
        return;
    }
    if let Err(e) = conn.execute_batch("BEGIN IMMEDIATE") {
        let e = classify(e);
        for job in batch {
            let _ = job.reply.send(Err(e.clone()));
        }
        return;
    }
    let mut results = Vec::with_capacity(batch.len());
    for job in &batch {
        results.push(
            conn.execute(&job.sql, rusqlite::params_from_iter(job.params.iter()))
                .map_err(classify),
        );
        // Some errors (disk full, I/O) make SQLite roll the whole transaction
        // back by itself; later statements would then commit one by one
        // while COMMIT fails. Stop: every write in the batch failed.
        if conn.is_autocommit() {
            let e = StoreError::Unavailable("the transaction was rolled back".into());
            for job in batch {
                let _ = job.reply.send(Err(e.clone()));
            }
            return;
        }
    }
    match conn.execute_batch("COMMIT") {
        Ok(()) => {
            for (job, result) in batch.into_iter().zip(results) {
                let _ = job.reply.send(result);
            }
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            let e = classify(e);
            for job in batch {
                let _ = job.reply.send(Err(e.clone()));
            }
        }
    }
}
