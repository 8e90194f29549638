//! The database as a master-key rotation sees it (`keys::rotate`): one
//! connection of its own, with no writer thread, because the rotation runs
//! alone (it holds the data directory's lock) and is synchronous. Each
//! rewrap is one statement in its own transaction, fsynced
//! (`synchronous = FULL` whatever the server is run with), so a kill -9
//! loses at most the record in flight, which then still names its old key.
//!
//! Settings: `master_key_ref` is the key the store was sealed under;
//! `master_key_next_ref`, present only while a rotation is unfinished, is
//! the key it is moving records to. Each record's own `key_ref` says which
//! of the two wrapped its data key.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use super::schema::{self, classify};
use super::{DATABASE_FILE, Durability, connect, migrate, writer};
use crate::store::StoreError;

const NEXT: &str = "master_key_next_ref";

/// One record's wrapped data key, as stored.
#[derive(Debug, Clone)]
pub struct WrappedKey {
    /// Whether the record is a secret request (`requests`), not a secret:
    /// its data key is bound to another context.
    pub request: bool,
    pub id: String,
    pub wrapped_key: Vec<u8>,
    pub key_ref: String,
}

#[derive(Debug)]
pub struct RotationDb {
    conn: Connection,
}

pub(super) fn rotating_to(conn: &Connection) -> Result<Option<String>, StoreError> {
    conn.query_row(
        "SELECT value FROM settings WHERE name = ?1",
        [NEXT],
        |row| row.get(0),
    )
    .optional()
    .map_err(classify)
}

impl RotationDb {
    /// Opens (or creates) `<data_dir>/secrets.db`, with the same checks as
    /// the server.
    pub fn open(data_dir: &Path) -> Result<Self, StoreError> {
        let conn = connect(&data_dir.join(DATABASE_FILE), Durability::Full)?;
        migrate::prepare(&conn)?;
        Ok(Self { conn })
    }

    /// The recorded master key, if any.
    pub fn master_key_ref(&self) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row(
                "SELECT value FROM settings WHERE name = 'master_key_ref'",
                [],
                |row| row.get(0),
            )
            .optional()
            .map_err(classify)
    }

    /// The key an unfinished rotation is moving records to.
    pub fn rotating_to(&self) -> Result<Option<String>, StoreError> {
        rotating_to(&self.conn)
    }

    pub fn has_records(&self) -> Result<bool, StoreError> {
        self.conn
            .query_row(schema::HAS_RECORDS, [], |row| row.get(0))
            .map_err(classify)
    }

    /// Records that a rotation to `next_ref` has begun: from here on a
    /// record may be wrapped under either key.
    pub fn start(&self, next_ref: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO settings (name, value) VALUES (?1, ?2)",
                params![NEXT, next_ref],
            )
            .map(drop)
            .map_err(classify)
    }

    /// Up to `limit` records, secrets and requests, whose data key is not
    /// wrapped under `key_ref` (tombstones have none), in id order.
    pub fn not_under(&self, key_ref: &str, limit: usize) -> Result<Vec<WrappedKey>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT 0, s.id, p.wrapped_key, p.key_ref
                 FROM payloads p JOIN secrets s ON s.n = p.n
                 WHERE p.key_ref != ?1
                 UNION ALL
                 SELECT 1, id, wrapped_key, key_ref FROM requests
                 WHERE key_ref IS NOT NULL AND key_ref != ?1
                 ORDER BY 2 LIMIT ?2",
            )
            .map_err(classify)?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt
            .query_map(params![key_ref, limit], |row| {
                Ok(WrappedKey {
                    request: row.get(0)?,
                    id: row.get(1)?,
                    wrapped_key: row.get(2)?,
                    key_ref: row.get(3)?,
                })
            })
            .map_err(classify)?;
        rows.collect::<Result<_, _>>().map_err(classify)
    }

    /// Replaces one record's wrapped key, in its own transaction, if it is
    /// still the one that was read; whether it was.
    pub fn rewrap(
        &self,
        old: &WrappedKey,
        wrapped_key: &[u8],
        key_ref: &str,
    ) -> Result<bool, StoreError> {
        // A secret's key is in its payload row, found through its id.
        let sql = if old.request {
            "UPDATE requests SET wrapped_key = ?1, key_ref = ?2
             WHERE id = ?3 AND key_ref = ?4 AND wrapped_key = ?5"
        } else {
            "UPDATE payloads SET wrapped_key = ?1, key_ref = ?2
             WHERE n = (SELECT n FROM secrets WHERE id = ?3) AND key_ref = ?4 AND wrapped_key = ?5"
        };
        self.conn
            .execute(
                sql,
                params![wrapped_key, key_ref, old.id, old.key_ref, old.wrapped_key],
            )
            .map(|n| n == 1)
            .map_err(classify)
    }

    /// How many records each master key wraps (progress; tests).
    pub fn count_by_key(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT key_ref, COUNT(*) FROM (
                     SELECT key_ref FROM payloads
                     UNION ALL
                     SELECT key_ref FROM requests WHERE key_ref IS NOT NULL)
                 GROUP BY key_ref ORDER BY key_ref",
            )
            .map_err(classify)?;
        let rows = stmt
            .query_map([], |row| {
                Ok((row.get(0)?, row.get::<_, i64>(1)?.unsigned_abs()))
            })
            .map_err(classify)?;
        rows.collect::<Result<_, _>>().map_err(classify)
    }

    /// Truncates the WAL, so old page images (wrapped under the key about to
    /// be deleted) do not linger there.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        writer::checkpoint(&self.conn)
    }

    /// Records `key_ref` as the store's master key and the rotation as
    /// over, in one transaction.
    pub fn finish(&mut self, key_ref: &str) -> Result<(), StoreError> {
        let tx = self.conn.transaction().map_err(classify)?;
        tx.execute(
            "INSERT OR REPLACE INTO settings (name, value) VALUES ('master_key_ref', ?1)",
            [key_ref],
        )
        .map_err(classify)?;
        tx.execute("DELETE FROM settings WHERE name = ?1", [NEXT])
            .map_err(classify)?;
        tx.commit().map_err(classify)
    }
}
