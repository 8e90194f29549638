//! The HTTP API's handlers: parse, call the service, answer. Thin on
//! purpose; the rules live in [`crate::service`].

pub mod doc;
pub mod error;
pub mod extract;
pub mod requests;

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Extension, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use sdo_shared::api::{
    API_PREFIX, ConfigResponse, CreateRequest, CreateResponse, ErrorCode, MetaResponse,
    ReceiptResponse, RevealRequest, RevealResponse,
};
use tower_http::timeout::TimeoutLayer;
use utoipa::OpenApi as _;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use self::doc::{
    ApiDoc, Health, HealthStatus, Internal, InvalidRequest, NotFound, RateLimited, TooLarge,
    Unauthorized, Unavailable, UnsupportedMediaType, WrongPassphrase,
};
use self::error::ApiError;
use self::extract::{ApiJson, Bearer, IdPath};
use crate::service::{Deadline, Limits, Service, Token};

pub type AppState = Arc<Service>;

/// The `/api/v1` routes. Route parameters are `{id}` (axum 0.8).
///
/// Every route but the consuming ones (reveal, burn; fill, collect and
/// cancel a request) answers 503 after
/// `timeout`. Those are exempt on purpose: cutting one off after its
/// conditional write would consume a view and tell the client to try again.
/// Only the reading of their body is timed (a slow client cannot hold one
/// open); the service call is bounded on its own (the AWS SDK's operation
/// timeouts, SQLite's busy timeout and bounded queue, a Lambda deadline).
///
/// `limits` go into the OpenAPI document, so it describes this server.
pub fn routes(timeout: Duration, limits: Limits) -> Router<AppState> {
    let (router, operations) = documented_routes(timeout).split_for_parts();
    let mut document = ApiDoc::openapi().nest(API_PREFIX, operations);
    doc::describe_limits(&mut document, limits);
    let json = serde_json::to_vec_pretty(&document).expect("an OpenAPI document serializes");
    router.layer(Extension(OpenApiJson(Bytes::from(json))))
}

/// Each `routes!` adds the handlers to the router and their
/// `#[utoipa::path]` to the document in one step.
fn documented_routes(timeout: Duration) -> OpenApiRouter<AppState> {
    let consuming = OpenApiRouter::new()
        .routes(routes!(reveal))
        .routes(routes!(burn))
        .routes(routes!(requests::fill_request))
        .routes(routes!(requests::collect_request))
        .routes(routes!(requests::cancel_request))
        .layer(middleware::from_fn_with_state(timeout, read_body_within));
    OpenApiRouter::new()
        .routes(routes!(health))
        .routes(routes!(ready))
        .routes(routes!(config))
        .routes(routes!(openapi_json))
        .routes(routes!(create))
        .routes(routes!(meta))
        .routes(routes!(receipt))
        .routes(routes!(requests::create_request))
        .routes(routes!(requests::request_meta))
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
            if is_too_large(&e) {
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

/// Whether reading a body failed on the body limit, however deeply the
/// layers wrapped that error.
fn is_too_large(e: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        if err.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = err.source();
    }
    false
}

/// The serialized document, made once per router.
#[derive(Debug, Clone)]
struct OpenApiJson(Bytes);

#[utoipa::path(
    get,
    path = "/health",
    tag = "service",
    summary = "Liveness: the process answers",
    responses(
        (status = 200, description = "The server is up", body = Health),
        (status = 429, response = RateLimited),
        (status = 503, response = Unavailable),
    )
)]
async fn health() -> impl IntoResponse {
    Json(Health {
        status: HealthStatus::Ok,
    })
}

#[utoipa::path(
    get,
    path = "/ready",
    tag = "service",
    summary = "Readiness: the store and the key provider answer",
    description = "One real round trip to each (a read of the store's settings, an unwrap \
        of a probe data key), its result reused for a second, so polling it costs at most \
        one of each per second. 503 while either fails; the cause goes to the server's log.",
    responses(
        (status = 200, description = "Ready to serve secrets", body = Health),
        (status = 429, response = RateLimited),
        (status = 503, response = Unavailable),
    )
)]
async fn ready(State(service): State<AppState>) -> Result<Json<Health>, ApiError> {
    service
        .ready()
        .await
        .map_err(|_| ApiError::new(ErrorCode::Unavailable, "not ready; try again later"))?;
    Ok(Json(Health {
        status: HealthStatus::Ok,
    }))
}

#[utoipa::path(
    get,
    path = "/config",
    tag = "service",
    summary = "This server's limits, to bound a create form",
    description = "What a create may ask for on this server (its flags), so a client offers \
        exactly that. Advisory: every create is still checked against the same limits. \
        May change when the server restarts.",
    responses(
        (status = 200, description = "The limits", body = ConfigResponse),
        (status = 429, response = RateLimited),
        (status = 503, response = Unavailable),
    )
)]
async fn config(State(service): State<AppState>) -> Json<ConfigResponse> {
    Json(service.config())
}

#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "service",
    summary = "This document (OpenAPI 3.1)",
    responses(
        (status = 200, description = "The OpenAPI document", body = Object),
        (status = 429, response = RateLimited),
        (status = 503, response = Unavailable),
    )
)]
async fn openapi_json(Extension(OpenApiJson(json)): Extension<OpenApiJson>) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], json)
}

#[utoipa::path(
    post,
    path = "/secrets",
    tag = "secrets",
    summary = "Store a sealed secret",
    description = "Stores the client's sealed blob with the verifiers of its tokens. \
        Returns the id and the manage token, which is shown only here.",
    request_body(content = CreateRequest, example = doc::create_example),
    responses(
        (status = 201, description = "Stored", body = CreateResponse),
        (status = 400, response = InvalidRequest),
        (status = 413, response = TooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 429, response = RateLimited),
        (status = 500, response = Internal),
        (status = 503, response = Unavailable),
    )
)]
async fn create(
    State(service): State<AppState>,
    ApiJson(req): ApiJson<CreateRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let created = service.create(req).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

#[utoipa::path(
    get,
    path = "/secrets/{id}",
    tag = "secrets",
    summary = "What a recipient needs before revealing; consumes nothing",
    params(IdPath),
    security(("link_token" = [])),
    responses(
        (status = 200, description = "The secret is waiting", body = MetaResponse),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 429, response = RateLimited),
        (status = 500, response = Internal),
        (status = 503, response = Unavailable),
    )
)]
async fn meta(
    State(service): State<AppState>,
    Bearer(link_token): Bearer,
    IdPath(id): IdPath,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(service.meta(&id, &link_token).await?))
}

#[utoipa::path(
    post,
    path = "/secrets/{id}/reveal",
    tag = "secrets",
    summary = "Take one view: the blob, to the winner of one conditional write",
    description = "Exempt from the server's request timeout: a reveal cut off after its \
        write would have consumed a view.",
    params(IdPath),
    security(("link_token" = [])),
    request_body = RevealRequest,
    responses(
        (status = 200, description = "The blob; one view was taken", body = RevealResponse),
        (status = 400, response = InvalidRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = WrongPassphrase),
        (status = 404, response = NotFound),
        (status = 413, response = TooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 429, response = RateLimited),
        (status = 500, response = Internal),
        (status = 503, response = Unavailable),
    )
)]
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

#[utoipa::path(
    delete,
    path = "/secrets/{id}",
    tag = "secrets",
    summary = "Destroy the secret now",
    params(IdPath),
    security(("link_token" = []), ("manage_token" = [])),
    responses(
        (status = 204, description = "Burned"),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 429, response = RateLimited),
        (status = 500, response = Internal),
        (status = 503, response = Unavailable),
    )
)]
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

#[utoipa::path(
    get,
    path = "/secrets/{id}/receipt",
    tag = "secrets",
    summary = "The sender's view: state and counts, never the blob",
    description = "Answers for the secret's whole life, including after it is revealed, \
        burned, locked or expired, until the record is swept.",
    params(IdPath),
    security(("manage_token" = [])),
    responses(
        (status = 200, description = "The receipt", body = ReceiptResponse),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 429, response = RateLimited),
        (status = 500, response = Internal),
        (status = 503, response = Unavailable),
    )
)]
async fn receipt(
    State(service): State<AppState>,
    Bearer(manage_token): Bearer,
    IdPath(id): IdPath,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(service.receipt(&id, &manage_token).await?))
}
