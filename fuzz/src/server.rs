//! The real router over SQLite, with a fixed master key, a manual clock and
//! the default limits, and one request through it.

use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use sdo_backend::app::{HttpOptions, router};
use sdo_backend::clock::ManualClock;
use sdo_backend::keys::LocalKeyProvider;
use sdo_backend::seal::DataKey;
use sdo_backend::service::{Limits, Service};
use sdo_backend::store::{Durability, SqliteStore};
use sdo_shared::base64url;
use tower::ServiceExt;

/// Fixed time, so a crash replays the same way.
pub const START: i64 = 1_800_000_000;

/// The limits every target's server runs with; the inputs' shapes and the
/// answers the targets expect are derived from the same.
pub fn limits() -> Limits {
    Limits::default()
}

/// The router's body limit under [`limits`] (`app::router` adds 4 KiB of
/// JSON around the largest blob's base64url).
pub fn body_limit() -> usize {
    base64url::encoded_len(limits().max_blob_bytes) + 4096
}

/// Built once per process by each target: a store per input would cost
/// more than the input.
pub struct Server {
    pub rt: tokio::runtime::Runtime,
    pub router: Router,
    pub service: Arc<Service>,
    pub clock: Arc<ManualClock>,
    _dir: tempfile::TempDir,
}

/// An answer, whole.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Server {
    pub fn start() -> Self {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path(), Durability::Normal).unwrap();
        let keys = LocalKeyProvider::from_key(DataKey::from_bytes([0x33; 32]));
        let clock = Arc::new(ManualClock::new(START));
        let service = Arc::new(Service::new(
            Arc::new(store),
            Arc::new(keys),
            clock.clone(),
            limits(),
        ));
        let router = rt.block_on(async { router(Arc::clone(&service), &HttpOptions::default()) });
        Self {
            rt,
            router,
            service,
            clock,
            _dir: dir,
        }
    }

    /// One request; `None` if http cannot even express it (then it is not
    /// the server's to answer).
    pub fn send(
        &self,
        method: Method,
        uri: &str,
        authorization: Option<&str>,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Option<Answer> {
        let mut req = Request::builder().method(method).uri(uri);
        if let Some(value) = authorization {
            req = req.header(header::AUTHORIZATION, value);
        }
        if let Some(value) = content_type {
            req = req.header(header::CONTENT_TYPE, value);
        }
        let req = req.body(Body::from(body.to_vec())).ok()?;
        self.rt.block_on(async {
            let response = self.router.clone().oneshot(req).await.unwrap();
            let status = response.status();
            let headers = response.headers().clone();
            let body = response.into_body().collect().await.unwrap().to_bytes();
            Some(Answer {
                status,
                headers,
                body: body.to_vec(),
            })
        })
    }
}

/// `SDO_FUZZ_TRACE=1` prints each call and status, to see which paths a
/// corpus reaches: `cargo fuzz run api corpus/api -- -runs=0`.
pub fn trace() -> bool {
    static TRACE: OnceLock<bool> = OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("SDO_FUZZ_TRACE").is_some())
}
