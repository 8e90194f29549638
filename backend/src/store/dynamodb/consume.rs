//! Consuming writes and their lost answers: every consuming `UpdateItem`
//! (and the `PutItem` that creates the item) adds its op id to [`OPS`], so that a write whose answer was
//! lost, and whose retry fails its condition or is refused, can tell that
//! it was applied after all (docs/PROTOCOL.md §6).

use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::operation::update_item::UpdateItemError;
use aws_sdk_dynamodb::types::{AttributeValue, ReturnValuesOnConditionCheckFailure};

use super::item::{Item, s};
use super::{DynamoStore, classify};
use crate::store::{OpId, Outcome, StoreError};

/// The operation ids of every consuming write the item has taken (a string
/// set), so a retried write recognises its own lost first attempt even
/// when another write landed between the two. One slot (`last_op`, before)
/// forgot it then, and the retry took a second view or counted a wrong
/// passphrase twice. At most `max_views` + `max_attempts` + 2 entries of 16
/// characters (the create's, the burn's; about 3.4 KB at the limits of 100
/// and 100).
pub(super) const OPS: &str = "ops";

/// Whether DynamoDB refused this attempt (invalid, no permission), so that
/// it certainly changed nothing. Timeouts, lost connections, 5xx and
/// throttling leave the outcome open. Either way an earlier attempt of the
/// SDK's may have been applied, so a refusal is checked against the item's
/// ops before it is believed.
fn refused<E: ProvideErrorMetadata, R>(e: &SdkError<E, R>) -> bool {
    match e {
        SdkError::ServiceError(se) => matches!(
            se.err().code(),
            Some(
                "ValidationException"
                    | "ResourceNotFoundException"
                    | "AccessDeniedException"
                    | "UnrecognizedClientException"
                    | "MissingAuthenticationTokenException"
            )
        ),
        _ => false,
    }
}

pub(super) fn carries(item: Option<&Item>, op: &OpId) -> bool {
    item.and_then(|i| i.get(OPS))
        .and_then(|v| v.as_ss().ok())
        .is_some_and(|ops| ops.iter().any(|o| o == op.as_str()))
}

/// The value that adds `op` to [`OPS`] (a set of one).
pub(super) fn ops_of(op: &OpId) -> AttributeValue {
    AttributeValue::Ss(vec![op.as_str().to_owned()])
}

/// A consuming write's update expression: `set`, the op id added to
/// [`OPS`], and `remove` (empty, or a ` REMOVE …` clause).
pub(super) fn consuming_update(set: &str, remove: &str) -> String {
    format!("SET {set} ADD {OPS} :op{remove}")
}

impl DynamoStore {
    /// The consuming `UpdateItem` of the item with key `key`, secret or
    /// request, with [`DynamoStore::update_live`]'s handling of lost
    /// answers. `update` must add `:op` to [`OPS`] ([`consuming_update`]);
    /// `#state` names the state attribute.
    pub(super) async fn consume(
        &self,
        key: String,
        update: String,
        condition: String,
        values: Vec<(&str, AttributeValue)>,
        op: &OpId,
    ) -> Result<Outcome<()>, StoreError> {
        let mut req = self
            .client
            .update_item()
            .table_name(&self.table)
            .key("id", s(key.clone()))
            .update_expression(update)
            .condition_expression(condition)
            .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
            .expression_attribute_names("#state", "state")
            .expression_attribute_values(":op", ops_of(op));
        for (k, v) in values {
            req = req.expression_attribute_values(k, v);
        }
        let e = match req.send().await {
            Ok(_) => return Ok(Outcome::Done(())),
            Err(e) => e,
        };
        if let SdkError::ServiceError(se) = &e
            && let UpdateItemError::ConditionalCheckFailedException(failed) = se.err()
        {
            return Ok(if carries(failed.item.as_ref(), op) {
                Outcome::Done(())
            } else {
                Outcome::Conflict
            });
        }
        if matches!(e, SdkError::ConstructionFailure(_)) {
            return Err(classify(e)); // never sent
        }
        if refused(&e) {
            // This attempt was refused, but it may be the SDK's retry of
            // one that was applied and whose answer was lost: look.
            let refused = classify(e);
            return match self.has_taken(key, op).await {
                Ok(true) => Ok(Outcome::Done(())),
                _ => Err(refused),
            };
        }
        let cause = classify(e);
        tracing::warn!(error = %cause, "a consuming write's answer was lost; checking");
        match self.has_taken(key, op).await {
            Ok(true) => Ok(Outcome::Done(())),
            _ => Err(StoreError::Ambiguous(cause.to_string())),
        }
    }

    /// Whether the record has taken the write `op`, read consistently.
    async fn has_taken(&self, key: String, op: &OpId) -> Result<bool, StoreError> {
        let out = self
            .client
            .get_item()
            .table_name(&self.table)
            .key("id", s(key))
            .projection_expression(OPS)
            .consistent_read(true)
            .send()
            .await
            .map_err(classify)?;
        Ok(carries(out.item.as_ref(), op))
    }
}
