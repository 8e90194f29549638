//! Brings a database file to [`LAYOUT_VERSION`] before anything reads it:
//! a new file gets the schema; a file of the first layout (the payload in
//! the secret's row) is moved to the current one in one transaction, so a
//! crash mid-way leaves the old layout whole and the next start does it
//! again. A file from a newer server is refused rather than misread.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::schema::{LAYOUT_VERSION, SCHEMA, internal};
use super::writer::checkpoint;
use crate::store::StoreError;

/// The first layout's secrets, renamed out of the way while they are copied.
const FIRST_LAYOUT: &str = "secrets_layout_1";
/// A first-layout row whose payload is all there.
const WHOLE: &str = "sealed IS NOT NULL AND server_nonce IS NOT NULL \
     AND wrapped_key IS NOT NULL AND key_ref IS NOT NULL";

pub(super) fn prepare(conn: &Connection) -> Result<(), StoreError> {
    // The write lock before the version is read: nothing else can change
    // the layout in between (the data directory's lock already keeps one
    // process per file; this does not rely on it).
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate).map_err(internal)?;
    let version: i64 = tx
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(internal)?;
    match version {
        LAYOUT_VERSION => tx.execute_batch(SCHEMA).map_err(internal)?,
        0 if has_first_layout(&tx)? => {
            let broken = from_first_layout(&tx).map_err(|e| {
                StoreError::Internal(format!(
                    "moving the database to layout {LAYOUT_VERSION} failed, and it is \
                     unchanged: {e}"
                ))
            })?;
            tx.commit().map_err(internal)?;
            tracing::info!(
                layout = LAYOUT_VERSION,
                "moved the database to the current layout (payloads in a table of their own)"
            );
            if broken > 0 {
                tracing::warn!(
                    secrets = broken,
                    "waiting secrets whose stored payload was already incomplete stay unreadable"
                );
            }
            // The WAL still holds the first layout's pages, payloads included.
            checkpoint(conn)?;
            return Ok(());
        }
        0 => tx
            .execute_batch(&format!("{SCHEMA} PRAGMA user_version = {LAYOUT_VERSION};"))
            .map_err(internal)?,
        newer if newer > LAYOUT_VERSION => {
            return Err(StoreError::Internal(format!(
                "the database's layout is version {newer}, newer than this server's \
                 ({LAYOUT_VERSION}); run the sdo-server that wrote it, or a newer one"
            )));
        }
        unknown => {
            return Err(StoreError::Internal(format!(
                "the database's layout version {unknown} is not one any sdo-server wrote"
            )));
        }
    }
    tx.commit().map_err(internal)
}

/// Whether `secrets` exists with its payload columns in it.
fn has_first_layout(conn: &Connection) -> Result<bool, StoreError> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info('secrets') WHERE name = 'sealed')",
        [],
        |row| row.get(0),
    )
    .map_err(internal)
}

/// Every secret keeps its id, state, counters and times; a waiting one's
/// payload moves to `payloads`. A waiting row whose payload is not whole
/// (no server writes one) stays what it was, unreadable: it is counted in
/// the log, and the others move. With `secure_delete` on, the dropped
/// table's pages are overwritten; the caller then truncates the WAL, which
/// still holds their earlier images.
fn from_first_layout(conn: &Connection) -> Result<u64, StoreError> {
    conn.execute_batch(&format!(
        "DROP INDEX IF EXISTS secrets_expires_at;
         ALTER TABLE secrets RENAME TO {FIRST_LAYOUT};
         {SCHEMA}
         INSERT INTO secrets (id, state, manage_verifier, kdf_salt, kdf_m_kib, kdf_t, kdf_p,
             created_at, expires_at, views_left, failed_attempts, revealed_at)
         SELECT id, state, manage_verifier, kdf_salt, kdf_m_kib, kdf_t, kdf_p,
             created_at, expires_at, views_left, failed_attempts, revealed_at
         FROM {FIRST_LAYOUT} ORDER BY rowid;
         INSERT INTO payloads (n, sealed, server_nonce, wrapped_key, key_ref,
             link_verifier, reveal_verifier)
         SELECT s.n, old.sealed, old.server_nonce, old.wrapped_key, old.key_ref,
             old.link_verifier, old.reveal_verifier
         FROM {FIRST_LAYOUT} old JOIN secrets s ON s.id = old.id
         WHERE old.state = 'waiting' AND {WHOLE};"
    ))
    .map_err(internal)?;
    let broken: i64 = conn
        .query_row(
            &format!("SELECT COUNT(*) FROM {FIRST_LAYOUT} WHERE state = 'waiting' AND NOT {WHOLE}"),
            [],
            |row| row.get(0),
        )
        .map_err(internal)?;
    conn.execute_batch(&format!(
        "DROP TABLE {FIRST_LAYOUT};
         PRAGMA user_version = {LAYOUT_VERSION};"
    ))
    .map_err(internal)?;
    Ok(broken.unsigned_abs())
}
