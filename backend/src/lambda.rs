//! The AWS Lambda entry: the same router, fed by API Gateway (HTTP API,
//! payload v2) events through `lambda_http` instead of a TCP listener.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, Request};
use axum::middleware::{self, Next};
use axum::response::Response;
use lambda_http::RequestExt;
use lambda_http::request::RequestContext;

/// Whether this process was started by the Lambda runtime.
pub fn is_lambda() -> bool {
    std::env::var_os("AWS_LAMBDA_RUNTIME_API").is_some()
}

/// Serves Lambda invocations until the runtime stops the process.
pub async fn run(router: axum::Router) -> Result<(), lambda_http::Error> {
    lambda_http::run(with_source_ip(router)).await
}

/// Gives the router the caller's address from API Gateway's request context,
/// where a TCP server would have the socket's, so per-client rate limiting
/// works the same on both.
pub fn with_source_ip(router: axum::Router) -> axum::Router {
    router.layer(middleware::from_fn(source_ip))
}

async fn source_ip(mut request: Request, next: Next) -> Response {
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
