//! A secret request's lifecycle (docs/PROTOCOL.md §8): create, look, fill,
//! collect, cancel.
//!
//! The same rules as for secrets: tokens are compared in constant time with
//! both verifiers, and every wrong token, wrong kind of token, unknown id or
//! state that does not allow the call is the one 404. Fill and collect do
//! their key-service work *before* their conditional write, so a failing
//! key service consumes nothing, and only the winner of that write answers
//! 200. The store is reached only through [`RequestStore`].

use sdo_shared::api::{
    CollectResponse, CreateRequestRequest, CreateRequestResponse, FillResponse, MIN_TTL_SECS,
    RequestMetaResponse, RequestState,
};
use sdo_shared::base64url::Base64Bytes;
use sdo_shared::request::{RequestId, fill, note};
use sdo_shared::secret::Verifier;

use super::{Deadline, MAX_CONFLICTS, Service, ServiceError, Token};
use crate::keys::Subject;
use crate::metrics::Event;
use crate::seal::{self, DataKey, REQUEST_FILL_AAD, REQUEST_NOTE_AAD};
use crate::store::{Outcome, RequestRecord, RequestStore, Sealed, StoreError, WrappedDataKey};

/// Which of a request's two tokens a caller holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holder {
    /// The request link's: look, read the note, fill.
    Filler,
    /// The inbox link's: look, collect, cancel.
    Requester,
}

fn random(_: sdo_shared::RandomError) -> ServiceError {
    ServiceError::Internal("no system randomness".into())
}

impl Service {
    /// The store's requests, or the one 404 on a store without them.
    fn request_store(&self) -> Result<&dyn RequestStore, ServiceError> {
        self.store.requests().ok_or(ServiceError::NotFound)
    }

    /// Whether this server serves `/api/v1/requests`.
    pub fn requests_enabled(&self) -> bool {
        self.store.requests().is_some()
    }

    pub async fn create_request(
        &self,
        req: CreateRequestRequest,
    ) -> Result<CreateRequestResponse, ServiceError> {
        let store = self.request_store()?;
        let verifier = |name: &str, b: &Base64Bytes| {
            Verifier::from_slice(b.as_bytes())
                .map_err(|_| ServiceError::Invalid(format!("{name} must be 32 bytes")))
        };
        let inbox_verifier = verifier("inbox_verifier", &req.inbox_verifier)?;
        let fill_verifier = verifier("fill_verifier", &req.fill_verifier)?;
        if let Some(n) = &req.note {
            note::check_shape(n.as_bytes())
                .map_err(|e| ServiceError::Invalid(format!("note: {e}")))?;
        }
        if !(MIN_TTL_SECS..=self.limits.max_ttl_secs).contains(&req.ttl_secs) {
            return Err(ServiceError::Invalid(format!(
                "ttl_secs must be between {MIN_TTL_SECS} and {}",
                self.limits.max_ttl_secs
            )));
        }

        let id = RequestId::generate().map_err(random)?;
        let data_key = self.keys.generate_data_key(Subject::Request(id)).await?;
        let note = match &req.note {
            Some(n) => Some(seal_with(
                &data_key.key,
                n.as_bytes(),
                REQUEST_NOTE_AAD,
                &id,
            )?),
            None => None,
        };
        let now = self.clock.now();
        let expires_at = now + req.ttl_secs as i64;
        let record = RequestRecord {
            id,
            state: RequestState::Open,
            inbox_verifier,
            fill_verifier,
            key: Some(WrappedDataKey {
                wrapped_key: data_key.wrapped,
                key_ref: data_key.key_ref,
            }),
            note,
            fill: None,
            created_at: now,
            expires_at,
            filled_at: None,
            collected_at: None,
        };
        store.insert_request(&record).await.map_err(|e| match e {
            // As for a secret: the client never got the id; an orphan expires.
            StoreError::Ambiguous(m) => ServiceError::Unavailable(m),
            other => other.into(),
        })?;
        tracing::info!("request created");
        self.metrics.record(Event::RequestCreated);
        Ok(CreateRequestResponse {
            id: id.to_string(),
            expires_at,
        })
    }

    /// The record and which token `token` is, or `NotFound`. Both verifiers
    /// are always compared, so timing says nothing about which one failed.
    async fn request_for(
        &self,
        id: &RequestId,
        token: &Token,
    ) -> Result<(RequestRecord, Holder), ServiceError> {
        let record = self
            .request_store()?
            .get_request(id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let filler = record.fill_verifier.matches(token.expose());
        let requester = record.inbox_verifier.matches(token.expose());
        let holder = match (filler, requester) {
            (true, false) => Holder::Filler,
            (false, true) => Holder::Requester,
            _ => return Err(ServiceError::NotFound),
        };
        Ok((record, holder))
    }

    /// The live record (not expired, in `state`) that `token` of `holder`'s
    /// kind opens, or `NotFound`.
    async fn live_request(
        &self,
        id: &RequestId,
        token: &Token,
        holder: Holder,
        states: &[RequestState],
    ) -> Result<RequestRecord, ServiceError> {
        let (record, held) = self.request_for(id, token).await?;
        let now = self.clock.now();
        if held != holder || !states.contains(&record.state) || record.is_expired(now) {
            return Err(ServiceError::NotFound);
        }
        Ok(record)
    }

    pub async fn request_meta(
        &self,
        id: &RequestId,
        token: &Token,
    ) -> Result<RequestMetaResponse, ServiceError> {
        let (record, holder) = self.request_for(id, token).await?;
        let state = record.state_at(self.clock.now());
        let live = matches!(state, RequestState::Open | RequestState::Filled);
        let note = match (&record.note, holder) {
            (Some(sealed), Holder::Filler) if live => Some(
                self.open_sealed(&record, sealed, REQUEST_NOTE_AAD)
                    .await?
                    .into(),
            ),
            _ => None,
        };
        Ok(RequestMetaResponse {
            state,
            created_at: record.created_at,
            expires_at: record.expires_at,
            filled_at: record.filled_at,
            collected_at: record.collected_at,
            note,
        })
    }

    pub async fn fill_request(
        &self,
        id: &RequestId,
        fill_token: &Token,
        blob: &[u8],
        deadline: Option<Deadline>,
    ) -> Result<FillResponse, ServiceError> {
        let max = self.limits.max_fill_bytes();
        if blob.len() > max {
            return Err(ServiceError::TooLarge {
                len: blob.len(),
                max,
            });
        }
        fill::check_shape(blob).map_err(|e| ServiceError::Invalid(format!("blob: {e}")))?;
        let result = self.fill_once(id, fill_token, blob, deadline).await;
        self.count_unknown(result)
    }

    async fn fill_once(
        &self,
        id: &RequestId,
        fill_token: &Token,
        blob: &[u8],
        deadline: Option<Deadline>,
    ) -> Result<FillResponse, ServiceError> {
        let open = [RequestState::Open];
        let mut sealed: Option<Sealed> = None;
        for _ in 0..MAX_CONFLICTS {
            let record = self
                .live_request(id, fill_token, Holder::Filler, &open)
                .await?;
            if sealed.is_none() {
                let key = self.data_key(&record).await?;
                sealed = Some(seal_with(&key, blob, REQUEST_FILL_AAD, id)?);
            }
            let fill = sealed
                .as_ref()
                .ok_or_else(|| ServiceError::Internal("unsealed".into()))?;
            let now = self.clock.now();
            let op = self.start_write(deadline)?;
            if let Outcome::Done(()) = self
                .request_store()?
                .fill_request(id, fill, now, &op)
                .await?
            {
                tracing::info!("request filled");
                self.metrics.record(Event::RequestFilled);
                return Ok(FillResponse {
                    expires_at: record.expires_at,
                });
            }
        }
        Err(ServiceError::Unavailable(
            "too much contention on one request".into(),
        ))
    }

    pub async fn collect_request(
        &self,
        id: &RequestId,
        inbox_token: &Token,
        deadline: Option<Deadline>,
    ) -> Result<CollectResponse, ServiceError> {
        let result = self.collect_once(id, inbox_token, deadline).await;
        self.count_unknown(result)
    }

    async fn collect_once(
        &self,
        id: &RequestId,
        inbox_token: &Token,
        deadline: Option<Deadline>,
    ) -> Result<CollectResponse, ServiceError> {
        let filled = [RequestState::Filled];
        for _ in 0..MAX_CONFLICTS {
            let record = self
                .live_request(id, inbox_token, Holder::Requester, &filled)
                .await?;
            let (sealed, filled_at) =
                record.fill.as_ref().zip(record.filled_at).ok_or_else(|| {
                    ServiceError::Internal("filled request without its fill".into())
                })?;
            // Opened before the write: a key service failure consumes nothing.
            let blob = self.open_sealed(&record, sealed, REQUEST_FILL_AAD).await?;
            let now = self.clock.now();
            let op = self.start_write(deadline)?;
            if let Outcome::Done(()) = self.request_store()?.collect_request(id, now, &op).await? {
                tracing::info!("request collected");
                self.metrics.record(Event::RequestCollected);
                return Ok(CollectResponse {
                    blob: blob.into(),
                    filled_at,
                });
            }
        }
        Err(ServiceError::Unavailable(
            "too much contention on one request".into(),
        ))
    }

    pub async fn cancel_request(
        &self,
        id: &RequestId,
        inbox_token: &Token,
        deadline: Option<Deadline>,
    ) -> Result<(), ServiceError> {
        let result = self.cancel_once(id, inbox_token, deadline).await;
        self.count_unknown(result)
    }

    async fn cancel_once(
        &self,
        id: &RequestId,
        inbox_token: &Token,
        deadline: Option<Deadline>,
    ) -> Result<(), ServiceError> {
        let live = [RequestState::Open, RequestState::Filled];
        for _ in 0..MAX_CONFLICTS {
            self.live_request(id, inbox_token, Holder::Requester, &live)
                .await?;
            let now = self.clock.now();
            let op = self.start_write(deadline)?;
            if let Outcome::Done(()) = self.request_store()?.cancel_request(id, now, &op).await? {
                tracing::info!("request cancelled");
                self.metrics.record(Event::RequestCancelled);
                return Ok(());
            }
        }
        Err(ServiceError::Unavailable(
            "too much contention on one request".into(),
        ))
    }

    /// Deletes expired requests (part of [`Service::sweep`]).
    pub(super) async fn sweep_requests(&self, now: i64) -> Result<u64, ServiceError> {
        match self.store.requests() {
            Some(store) => Ok(store.sweep_expired_requests(now).await?),
            None => Ok(0),
        }
    }

    async fn data_key(&self, record: &RequestRecord) -> Result<DataKey, ServiceError> {
        let key = record
            .key
            .as_ref()
            .ok_or_else(|| ServiceError::Internal("live request without its data key".into()))?;
        Ok(self
            .keys
            .unwrap(&key.wrapped_key, &key.key_ref, Subject::Request(record.id))
            .await?)
    }

    async fn open_sealed(
        &self,
        record: &RequestRecord,
        sealed: &Sealed,
        label: &[u8],
    ) -> Result<Vec<u8>, ServiceError> {
        let key = self.data_key(record).await?;
        seal::open_labelled(&key, &sealed.nonce, &sealed.sealed, label, &record.id)
            .map_err(|e| ServiceError::Internal(format!("stored request: {e}")))
    }
}

fn seal_with(
    key: &DataKey,
    bytes: &[u8],
    label: &[u8],
    id: &RequestId,
) -> Result<Sealed, ServiceError> {
    let nonce: [u8; seal::NONCE_LEN] = sdo_shared::random_bytes().map_err(random)?;
    Ok(Sealed {
        sealed: seal::seal_labelled(key, &nonce, bytes, label, id),
        nonce,
    })
}
