//! `ApiError`: the one place where failures become HTTP statuses and JSON
//! bodies. 5xx bodies are generic; their cause goes to the log.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sdo_shared::api::{ErrorBody, ErrorCode};

use crate::service::ServiceError;

#[derive(Debug)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub attempts_left: Option<u32>,
    pub retry_after_secs: Option<u64>,
}

pub const NOT_FOUND_MESSAGE: &str = "this secret does not exist or is no longer available";

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            attempts_left: None,
            retry_after_secs: None,
        }
    }

    pub fn not_found() -> Self {
        Self::new(ErrorCode::NotFound, NOT_FOUND_MESSAGE)
    }

    pub fn unauthorized() -> Self {
        Self::new(
            ErrorCode::Unauthorized,
            "send the token as `Authorization: Bearer <base64url>`",
        )
    }

    pub fn rate_limited(retry_after_secs: u64) -> Self {
        Self {
            retry_after_secs: Some(retry_after_secs),
            ..Self::new(ErrorCode::RateLimited, "too many requests; slow down")
        }
    }

    /// The generic error for a status that some layer produced without a
    /// JSON body (405, 408, 413, panics): one body shape for every error.
    pub fn for_status(status: StatusCode) -> Self {
        let (code, message) = match status.as_u16() {
            400 => (ErrorCode::InvalidRequest, "the request is malformed"),
            401 => (ErrorCode::Unauthorized, "missing or malformed credentials"),
            404 => (ErrorCode::NotFound, "no such resource"),
            405 => (
                ErrorCode::MethodNotAllowed,
                "method not allowed for this resource",
            ),
            413 => (ErrorCode::TooLarge, "the request body is too large"),
            415 => (ErrorCode::UnsupportedMediaType, "send application/json"),
            429 => (ErrorCode::RateLimited, "too many requests; slow down"),
            408 | 503 | 504 => (ErrorCode::Unavailable, "the server is busy; try again"),
            s if s < 500 => (ErrorCode::InvalidRequest, "the request was refused"),
            _ => (ErrorCode::Internal, "internal error"),
        };
        Self::new(code, message)
    }
}

impl From<ServiceError> for ApiError {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::Invalid(m) => Self::new(ErrorCode::InvalidRequest, m),
            e @ ServiceError::TooLarge { .. } => Self::new(ErrorCode::TooLarge, e.to_string()),
            ServiceError::NotFound => Self::not_found(),
            ServiceError::WrongPassphrase { attempts_left } => Self {
                attempts_left: Some(attempts_left),
                ..Self::new(
                    ErrorCode::WrongPassphrase,
                    if attempts_left == 0 {
                        "wrong passphrase; the secret has been destroyed"
                    } else {
                        "wrong passphrase"
                    },
                )
            },
            ServiceError::Unavailable(cause) => {
                tracing::warn!(%cause, "service unavailable");
                Self::new(
                    ErrorCode::Unavailable,
                    "temporarily unavailable; nothing was consumed, try again",
                )
            }
            ServiceError::OutcomeUnknown(cause) => {
                tracing::warn!(%cause, "outcome unknown");
                Self::new(
                    ErrorCode::OutcomeUnknown,
                    "the server could not confirm whether this used up the secret; \
                     it may be gone: ask the sender to check the receipt",
                )
            }
            ServiceError::Internal(cause) => {
                tracing::error!(%cause, "internal error");
                Self::new(ErrorCode::Internal, "internal error")
            }
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::MissingJsonContentType(_) => Self::new(
                ErrorCode::UnsupportedMediaType,
                "send the body as application/json",
            ),
            JsonRejection::JsonDataError(e) => Self::new(ErrorCode::InvalidRequest, e.body_text()),
            JsonRejection::JsonSyntaxError(e) => {
                Self::new(ErrorCode::InvalidRequest, e.body_text())
            }
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Self::for_status(StatusCode::PAYLOAD_TOO_LARGE)
            }
            other => Self::new(ErrorCode::InvalidRequest, other.body_text()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = ErrorBody {
            error: self.code,
            message: self.message,
            attempts_left: self.attempts_left,
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(secs) = self.retry_after_secs {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}
