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
            JsonRejection::JsonDataError(e) => {
                Self::new(ErrorCode::InvalidRequest, without_values(&e.body_text()))
            }
            JsonRejection::JsonSyntaxError(e) => {
                Self::new(ErrorCode::InvalidRequest, without_values(&e.body_text()))
            }
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Self::for_status(StatusCode::PAYLOAD_TOO_LARGE)
            }
            other => Self::new(ErrorCode::InvalidRequest, other.body_text()),
        }
    }
}

/// serde's message about a body, without what the client sent: a value it
/// quotes (`invalid type: string "…"`) or a field name it did not expect
/// may be a token or a passphrase put in the wrong place, and no error
/// message carries one. The field path and the names it expected stay, so
/// the message still says what is wrong; internal type names go.
fn without_values(text: &str) -> String {
    // An unknown field's name is also the last step of the path serde
    // puts before the message ("<path>: unknown field …"): drop the path.
    let text = match text.find("unknown field ") {
        Some(at) => {
            let lead = text.find(": ").map_or("", |end| &text[..end + 2]);
            let lead = if lead.len() <= at { lead } else { "" };
            &format!("{lead}{}", &text[at..])
        }
        None => text,
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['"', '`']) {
        let quote = rest[at..].chars().next().unwrap_or('"');
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let Some(len) = after[1..].find(quote) else {
            out.push_str(after);
            return out;
        };
        let client_said = quote == '"'
            || before.ends_with("unknown field ")
            || before.ends_with("unknown variant ");
        if client_said {
            out.push(quote);
            out.push('…');
            out.push(quote);
        } else {
            out.push_str(&after[..len + 2]);
        }
        rest = &after[len + 2..];
    }
    out.push_str(rest);
    // "expected struct KdfWire", "struct CreateRequest with 6 elements".
    let mut words = Vec::new();
    let mut it = out.split(' ');
    while let Some(word) = it.next() {
        match (word, word == "struct") {
            (_, true) => {
                let name = it.next().unwrap_or_default();
                let tail = name.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
                words.push(format!("an object{tail}"));
            }
            (word, false) => words.push(word.to_owned()),
        }
    }
    words.join(" ")
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

#[cfg(test)]
mod tests {
    use super::without_values;

    #[test]
    fn what_the_client_sent_is_not_echoed() {
        let token = "JxroZd3vQk9i4pkJxroZd3vQk9i4pk";
        for (serde, kept) in [
            (
                format!("max_views: invalid type: string \"{token}\", expected u32 at line 1"),
                "max_views: invalid type: string \"…\", expected u32 at line 1",
            ),
            (
                format!("unknown field `{token}`, expected one of `blob`, `ttl_secs`"),
                "unknown field `…`, expected one of `blob`, `ttl_secs`",
            ),
            (
                "kdf: invalid type: string \"hunter2\", expected struct KdfWire".to_owned(),
                "kdf: invalid type: string \"…\", expected an object",
            ),
            (
                "invalid length 2, expected struct CreateRequest with 6 elements".to_owned(),
                "invalid length 2, expected an object with 6 elements",
            ),
            ("missing field `blob`".to_owned(), "missing field `blob`"),
            (
                format!("Failed to deserialize: {token}: unknown field `{token}`, expected `a`"),
                "Failed to deserialize: unknown field `…`, expected `a`",
            ),
            ("an unclosed \"quote".to_owned(), "an unclosed \"quote"),
        ] {
            assert_eq!(without_values(&serde), kept);
        }
    }
}
