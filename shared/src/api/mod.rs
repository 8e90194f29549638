//! The HTTP API's wire types (JSON), shared by server and clients.
//!
//! | call | auth | answers |
//! | --- | --- | --- |
//! | `POST /api/v1/secrets` | none | 201 [`CreateResponse`] |
//! | `GET /api/v1/secrets/{id}` | link token | 200 [`MetaResponse`] |
//! | `POST /api/v1/secrets/{id}/reveal` | link token | 200 [`RevealResponse`] |
//! | `DELETE /api/v1/secrets/{id}` | link or manage token | 204 |
//! | `GET /api/v1/secrets/{id}/receipt` | manage token | 200 [`ReceiptResponse`] |
//! | `GET /api/v1/config` | none | 200 [`ConfigResponse`] |
//! | `GET /api/v1/health` | none | 200 |
//! | `GET /api/v1/ready` | none | 200, or 503 while the store or key service fails |
//! | `GET /api/v1/openapi.json` | none | 200, the OpenAPI document |
//!
//! Secret requests (`/api/v1/requests`) are in [`requests`], re-exported here.
//!
//! With the `openapi` feature the types also derive their OpenAPI schemas
//! (for the server's document; the browser app leaves it off).

use serde::{Deserialize, Serialize};

use crate::base64url::Base64Bytes;
use crate::kdf::KdfParams;

pub mod requests;
pub use requests::{
    CollectResponse, CreateRequestRequest, CreateRequestResponse, FillRequest, FillResponse,
    RequestMetaResponse, RequestState,
};

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

/// A new secret: the client's sealed blob and the verifiers of its tokens.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateRequest {
    /// The client envelope (docs/PROTOCOL.md): version byte 1, then nonce,
    /// padded ciphertext and tag; the server never decrypts it.
    pub blob: Base64Bytes,
    /// SHA-256 of the link token.
    #[cfg_attr(feature = "openapi", schema(schema_with = openapi::bytes32))]
    pub link_verifier: Base64Bytes,
    /// SHA-256 of the reveal token.
    #[cfg_attr(feature = "openapi", schema(schema_with = openapi::bytes32))]
    pub reveal_verifier: Base64Bytes,
    /// Argon2id parameters when the secret has a passphrase.
    #[serde(default)]
    pub kdf: Option<KdfParams>,
    /// Lifetime in seconds, at most the server's `--max-ttl`.
    #[serde(default = "default_ttl")]
    #[cfg_attr(feature = "openapi", schema(default = 86_400, minimum = 60))]
    pub ttl_secs: u64,
    /// How many reveals are allowed, at most the server's `--max-views`.
    #[serde(default = "default_views")]
    #[cfg_attr(feature = "openapi", schema(default = 1, minimum = 1))]
    pub max_views: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateResponse {
    /// The secret's id: 16 bytes as base64url.
    #[cfg_attr(feature = "openapi", schema(schema_with = openapi::id))]
    pub id: String,
    /// The bearer token for the receipt and for burning; shown once.
    #[cfg_attr(feature = "openapi", schema(schema_with = openapi::bytes32))]
    pub manage_token: Base64Bytes,
    /// Unix seconds.
    pub expires_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MetaResponse {
    /// Present when the secret needs a passphrase.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub kdf: Option<KdfParams>,
    /// Unix seconds.
    pub expires_at: i64,
    pub views_left: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RevealRequest {
    /// Derived from the link key (and the passphrase, if any).
    #[cfg_attr(feature = "openapi", schema(schema_with = openapi::bytes32))]
    pub reveal_token: Base64Bytes,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RevealResponse {
    /// The blob exactly as it was created.
    pub blob: Base64Bytes,
    /// Views left after this one; at 0 the secret is destroyed.
    pub views_left: u32,
}

/// Where a secret is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceiptResponse {
    pub state: State,
    /// Unix seconds, like every time in the API.
    pub created_at: i64,
    pub expires_at: i64,
    pub views_left: u32,
    /// Wrong passphrases so far.
    pub failed_attempts: u32,
    /// When the last view was taken.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub revealed_at: Option<i64>,
}

/// What this server accepts, so a client can offer exactly that. Advisory:
/// the server checks every create against the same limits regardless.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfigResponse {
    /// Shortest `ttl_secs` a create accepts.
    pub min_ttl_secs: u64,
    /// Longest `ttl_secs` a create accepts (`--max-ttl`).
    pub max_ttl_secs: u64,
    /// Largest `max_views` a create accepts (`--max-views`); the least is 1.
    pub max_views: u32,
    /// Largest padded payload (`Payload::padded_len`, a multiple of 256)
    /// whose sealed blob this server accepts: the protocol's ceiling, or
    /// less under `--max-blob-bytes`.
    pub max_payload_bytes: u64,
    /// Wrong passphrases that destroy a secret: the one that reaches this
    /// count answers `attempts_left: 0` (`--max-attempts`).
    pub max_attempts: u32,
    /// Whether this server takes secret requests ("sdo/v1 requests",
    /// `/api/v1/requests`): `true` where its store keeps them (SQLite and
    /// DynamoDB both do).
    pub requests_enabled: bool,
}

/// The stable `error` codes of the API. Each has one HTTP status; 503 has
/// two, because what a client may tell its user differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// A consuming write (a view, a wrong passphrase, a burn; a request's
    /// fill, collect or cancel) was sent to the store and its answer was
    /// lost: it may have happened. The receipt, or the request's state,
    /// says.
    OutcomeUnknown,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 11] = [
        ErrorCode::InvalidRequest,
        ErrorCode::Unauthorized,
        ErrorCode::WrongPassphrase,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::TooLarge,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::RateLimited,
        ErrorCode::Internal,
        ErrorCode::Unavailable,
        ErrorCode::OutcomeUnknown,
    ];

    /// The code as it is on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidRequest => "invalid_request",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::WrongPassphrase => "wrong_passphrase",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::Internal => "internal",
            ErrorCode::Unavailable => "unavailable",
            ErrorCode::OutcomeUnknown => "outcome_unknown",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == text)
    }

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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorCode,
    /// For people; may change. Programs read `error`.
    pub message: String,
    /// Only with `wrong_passphrase`: tries left; 0 means the secret was
    /// destroyed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub attempts_left: Option<u32>,
}

/// Field schemas the derives cannot infer from the Rust types.
#[cfg(feature = "openapi")]
mod openapi {
    use utoipa::openapi::schema::Schema;

    use crate::base64url::schema_exact;
    use crate::secret::SecretId;

    pub fn bytes32() -> Schema {
        schema_exact::<32>()
    }

    pub fn id() -> Schema {
        schema_exact::<{ SecretId::LEN }>()
    }
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
    fn error_codes_as_str_is_the_wire_form() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(ErrorCode::parse(code.as_str()), Some(code));
        }
        assert_eq!(ErrorCode::parse("NotFound"), None);
    }

    #[test]
    fn config_response_wire_names() {
        let config = ConfigResponse {
            min_ttl_secs: MIN_TTL_SECS,
            max_ttl_secs: DEFAULT_MAX_TTL_SECS,
            max_views: MAX_VIEWS_LIMIT,
            max_payload_bytes: 262_144,
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            requests_enabled: false,
        };
        let json = serde_json::to_string(&config).unwrap();
        assert_eq!(
            json,
            r#"{"min_ttl_secs":60,"max_ttl_secs":604800,"max_views":100,"max_payload_bytes":262144,"max_attempts":5,"requests_enabled":false}"#
        );
        assert_eq!(
            serde_json::from_str::<ConfigResponse>(&json).unwrap(),
            config
        );
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
