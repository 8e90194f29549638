//! The reveal, step by step: derive keys (Argon2id in the worker when there
//! is a passphrase), send the reveal token, open the blob here.

use sdo_shared::api::MetaResponse;
use sdo_shared::blob;
use sdo_shared::kdf;
use sdo_shared::payload::Payload;
use sdo_shared::secret::{LinkKey, SecretId};

use crate::api::{Api, ApiError};
use crate::worker::{self, DerivedKeys, WorkerError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Deriving,
    Fetching,
}

impl Stage {
    /// The message id of what is happening.
    pub fn label_id(self) -> &'static str {
        match self {
            Stage::Deriving => "stage-deriving",
            Stage::Fetching => "stage-fetching",
        }
    }
}

/// How a reveal ended, when it did not give the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The passphrase was wrong; the secret stays (unless `attempts_left` is 0).
    WrongPassphrase { attempts_left: u32 },
    /// Gone, expired, already read, or burned.
    Gone,
    /// Nothing was consumed; trying again may work. `None`: the key could
    /// not be derived in this browser.
    Retry(Option<ApiError>),
    /// The server released the blob but it does not open: the view is spent.
    Undecryptable,
    /// The server could not tell whether the view was taken.
    OutcomeUnknown,
    /// This page's worker is gone from the server (a deploy replaced it);
    /// nothing was consumed, and a newly loaded page can go on.
    OutOfDate,
}

#[derive(Debug)]
pub struct Revealed {
    pub payload: Payload,
    pub views_left: u32,
}

pub async fn reveal(
    api: &Api,
    id: &SecretId,
    link_key: &LinkKey,
    meta: &MetaResponse,
    passphrase: &str,
    on_stage: impl Fn(Stage),
) -> Result<Revealed, Failure> {
    let keys = match &meta.kdf {
        Some(params) => {
            on_stage(Stage::Deriving);
            worker::derive(link_key, params.clone(), passphrase)
                .await
                .map_err(|e| match e {
                    WorkerError::OutOfDate => Failure::OutOfDate,
                    WorkerError::Failed(_) => Failure::Retry(None),
                })?
        }
        None => {
            // `client::derive_keys(link_key, None, None)`, without linking
            // its Argon2id branch into the first-load wasm.
            let keys = kdf::secret_keys(link_key, None);
            DerivedKeys {
                content_key: keys.content_key,
                reveal_token: keys.reveal_token,
            }
        }
    };
    on_stage(Stage::Fetching);
    let link_token = kdf::link_token(link_key);
    let response = match api.reveal(id, &link_token, &keys.reveal_token).await {
        Ok(response) => response,
        Err(e) => {
            return Err(match e {
                ApiError::WrongPassphrase { attempts_left } => {
                    Failure::WrongPassphrase { attempts_left }
                }
                ApiError::NotFound => Failure::Gone,
                ApiError::OutcomeUnknown => Failure::OutcomeUnknown,
                // The connection failed, or a proxy answered: the server may
                // have taken the view before the answer was lost. If the
                // secret is gone now, or has fewer views left than this page
                // showed, that view may have been this one; a retry would
                // take another.
                e @ (ApiError::Network | ApiError::Server(_)) => {
                    match api.meta(id, &link_token).await {
                        Err(ApiError::NotFound) => Failure::OutcomeUnknown,
                        Ok(now) if now.views_left < meta.views_left => Failure::OutcomeUnknown,
                        _ => Failure::Retry(Some(e)),
                    }
                }
                other => Failure::Retry(Some(other)),
            });
        }
    };
    let payload = blob::open(&keys.content_key, response.blob.as_bytes())
        .map_err(|_| Failure::Undecryptable)?;
    Ok(Revealed {
        payload,
        views_left: response.views_left,
    })
}
