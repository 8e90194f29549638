//! Secret stores: where records live. The rest of the server sees only
//! [`SecretStore`]; every write that decides a secret's fate is one atomic
//! conditional write, so the store, not a lock in this process, is what makes
//! a view exactly-once.

mod dynamodb;
mod requests;
mod sqlite;

pub use dynamodb::DynamoStore;
pub use requests::{RequestRecord, RequestStore, Sealed, WrappedDataKey};
pub use sqlite::{DATABASE_FILE, Durability, RotationDb, SqliteOptions, SqliteStore, WrappedKey};

use async_trait::async_trait;
use sdo_shared::api::State;
use sdo_shared::kdf::KdfParams;
use sdo_shared::secret::{SecretId, Verifier};

/// The server-sealed blob and what is needed to unwrap its data key.
#[derive(Clone)]
pub struct SealedBlob {
    pub sealed: Vec<u8>,
    pub nonce: [u8; 12],
    pub wrapped_key: Vec<u8>,
    pub key_ref: String,
}

impl std::fmt::Debug for SealedBlob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "SealedBlob(<{} bytes>, {})",
            self.sealed.len(),
            self.key_ref
        )
    }
}

/// One secret as stored. A `Waiting` record has its payload and verifiers;
/// a tombstone (revealed, burned, locked) keeps only the manage verifier and
/// the times, so the receipt can say what happened.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: SecretId,
    pub state: State,
    pub payload: Option<SealedBlob>,
    pub link_verifier: Option<Verifier>,
    pub reveal_verifier: Option<Verifier>,
    pub manage_verifier: Verifier,
    pub kdf: Option<KdfParams>,
    pub created_at: i64,
    pub expires_at: i64,
    pub views_left: u32,
    pub failed_attempts: u32,
    pub revealed_at: Option<i64>,
}

impl Record {
    pub fn is_expired(&self, now: i64) -> bool {
        now >= self.expires_at
    }
}

/// How a conditional write went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome<T> {
    Done(T),
    /// The record changed since it was read (or is gone, or expired): read
    /// it again and decide again.
    Conflict,
}

impl Outcome<()> {
    /// A done write's result, or still the conflict.
    pub fn then<T>(self, value: T) -> Outcome<T> {
        match self {
            Outcome::Done(()) => Outcome::Done(value),
            Outcome::Conflict => Outcome::Conflict,
        }
    }
}

/// What `record_failure` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    Counted { failed_attempts: u32 },
    Locked,
}

impl Failure {
    /// Whether the failure after `failed_attempts` reaches `limit` and locks.
    pub fn locks(failed_attempts: u32, limit: u32) -> bool {
        failed_attempts + 1 >= limit
    }

    /// What a conditional write of the failure after `failed_attempts` did.
    pub fn after(written: Outcome<()>, failed_attempts: u32, limit: u32) -> Outcome<Failure> {
        written.then(if Self::locks(failed_attempts, limit) {
            Failure::Locked
        } else {
            Failure::Counted {
                failed_attempts: failed_attempts + 1,
            }
        })
    }
}

/// Names one consuming write (take a view, count a failure, burn), so a
/// store that has to retry a write whose answer was lost can recognise its
/// own earlier attempt instead of taking a second view. Random, per request;
/// it says nothing about the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpId(String);

impl OpId {
    pub fn generate() -> Result<Self, StoreError> {
        let bytes: [u8; 12] = sdo_shared::random_bytes()
            .map_err(|_| StoreError::Internal("no system randomness".into()))?;
        Ok(Self(sdo_shared::base64url::encode(&bytes)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    #[error("a secret with this id already exists")]
    AlreadyExists,
    /// Unreachable or throttled; nothing was changed.
    #[error("store unavailable: {0}")]
    Unavailable(String),
    /// A consuming write was sent and its answer lost: it may have been
    /// applied, and checking again could not tell.
    #[error("outcome unknown: {0}")]
    Ambiguous(String),
    #[error("store failure: {0}")]
    Internal(String),
    #[error("stored record is corrupt: {0}")]
    Corrupt(String),
}

#[async_trait]
pub trait SecretStore: Send + Sync + std::fmt::Debug {
    /// Inserts a new `Waiting` record; fails if the id exists.
    async fn insert(&self, record: &Record) -> Result<(), StoreError>;

    /// The record as stored, expired or not: the caller checks `expires_at`,
    /// since expiry deletion (DynamoDB's TTL, the sweep) can lag.
    async fn get(&self, id: &SecretId) -> Result<Option<Record>, StoreError>;

    /// Every consuming write below takes the request's [`OpId`]: if the
    /// store retries it after a lost answer and finds the change already
    /// made by that same op, the write is `Done`, not a conflict.
    ///
    /// Takes one view if the record is still waiting, unexpired at `now`, and
    /// has exactly `views_left` left. Taking the last one makes it a
    /// `Revealed` tombstone, payload deleted, in the same write.
    async fn take_view(
        &self,
        id: &SecretId,
        views_left: u32,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<u32>, StoreError>;

    /// Counts a wrong passphrase if the record is still waiting, unexpired,
    /// and has exactly `failed_attempts`; the failure that reaches `limit`
    /// locks it and deletes the payload in the same write.
    async fn record_failure(
        &self,
        id: &SecretId,
        failed_attempts: u32,
        limit: u32,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<Failure>, StoreError>;

    /// Makes a waiting, unexpired record a `Burned` tombstone.
    async fn burn(&self, id: &SecretId, now: i64, op: &OpId) -> Result<Outcome<()>, StoreError>;

    /// Deletes every record whose `expires_at` has passed; returns how many.
    async fn sweep_expired(&self, now: i64) -> Result<u64, StoreError>;

    /// Which master key the store's records are sealed under, as recorded by
    /// [`SecretStore::record_master_key`]; `None` on a store that has none.
    async fn master_key_ref(&self) -> Result<Option<String>, StoreError>;

    /// The master key an unfinished rotation is moving records to, if one
    /// was started (`keys::rotate`); its records may be under either key.
    /// Only the SQLite store rotates: KMS rotates its keys itself.
    async fn rotating_to(&self) -> Result<Option<String>, StoreError> {
        Ok(None)
    }

    /// Records `key_ref` as the store's master key unless one is recorded.
    async fn record_master_key(&self, key_ref: &str) -> Result<(), StoreError>;

    /// Whether any record exists (live or tombstone, secret or request).
    async fn has_records(&self) -> Result<bool, StoreError>;

    /// The same store's secret requests (docs/PROTOCOL.md §8); `None` on a
    /// store that has none, and the server then says `requests_enabled:
    /// false` and answers 404 to every request call.
    fn requests(&self) -> Option<&dyn RequestStore> {
        None
    }

    /// Writes waiting to be applied, for the metrics; `None` for a store
    /// that has no queue of its own (DynamoDB takes each write directly).
    fn queue_depth(&self) -> Option<usize> {
        None
    }
}
