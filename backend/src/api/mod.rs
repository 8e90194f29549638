//! The HTTP API's handlers: parse, call the service, answer. Thin on
//! purpose; the rules live in [`crate::service`].

pub mod error;
pub mod extract;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use sdo_shared::api::{CreateRequest, RevealRequest};
use tower_http::timeout::TimeoutLayer;

use self::error::ApiError;
use self::extract::{ApiJson, Bearer, IdPath};
use crate::service::{Service, Token};

pub type AppState = Arc<Service>;

/// The `/api/v1` routes. Route parameters are `{id}` (axum 0.8).
///
/// Every route but reveal answers 503 after `timeout`. Reveal is exempt on
/// purpose: cutting it off after its conditional write would consume a view
/// and tell the client to try again. Its steps are bounded on their own
/// (the body limit, the AWS SDK's operation timeouts, SQLite's busy timeout).
pub fn routes(timeout: Duration) -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/secrets", post(create))
        .route("/secrets/{id}", get(meta).delete(burn))
        .route("/secrets/{id}/receipt", get(receipt))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            timeout,
        ))
        // Added after the layer, so the layer does not wrap it.
        .route("/secrets/{id}/reveal", post(reveal))
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
    Bearer(link_token): Bearer,
    IdPath(id): IdPath,
    ApiJson(req): ApiJson<RevealRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let reveal_token: [u8; 32] = req.reveal_token.as_bytes().try_into().map_err(|_| {
        ApiError::new(
            sdo_shared::api::ErrorCode::InvalidRequest,
            "reveal_token must be 32 bytes",
        )
    })?;
    let reveal_token = Token::new(reveal_token);
    Ok(Json(service.reveal(&id, &link_token, &reveal_token).await?))
}

async fn burn(
    State(service): State<AppState>,
    Bearer(token): Bearer,
    IdPath(id): IdPath,
) -> Result<impl IntoResponse, ApiError> {
    service.burn(&id, &token).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn receipt(
    State(service): State<AppState>,
    Bearer(manage_token): Bearer,
    IdPath(id): IdPath,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(service.receipt(&id, &manage_token).await?))
}
