//! The embedded default store: one SQLite file in the data directory.
//!
//! WAL for concurrent readers, `secure_delete` so a tombstone's payload bytes
//! are overwritten in the database file, and a `TRUNCATE` checkpoint after
//! every sweep so old page images do not linger in the WAL. One connection
//! behind a mutex: SQLite serialises writers anyway, and each statement is a
//! few microseconds.

use std::path::Path;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use rusqlite::{Connection, ErrorCode, OptionalExtension, Row, params};
use sdo_shared::api::State;
use sdo_shared::kdf::KdfParams;
use sdo_shared::secret::{SecretId, Verifier};

use super::{Failure, Outcome, Record, SealedBlob, SecretStore, StoreError};

pub const DATABASE_FILE: &str = "secrets.db";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS secrets (
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
) STRICT;
CREATE INDEX IF NOT EXISTS secrets_expires_at ON secrets (expires_at);
";

/// What every tombstone loses in the same write that makes it.
const DROP_PAYLOAD: &str = "sealed = NULL, server_nonce = NULL, wrapped_key = NULL, \
     key_ref = NULL, link_verifier = NULL, reveal_verifier = NULL";

#[derive(Debug, Clone)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
}

impl SqliteStore {
    /// Opens (or creates) `<data_dir>/secrets.db`.
    pub fn open(data_dir: &Path) -> Result<Self, StoreError> {
        let conn = Connection::open(data_dir.join(DATABASE_FILE)).map_err(internal)?;
        Self::init(conn)
    }

    /// A private in-memory database (tests).
    pub fn in_memory() -> Result<Self, StoreError> {
        Self::init(Connection::open_in_memory().map_err(internal)?)
    }

    fn init(conn: Connection) -> Result<Self, StoreError> {
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = FULL;
             PRAGMA secure_delete = ON;
             PRAGMA busy_timeout = 5000;",
        )
        .map_err(internal)?;
        conn.execute_batch(SCHEMA).map_err(internal)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` on the connection off the async runtime.
    async fn run<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            let conn = conn
                .lock()
                .map_err(|_| StoreError::Internal("connection mutex poisoned".into()))?;
            f(&conn)
        })
        .await
        .map_err(|e| StoreError::Internal(format!("store task failed: {e}")))?
    }

    /// Runs a conditional `UPDATE`: one changed row is `Done`, none a conflict.
    async fn update_if(
        &self,
        sql: String,
        params: Vec<rusqlite::types::Value>,
    ) -> Result<bool, StoreError> {
        self.run(move |conn| {
            let changed = conn
                .execute(&sql, rusqlite::params_from_iter(params))
                .map_err(classify)?;
            Ok(changed == 1)
        })
        .await
    }
}

fn internal(e: rusqlite::Error) -> StoreError {
    StoreError::Internal(e.to_string())
}

fn classify(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            StoreError::Unavailable(e.to_string())
        }
        Some(ErrorCode::ConstraintViolation) => StoreError::AlreadyExists,
        _ => internal(e),
    }
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(what.to_owned())
}

fn verifier(bytes: Option<Vec<u8>>) -> Result<Option<Verifier>, StoreError> {
    bytes
        .map(|b| Verifier::from_slice(&b).map_err(|_| corrupt("verifier length")))
        .transpose()
}

fn read_record(row: &Row<'_>) -> rusqlite::Result<Result<Record, StoreError>> {
    let id: String = row.get("id")?;
    let state: String = row.get("state")?;
    let sealed: Option<Vec<u8>> = row.get("sealed")?;
    let nonce: Option<Vec<u8>> = row.get("server_nonce")?;
    let wrapped: Option<Vec<u8>> = row.get("wrapped_key")?;
    let key_ref: Option<String> = row.get("key_ref")?;
    let link: Option<Vec<u8>> = row.get("link_verifier")?;
    let reveal: Option<Vec<u8>> = row.get("reveal_verifier")?;
    let manage: Vec<u8> = row.get("manage_verifier")?;
    let salt: Option<Vec<u8>> = row.get("kdf_salt")?;
    let (m, t, p): (Option<u32>, Option<u32>, Option<u32>) =
        (row.get("kdf_m_kib")?, row.get("kdf_t")?, row.get("kdf_p")?);
    let created_at: i64 = row.get("created_at")?;
    let expires_at: i64 = row.get("expires_at")?;
    let views_left: u32 = row.get("views_left")?;
    let failed_attempts: u32 = row.get("failed_attempts")?;
    let revealed_at: Option<i64> = row.get("revealed_at")?;
    Ok((|| {
        let payload = match (sealed, nonce, wrapped, key_ref) {
            (Some(sealed), Some(nonce), Some(wrapped_key), Some(key_ref)) => Some(SealedBlob {
                sealed,
                nonce: nonce.try_into().map_err(|_| corrupt("nonce length"))?,
                wrapped_key,
                key_ref,
            }),
            (None, None, None, None) => None,
            _ => return Err(corrupt("partial payload")),
        };
        let kdf = match (salt, m, t, p) {
            (Some(salt), Some(m), Some(t), Some(p)) => Some(
                KdfParams::new(salt.try_into().map_err(|_| corrupt("kdf salt"))?, m, t, p)
                    .map_err(|_| corrupt("kdf parameters"))?,
            ),
            (None, None, None, None) => None,
            _ => return Err(corrupt("partial kdf")),
        };
        Ok(Record {
            id: SecretId::parse(&id).map_err(|_| corrupt("id"))?,
            state: State::parse(&state).ok_or_else(|| corrupt("state"))?,
            payload,
            link_verifier: verifier(link)?,
            reveal_verifier: verifier(reveal)?,
            manage_verifier: verifier(Some(manage))?.ok_or_else(|| corrupt("manage"))?,
            kdf,
            created_at,
            expires_at,
            views_left,
            failed_attempts,
            revealed_at,
        })
    })())
}

#[async_trait]
impl SecretStore for SqliteStore {
    async fn insert(&self, r: &Record) -> Result<(), StoreError> {
        let r = r.clone();
        self.run(move |conn| {
            let p = r.payload.as_ref().ok_or_else(|| corrupt("insert without payload"))?;
            let v = |v: &Option<Verifier>| v.map(|v| v.as_bytes().to_vec());
            conn.execute(
                "INSERT INTO secrets (id, state, sealed, server_nonce, wrapped_key, key_ref,
                    link_verifier, reveal_verifier, manage_verifier,
                    kdf_salt, kdf_m_kib, kdf_t, kdf_p,
                    created_at, expires_at, views_left, failed_attempts, revealed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                params![
                    r.id.to_string(),
                    r.state.as_str(),
                    p.sealed,
                    p.nonce.to_vec(),
                    p.wrapped_key,
                    p.key_ref,
                    v(&r.link_verifier),
                    v(&r.reveal_verifier),
                    r.manage_verifier.as_bytes().to_vec(),
                    r.kdf.as_ref().map(|k| k.salt().to_vec()),
                    r.kdf.as_ref().map(|k| k.m_kib()),
                    r.kdf.as_ref().map(|k| k.t()),
                    r.kdf.as_ref().map(|k| k.p()),
                    r.created_at,
                    r.expires_at,
                    r.views_left,
                    r.failed_attempts,
                    r.revealed_at,
                ],
            )
            .map_err(classify)?;
            Ok(())
        })
        .await
    }

    async fn get(&self, id: &SecretId) -> Result<Option<Record>, StoreError> {
        let id = id.to_string();
        self.run(move |conn| {
            conn.query_row("SELECT * FROM secrets WHERE id = ?1", [id], read_record)
                .optional()
                .map_err(classify)?
                .transpose()
        })
        .await
    }

    async fn take_view(
        &self,
        id: &SecretId,
        views_left: u32,
        now: i64,
    ) -> Result<Outcome<u32>, StoreError> {
        let last = views_left == 1;
        let sql = format!(
            "UPDATE secrets SET views_left = ?2 - 1, revealed_at = COALESCE(revealed_at, ?3){}
             WHERE id = ?1 AND state = 'waiting' AND views_left = ?2 AND expires_at > ?3",
            if last {
                format!(", state = 'revealed', {DROP_PAYLOAD}")
            } else {
                String::new()
            }
        );
        let done = self
            .update_if(
                sql,
                vec![id.to_string().into(), views_left.into(), now.into()],
            )
            .await?;
        Ok(if done {
            Outcome::Done(views_left - 1)
        } else {
            Outcome::Conflict
        })
    }

    async fn record_failure(
        &self,
        id: &SecretId,
        failed_attempts: u32,
        limit: u32,
        now: i64,
    ) -> Result<Outcome<Failure>, StoreError> {
        let failed = failed_attempts + 1;
        let locks = failed >= limit;
        let sql = format!(
            "UPDATE secrets SET failed_attempts = ?2 + 1{}
             WHERE id = ?1 AND state = 'waiting' AND failed_attempts = ?2 AND expires_at > ?3",
            if locks {
                format!(", state = 'locked', {DROP_PAYLOAD}")
            } else {
                String::new()
            }
        );
        let done = self
            .update_if(
                sql,
                vec![id.to_string().into(), failed_attempts.into(), now.into()],
            )
            .await?;
        Ok(match (done, locks) {
            (false, _) => Outcome::Conflict,
            (true, true) => Outcome::Done(Failure::Locked),
            (true, false) => Outcome::Done(Failure::Counted {
                failed_attempts: failed,
            }),
        })
    }

    async fn burn(&self, id: &SecretId, now: i64) -> Result<Outcome<()>, StoreError> {
        let sql = format!(
            "UPDATE secrets SET state = 'burned', {DROP_PAYLOAD}
             WHERE id = ?1 AND state = 'waiting' AND expires_at > ?2"
        );
        let done = self
            .update_if(sql, vec![id.to_string().into(), now.into()])
            .await?;
        Ok(if done {
            Outcome::Done(())
        } else {
            Outcome::Conflict
        })
    }

    async fn sweep_expired(&self, now: i64) -> Result<u64, StoreError> {
        self.run(move |conn| {
            let deleted = conn
                .execute("DELETE FROM secrets WHERE expires_at <= ?1", [now])
                .map_err(classify)?;
            // Old page images in the WAL still hold what was just deleted.
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                .map_err(classify)?;
            Ok(deleted as u64)
        })
        .await
    }
}
