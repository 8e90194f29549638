//! Metrics for operators: what happened to secrets, how fast each route
//! answered, what failed underneath, and how long the SQLite write queue is.
//!
//! One [`Metrics`] per [`crate::service::Service`], a value and not a
//! global, so each test (and each server) counts only its own requests. A
//! TCP server exposes it in the Prometheus text format on its own listener
//! (`--metrics-listen`, see [`router`]), never on the public one; on Lambda
//! the counters leave as CloudWatch Embedded Metric Format lines ([`emf`]).
//!
//! Every label value comes from a fixed set: an event, an error kind, a
//! route *template*, a method, a status. Never an id, a token, a size or a
//! client address, so nothing a caller sends can become a label.
//!
//! Where each event is counted (one place each, in the service unless said):
//! - created: the insert of a new secret succeeded;
//! - revealed: one view was taken (a 3-view secret counts up to 3);
//! - burned: the burn write succeeded;
//! - wrong passphrase: a failed attempt was written, including the one that
//!   locks (so locked ≤ wrong passphrases);
//! - locked: the failed attempt that reached the limit destroyed the secret;
//! - expired: a caller holding the right token found the secret waiting but
//!   past its expiry (a link opened too late). Counted per request, not per
//!   secret; the sweep cannot count this (it also deletes tombstones, and
//!   DynamoDB and Lambda have no sweep), while swept counts what it deleted;
//! - rate limited: the rate limiter refused a request (in its middleware);
//! - outcome unknown: a reveal or burn answered 503 `outcome_unknown`.

pub mod emf;
mod metered;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::{Method, header};
use axum::response::IntoResponse;
use axum::routing::get;
use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::{ConstGauge, Gauge};
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

pub use self::metered::{MeteredKeys, MeteredStore};
use crate::keys::KeyError;
use crate::store::{SecretStore, StoreError};

/// Where the metrics listener answers.
pub const PATH: &str = "/metrics";
/// The Prometheus text format, version 0.0.4.
pub const CONTENT_TYPE: &str = prometheus_client::encoding::prometheus_text::CONTENT_TYPE;

// Names as registered; the text format appends `_total` to counters.
pub const SECRETS_CREATED: &str = "sdo_secrets_created";
pub const SECRETS_REVEALED: &str = "sdo_secrets_revealed";
pub const SECRETS_BURNED: &str = "sdo_secrets_burned";
pub const SECRETS_EXPIRED: &str = "sdo_secrets_expired";
pub const SECRETS_LOCKED: &str = "sdo_secrets_locked";
pub const WRONG_PASSPHRASES: &str = "sdo_wrong_passphrases";
pub const RATE_LIMITED: &str = "sdo_rate_limited";
pub const OUTCOME_UNKNOWN: &str = "sdo_outcome_unknown";
pub const SECRETS_SWEPT: &str = "sdo_secrets_swept";
pub const REQUESTS_CREATED: &str = "sdo_requests_created";
pub const REQUESTS_FILLED: &str = "sdo_requests_filled";
pub const REQUESTS_COLLECTED: &str = "sdo_requests_collected";
pub const REQUESTS_CANCELLED: &str = "sdo_requests_cancelled";
/// Label `kind`: one of [`STORE_ERROR_KINDS`].
pub const STORE_ERRORS: &str = "sdo_store_errors";
/// Label `kind`: one of [`KEY_ERROR_KINDS`].
pub const KEY_ERRORS: &str = "sdo_key_errors";
/// Labels `method`, `route` (the template, or `fallback`), `status`.
pub const REQUEST_DURATION: &str = "sdo_http_request_duration_seconds";
/// Only on a store with a write queue (SQLite); absent on DynamoDB.
pub const QUEUE_DEPTH: &str = "sdo_store_queue_depth";
/// Always 1; label `version`.
pub const BUILD_INFO: &str = "sdo_build_info";

/// The route label of a request no route matched (the static app, 404s).
pub const FALLBACK_ROUTE: &str = "fallback";

/// Latency buckets, in seconds: a local SQLite answer is milliseconds, a
/// KMS or DynamoDB round trip tens of them, a timeout 5 s or more.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// What a counter counts; see the module documentation for where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Created,
    Revealed,
    Burned,
    Expired,
    Locked,
    WrongPassphrase,
    RateLimited,
    OutcomeUnknown,
    Swept,
    RequestCreated,
    RequestFilled,
    RequestCollected,
    RequestCancelled,
}

impl Event {
    pub const ALL: [Event; 13] = [
        Event::Created,
        Event::Revealed,
        Event::Burned,
        Event::Expired,
        Event::Locked,
        Event::WrongPassphrase,
        Event::RateLimited,
        Event::OutcomeUnknown,
        Event::Swept,
        Event::RequestCreated,
        Event::RequestFilled,
        Event::RequestCollected,
        Event::RequestCancelled,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Event::Created => SECRETS_CREATED,
            Event::Revealed => SECRETS_REVEALED,
            Event::Burned => SECRETS_BURNED,
            Event::Expired => SECRETS_EXPIRED,
            Event::Locked => SECRETS_LOCKED,
            Event::WrongPassphrase => WRONG_PASSPHRASES,
            Event::RateLimited => RATE_LIMITED,
            Event::OutcomeUnknown => OUTCOME_UNKNOWN,
            Event::Swept => SECRETS_SWEPT,
            Event::RequestCreated => REQUESTS_CREATED,
            Event::RequestFilled => REQUESTS_FILLED,
            Event::RequestCollected => REQUESTS_COLLECTED,
            Event::RequestCancelled => REQUESTS_CANCELLED,
        }
    }

    fn help(self) -> &'static str {
        match self {
            Event::Created => "Secrets stored",
            Event::Revealed => "Views taken (a secret with n views counts up to n)",
            Event::Burned => "Secrets destroyed by their link or manage token",
            Event::Expired => "Requests by a token holder that found their secret expired",
            Event::Locked => "Secrets destroyed by too many wrong passphrases",
            Event::WrongPassphrase => "Wrong passphrases counted (including the locking one)",
            Event::RateLimited => "Requests refused by the rate limit (429)",
            Event::OutcomeUnknown => {
                "Reveals, burns, and requests' fills, collects and cancels answered 503 outcome_unknown"
            }
            Event::Swept => "Expired records deleted by the sweep",
            Event::RequestCreated => "Secret requests stored",
            Event::RequestFilled => "Secret requests answered (the one fill that won)",
            Event::RequestCollected => "Answers released to their requester (once each)",
            Event::RequestCancelled => "Secret requests withdrawn by their requester",
        }
    }
}

/// The `kind` label of [`STORE_ERRORS`].
pub const STORE_ERROR_KINDS: [&str; 5] = [
    "already_exists",
    "unavailable",
    "ambiguous",
    "internal",
    "corrupt",
];

/// The `kind` label of [`KEY_ERRORS`].
pub const KEY_ERROR_KINDS: [&str; 2] = ["unavailable", "refused"];

pub fn store_error_kind(e: &StoreError) -> &'static str {
    match e {
        StoreError::AlreadyExists => STORE_ERROR_KINDS[0],
        StoreError::Unavailable(_) => STORE_ERROR_KINDS[1],
        StoreError::Ambiguous(_) => STORE_ERROR_KINDS[2],
        StoreError::Internal(_) => STORE_ERROR_KINDS[3],
        StoreError::Corrupt(_) => STORE_ERROR_KINDS[4],
    }
}

pub fn key_error_kind(e: &KeyError) -> &'static str {
    match e {
        KeyError::Unavailable(_) => KEY_ERROR_KINDS[0],
        KeyError::Refused(_) => KEY_ERROR_KINDS[1],
    }
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabel {
    kind: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    route: String,
    status: u16,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct BuildLabels {
    version: &'static str,
}

type Histograms = Family<RequestLabels, Histogram, fn() -> Histogram>;

#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    events: Vec<Counter>,
    store_errors: Family<KindLabel, Counter>,
    key_errors: Family<KindLabel, Counter>,
    requests: Histograms,
}

impl Metrics {
    /// `store` is asked for its write queue's depth at each scrape.
    pub fn new(store: Arc<dyn SecretStore>) -> Self {
        let mut registry = Registry::default();
        let events: Vec<Counter> = Event::ALL.iter().map(|_| Counter::default()).collect();
        for (event, counter) in Event::ALL.iter().zip(&events) {
            registry.register(event.name(), event.help(), counter.clone());
        }
        let store_errors = Family::<KindLabel, Counter>::default();
        let key_errors = Family::<KindLabel, Counter>::default();
        // Every kind from the start, at 0, so a first error is a rate.
        for kind in STORE_ERROR_KINDS {
            store_errors.get_or_create(&KindLabel { kind }).inc_by(0);
        }
        for kind in KEY_ERROR_KINDS {
            key_errors.get_or_create(&KindLabel { kind }).inc_by(0);
        }
        registry.register(
            STORE_ERRORS,
            "Secret store errors by kind",
            store_errors.clone(),
        );
        registry.register(
            KEY_ERRORS,
            "Key provider errors by kind",
            key_errors.clone(),
        );
        let requests: Histograms = Family::new_with_constructor(|| Histogram::new(BUCKETS));
        registry.register(
            REQUEST_DURATION,
            "Time to answer a request, by route template, method and status",
            requests.clone(),
        );
        let build = Family::<BuildLabels, Gauge>::default();
        build
            .get_or_create(&BuildLabels {
                version: env!("CARGO_PKG_VERSION"),
            })
            .set(1);
        registry.register(BUILD_INFO, "The running server's version", build);
        registry.register_collector(Box::new(QueueDepth(store)));
        Self {
            registry,
            events,
            store_errors,
            key_errors,
            requests,
        }
    }

    pub fn record(&self, event: Event) {
        self.count(event, 1);
    }

    pub fn count(&self, event: Event, n: u64) {
        self.counter(event).inc_by(n);
    }

    pub fn get(&self, event: Event) -> u64 {
        self.counter(event).get()
    }

    fn counter(&self, event: Event) -> &Counter {
        // `ALL` lists the variants in declaration order, as `new` made them.
        &self.events[event as usize]
    }

    pub fn store_error(&self, e: &StoreError) {
        let kind = store_error_kind(e);
        self.store_errors.get_or_create(&KindLabel { kind }).inc();
    }

    pub fn key_error(&self, e: &KeyError) {
        let kind = key_error_kind(e);
        self.key_errors.get_or_create(&KindLabel { kind }).inc();
    }

    /// `route` is the matched route's template; `None` is the fallback.
    pub fn observe_request(
        &self,
        method: &Method,
        route: Option<&str>,
        status: u16,
        elapsed: Duration,
    ) {
        let labels = RequestLabels {
            method: method_label(method),
            route: route.unwrap_or(FALLBACK_ROUTE).to_owned(),
            status,
        };
        self.requests
            .get_or_create(&labels)
            .observe(elapsed.as_secs_f64());
    }

    /// Every counter's name and value, in a fixed order: the events, then
    /// `<STORE_ERRORS>_<kind>` and `<KEY_ERRORS>_<kind>` (what EMF sends).
    pub fn counters(&self) -> Vec<(String, u64)> {
        let mut all: Vec<(String, u64)> = Event::ALL
            .iter()
            .map(|e| (e.name().to_owned(), self.get(*e)))
            .collect();
        for (name, family, kinds) in [
            (STORE_ERRORS, &self.store_errors, &STORE_ERROR_KINDS[..]),
            (KEY_ERRORS, &self.key_errors, &KEY_ERROR_KINDS[..]),
        ] {
            for kind in kinds {
                let value = family.get_or_create(&KindLabel { kind }).get();
                all.push((format!("{name}_{kind}"), value));
            }
        }
        all
    }

    /// The Prometheus text exposition of everything.
    pub fn encode(&self) -> String {
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::prometheus_text::encode(&mut text, &self.registry);
        text
    }
}

/// Methods outside the usual ones share one label, so a client cannot mint
/// new series by sending made-up methods (axum answers them 405).
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::DELETE => "DELETE",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        _ => "other",
    }
}

/// Reads the queue depth at scrape time rather than keeping a gauge that
/// someone must remember to update; absent when the store has no queue.
#[derive(Debug)]
struct QueueDepth(Arc<dyn SecretStore>);

impl Collector for QueueDepth {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let Some(depth) = self.0.queue_depth() else {
            return Ok(());
        };
        let gauge = ConstGauge::new(i64::try_from(depth).unwrap_or(i64::MAX));
        let metric = encoder.encode_descriptor(
            QUEUE_DEPTH,
            "Writes waiting for the SQLite writer thread",
            None,
            gauge.metric_type(),
        )?;
        gauge.encode(metric)
    }
}

/// The metrics listener's whole router: `GET /metrics` and nothing else.
/// It is served on its own address, never merged into the public router.
pub fn router(metrics: Arc<Metrics>) -> axum::Router {
    axum::Router::new()
        .route(PATH, get(scrape))
        .with_state(metrics)
}

async fn scrape(State(metrics): State<Arc<Metrics>>) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, CONTENT_TYPE),
            (header::CACHE_CONTROL, "no-store"),
        ],
        metrics.encode(),
    )
}
