//! Secret requests as stored (docs/PROTOCOL.md §8.6), and the
//! [`RequestStore`] trait both stores implement. Like secrets, every write
//! that decides a request's fate (fill, collect, cancel) is one atomic
//! conditional write, so the store, not this process, makes a fill and a
//! collection exactly-once.

use async_trait::async_trait;
use sdo_shared::api::RequestState;
use sdo_shared::request::RequestId;
use sdo_shared::secret::Verifier;

use super::{OpId, Outcome, StoreError};

/// Bytes sealed under the record's data key (the note or the fill).
#[derive(Clone, PartialEq, Eq)]
pub struct Sealed {
    pub sealed: Vec<u8>,
    pub nonce: [u8; 12],
}

impl std::fmt::Debug for Sealed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Sealed(<{} bytes>)", self.sealed.len())
    }
}

/// A record's data key as stored: wrapped by the key provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedDataKey {
    pub wrapped_key: Vec<u8>,
    pub key_ref: String,
}

/// One request as stored. A live record (`Open`, `Filled`) has its data
/// key, which seals the note and, once filled, the fill; a tombstone
/// (`Collected`, `Cancelled`) keeps only the verifiers and the times.
/// `Expired` is never stored.
#[derive(Debug, Clone)]
pub struct RequestRecord {
    pub id: RequestId,
    pub state: RequestState,
    pub inbox_verifier: Verifier,
    pub fill_verifier: Verifier,
    pub key: Option<WrappedDataKey>,
    pub note: Option<Sealed>,
    pub fill: Option<Sealed>,
    pub created_at: i64,
    pub expires_at: i64,
    pub filled_at: Option<i64>,
    pub collected_at: Option<i64>,
}

impl RequestRecord {
    pub fn is_expired(&self, now: i64) -> bool {
        now >= self.expires_at
    }

    /// The state a caller is told: a live record past `expires_at` is
    /// `Expired` (deletion can lag); a tombstone stays what it is.
    pub fn state_at(&self, now: i64) -> RequestState {
        match self.state {
            RequestState::Open | RequestState::Filled if self.is_expired(now) => {
                RequestState::Expired
            }
            s => s,
        }
    }
}

/// The writes of a request's life. Each consuming one takes the request's
/// [`OpId`], with the same meaning as for secrets (a store that retries a
/// write whose answer was lost recognises its own earlier attempt).
#[async_trait]
pub trait RequestStore: Send + Sync + std::fmt::Debug {
    /// Inserts a new `Open` record; fails if the id exists.
    async fn insert_request(&self, record: &RequestRecord) -> Result<(), StoreError>;

    /// The record as stored, expired or not: the caller checks `expires_at`.
    async fn get_request(&self, id: &RequestId) -> Result<Option<RequestRecord>, StoreError>;

    /// Stores `fill` and makes the record `Filled` (with `filled_at = now`)
    /// if it is still open and unexpired at `now`: the first fill wins.
    async fn fill_request(
        &self,
        id: &RequestId,
        fill: &Sealed,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<()>, StoreError>;

    /// Makes a filled, unexpired record a `Collected` tombstone
    /// (`collected_at = now`), deleting the key, note and fill in the same
    /// write: only one caller gets to release the fill.
    async fn collect_request(
        &self,
        id: &RequestId,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<()>, StoreError>;

    /// Makes an open or filled, unexpired record a `Cancelled` tombstone,
    /// deleting the key, note and fill in the same write.
    async fn cancel_request(
        &self,
        id: &RequestId,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<()>, StoreError>;

    /// Deletes every request whose `expires_at` has passed; returns how many.
    async fn sweep_expired_requests(&self, now: i64) -> Result<u64, StoreError>;
}
