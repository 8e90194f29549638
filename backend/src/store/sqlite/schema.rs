//! The table, and the mapping between its rows and [`Record`]s.

use rusqlite::{ErrorCode, Row};
use sdo_shared::api::State;
use sdo_shared::kdf::KdfParams;
use sdo_shared::secret::{SecretId, Verifier};

use crate::store::{Record, SealedBlob, StoreError};

pub(super) const SCHEMA: &str = "
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

/// What every tombstone loses in the same write that makes it.
pub(super) const DROP_PAYLOAD: &str = "sealed = NULL, server_nonce = NULL, wrapped_key = NULL, \
     key_ref = NULL, link_verifier = NULL, reveal_verifier = NULL";

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
     FROM secrets WHERE id = ?1";

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
