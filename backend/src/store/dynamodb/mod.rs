//! DynamoDB as the secret store: partition key `id`, `expires_at` as the TTL
//! attribute. Every decision is one conditional write (`PutItem` if the id is
//! new, `UpdateItem` if the state, counters and expiry are what the caller
//! saw), and every read is strongly consistent. No request touches more than
//! one item, and nothing on a request path scans. Secret requests share the
//! table under keys of their own ([`requests`]).

mod consume;
mod item;
mod requests;

use async_trait::async_trait;
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::operation::put_item::PutItemError;
use aws_sdk_dynamodb::types::{AttributeValue, ReturnValuesOnConditionCheckFailure};
use sdo_shared::api::State;
use sdo_shared::secret::SecretId;

use self::consume::{OPS, carries, consuming_update, ops_of};
use self::item::{Item, n, s, to_item, to_record};
use super::{Failure, OpId, Outcome, Record, RequestStore, SecretStore, StoreError};

/// Removed in the same write that makes a tombstone.
const DROP_PAYLOAD: &str =
    " REMOVE sealed, server_nonce, wrapped_key, key_ref, link_verifier, reveal_verifier";
/// The one item that is not a secret: settings such as the master key's
/// reference. Secret ids are 22 base64url characters, so it cannot clash.
const SETTINGS_ID: &str = "@settings";
/// The condition every lifecycle write shares.
const LIVE: &str = "#state = :waiting AND expires_at > :now";

#[derive(Debug, Clone)]
pub struct DynamoStore {
    client: Client,
    table: String,
}

impl DynamoStore {
    /// Writes an item whose id must not exist yet (secrets and requests
    /// alike): an existing one is `AlreadyExists`, never overwritten. The
    /// item starts its ops with this write's own id, so that the SDK's
    /// retry of an attempt that was applied (its answer lost) finds it
    /// there: done, not a clash. Another insert of the same id, even of an
    /// equal record, has another id and is `AlreadyExists`.
    async fn put_new(&self, mut item: Item) -> Result<(), StoreError> {
        let op = OpId::generate()?;
        item.insert(OPS.to_owned(), ops_of(&op));
        let result = self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item))
            .condition_expression("attribute_not_exists(id)")
            .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
            .send()
            .await;
        match result {
            Ok(_) => Ok(()),
            Err(SdkError::ServiceError(se))
                if matches!(
                    se.err(),
                    PutItemError::ConditionalCheckFailedException(failed)
                        if carries(failed.item.as_ref(), &op)
                ) =>
            {
                Ok(())
            }
            Err(e) if is_condition_failure(&e) => Err(StoreError::AlreadyExists),
            Err(e) => Err(classify(e)),
        }
    }

    /// The client is built once per process (outside the request path).
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        Self {
            client,
            table: table.into(),
        }
    }
}

fn classify<E: ProvideErrorMetadata, R>(e: SdkError<E, R>) -> StoreError {
    match &e {
        SdkError::ServiceError(se) => {
            let code = se.err().code().unwrap_or("unknown");
            match code {
                "ProvisionedThroughputExceededException"
                | "ThrottlingException"
                | "RequestLimitExceeded"
                | "InternalServerError"
                | "ServiceUnavailable"
                | "TransactionInProgressException" => {
                    StoreError::Unavailable(format!("DynamoDB {code}"))
                }
                _ => StoreError::Internal(format!("DynamoDB {code}")),
            }
        }
        SdkError::TimeoutError(_) | SdkError::DispatchFailure(_) | SdkError::ResponseError(_) => {
            StoreError::Unavailable("DynamoDB unreachable".into())
        }
        _ => StoreError::Internal("DynamoDB request could not be built".into()),
    }
}

fn is_condition_failure<E: ProvideErrorMetadata, R>(e: &SdkError<E, R>) -> bool {
    matches!(e, SdkError::ServiceError(se) if se.err().code() == Some("ConditionalCheckFailedException"))
}

/// A string attribute of an item that may be absent.
fn string_attr<'a>(item: Option<&'a Item>, name: &str) -> Option<&'a String> {
    item.and_then(|i| i.get(name)).and_then(|v| v.as_s().ok())
}

impl DynamoStore {
    /// One consuming, conditional `UpdateItem` on a live record: `set` is
    /// the SET clause, and `drop_payload` makes it a tombstone.
    ///
    /// The SDK retries a write whose answer was lost; if the first attempt
    /// was applied, the retry fails its condition. `ALL_OLD` returns the
    /// item that failed it, and if that item carries this write's `op`, the
    /// write is done, not a conflict. Any other lost answer is settled by a
    /// consistent read of its ops, or reported as ambiguous.
    async fn update_live(
        &self,
        id: &SecretId,
        set: &str,
        drop_payload: bool,
        condition: String,
        mut values: Vec<(&str, AttributeValue)>,
        op: &OpId,
    ) -> Result<Outcome<()>, StoreError> {
        let remove = if drop_payload { DROP_PAYLOAD } else { "" };
        values.push((":waiting", s(State::Waiting.as_str())));
        let update = consuming_update(set, remove);
        self.consume(id.to_string(), update, condition, values, op)
            .await
    }
}

#[async_trait]
impl SecretStore for DynamoStore {
    async fn insert(&self, record: &Record) -> Result<(), StoreError> {
        self.put_new(to_item(record)?).await
    }

    async fn get(&self, id: &SecretId) -> Result<Option<Record>, StoreError> {
        let out = self
            .client
            .get_item()
            .table_name(&self.table)
            .key("id", s(id.to_string()))
            .consistent_read(true)
            .send()
            .await
            .map_err(classify)?;
        out.item.as_ref().map(to_record).transpose()
    }

    async fn take_view(
        &self,
        id: &SecretId,
        views_left: u32,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<u32>, StoreError> {
        let mut set =
            "views_left = :next, revealed_at = if_not_exists(revealed_at, :now)".to_owned();
        let mut values = vec![
            (":seen", n(views_left)),
            (":next", n(views_left.saturating_sub(1))),
            (":now", n(now)),
        ];
        let last = views_left == 1;
        if last {
            set.push_str(", #state = :revealed");
            values.push((":revealed", s(State::Revealed.as_str())));
        }
        let condition = format!("{LIVE} AND views_left = :seen");
        let written = self
            .update_live(id, &set, last, condition, values, op)
            .await?;
        Ok(written.then(views_left.saturating_sub(1)))
    }

    async fn record_failure(
        &self,
        id: &SecretId,
        failed_attempts: u32,
        limit: u32,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<Failure>, StoreError> {
        let mut set = "failed_attempts = :failed".to_owned();
        let mut values = vec![
            (":seen", n(failed_attempts)),
            (":failed", n(failed_attempts + 1)),
            (":now", n(now)),
        ];
        let locks = Failure::locks(failed_attempts, limit);
        if locks {
            set.push_str(", #state = :locked");
            values.push((":locked", s(State::Locked.as_str())));
        }
        let condition = format!("{LIVE} AND failed_attempts = :seen");
        let written = self
            .update_live(id, &set, locks, condition, values, op)
            .await?;
        Ok(Failure::after(written, failed_attempts, limit))
    }

    async fn burn(&self, id: &SecretId, now: i64, op: &OpId) -> Result<Outcome<()>, StoreError> {
        let values = vec![(":burned", s(State::Burned.as_str())), (":now", n(now))];
        self.update_live(id, "#state = :burned", true, LIVE.to_owned(), values, op)
            .await
    }

    /// DynamoDB's TTL deletes expired items by itself (eventually); this
    /// exists for the long-running server and for tests, and is off by
    /// default with this store. It scans, so it never runs on a request.
    /// It deletes every expired item, requests included.
    async fn sweep_expired(&self, now: i64) -> Result<u64, StoreError> {
        let mut deleted = 0;
        let mut start: Option<Item> = None;
        loop {
            let page = self
                .client
                .scan()
                .table_name(&self.table)
                .projection_expression("id")
                .filter_expression("expires_at <= :now")
                .expression_attribute_values(":now", n(now))
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .map_err(classify)?;
            for item in page.items() {
                let Some(id) = item.get("id") else { continue };
                let result = self
                    .client
                    .delete_item()
                    .table_name(&self.table)
                    .key("id", id.clone())
                    .condition_expression("expires_at <= :now")
                    .expression_attribute_values(":now", n(now))
                    .send()
                    .await;
                match result {
                    Ok(_) => deleted += 1,
                    Err(e) if is_condition_failure(&e) => {}
                    Err(e) => return Err(classify(e)),
                }
            }
            match page.last_evaluated_key {
                Some(key) if !key.is_empty() => start = Some(key),
                _ => return Ok(deleted),
            }
        }
    }

    async fn master_key_ref(&self) -> Result<Option<String>, StoreError> {
        let out = self
            .client
            .get_item()
            .table_name(&self.table)
            .key("id", s(SETTINGS_ID))
            .consistent_read(true)
            .send()
            .await
            .map_err(classify)?;
        Ok(string_attr(out.item.as_ref(), "master_key_ref").cloned())
    }

    async fn record_master_key(&self, key_ref: &str) -> Result<(), StoreError> {
        let result = self
            .client
            .update_item()
            .table_name(&self.table)
            .key("id", s(SETTINGS_ID))
            .update_expression("SET master_key_ref = :r")
            .condition_expression("attribute_not_exists(master_key_ref)")
            .expression_attribute_values(":r", s(key_ref))
            .send()
            .await;
        match result {
            Ok(_) => Ok(()),
            Err(e) if is_condition_failure(&e) => Ok(()),
            Err(e) => Err(classify(e)),
        }
    }

    fn requests(&self) -> Option<&dyn RequestStore> {
        Some(self)
    }

    /// Scans (start-up only): the settings item has no `expires_at`.
    async fn has_records(&self) -> Result<bool, StoreError> {
        let mut start: Option<Item> = None;
        loop {
            let page = self
                .client
                .scan()
                .table_name(&self.table)
                .projection_expression("id")
                .filter_expression("attribute_exists(expires_at)")
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .map_err(classify)?;
            if !page.items().is_empty() {
                return Ok(true);
            }
            match page.last_evaluated_key {
                Some(key) if !key.is_empty() => start = Some(key),
                _ => return Ok(false),
            }
        }
    }
}
