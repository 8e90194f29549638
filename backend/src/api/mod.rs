//! The HTTP API's handlers: parse, call the service, answer. Thin on
//! purpose; the rules live in [`crate::service`].

pub mod error;
pub mod extract;

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Extension, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use sdo_shared::api::{CreateRequest, ErrorCode, RevealRequest};
use tower_http::timeout::TimeoutLayer;

use self::error::ApiError;
use self::extract::{ApiJson, Bearer, IdPath};
use crate::service::{Deadline, Service, Token};

pub type AppState = Arc<Service>;

/// The `/api/v1` routes. Route parameters are `{id}` (axum 0.8).
///
/// Every route but the consuming ones (reveal, burn) answers 503 after
/// `timeout`. Those are exempt on purpose: cutting one off after its
/// conditional write would consume a view and tell the client to try again.
/// Only the reading of their body is timed (a slow client cannot hold one
/// open); the service call is bounded on its own (the AWS SDK's operation
/// timeouts, SQLite's busy timeout and bounded queue, a Lambda deadline).
pub fn routes(timeout: Duration) -> Router<AppState> {
    let consuming = Router::new()
        .route("/secrets/{id}/reveal", post(reveal))
        .route("/secrets/{id}", delete(burn))
        .layer(middleware::from_fn_with_state(timeout, read_body_within));
    Router::new()
        .route("/health", get(health))
        .route("/secrets", post(create))
        .route("/secrets/{id}", get(meta))
        .route("/secrets/{id}/receipt", get(receipt))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            timeout,
        ))
        // Merged after the layer, so the layer does not wrap them.
        .merge(consuming)
}

/// Buffers the request body within `timeout`, before the handler (and so
/// before anything is consumed); a body that does not arrive in time is a
/// 503 that used nothing up.
async fn read_body_within(
    State(timeout): State<Duration>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    match tokio::time::timeout(timeout, axum::body::to_bytes(body, usize::MAX)).await {
        Ok(Ok(bytes)) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Ok(Err(e)) => {
            let too_large = std::error::Error::source(&e)
                .is_some_and(|s| s.is::<http_body_util::LengthLimitError>());
            if too_large {
                ApiError::for_status(StatusCode::PAYLOAD_TOO_LARGE).into_response()
            } else {
                ApiError::new(ErrorCode::InvalidRequest, "the request body was cut off")
                    .into_response()
            }
        }
        Err(_) => ApiError::new(
            ErrorCode::Unavailable,
            "the request body did not arrive in time; nothing was used up, try again",
        )
        .into_response(),
    }
}

async fn health() -> impl IntoResponse {
    Json(serde_json::json!({ "status": "ok" }))
}

async fn create(
    State(service): State<AppState>,
    ApiJson(req): ApiJson<CreateRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let created = service.create(req).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

async fn meta(
    State(service): State<AppState>,
    Bearer(link_token): Bearer,
    IdPath(id): IdPath,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(service.meta(&id, &link_token).await?))
}

async fn reveal(
    State(service): State<AppState>,
    deadline: Option<Extension<Deadline>>,
    Bearer(link_token): Bearer,
    IdPath(id): IdPath,
    ApiJson(req): ApiJson<RevealRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let reveal_token: [u8; 32] =
        req.reveal_token.as_bytes().try_into().map_err(|_| {
            ApiError::new(ErrorCode::InvalidRequest, "reveal_token must be 32 bytes")
        })?;
    let reveal_token = Token::new(reveal_token);
    let deadline = deadline.map(|Extension(d)| d);
    Ok(Json(
        service
            .reveal(&id, &link_token, &reveal_token, deadline)
            .await?,
    ))
}

async fn burn(
    State(service): State<AppState>,
    deadline: Option<Extension<Deadline>>,
    Bearer(token): Bearer,
    IdPath(id): IdPath,
) -> Result<impl IntoResponse, ApiError> {
    service
        .burn(&id, &token, deadline.map(|Extension(d)| d))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn receipt(
    State(service): State<AppState>,
    Bearer(manage_token): Bearer,
    IdPath(id): IdPath,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(service.receipt(&id, &manage_token).await?))
}
