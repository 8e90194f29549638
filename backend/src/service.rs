//! A secret's lifecycle: create, look, reveal, burn, receipt.
//!
//! This is where the protocol's server rules live: tokens are checked in
//! constant time against verifiers, a wrong link token looks exactly like an
//! unknown id, and a reveal decrypts *before* it takes the view, so a failing
//! key service consumes nothing. It knows the store and key traits, not HTTP
//! and not a concrete backend. Secret requests are in [`requests`].

mod error;
mod limits;
mod requests;
mod reveal;

pub use error::ServiceError;
pub use limits::Limits;

use std::sync::Arc;
use std::time::{Duration, Instant};

use sdo_shared::api::{
    ConfigResponse, CreateRequest, CreateResponse, MIN_TTL_SECS, MetaResponse, ReceiptResponse,
    State,
};
use sdo_shared::base64url::Base64Bytes;
use sdo_shared::blob;
use sdo_shared::secret::{ManageToken, SecretId, Verifier};

use crate::clock::Clock;
use crate::keys::{KeyProvider, Subject};
use crate::metrics::{Event, MeteredKeys, MeteredStore, Metrics};
use crate::readiness::{self, NotReady, Readiness};
use crate::seal;
use crate::store::{OpId, Outcome, Record, SealedBlob, SecretStore, StoreError};

/// A bearer or reveal token as received: 32 bytes, wiped on drop, and
/// printed as `***` so no `{:?}` can leak it.
pub struct Token(zeroize::Zeroizing<[u8; 32]>);

impl Token {
    pub fn new(bytes: [u8; 32]) -> Self {
        Self(zeroize::Zeroizing::new(bytes))
    }

    pub fn expose(&self) -> &[u8; 32] {
        &self.0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(***)")
    }
}

/// When the caller stops waiting for an answer (a Lambda invocation's
/// deadline). A consuming write is started only if it can finish before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline(pub Instant);

/// How long one consuming write may take at most: the AWS SDK's operation
/// timeout (5 s, `server::aws_config`), once for the write and once for the
/// read that settles a lost answer, plus a margin. With a [`Deadline`], a
/// consuming write starts only if this much time is left.
pub const DEFAULT_WRITE_BUDGET: Duration = Duration::from_secs(11);

/// Conditional writes retry after a conflict; each conflict means another
/// request changed the record, which can happen only a bounded number of
/// times (views + attempts + one burn), so this cap is never reached in
/// practice and only guards against a misbehaving store.
const MAX_CONFLICTS: usize = 1_000;

#[derive(Debug)]
pub struct Service {
    store: Arc<dyn SecretStore>,
    keys: Arc<dyn KeyProvider>,
    clock: Arc<dyn Clock>,
    limits: Limits,
    write_budget: Duration,
    metrics: Arc<Metrics>,
    readiness: Readiness,
}

impl Service {
    pub fn new(
        store: Arc<dyn SecretStore>,
        keys: Arc<dyn KeyProvider>,
        clock: Arc<dyn Clock>,
        limits: Limits,
    ) -> Self {
        // The service owns its metrics, and counts store and key errors by
        // wrapping both once here.
        let metrics = Arc::new(Metrics::new(Arc::clone(&store)));
        Self {
            store: Arc::new(MeteredStore::new(store, Arc::clone(&metrics))),
            keys: Arc::new(MeteredKeys::new(keys, Arc::clone(&metrics))),
            clock,
            limits,
            write_budget: DEFAULT_WRITE_BUDGET,
            metrics,
            readiness: Readiness::new(readiness::CACHE_FOR),
        }
    }

    /// How long a readiness result is reused (tests shorten it).
    pub fn with_readiness_cache(mut self, cache_for: Duration) -> Self {
        self.readiness = Readiness::new(cache_for);
        self
    }

    pub fn metrics(&self) -> &Arc<Metrics> {
        &self.metrics
    }

    /// Whether the store and the key provider answer (`GET /ready`).
    pub async fn ready(&self) -> Result<(), NotReady> {
        self.readiness
            .check(self.store.as_ref(), self.keys.as_ref())
            .await
    }

    /// How much time a consuming write needs before a [`Deadline`].
    pub fn with_write_budget(mut self, budget: Duration) -> Self {
        self.write_budget = budget;
        self
    }

    /// A fresh id for one consuming write, once it is sure there is time
    /// for it: past this point an interrupted request cannot promise that
    /// nothing was used up.
    fn start_write(&self, deadline: Option<Deadline>) -> Result<OpId, ServiceError> {
        if let Some(Deadline(at)) = deadline
            && at.saturating_duration_since(Instant::now()) <= self.write_budget
        {
            return Err(ServiceError::Unavailable(
                "not enough time left before the deadline to write safely".into(),
            ));
        }
        OpId::generate().map_err(|e| ServiceError::Internal(e.to_string()))
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    pub fn config(&self) -> ConfigResponse {
        ConfigResponse {
            requests_enabled: self.requests_enabled(),
            ..self.limits.config()
        }
    }

    pub fn store(&self) -> &Arc<dyn SecretStore> {
        &self.store
    }

    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    pub async fn create(&self, req: CreateRequest) -> Result<CreateResponse, ServiceError> {
        let blob = req.blob.as_bytes();
        if blob.len() > self.limits.max_blob_bytes {
            return Err(ServiceError::TooLarge {
                len: blob.len(),
                max: self.limits.max_blob_bytes,
            });
        }
        blob::check_shape(blob).map_err(|e| ServiceError::Invalid(format!("blob: {e}")))?;
        let verifier = |name: &str, b: &Base64Bytes| {
            Verifier::from_slice(b.as_bytes())
                .map_err(|_| ServiceError::Invalid(format!("{name} must be 32 bytes")))
        };
        let link_verifier = verifier("link_verifier", &req.link_verifier)?;
        let reveal_verifier = verifier("reveal_verifier", &req.reveal_verifier)?;
        if !(MIN_TTL_SECS..=self.limits.max_ttl_secs).contains(&req.ttl_secs) {
            return Err(ServiceError::Invalid(format!(
                "ttl_secs must be between {MIN_TTL_SECS} and {}",
                self.limits.max_ttl_secs
            )));
        }
        if !(1..=self.limits.max_views).contains(&req.max_views) {
            return Err(ServiceError::Invalid(format!(
                "max_views must be between 1 and {}",
                self.limits.max_views
            )));
        }

        let random = |_| ServiceError::Internal("no system randomness".into());
        let id = SecretId::generate().map_err(random)?;
        let manage_token = ManageToken::generate().map_err(random)?;
        let data_key = self.keys.generate_data_key(Subject::Secret(id)).await?;
        let nonce: [u8; seal::NONCE_LEN] = sdo_shared::random_bytes().map_err(random)?;
        let now = self.clock.now();
        let expires_at = now + req.ttl_secs as i64;
        let record = Record {
            id,
            state: State::Waiting,
            payload: Some(SealedBlob {
                sealed: seal::seal(&data_key.key, &nonce, blob, &id),
                nonce,
                wrapped_key: data_key.wrapped,
                key_ref: data_key.key_ref,
            }),
            link_verifier: Some(link_verifier),
            reveal_verifier: Some(reveal_verifier),
            manage_verifier: Verifier::of(manage_token.expose()),
            kdf: req.kdf.clone(),
            created_at: now,
            expires_at,
            views_left: req.max_views,
            failed_attempts: 0,
            revealed_at: None,
        };
        self.store.insert(&record).await.map_err(|e| match e {
            // A create that may have happened is harmless to repeat: the
            // client never got the id, and the orphan expires.
            StoreError::Ambiguous(m) => ServiceError::Unavailable(m),
            other => other.into(),
        })?;
        self.metrics.record(Event::Created);
        Ok(CreateResponse {
            id: id.to_string(),
            manage_token: manage_token.expose().to_vec().into(),
            expires_at,
        })
    }

    /// The live, waiting record that `link_token` opens, or `NotFound`.
    async fn open_with_link(
        &self,
        id: &SecretId,
        link_token: &Token,
    ) -> Result<Record, ServiceError> {
        let record = self.store.get(id).await?.ok_or(ServiceError::NotFound)?;
        let holds_link = record
            .link_verifier
            .is_some_and(|v| v.matches(link_token.expose()));
        if !holds_link || record.state != State::Waiting {
            return Err(ServiceError::NotFound);
        }
        if record.is_expired(self.clock.now()) {
            self.metrics.record(Event::Expired);
            return Err(ServiceError::NotFound);
        }
        Ok(record)
    }

    pub async fn meta(
        &self,
        id: &SecretId,
        link_token: &Token,
    ) -> Result<MetaResponse, ServiceError> {
        let record = self.open_with_link(id, link_token).await?;
        Ok(MetaResponse {
            kdf: record.kdf,
            expires_at: record.expires_at,
            views_left: record.views_left,
        })
    }

    /// An answer whose outcome is unknown is counted where it is decided:
    /// only reveal and burn can give one (a create that may have happened
    /// is answered `Unavailable`).
    fn count_unknown<T>(&self, result: Result<T, ServiceError>) -> Result<T, ServiceError> {
        if let Err(ServiceError::OutcomeUnknown(_)) = &result {
            self.metrics.record(Event::OutcomeUnknown);
        }
        result
    }

    /// Burns with either the link token or the manage token.
    pub async fn burn(
        &self,
        id: &SecretId,
        token: &Token,
        deadline: Option<Deadline>,
    ) -> Result<(), ServiceError> {
        let result = self.burn_once(id, token, deadline).await;
        self.count_unknown(result)
    }

    async fn burn_once(
        &self,
        id: &SecretId,
        token: &Token,
        deadline: Option<Deadline>,
    ) -> Result<(), ServiceError> {
        for _ in 0..MAX_CONFLICTS {
            let record = self.store.get(id).await?.ok_or(ServiceError::NotFound)?;
            let holds_link = record
                .link_verifier
                .is_some_and(|v| v.matches(token.expose()));
            let holds_manage = record.manage_verifier.matches(token.expose());
            let now = self.clock.now();
            if !(holds_link | holds_manage) || record.state != State::Waiting {
                return Err(ServiceError::NotFound);
            }
            if record.is_expired(now) {
                self.metrics.record(Event::Expired);
                return Err(ServiceError::NotFound);
            }
            let op = self.start_write(deadline)?;
            if let Outcome::Done(()) = self.store.burn(id, now, &op).await? {
                self.metrics.record(Event::Burned);
                return Ok(());
            }
        }
        Err(ServiceError::Unavailable(
            "too much contention on one secret".into(),
        ))
    }

    pub async fn receipt(
        &self,
        id: &SecretId,
        manage_token: &Token,
    ) -> Result<ReceiptResponse, ServiceError> {
        let record = self.store.get(id).await?.ok_or(ServiceError::NotFound)?;
        if !record.manage_verifier.matches(manage_token.expose()) {
            return Err(ServiceError::NotFound);
        }
        // A tombstone stays truthful after expiry until the sweep removes it;
        // a secret still waiting at its expiry was never read.
        let state = match record.state {
            State::Waiting if record.is_expired(self.clock.now()) => State::Expired,
            s => s,
        };
        Ok(ReceiptResponse {
            state,
            created_at: record.created_at,
            expires_at: record.expires_at,
            views_left: record.views_left,
            failed_attempts: record.failed_attempts,
            revealed_at: record.revealed_at,
        })
    }

    /// Deletes expired records, secrets and requests; run periodically.
    pub async fn sweep(&self) -> Result<u64, ServiceError> {
        let now = self.clock.now();
        let deleted = self.store.sweep_expired(now).await? + self.sweep_requests(now).await?;
        self.metrics.count(Event::Swept, deleted);
        Ok(deleted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_never_print() {
        let token = Token::new([0xab; 32]);
        let shown = format!(
            "{token:?} {:?}",
            crate::api::extract::Bearer(Token::new([0xab; 32]))
        );
        assert!(
            !shown.contains("171") && !shown.to_lowercase().contains("ab, "),
            "{shown}"
        );
        assert!(shown.contains("***"), "{shown}");
    }
}
