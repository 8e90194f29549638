//! The tables, and the mapping between their rows and [`Record`]s.
//!
//! A secret is two rows: its row in `secrets` (state, counters, times: what
//! a receipt needs, kept until expiry) and its `payloads` row (the sealed
//! blob, its wrapped key, the link and reveal verifiers), which lives only
//! while the secret is waiting. Triggers delete the payload in the same
//! statement that ends the wait or deletes the secret, so no code path can
//! leave one behind. Kept apart, a tombstone is a small row, and a
//! payload's pages go back to the free list when it is deleted: with the
//! payload in the secret's own row, every revealed secret left ~470 unused
//! bytes behind in pages a rowid table never fills again, and the file and
//! each checkpoint grew with every pair (docs/BENCHMARKS.md).

use rusqlite::{ErrorCode, Row};
use sdo_shared::api::State;
use sdo_shared::kdf::KdfParams;
use sdo_shared::secret::{SecretId, Verifier};

use crate::store::{Record, SealedBlob, StoreError};

/// The layout [`SCHEMA`] makes, in `PRAGMA user_version`. 0 is a new file
/// or the first layout (the payload in the secret's row), which
/// [`super::migrate`] moves to this one.
pub(super) const LAYOUT_VERSION: i64 = 2;

pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS secrets (
    n               INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    state           TEXT NOT NULL,
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
CREATE TABLE IF NOT EXISTS payloads (
    n               INTEGER PRIMARY KEY,
    sealed          BLOB NOT NULL,
    server_nonce    BLOB NOT NULL,
    wrapped_key     BLOB NOT NULL,
    key_ref         TEXT NOT NULL,
    link_verifier   BLOB,
    reveal_verifier BLOB
) STRICT;
CREATE TRIGGER IF NOT EXISTS payload_ends_with_the_wait
    AFTER UPDATE OF state ON secrets WHEN NEW.state != 'waiting'
    BEGIN DELETE FROM payloads WHERE n = NEW.n; END;
-- Never INSERT OR REPLACE into secrets: the rows REPLACE deletes fire no
-- trigger (recursive_triggers is off), and a payload left behind would
-- meet the next secret given the same n.
CREATE TRIGGER IF NOT EXISTS payload_goes_with_its_secret
    AFTER DELETE ON secrets
    BEGIN DELETE FROM payloads WHERE n = OLD.n; END;
CREATE VIEW IF NOT EXISTS secret_records AS
    SELECT s.id, s.state, p.sealed, p.server_nonce, p.wrapped_key, p.key_ref,
        p.link_verifier, p.reveal_verifier, s.manage_verifier,
        s.kdf_salt, s.kdf_m_kib, s.kdf_t, s.kdf_p,
        s.created_at, s.expires_at, s.views_left, s.failed_attempts, s.revealed_at
    FROM secrets s LEFT JOIN payloads p ON p.n = s.n;
-- One INSERT makes both rows, so a secret is written whole or not at all.
CREATE TRIGGER IF NOT EXISTS insert_secret_record
    INSTEAD OF INSERT ON secret_records
    BEGIN
        INSERT INTO secrets (id, state, manage_verifier, kdf_salt, kdf_m_kib, kdf_t, kdf_p,
            created_at, expires_at, views_left, failed_attempts, revealed_at)
        VALUES (NEW.id, NEW.state, NEW.manage_verifier,
            NEW.kdf_salt, NEW.kdf_m_kib, NEW.kdf_t, NEW.kdf_p,
            NEW.created_at, NEW.expires_at, NEW.views_left, NEW.failed_attempts, NEW.revealed_at);
        INSERT INTO payloads (n, sealed, server_nonce, wrapped_key, key_ref,
            link_verifier, reveal_verifier)
        VALUES ((SELECT n FROM secrets WHERE id = NEW.id), NEW.sealed, NEW.server_nonce,
            NEW.wrapped_key, NEW.key_ref, NEW.link_verifier, NEW.reveal_verifier);
    END;
CREATE TABLE IF NOT EXISTS requests (
    id             TEXT PRIMARY KEY NOT NULL,
    state          TEXT NOT NULL,
    inbox_verifier BLOB NOT NULL,
    fill_verifier  BLOB NOT NULL,
    wrapped_key    BLOB,
    key_ref        TEXT,
    note           BLOB,
    note_nonce     BLOB,
    fill           BLOB,
    fill_nonce     BLOB,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    filled_at      INTEGER,
    collected_at   INTEGER
) STRICT;
CREATE INDEX IF NOT EXISTS requests_expires_at ON requests (expires_at);
CREATE TABLE IF NOT EXISTS settings (
    name  TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
";

/// Whether the store holds any record, secret or request (so its master
/// key matters).
pub(super) const HAS_RECORDS: &str =
    "SELECT EXISTS (SELECT 1 FROM secrets) OR EXISTS (SELECT 1 FROM requests)";

pub(super) fn internal(e: rusqlite::Error) -> StoreError {
    StoreError::Internal(e.to_string())
}

pub(super) fn classify(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            StoreError::Unavailable(e.to_string())
        }
        Some(ErrorCode::ConstraintViolation) => StoreError::AlreadyExists,
        _ => internal(e),
    }
}

pub(super) fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(what.to_owned())
}

pub(super) fn verifier(bytes: Option<Vec<u8>>) -> Result<Option<Verifier>, StoreError> {
    bytes
        .map(|b| Verifier::from_slice(&b).map_err(|_| corrupt("verifier length")))
        .transpose()
}

/// One secret's row, in the column order [`read_record`] reads by index
/// (looking every name up cost more than reading the row).
pub(super) const SELECT_SECRET: &str = "SELECT id, state, sealed, server_nonce, wrapped_key, \
     key_ref, link_verifier, reveal_verifier, manage_verifier, kdf_salt, kdf_m_kib, kdf_t, \
     kdf_p, created_at, expires_at, views_left, failed_attempts, revealed_at \
     FROM secret_records WHERE id = ?1";

/// A row of [`SELECT_SECRET`].
pub(super) fn read_record(row: &Row<'_>) -> rusqlite::Result<Result<Record, StoreError>> {
    let id: String = row.get(0)?;
    let state: String = row.get(1)?;
    let sealed: Option<Vec<u8>> = row.get(2)?;
    let nonce: Option<Vec<u8>> = row.get(3)?;
    let wrapped: Option<Vec<u8>> = row.get(4)?;
    let key_ref: Option<String> = row.get(5)?;
    let link: Option<Vec<u8>> = row.get(6)?;
    let reveal: Option<Vec<u8>> = row.get(7)?;
    let manage: Vec<u8> = row.get(8)?;
    let salt: Option<Vec<u8>> = row.get(9)?;
    let (m, t, p): (Option<u32>, Option<u32>, Option<u32>) =
        (row.get(10)?, row.get(11)?, row.get(12)?);
    let created_at: i64 = row.get(13)?;
    let expires_at: i64 = row.get(14)?;
    let views_left: u32 = row.get(15)?;
    let failed_attempts: u32 = row.get(16)?;
    let revealed_at: Option<i64> = row.get(17)?;
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

#[cfg(test)]
mod tests {
    use rusqlite::StatementStatus;

    use super::super::{Durability, connect, migrate};

    /// A cached statement must stay prepared while another connection
    /// writes: re-planning every read cost over a quarter of the server's CPU.
    #[test]
    fn cached_reads_are_not_prepared_again_after_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secrets.db");
        let write = connect(&path, Durability::Normal).unwrap();
        migrate::prepare(&write).unwrap();
        let read = connect(&path, Durability::Normal).unwrap();
        for i in 0..20 {
            write
                .execute(
                    "INSERT INTO secret_records (id, state, sealed, server_nonce, wrapped_key,
                         key_ref, manage_verifier, created_at, expires_at, views_left,
                         failed_attempts)
                     VALUES (?1, 'waiting', x'00', x'00', x'00', 'k', x'00', 1, 2, 1, 0)",
                    [format!("id{i}")],
                )
                .unwrap();
            if i % 2 == 0 {
                write
                    .execute(
                        "UPDATE secrets SET state = 'revealed' WHERE id = ?1",
                        [format!("id{i}")],
                    )
                    .unwrap();
            }
            let mut statement = read.prepare_cached(super::SELECT_SECRET).unwrap();
            let sealed: Option<Vec<u8>> = statement
                .query_row([format!("id{i}")], |row| row.get(2))
                .unwrap();
            assert_eq!(sealed.is_some(), i % 2 == 1);
        }
        let statement = read.prepare_cached(super::SELECT_SECRET).unwrap();
        assert_eq!(statement.get_status(StatementStatus::RePrepare), 0);
    }
}
