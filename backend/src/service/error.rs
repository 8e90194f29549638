//! How a lifecycle call fails, in the terms the HTTP layer maps to statuses
//! (`api::error`): nothing here says which status.

use crate::keys::KeyError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("{0}")]
    Invalid(String),
    #[error("the secret is {len} bytes; this server takes at most {max}")]
    TooLarge { len: usize, max: usize },
    /// Unknown, expired, taken, burned, locked, or a wrong token: one answer.
    #[error("this secret does not exist or is no longer available")]
    NotFound,
    #[error("wrong passphrase")]
    WrongPassphrase { attempts_left: u32 },
    /// Failed before any consuming write was sent: nothing was used up.
    #[error("unavailable: {0}")]
    Unavailable(String),
    /// A consuming write was sent and its answer lost: it may have happened.
    #[error("outcome unknown: {0}")]
    OutcomeUnknown(String),
    #[error("internal: {0}")]
    Internal(String),
}

impl From<StoreError> for ServiceError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Unavailable(m) => ServiceError::Unavailable(m),
            StoreError::Ambiguous(m) => ServiceError::OutcomeUnknown(m),
            other => ServiceError::Internal(other.to_string()),
        }
    }
}

impl From<KeyError> for ServiceError {
    fn from(e: KeyError) -> Self {
        match e {
            KeyError::Unavailable(m) => ServiceError::Unavailable(m),
            KeyError::Refused(m) => ServiceError::Internal(m),
        }
    }
}
