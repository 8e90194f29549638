//! The readiness probe behind `GET /api/v1/ready`: can this server do its
//! work right now? One real round trip to each dependency: a read of the
//! store's settings (the master key reference; SQLite's reader, or one
//! consistent DynamoDB `GetItem`), and an unwrap of a probe data key by the
//! key provider (local AES-GCM, or one KMS `Decrypt`).
//!
//! Probes are polled, and KMS and DynamoDB bill per request, so a result
//! is kept for [`CACHE_FOR`] and concurrent probes share one check: at most
//! one round trip to each per second however often it is asked. The probe
//! key is generated once (one `GenerateDataKey`) and then only unwrapped.

use std::time::{Duration, Instant};

use sdo_shared::secret::SecretId;
use tokio::sync::Mutex;

use crate::keys::{KeyError, KeyProvider, Subject};
use crate::store::SecretStore;

/// How long a check's result is reused.
pub const CACHE_FOR: Duration = Duration::from_secs(1);

/// The id the probe key is bound to (all zero bytes). A real id is random,
/// so it never meets one; on KMS, CloudTrail shows this id for probes.
pub fn probe_id() -> SecretId {
    SecretId::from_bytes([0; SecretId::LEN])
}

/// Why the server is not ready; for the log, never for the client.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct NotReady(String);

#[derive(Debug)]
pub struct Readiness {
    cache_for: Duration,
    state: Mutex<Probes>,
}

#[derive(Debug, Default)]
struct Probes {
    last: Option<(Instant, Result<(), NotReady>)>,
    /// The probe key as wrapped, and by which master key.
    wrapped: Option<(Vec<u8>, String)>,
}

impl Readiness {
    pub fn new(cache_for: Duration) -> Self {
        Self {
            cache_for,
            state: Mutex::new(Probes::default()),
        }
    }

    /// Ok when the store and the key provider both answered, now or within
    /// the last `cache_for`.
    pub async fn check(
        &self,
        store: &dyn SecretStore,
        keys: &dyn KeyProvider,
    ) -> Result<(), NotReady> {
        // Held across the check: callers arriving meanwhile wait for its
        // result instead of starting their own round trips.
        let mut state = self.state.lock().await;
        if let Some((at, result)) = &state.last
            && at.elapsed() < self.cache_for
        {
            return result.clone();
        }
        let was_ready = state.last.as_ref().is_none_or(|(_, r)| r.is_ok());
        let (stored, keyed) = tokio::join!(
            store.master_key_ref(),
            unwrap_probe(keys, &mut state.wrapped)
        );
        let mut causes = Vec::new();
        if let Err(e) = stored {
            causes.push(format!("store: {e}"));
        }
        if let Err(e) = keyed {
            causes.push(format!("key provider: {e}"));
        }
        let result = if causes.is_empty() {
            if !was_ready {
                tracing::info!("ready again");
            }
            Ok(())
        } else {
            let cause = causes.join("; ");
            tracing::warn!(%cause, "not ready");
            Err(NotReady(cause))
        };
        state.last = Some((Instant::now(), result.clone()));
        result
    }
}

/// Unwraps the probe key, generating it on first use. A refused unwrap
/// forgets it, so the next check starts from a fresh key.
async fn unwrap_probe(
    keys: &dyn KeyProvider,
    wrapped: &mut Option<(Vec<u8>, String)>,
) -> Result<(), KeyError> {
    let id = probe_id();
    let (bytes, key_ref) = match wrapped.take() {
        Some(w) => w,
        None => {
            let new = keys.generate_data_key(Subject::Secret(id)).await?;
            (new.wrapped, new.key_ref)
        }
    };
    match keys.unwrap(&bytes, &key_ref, Subject::Secret(id)).await {
        Ok(_) => {
            *wrapped = Some((bytes, key_ref));
            Ok(())
        }
        Err(e @ KeyError::Unavailable(_)) => {
            *wrapped = Some((bytes, key_ref));
            Err(e)
        }
        Err(e) => Err(e),
    }
}
