//! The embedded default store: one SQLite file in the data directory.
//!
//! WAL, so reads never wait for writes; `secure_delete`, so a deleted
//! payload's bytes are overwritten in the database file; a `TRUNCATE`
//! checkpoint on its own timer and after every sweep, so old page images do
//! not linger in the WAL. Reads use connections of their own ([`readers`]);
//! writes go through the group-commit [`writer`], one thread that owns the
//! write connection.

mod migrate;
mod readers;
mod requests;
mod rotation;
mod schema;
mod writer;

use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::time::Duration;

use async_trait::async_trait;
use rusqlite::config::DbConfig;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};
use sdo_shared::secret::{SecretId, Verifier};

use self::readers::Readers;
use self::schema::{classify, corrupt, internal, read_record};
use self::writer::{Writer, WriterOptions};
use super::{Failure, OpId, Outcome, Record, RequestStore, SecretStore, StoreError};
pub use rotation::{RotationDb, WrappedKey};

pub const DATABASE_FILE: &str = "secrets.db";

/// When a commit reaches the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Durability {
    /// Every commit is fsynced: a taken view or a burn survives a power cut.
    #[default]
    Full,
    /// Commits survive a crash of the server but the last ones may roll back
    /// on a power cut or kernel panic (a burned secret could come back).
    Normal,
}

/// How the store is run; `SqliteOptions::new(sync)` has the defaults.
#[derive(Debug, Clone, Copy)]
pub struct SqliteOptions {
    pub sync: Durability,
    /// Writes that may wait for the writer thread before more get 503.
    pub queue_bound: usize,
    /// How often the WAL is truncated (when written since); `None`: only
    /// after a sweep.
    pub checkpoint_every: Option<Duration>,
}

impl SqliteOptions {
    pub fn new(sync: Durability) -> Self {
        Self {
            sync,
            queue_bound: 4096,
            checkpoint_every: Some(Duration::from_secs(5)),
        }
    }
}

#[derive(Debug, Clone)]
pub struct SqliteStore {
    readers: Readers,
    writer: Writer,
}

impl SqliteStore {
    /// Opens (or creates) `<data_dir>/secrets.db` with the default options.
    pub fn open(data_dir: &Path, sync: Durability) -> Result<Self, StoreError> {
        Self::open_with(data_dir, SqliteOptions::new(sync))
    }

    /// Opens (or creates) `<data_dir>/secrets.db`.
    pub fn open_with(data_dir: &Path, options: SqliteOptions) -> Result<Self, StoreError> {
        let path = data_dir.join(DATABASE_FILE);
        let connect = || connect(&path, options.sync);
        let write = connect()?;
        migrate::prepare(&write)?;
        let reads = (0..readers::count())
            .map(|_| {
                let read = connect()?;
                read.set_prepared_statement_cache_capacity(writer::STATEMENT_CACHE);
                Ok(read)
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Self {
            readers: Readers::new(reads),
            writer: Writer::start(
                write,
                WriterOptions {
                    queue_bound: options.queue_bound.max(1),
                    checkpoint_every: options.checkpoint_every,
                },
            )?,
        })
    }

    /// Writes waiting for the writer thread (a gauge for operators).
    pub fn queue_depth(&self) -> usize {
        self.writer.queue_depth()
    }

    /// One read on a reader connection ([`readers`]).
    async fn read<T: Send + 'static>(
        &self,
        query: impl FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        self.readers.read(query).await
    }

    /// A conditional write: one changed row is `Done`, none a conflict.
    async fn update_if(&self, sql: String, params: Vec<Value>) -> Result<Outcome<()>, StoreError> {
        Ok(match self.writer.execute(sql, params).await? {
            1 => Outcome::Done(()),
            _ => Outcome::Conflict,
        })
    }
}

/// A connection to the database at `path` (created 0600 if missing; an
/// existing file others can read is refused, like the master key) in WAL
/// mode with `secure_delete`.
fn connect(path: &Path, sync: Durability) -> Result<Connection, StoreError> {
    // Only the server's user may read the database, whatever the umask.
    let failed = |e: std::io::Error| StoreError::Internal(format!("{}: {e}", path.display()));
    let file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        // Made here (never through a link): if root made it, for a
        // rotation, it belongs to the directory's owner, the service.
        Ok(created) => {
            crate::owner::give_to_dir_owner(&created, path).map_err(failed)?;
            created
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .map_err(failed)?,
        Err(e) => return Err(failed(e)),
    };
    let mode = file
        .metadata()
        .map_err(|e| StoreError::Internal(format!("{}: {e}", path.display())))?
        .permissions()
        .mode()
        & 0o777;
    if mode & 0o077 != 0 {
        return Err(StoreError::Internal(format!(
            "{path} is readable by group or others (mode {mode:o}); \
             run `chmod 600 {path}` and start again",
            path = path.display()
        )));
    }
    let synchronous = match sync {
        Durability::Full => "FULL",
        Durability::Normal => "NORMAL",
    };
    let conn = Connection::open(path).map_err(internal)?;
    conn.execute_batch(&format!(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = {synchronous};
         PRAGMA secure_delete = ON;
         PRAGMA busy_timeout = 5000;"
    ))
    .map_err(internal)?;
    // Plans fixed at prepare time. In a join (a secret's two rows) the
    // planner looks at the value bound to `id = ?1`, which marks the
    // statement to be prepared again whenever its bindings change, and
    // rusqlite clears them as a cached statement goes back to the cache:
    // every read was parsed and planned again, over a quarter of the
    // server's CPU (docs/BENCHMARKS.md).
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
        .map_err(internal)?;
    Ok(conn)
}

fn blob(bytes: &[u8]) -> Value {
    Value::Blob(bytes.to_vec())
}

fn opt<T: Into<Value>>(value: Option<T>) -> Value {
    value.map_or(Value::Null, Into::into)
}

fn verifier(v: &Option<Verifier>) -> Value {
    opt(v.map(|v| v.as_bytes().to_vec()))
}

#[async_trait]
impl SecretStore for SqliteStore {
    async fn insert(&self, r: &Record) -> Result<(), StoreError> {
        let p = r
            .payload
            .as_ref()
            .ok_or_else(|| corrupt("insert without payload"))?;
        let kdf = r.kdf.as_ref();
        let params = vec![
            r.id.to_string().into(),
            r.state.as_str().to_owned().into(),
            blob(&p.sealed),
            blob(&p.nonce),
            blob(&p.wrapped_key),
            p.key_ref.clone().into(),
            verifier(&r.link_verifier),
            verifier(&r.reveal_verifier),
            blob(r.manage_verifier.as_bytes()),
            opt(kdf.map(|k| k.salt().to_vec())),
            opt(kdf.map(|k| k.m_kib())),
            opt(kdf.map(|k| k.t())),
            opt(kdf.map(|k| k.p())),
            r.created_at.into(),
            r.expires_at.into(),
            r.views_left.into(),
            r.failed_attempts.into(),
            opt(r.revealed_at),
        ];
        let sql = "INSERT INTO secret_records (id, state, sealed, server_nonce, wrapped_key, key_ref,
                link_verifier, reveal_verifier, manage_verifier,
                kdf_salt, kdf_m_kib, kdf_t, kdf_p,
                created_at, expires_at, views_left, failed_attempts, revealed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";
        self.writer.execute(sql.to_owned(), params).await.map(drop)
    }

    async fn get(&self, id: &SecretId) -> Result<Option<Record>, StoreError> {
        let id = id.to_string();
        self.read(move |conn| {
            conn.prepare_cached(schema::SELECT_SECRET)
                .and_then(|mut statement| statement.query_row([id], read_record))
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
        // One transaction either commits or not: nothing to recognise later.
        _op: &OpId,
    ) -> Result<Outcome<u32>, StoreError> {
        // Leaving 'waiting' deletes the payload in the same statement
        // (a trigger: schema.rs); so does locking and burning below.
        let last = if views_left == 1 {
            ", state = 'revealed'"
        } else {
            ""
        };
        let sql = format!(
            "UPDATE secrets SET views_left = ?2 - 1, revealed_at = COALESCE(revealed_at, ?3){last}
             WHERE id = ?1 AND state = 'waiting' AND views_left = ?2 AND expires_at > ?3"
        );
        let params = vec![id.to_string().into(), views_left.into(), now.into()];
        Ok(self
            .update_if(sql, params)
            .await?
            .then(views_left.saturating_sub(1)))
    }

    async fn record_failure(
        &self,
        id: &SecretId,
        failed_attempts: u32,
        limit: u32,
        now: i64,
        _op: &OpId,
    ) -> Result<Outcome<Failure>, StoreError> {
        let lock = if Failure::locks(failed_attempts, limit) {
            ", state = 'locked'"
        } else {
            ""
        };
        let sql = format!(
            "UPDATE secrets SET failed_attempts = ?2 + 1{lock}
             WHERE id = ?1 AND state = 'waiting' AND failed_attempts = ?2 AND expires_at > ?3"
        );
        let params = vec![id.to_string().into(), failed_attempts.into(), now.into()];
        let written = self.update_if(sql, params).await?;
        Ok(Failure::after(written, failed_attempts, limit))
    }

    async fn burn(&self, id: &SecretId, now: i64, _op: &OpId) -> Result<Outcome<()>, StoreError> {
        let sql = "UPDATE secrets SET state = 'burned'
             WHERE id = ?1 AND state = 'waiting' AND expires_at > ?2";
        self.update_if(sql.into(), vec![id.to_string().into(), now.into()])
            .await
    }

    async fn sweep_expired(&self, now: i64) -> Result<u64, StoreError> {
        let deleted = self
            .writer
            .execute(
                "DELETE FROM secrets WHERE expires_at <= ?1".into(),
                vec![now.into()],
            )
            .await?;
        // Old page images in the WAL still hold what was just deleted.
        self.writer.checkpoint().await?;
        Ok(deleted as u64)
    }

    async fn master_key_ref(&self) -> Result<Option<String>, StoreError> {
        self.read(|conn| {
            conn.query_row(
                "SELECT value FROM settings WHERE name = 'master_key_ref'",
                [],
                |row| row.get(0),
            )
            .optional()
            .map_err(classify)
        })
        .await
    }

    async fn rotating_to(&self) -> Result<Option<String>, StoreError> {
        self.read(rotation::rotating_to).await
    }

    async fn record_master_key(&self, key_ref: &str) -> Result<(), StoreError> {
        let sql = "INSERT OR IGNORE INTO settings (name, value) VALUES ('master_key_ref', ?1)";
        self.writer
            .execute(sql.into(), vec![key_ref.to_owned().into()])
            .await
            .map(drop)
    }

    async fn has_records(&self) -> Result<bool, StoreError> {
        self.read(|conn| {
            conn.query_row(schema::HAS_RECORDS, [], |row| row.get(0))
                .map_err(classify)
        })
        .await
    }

    fn requests(&self) -> Option<&dyn RequestStore> {
        Some(self)
    }

    fn queue_depth(&self) -> Option<usize> {
        Some(self.writer.queue_depth())
    }
}
