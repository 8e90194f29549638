//! The AWS Lambda entry: the same router, fed by API Gateway (HTTP API,
//! payload v2) events through `lambda_http` instead of a TCP listener.
//!
//! Two things differ from a TCP server: the caller's address is API
//! Gateway's `sourceIp`, and every invocation has a deadline after which the
//! runtime kills it. The deadline goes to the service, which then starts no
//! consuming write that could be cut off halfway. And nothing scrapes a
//! Lambda, so its counters leave as a CloudWatch EMF log line at the end of
//! each invocation ([`crate::metrics::emf`]).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use lambda_http::RequestExt;
use lambda_http::request::RequestContext;

use crate::metrics::emf::Emf;
use crate::service::Deadline;

/// 2001-09-09 in milliseconds since the epoch: any real deadline is later.
const EPOCH_MS_2001: u64 = 1_000_000_000_000;

/// Whether this process was started by the Lambda runtime.
pub fn is_lambda() -> bool {
    std::env::var_os("AWS_LAMBDA_RUNTIME_API").is_some()
}

/// Serves Lambda invocations until the runtime stops the process.
pub async fn run(router: axum::Router, emf: Arc<Emf>) -> Result<(), lambda_http::Error> {
    lambda_http::run(with_emf(with_source_ip(router), emf)).await
}

/// Writes the counters' growth after each request: a Lambda invocation is
/// one request, and its counters are final once its response exists.
pub fn with_emf(router: axum::Router, emf: Arc<Emf>) -> axum::Router {
    router.layer(middleware::from_fn_with_state(emf, flush_after))
}

async fn flush_after(State(emf): State<Arc<Emf>>, request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    emf.flush();
    response
}

/// Gives the router the caller's address from API Gateway's request context,
/// where a TCP server would have the socket's, so per-client rate limiting
/// works the same on both; and the invocation's deadline.
pub fn with_source_ip(router: axum::Router) -> axum::Router {
    router.layer(middleware::from_fn(from_invocation))
}

async fn from_invocation(mut request: Request, next: Next) -> Response {
    // The runtime gives the deadline as wall-clock milliseconds since the
    // epoch. 0 means none was given (a request made outside the runtime),
    // and cargo lambda's emulator sends its timeout (600000) instead of a
    // time: a value before 2001 is not a deadline, and is ignored.
    let deadline_ms = request
        .lambda_context_ref()
        .map(|ctx| ctx.deadline)
        .filter(|&ms| ms >= EPOCH_MS_2001);
    if let Some(ms) = deadline_ms {
        let now_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        let left = Duration::from_millis(ms.saturating_sub(now_ms));
        tracing::debug!(deadline_ms = ms, now_ms, "invocation deadline");
        request
            .extensions_mut()
            .insert(Deadline(Instant::now() + left));
    }
    let ip = match request.extensions().request_context_ref() {
        Some(RequestContext::ApiGatewayV2(ctx)) => ctx.http.source_ip.as_deref(),
        _ => None,
    }
    .and_then(|ip| ip.parse::<IpAddr>().ok());
    if let Some(ip) = ip {
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::new(ip, 0)));
    }
    next.run(request).await
}
