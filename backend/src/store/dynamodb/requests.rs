//! Secret requests on DynamoDB: items in the secrets' table under the key
//! `r:<rid>`, so a secret's id never finds a request (or the other way
//! round), with `expires_at` as their TTL too. Fill, collect and cancel are
//! consuming conditional writes that record their op ids, like a secret's.

use async_trait::async_trait;
use aws_sdk_dynamodb::types::AttributeValue;
use sdo_shared::api::RequestState;
use sdo_shared::request::RequestId;

use super::consume::consuming_update;
use super::item::{Item, Reader, b, corrupt, n, s};
use super::{DynamoStore, classify};
use crate::store::{
    OpId, Outcome, RequestRecord, RequestStore, Sealed, StoreError, WrappedDataKey,
};

const KEY_PREFIX: &str = "r:";
/// Removed in the same write that makes a tombstone.
const DROP_SECRETS: &str = " REMOVE wrapped_key, key_ref, note, note_nonce, fill, fill_nonce";

fn key(id: &RequestId) -> String {
    format!("{KEY_PREFIX}{id}")
}

fn sealed(r: &Reader<'_>, bytes: &str, nonce: &str) -> Result<Option<Sealed>, StoreError> {
    match (r.b(bytes)?, r.b(nonce)?) {
        (Some(sealed), Some(nonce_bytes)) => Ok(Some(Sealed {
            sealed: sealed.to_vec(),
            nonce: nonce_bytes.try_into().map_err(|_| corrupt(nonce))?,
        })),
        (None, None) => Ok(None),
        _ => Err(corrupt(bytes)),
    }
}

fn to_request(item: &Item) -> Result<RequestRecord, StoreError> {
    let r = Reader(item);
    let id = Reader::need(r.s("id"), "id")?
        .strip_prefix(KEY_PREFIX)
        .ok_or_else(|| corrupt("id"))?;
    let key = match (r.b("wrapped_key")?, r.s("key_ref")?) {
        (Some(wrapped), Some(key_ref)) => Some(WrappedDataKey {
            wrapped_key: wrapped.to_vec(),
            key_ref: key_ref.to_owned(),
        }),
        (None, None) => None,
        _ => return Err(corrupt("partial data key")),
    };
    Ok(RequestRecord {
        id: RequestId::parse(id).map_err(|_| corrupt("id"))?,
        state: RequestState::parse(Reader::need(r.s("state"), "state")?)
            .ok_or_else(|| corrupt("state"))?,
        inbox_verifier: Reader::need(r.verifier("inbox_verifier"), "inbox_verifier")?,
        fill_verifier: Reader::need(r.verifier("fill_verifier"), "fill_verifier")?,
        key,
        note: sealed(&r, "note", "note_nonce")?,
        fill: sealed(&r, "fill", "fill_nonce")?,
        created_at: Reader::need(r.n("created_at"), "created_at")?,
        expires_at: Reader::need(r.n("expires_at"), "expires_at")?,
        filled_at: r.n("filled_at")?,
        collected_at: r.n("collected_at")?,
    })
}

fn to_item(r: &RequestRecord) -> Result<Item, StoreError> {
    let k = r
        .key
        .as_ref()
        .ok_or_else(|| corrupt("insert without data key"))?;
    let mut item: Item = [
        ("id", s(key(&r.id))),
        ("state", s(r.state.as_str())),
        ("inbox_verifier", b(r.inbox_verifier.as_bytes())),
        ("fill_verifier", b(r.fill_verifier.as_bytes())),
        ("wrapped_key", b(&k.wrapped_key)),
        ("key_ref", s(k.key_ref.clone())),
        ("created_at", n(r.created_at)),
        ("expires_at", n(r.expires_at)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    if let Some(note) = &r.note {
        item.insert("note".into(), b(&note.sealed));
        item.insert("note_nonce".into(), b(&note.nonce));
    }
    Ok(item)
}

impl DynamoStore {
    /// One consuming write on a request in one of `states`, unexpired.
    async fn update_request(
        &self,
        id: &RequestId,
        set: &str,
        drop_secrets: bool,
        states: &[RequestState],
        mut values: Vec<(&'static str, AttributeValue)>,
        op: &OpId,
    ) -> Result<Outcome<()>, StoreError> {
        const NAMES: [&str; 2] = [":s0", ":s1"];
        let mut allowed = Vec::new();
        for (name, state) in NAMES.iter().zip(states) {
            allowed.push(*name);
            values.push((*name, s(state.as_str())));
        }
        let condition = format!("#state IN ({}) AND expires_at > :now", allowed.join(", "));
        let remove = if drop_secrets { DROP_SECRETS } else { "" };
        let update = consuming_update(set, remove);
        self.consume(key(id), update, condition, values, op).await
    }
}

#[async_trait]
impl RequestStore for DynamoStore {
    async fn insert_request(&self, record: &RequestRecord) -> Result<(), StoreError> {
        self.put_new(to_item(record)?).await
    }

    async fn get_request(&self, id: &RequestId) -> Result<Option<RequestRecord>, StoreError> {
        let out = self
            .client
            .get_item()
            .table_name(&self.table)
            .key("id", s(key(id)))
            .consistent_read(true)
            .send()
            .await
            .map_err(classify)?;
        out.item.as_ref().map(to_request).transpose()
    }

    async fn fill_request(
        &self,
        id: &RequestId,
        fill: &Sealed,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<()>, StoreError> {
        let values = vec![
            (":filled", s(RequestState::Filled.as_str())),
            (":fill", b(&fill.sealed)),
            (":fill_nonce", b(&fill.nonce)),
            (":now", n(now)),
        ];
        let set = "#state = :filled, fill = :fill, fill_nonce = :fill_nonce, filled_at = :now";
        self.update_request(id, set, false, &[RequestState::Open], values, op)
            .await
    }

    async fn collect_request(
        &self,
        id: &RequestId,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<()>, StoreError> {
        let values = vec![
            (":collected", s(RequestState::Collected.as_str())),
            (":now", n(now)),
        ];
        let set = "#state = :collected, collected_at = :now";
        self.update_request(id, set, true, &[RequestState::Filled], values, op)
            .await
    }

    async fn cancel_request(
        &self,
        id: &RequestId,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<()>, StoreError> {
        let values = vec![
            (":cancelled", s(RequestState::Cancelled.as_str())),
            (":now", n(now)),
        ];
        let live = [RequestState::Open, RequestState::Filled];
        self.update_request(id, "#state = :cancelled", true, &live, values, op)
            .await
    }

    /// [`SecretStore::sweep_expired`](crate::store::SecretStore::sweep_expired)
    /// already deletes every expired item of the table, requests included
    /// (and the TTL does anyway): scanning again would find nothing.
    async fn sweep_expired_requests(&self, _now: i64) -> Result<u64, StoreError> {
        Ok(0)
    }
}
