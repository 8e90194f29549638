//! Key providers: where per-secret data keys come from and how they are
//! wrapped. The rest of the server sees only [`KeyProvider`].

mod kms;
pub mod local;
pub mod rotate;

pub use kms::KmsKeyProvider;
pub use local::LocalKeyProvider;

use async_trait::async_trait;
use sdo_shared::request::RequestId;
use sdo_shared::secret::SecretId;

use crate::seal::DataKey;

/// What a data key is bound to: the record's kind names the key of the
/// encryption context (`{"sdo:secret": id}` or `{"sdo:request": rid}`), so
/// a secret's wrapped key never opens as a request's with the same id, and
/// CloudTrail tells the two apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Secret(SecretId),
    Request(RequestId),
}

impl Subject {
    /// The encryption context's key.
    pub fn context_key(self) -> &'static str {
        match self {
            Subject::Secret(_) => CONTEXT_KEY,
            Subject::Request(_) => REQUEST_CONTEXT_KEY,
        }
    }

    pub fn id(self) -> SecretId {
        match self {
            Subject::Secret(id) | Subject::Request(id) => id,
        }
    }
}

/// A fresh data key, its wrapped form to store, and which master key wrapped it.
#[derive(Debug)]
pub struct NewDataKey {
    pub key: DataKey,
    pub wrapped: Vec<u8>,
    pub key_ref: String,
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The key service cannot be reached or is throttling; try again later.
    #[error("key service unavailable: {0}")]
    Unavailable(String),
    /// The wrapped key did not unwrap: wrong master key, wrong context, or
    /// tampered bytes. Never retried.
    #[error("data key refused: {0}")]
    Refused(String),
}

#[async_trait]
pub trait KeyProvider: Send + Sync + std::fmt::Debug {
    /// A new data key bound to its record (`{"sdo:secret": id}` or
    /// `{"sdo:request": rid}`).
    async fn generate_data_key(&self, subject: Subject) -> Result<NewDataKey, KeyError>;

    /// Unwraps a data key; fails unless `subject` is the one it was made for.
    async fn unwrap(
        &self,
        wrapped: &[u8],
        key_ref: &str,
        subject: Subject,
    ) -> Result<DataKey, KeyError>;
}

/// The encryption context both providers bind a secret's data key to.
pub const CONTEXT_KEY: &str = "sdo:secret";
/// The same for a request's (docs/PROTOCOL.md §8.6).
pub const REQUEST_CONTEXT_KEY: &str = "sdo:request";
