//! Reads: connections of their own (in WAL mode reads never wait for the
//! writer), used right on the async worker that asks.
//!
//! Every read is a lookup by key that takes microseconds. Sending it to
//! tokio's blocking pool and back cost more than the read itself: two
//! thread wake-ups per read, and a pool thread (with its own stack and
//! malloc arena) for each one in flight (docs/BENCHMARKS.md). So a read
//! takes whichever connection is free and runs where it is, as quick as a
//! short mutex. There is one connection per core, as many as tokio has
//! workers; only when all are taken does a read go to the blocking pool and
//! wait there, never on an async worker.

use std::sync::{Arc, Mutex, TryLockError};

use rusqlite::Connection;

use crate::store::StoreError;

#[derive(Debug, Clone)]
pub(super) struct Readers(Arc<[Mutex<Connection>]>);

/// How many: one per core (tokio's default number of workers).
pub(super) fn count() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().min(8))
}

impl Readers {
    pub(super) fn new(connections: Vec<Connection>) -> Self {
        Self(connections.into_iter().map(Mutex::new).collect())
    }

    pub(super) async fn read<T: Send + 'static>(
        &self,
        query: impl FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        for connection in self.0.iter() {
            match connection.try_lock() {
                Ok(connection) => return query(&connection),
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Poisoned(_)) => return Err(poisoned()),
            }
        }
        let all = Arc::clone(&self.0);
        tokio::task::spawn_blocking(move || {
            let connection = all[0].lock().map_err(|_| poisoned())?;
            query(&connection)
        })
        .await
        .map_err(|e| StoreError::Internal(format!("store task failed: {e}")))?
    }
}

fn poisoned() -> StoreError {
    StoreError::Internal("reader mutex poisoned".into())
}
