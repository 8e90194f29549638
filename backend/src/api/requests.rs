//! The `/api/v1/requests` handlers (docs/PROTOCOL.md §8.7): parse, call the
//! service, answer. Fill, collect and cancel are consuming writes, so
//! [`super::documented_routes`] puts them with reveal and burn, outside the
//! request timeout.

use axum::Json;
use axum::extract::{Extension, FromRequestParts, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::IntoResponse;
use sdo_shared::api::{
    CollectResponse, CreateRequestRequest, CreateRequestResponse, ErrorCode, FillRequest,
    FillResponse, RequestMetaResponse,
};
use sdo_shared::request::RequestId;

use super::AppState;
use super::doc::{
    Internal, InvalidRequest, NotFound, RateLimited, TooLarge, Unauthorized, Unavailable,
    UnsupportedMediaType,
};
use super::error::ApiError;
use super::extract::{ApiJson, Bearer};
use crate::service::{Deadline, ServiceError};

/// The `{rid}` path segment; a malformed one gets the same 404 as an
/// unknown one, as for a secret's id.
#[derive(Debug)]
pub struct RidPath(pub RequestId);

impl<S: Send + Sync> FromRequestParts<S> for RidPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Path(text) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::not_found())?;
        RequestId::parse(&text)
            .map(RidPath)
            .map_err(|_| ApiError::not_found())
    }
}

/// A consuming write's lost answer, pointing at the request's state (which
/// both token holders can read) rather than at a secret's receipt.
fn consumed(e: ServiceError) -> ApiError {
    match e {
        ServiceError::OutcomeUnknown(cause) => {
            tracing::warn!(%cause, "outcome unknown");
            ApiError::new(
                ErrorCode::OutcomeUnknown,
                "the server could not confirm whether this went through; \
                 read the request's state to see",
            )
        }
        other => other.into(),
    }
}

#[utoipa::path(
    post,
    path = "/requests",
    tag = "requests",
    summary = "Ask for a secret: store a request",
    description = "Stores the verifiers of the inbox and fill tokens and the sealed note. \
        Returns the request's id; the client derives both tokens itself.",
    request_body = CreateRequestRequest,
    responses(
        (status = 201, description = "Stored; the request is open", body = CreateRequestResponse),
        (status = 400, response = InvalidRequest),
        (status = 413, response = TooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 429, response = RateLimited),
        (status = 500, response = Internal),
        (status = 503, response = Unavailable),
    )
)]
pub async fn create_request(
    State(service): State<AppState>,
    ApiJson(req): ApiJson<CreateRequestRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let created = service.create_request(req).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

#[utoipa::path(
    get,
    path = "/requests/{rid}",
    tag = "requests",
    summary = "A request's state; the sealed note to the fill token",
    description = "Answers for the request's whole life, tombstones and `expired` \
        included, until the record is swept. The note is only for the fill token, and \
        only while the request is open or filled.",
    params(RidPath),
    security(("fill_token" = []), ("inbox_token" = [])),
    responses(
        (status = 200, description = "The request's state", body = RequestMetaResponse),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 429, response = RateLimited),
        (status = 500, response = Internal),
        (status = 503, response = Unavailable),
    )
)]
pub async fn request_meta(
    State(service): State<AppState>,
    Bearer(token): Bearer,
    RidPath(id): RidPath,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(service.request_meta(&id, &token).await?))
}

#[utoipa::path(
    post,
    path = "/requests/{rid}/fill",
    tag = "requests",
    summary = "Answer a request with the sealed secret; the first fill wins",
    description = "Only an open, unexpired request takes a fill, in one conditional write. \
        Exempt from the server's request timeout, like a reveal.",
    params(RidPath),
    security(("fill_token" = [])),
    request_body = FillRequest,
    responses(
        (status = 200, description = "Stored; the request is filled", body = FillResponse),
        (status = 400, response = InvalidRequest),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 413, response = TooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 429, response = RateLimited),
        (status = 500, response = Internal),
        (status = 503, response = Unavailable),
    )
)]
pub async fn fill_request(
    State(service): State<AppState>,
    deadline: Option<Extension<Deadline>>,
    Bearer(token): Bearer,
    RidPath(id): RidPath,
    ApiJson(req): ApiJson<FillRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let deadline = deadline.map(|Extension(d)| d);
    Ok(Json(
        service
            .fill_request(&id, &token, req.blob.as_bytes(), deadline)
            .await
            .map_err(consumed)?,
    ))
}

#[utoipa::path(
    post,
    path = "/requests/{rid}/collect",
    tag = "requests",
    summary = "Take the secret: released once, then a tombstone",
    description = "Only a filled, unexpired request, in one conditional write; only its \
        winner gets the fill. No body. Exempt from the server's request timeout.",
    params(RidPath),
    security(("inbox_token" = [])),
    responses(
        (status = 200, description = "The fill, exactly as stored", body = CollectResponse),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 429, response = RateLimited),
        (status = 500, response = Internal),
        (status = 503, response = Unavailable),
    )
)]
pub async fn collect_request(
    State(service): State<AppState>,
    deadline: Option<Extension<Deadline>>,
    Bearer(token): Bearer,
    RidPath(id): RidPath,
) -> Result<impl IntoResponse, ApiError> {
    let deadline = deadline.map(|Extension(d)| d);
    Ok(Json(
        service
            .collect_request(&id, &token, deadline)
            .await
            .map_err(consumed)?,
    ))
}

#[utoipa::path(
    delete,
    path = "/requests/{rid}",
    tag = "requests",
    summary = "Withdraw the request; an uncollected secret is destroyed with it",
    params(RidPath),
    security(("inbox_token" = [])),
    responses(
        (status = 204, description = "Cancelled"),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 429, response = RateLimited),
        (status = 500, response = Internal),
        (status = 503, response = Unavailable),
    )
)]
pub async fn cancel_request(
    State(service): State<AppState>,
    deadline: Option<Extension<Deadline>>,
    Bearer(token): Bearer,
    RidPath(id): RidPath,
) -> Result<impl IntoResponse, ApiError> {
    service
        .cancel_request(&id, &token, deadline.map(|Extension(d)| d))
        .await
        .map_err(consumed)?;
    Ok(StatusCode::NO_CONTENT)
}
