//! `router(service, options) -> Router`: the API, the optional static app,
//! and the middleware every response goes through.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use sdo_shared::api::API_PREFIX;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::CorsLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::timeout::TimeoutLayer;

use crate::api::{self, error::ApiError};
use crate::metrics::Metrics;
use crate::rate_limit::{self, RateLimit};
use crate::service::Service;

/// The strict policy for the browser app: only our own scripts and wasm, no
/// inline script, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; \
     manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// JSON overhead around the base64 blob in a create request.
const BODY_SLACK: usize = 4096;

/// Where the browser app comes from, if this server serves it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum StaticApp {
    /// API only.
    #[default]
    None,
    /// Files on disk (`--static-dir`), with their `.gz` twins when present.
    Dir(PathBuf),
    /// Built into the binary (feature `embed-app`).
    #[cfg(feature = "embed-app")]
    Embedded,
}

#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub static_app: StaticApp,
    pub allowed_origin: Option<HeaderValue>,
    pub rate_limit: Option<Arc<RateLimit>>,
    pub request_timeout: Duration,
}

impl Default for HttpOptions {
    fn default() -> Self {
        Self {
            static_app: StaticApp::None,
            allowed_origin: None,
            rate_limit: None,
            request_timeout: Duration::from_secs(30),
        }
    }
}

pub fn router(service: Arc<Service>, options: &HttpOptions) -> Router {
    let body_limit =
        sdo_shared::base64url::encoded_len(service.limits().max_blob_bytes) + BODY_SLACK;

    let mut api = api::routes(options.request_timeout, service.limits());
    if let Some(limit) = &options.rate_limit {
        api = api.layer(middleware::from_fn_with_state(
            (Arc::clone(limit), Arc::clone(service.metrics())),
            rate_limit::middleware,
        ));
    }
    let metrics = Arc::clone(service.metrics());
    let mut app = Router::new().nest(API_PREFIX, api.with_state(service));
    let static_timeout =
        TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, options.request_timeout);
    app = match &options.static_app {
        StaticApp::Dir(dir) => app.fallback_service(
            ServiceBuilder::new()
                .layer(static_timeout)
                .service(ServeDir::new(dir).precompressed_gzip()),
        ),
        #[cfg(feature = "embed-app")]
        StaticApp::Embedded => app.fallback(crate::embedded::serve),
        StaticApp::None => app.fallback(|| async { ApiError::for_status(StatusCode::NOT_FOUND) }),
    };

    let mut app = app
        .layer(RequestBodyLimitLayer::new(body_limit))
        .layer(DefaultBodyLimit::disable());
    if let Some(origin) = &options.allowed_origin {
        app = app.layer(
            CorsLayer::new()
                .allow_origin(origin.clone())
                .allow_methods([Method::GET, Method::POST, Method::DELETE])
                .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
                .max_age(Duration::from_secs(600)),
        );
    }
    // A panic becomes a JSON 500 that still gets the security headers.
    app.layer(CatchPanicLayer::custom(|_| {
        tracing::error!("handler panicked");
        ApiError::for_status(StatusCode::INTERNAL_SERVER_ERROR).into_response()
    }))
    // One layer for what every response gets: each layer on a router costs
    // every request a boxed clone of the service inside it, and the eight
    // this replaced (log, headers, JSON errors) were measurable
    // (docs/BENCHMARKS.md).
    .layer(middleware::from_fn_with_state(metrics, every_response))
}

/// The headers every response gets, whatever made it.
const SECURITY_HEADERS: [(HeaderName, &str); 5] = [
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "no-referrer"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
    (
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    ),
];

/// The access log around the request; then, on the way out, JSON error
/// bodies, the security headers (replacing any a handler set), and
/// `Cache-Control: no-store` unless a response says how long it may be
/// cached (only the embedded app's hashed files do, for a year).
async fn every_response(
    State(metrics): State<Arc<Metrics>>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned());
    let started = Instant::now();
    let mut response = json_errors(next.run(request).await);
    let headers = response.headers_mut();
    headers.reserve(SECURITY_HEADERS.len() + 1);
    for (name, value) in SECURITY_HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    access_log(&metrics, &method, route, &response, started.elapsed());
    response
}

/// Every error leaves with the same `{error, message}` body, whichever
/// layer made it (405 from routing, 413 from the body limit, timeouts).
fn json_errors(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let mut replaced = ApiError::for_status(status).into_response();
        if let Some(allow) = response.headers().get(header::ALLOW) {
            replaced.headers_mut().insert(header::ALLOW, allow.clone());
        }
        *replaced.status_mut() = status;
        return replaced;
    }
    response
}

/// One line per request: method, route template (never the raw path, which
/// carries ids), status and latency. Bodies and headers are never logged.
/// The same four go to the latency histogram.
fn access_log(
    metrics: &Metrics,
    method: &Method,
    route: Option<String>,
    response: &Response,
    elapsed: Duration,
) {
    let route = route.or_else(|| {
        response
            .extensions()
            .get::<MatchedPath>()
            .map(|p| p.as_str().to_owned())
    });
    let status = response.status().as_u16();
    metrics.observe_request(method, route.as_deref(), status, elapsed);
    tracing::info!(
        target: "sdo::access",
        %method,
        route = route.as_deref().unwrap_or("-"),
        status,
        latency_ms = elapsed.as_secs_f64() * 1000.0,
    );
}
