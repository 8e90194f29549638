//! Key providers: where per-secret data keys come from and how they are
//! wrapped. The rest of the server sees only [`KeyProvider`].

mod kms;
pub mod local;
pub mod rotate;

pub use kms::KmsKeyProvider;
pub use local::LocalKeyProvider;

use async_trait::async_trait;
use sdo_shared::secret::SecretId;

use crate::seal::DataKey;

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
    /// A new data key bound to the secret's id (`{"sdo:secret": id}`).
    async fn generate_data_key(&self, id: &SecretId) -> Result<NewDataKey, KeyError>;

    /// Unwraps a data key; fails unless `id` is the one it was made for.
    async fn unwrap(
        &self,
        wrapped: &[u8],
        key_ref: &str,
        id: &SecretId,
    ) -> Result<DataKey, KeyError>;
}

/// The encryption context both providers bind data keys to.
pub const CONTEXT_KEY: &str = "sdo:secret";
