//! The HTTP API's wire types (JSON), shared by server and clients.
//!
//! | call | auth | answers |
//! | --- | --- | --- |
//! | `POST /api/v1/secrets` | none | 201 [`CreateResponse`] |
//! | `GET /api/v1/secrets/{id}` | link token | 200 [`MetaResponse`] |
//! | `POST /api/v1/secrets/{id}/reveal` | link token | 200 [`RevealResponse`] |
//! | `DELETE /api/v1/secrets/{id}` | link or manage token | 204 |
//! | `GET /api/v1/secrets/{id}/receipt` | manage token | 200 [`ReceiptResponse`] |
//! | `GET /api/v1/health` | none | 200 |

use serde::{Deserialize, Serialize};

use crate::base64url::Base64Bytes;
use crate::kdf::KdfParams;

pub const API_PREFIX: &str = "/api/v1";
pub const DEFAULT_TTL_SECS: u64 = 86_400;
pub const MIN_TTL_SECS: u64 = 60;
pub const DEFAULT_MAX_TTL_SECS: u64 = 7 * 86_400;
pub const DEFAULT_MAX_VIEWS: u32 = 1;
pub const MAX_VIEWS_LIMIT: u32 = 100;
pub const DEFAULT_MAX_ATTEMPTS: u32 = 5;

fn default_ttl() -> u64 {
    DEFAULT_TTL_SECS
}
fn default_views() -> u32 {
    DEFAULT_MAX_VIEWS
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateRequest {
    pub blob: Base64Bytes,
    pub link_verifier: Base64Bytes,
    pub reveal_verifier: Base64Bytes,
    #[serde(default)]
    pub kdf: Option<KdfParams>,
    #[serde(default = "default_ttl")]
    pub ttl_secs: u64,
    #[serde(default = "default_views")]
    pub max_views: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CreateResponse {
    pub id: String,
    pub manage_token: Base64Bytes,
    pub expires_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaResponse {
    pub kdf: Option<KdfParams>,
    pub expires_at: i64,
    pub views_left: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevealRequest {
    pub reveal_token: Base64Bytes,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RevealResponse {
    pub blob: Base64Bytes,
    pub views_left: u32,
}

/// Where a secret is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Views remain.
    Waiting,
    /// The last view was taken.
    Revealed,
    /// Deleted by a token holder.
    Burned,
    /// Destroyed after too many wrong passphrases.
    Locked,
    /// Its time ran out unread.
    Expired,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Waiting => "waiting",
            State::Revealed => "revealed",
            State::Burned => "burned",
            State::Locked => "locked",
            State::Expired => "expired",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            State::Waiting,
            State::Revealed,
            State::Burned,
            State::Locked,
            State::Expired,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptResponse {
    pub state: State,
    pub created_at: i64,
    pub expires_at: i64,
    pub views_left: u32,
    pub failed_attempts: u32,
    pub revealed_at: Option<i64>,
}

/// The stable `error` codes of the API. Each has one HTTP status; 503 has
/// two, because what a client may tell its user differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidRequest,
    Unauthorized,
    WrongPassphrase,
    NotFound,
    MethodNotAllowed,
    TooLarge,
    UnsupportedMediaType,
    RateLimited,
    Internal,
    /// Failed before anything was written: nothing was used up; try again.
    Unavailable,
    /// A consuming write (a view, a wrong passphrase, a burn) was sent to the
    /// store and its answer was lost: it may have happened. The receipt says.
    OutcomeUnknown,
}

impl ErrorCode {
    pub fn status(self) -> u16 {
        match self {
            ErrorCode::InvalidRequest => 400,
            ErrorCode::Unauthorized => 401,
            ErrorCode::WrongPassphrase => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::TooLarge => 413,
            ErrorCode::UnsupportedMediaType => 415,
            ErrorCode::RateLimited => 429,
            ErrorCode::Internal => 500,
            ErrorCode::Unavailable | ErrorCode::OutcomeUnknown => 503,
        }
    }
}

/// Every error body: `{error, message}`, plus `attempts_left` on 403.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_left: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_request_defaults_and_strictness() {
        let blob = "AQ";
        let v = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        let json = format!(r#"{{"blob":"{blob}","link_verifier":"{v}","reveal_verifier":"{v}"}}"#);
        let req: CreateRequest = serde_json::from_str(&json).unwrap();
        assert_eq!(req.ttl_secs, DEFAULT_TTL_SECS);
        assert_eq!(req.max_views, 1);
        assert!(req.kdf.is_none());

        let padded = json.replace(r#""AQ""#, r#""AQ==""#);
        assert!(serde_json::from_str::<CreateRequest>(&padded).is_err());
        let extra = json.replace('}', r#","admin":true}"#);
        assert!(serde_json::from_str::<CreateRequest>(&extra).is_err());
    }

    #[test]
    fn error_codes_are_snake_case() {
        let body = ErrorBody {
            error: ErrorCode::WrongPassphrase,
            message: "wrong passphrase".into(),
            attempts_left: Some(2),
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"error":"wrong_passphrase","message":"wrong passphrase","attempts_left":2}"#
        );
        assert_eq!(State::parse("locked"), Some(State::Locked));
        assert_eq!(
            serde_json::to_string(&State::Revealed).unwrap(),
            r#""revealed""#
        );
    }
}
