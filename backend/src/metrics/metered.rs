//! Store and key-provider wrappers that count every error by kind, so each
//! call site in the service need not, and none is forgotten.

use std::sync::Arc;

use async_trait::async_trait;
use sdo_shared::request::RequestId;
use sdo_shared::secret::SecretId;

use super::Metrics;
use crate::keys::{KeyError, KeyProvider, NewDataKey, Subject};
use crate::seal::DataKey;
use crate::store::{
    Failure, OpId, Outcome, Record, RequestRecord, RequestStore, Sealed, SecretStore, StoreError,
};

#[derive(Debug)]
pub struct MeteredStore {
    inner: Arc<dyn SecretStore>,
    metrics: Arc<Metrics>,
}

impl MeteredStore {
    pub fn new(inner: Arc<dyn SecretStore>, metrics: Arc<Metrics>) -> Self {
        Self { inner, metrics }
    }

    fn seen<T>(&self, result: Result<T, StoreError>) -> Result<T, StoreError> {
        if let Err(e) = &result {
            self.metrics.store_error(e);
        }
        result
    }
}

#[async_trait]
impl SecretStore for MeteredStore {
    async fn insert(&self, record: &Record) -> Result<(), StoreError> {
        self.seen(self.inner.insert(record).await)
    }

    async fn get(&self, id: &SecretId) -> Result<Option<Record>, StoreError> {
        self.seen(self.inner.get(id).await)
    }

    async fn take_view(
        &self,
        id: &SecretId,
        views_left: u32,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<u32>, StoreError> {
        self.seen(self.inner.take_view(id, views_left, now, op).await)
    }

    async fn record_failure(
        &self,
        id: &SecretId,
        failed_attempts: u32,
        limit: u32,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<Failure>, StoreError> {
        let result = self
            .inner
            .record_failure(id, failed_attempts, limit, now, op)
            .await;
        self.seen(result)
    }

    async fn burn(&self, id: &SecretId, now: i64, op: &OpId) -> Result<Outcome<()>, StoreError> {
        self.seen(self.inner.burn(id, now, op).await)
    }

    async fn sweep_expired(&self, now: i64) -> Result<u64, StoreError> {
        self.seen(self.inner.sweep_expired(now).await)
    }

    async fn master_key_ref(&self) -> Result<Option<String>, StoreError> {
        self.seen(self.inner.master_key_ref().await)
    }

    async fn record_master_key(&self, key_ref: &str) -> Result<(), StoreError> {
        self.seen(self.inner.record_master_key(key_ref).await)
    }

    async fn has_records(&self) -> Result<bool, StoreError> {
        self.seen(self.inner.has_records().await)
    }

    /// Itself, counting errors, when the wrapped store has requests.
    fn requests(&self) -> Option<&dyn RequestStore> {
        self.inner.requests().map(|_| self as &dyn RequestStore)
    }

    fn queue_depth(&self) -> Option<usize> {
        self.inner.queue_depth()
    }
}

/// Reached only through [`SecretStore::requests`], which hands it out only
/// when the wrapped store has requests, so the service's request calls are
/// counted like its secret calls.
#[async_trait]
impl RequestStore for MeteredStore {
    async fn insert_request(&self, record: &RequestRecord) -> Result<(), StoreError> {
        self.seen(self.inner_requests()?.insert_request(record).await)
    }

    async fn get_request(&self, id: &RequestId) -> Result<Option<RequestRecord>, StoreError> {
        self.seen(self.inner_requests()?.get_request(id).await)
    }

    async fn fill_request(
        &self,
        id: &RequestId,
        fill: &Sealed,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<()>, StoreError> {
        self.seen(self.inner_requests()?.fill_request(id, fill, now, op).await)
    }

    async fn collect_request(
        &self,
        id: &RequestId,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<()>, StoreError> {
        self.seen(self.inner_requests()?.collect_request(id, now, op).await)
    }

    async fn cancel_request(
        &self,
        id: &RequestId,
        now: i64,
        op: &OpId,
    ) -> Result<Outcome<()>, StoreError> {
        self.seen(self.inner_requests()?.cancel_request(id, now, op).await)
    }

    async fn sweep_expired_requests(&self, now: i64) -> Result<u64, StoreError> {
        self.seen(self.inner_requests()?.sweep_expired_requests(now).await)
    }
}

impl MeteredStore {
    fn inner_requests(&self) -> Result<&dyn RequestStore, StoreError> {
        self.inner
            .requests()
            .ok_or_else(|| StoreError::Internal("this store has no requests".into()))
    }
}

#[derive(Debug)]
pub struct MeteredKeys {
    inner: Arc<dyn KeyProvider>,
    metrics: Arc<Metrics>,
}

impl MeteredKeys {
    pub fn new(inner: Arc<dyn KeyProvider>, metrics: Arc<Metrics>) -> Self {
        Self { inner, metrics }
    }

    fn seen<T>(&self, result: Result<T, KeyError>) -> Result<T, KeyError> {
        if let Err(e) = &result {
            self.metrics.key_error(e);
        }
        result
    }
}

#[async_trait]
impl KeyProvider for MeteredKeys {
    async fn generate_data_key(&self, subject: Subject) -> Result<NewDataKey, KeyError> {
        self.seen(self.inner.generate_data_key(subject).await)
    }

    async fn unwrap(
        &self,
        wrapped: &[u8],
        key_ref: &str,
        subject: Subject,
    ) -> Result<DataKey, KeyError> {
        self.seen(self.inner.unwrap(wrapped, key_ref, subject).await)
    }
}
