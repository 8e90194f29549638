//! Secret requests on SQLite: the `requests` table, written through the
//! same writer thread as secrets, so each conditional write is one
//! transaction whose outcome is always known.

use async_trait::async_trait;
use rusqlite::{OptionalExtension, Row};
use sdo_shared::api::RequestState;
use sdo_shared::request::RequestId;

use super::schema::{classify, corrupt, verifier};
use super::{SqliteStore, blob, opt};
use crate::store::{
    OpId, Outcome, RequestRecord, RequestStore, Sealed, StoreError, WrappedDataKey,
};

/// What a request tombstone loses in the same write that makes it.
const DROP_SECRETS: &str = "wrapped_key = NULL, key_ref = NULL, note = NULL, \
     note_nonce = NULL, fill = NULL, fill_nonce = NULL";

fn sealed(bytes: Option<Vec<u8>>, nonce: Option<Vec<u8>>) -> Result<Option<Sealed>, StoreError> {
    match (bytes, nonce) {
        (Some(sealed), Some(nonce)) => Ok(Some(Sealed {
            sealed,
            nonce: nonce.try_into().map_err(|_| corrupt("nonce length"))?,
        })),
        (None, None) => Ok(None),
        _ => Err(corrupt("partial sealed value")),
    }
}

fn read_request(row: &Row<'_>) -> rusqlite::Result<Result<RequestRecord, StoreError>> {
    let id: String = row.get("id")?;
    let state: String = row.get("state")?;
    let inbox: Vec<u8> = row.get("inbox_verifier")?;
    let fill_v: Vec<u8> = row.get("fill_verifier")?;
    let wrapped: Option<Vec<u8>> = row.get("wrapped_key")?;
    let key_ref: Option<String> = row.get("key_ref")?;
    let note = (row.get("note")?, row.get("note_nonce")?);
    let fill = (row.get("fill")?, row.get("fill_nonce")?);
    let created_at: i64 = row.get("created_at")?;
    let expires_at: i64 = row.get("expires_at")?;
    let filled_at: Option<i64> = row.get("filled_at")?;
    let collected_at: Option<i64> = row.get("collected_at")?;
    Ok((|| {
        let key = match (wrapped, key_ref) {
            (Some(wrapped_key), Some(key_ref)) => Some(WrappedDataKey {
                wrapped_key,
                key_ref,
            }),
            (None, None) => None,
            _ => return Err(corrupt("partial data key")),
        };
        Ok(RequestRecord {
            id: RequestId::parse(&id).map_err(|_| corrupt("id"))?,
            state: RequestState::parse(&state).ok_or_else(|| corrupt("state"))?,
            inbox_verifier: verifier(Some(inbox))?.ok_or_else(|| corrupt("inbox"))?,
            fill_verifier: verifier(Some(fill_v))?.ok_or_else(|| corrupt("fill"))?,
            key,
            note: sealed(note.0, note.1)?,
            fill: sealed(fill.0, fill.1)?,
            created_at,
            expires_at,
            filled_at,
            collected_at,
        })
    })())
}

#[async_trait]
impl RequestStore for SqliteStore {
    async fn insert_request(&self, r: &RequestRecord) -> Result<(), StoreError> {
        let key = r
            .key
            .as_ref()
            .ok_or_else(|| corrupt("insert without data key"))?;
        let params = vec![
            r.id.to_string().into(),
            r.state.as_str().to_owned().into(),
            blob(r.inbox_verifier.as_bytes()),
            blob(r.fill_verifier.as_bytes()),
            blob(&key.wrapped_key),
            key.key_ref.clone().into(),
            opt(r.note.as_ref().map(|n| n.sealed.clone())),
            opt(r.note.as_ref().map(|n| n.nonce.to_vec())),
            r.created_at.into(),
            r.expires_at.into(),
        ];
        let sql = "INSERT INTO requests (id, state, inbox_verifier, fill_verifier,
                wrapped_key, key_ref, note, note_nonce, created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
        self.writer.execute(sql.to_owned(), params).await.map(drop)
    }

    async fn get_request(&self, id: &RequestId) -> Result<Option<RequestRecord>, StoreError> {
        let id = id.to_string();
        self.read(move |conn| {
            conn.prepare_cached("SELECT * FROM requests WHERE id = ?1")
                .and_then(|mut statement| statement.query_row([id], read_request))
                .optional()
                .map_err(classify)?
                .transpose()
        })
        .await
    }

    async fn fill_request(
        &self,
        id: &RequestId,
        fill: &Sealed,
        now: i64,
        // One transaction either commits or not: nothing to recognise later.
        _op: &OpId,
    ) -> Result<Outcome<()>, StoreError> {
        let sql = "UPDATE requests SET state = 'filled', fill = ?2, fill_nonce = ?3, filled_at = ?4
             WHERE id = ?1 AND state = 'open' AND expires_at > ?4";
        let params = vec![
            id.to_string().into(),
            blob(&fill.sealed),
            blob(&fill.nonce),
            now.into(),
        ];
        self.update_if(sql.to_owned(), params).await
    }

    async fn collect_request(
        &self,
        id: &RequestId,
        now: i64,
        _op: &OpId,
    ) -> Result<Outcome<()>, StoreError> {
        let sql = format!(
            "UPDATE requests SET state = 'collected', collected_at = ?2, {DROP_SECRETS}
             WHERE id = ?1 AND state = 'filled' AND expires_at > ?2"
        );
        self.update_if(sql, vec![id.to_string().into(), now.into()])
            .await
    }

    async fn cancel_request(
        &self,
        id: &RequestId,
        now: i64,
        _op: &OpId,
    ) -> Result<Outcome<()>, StoreError> {
        let sql = format!(
            "UPDATE requests SET state = 'cancelled', {DROP_SECRETS}
             WHERE id = ?1 AND state IN ('open', 'filled') AND expires_at > ?2"
        );
        self.update_if(sql, vec![id.to_string().into(), now.into()])
            .await
    }

    async fn sweep_expired_requests(&self, now: i64) -> Result<u64, StoreError> {
        let deleted = self
            .writer
            .execute(
                "DELETE FROM requests WHERE expires_at <= ?1".into(),
                vec![now.into()],
            )
            .await?;
        // Old page images in the WAL still hold what was just deleted.
        self.writer.checkpoint().await?;
        Ok(deleted as u64)
    }
}
