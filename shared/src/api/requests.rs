//! Wire types of secret requests (docs/PROTOCOL.md, "sdo/v1 requests").
//!
//! | call | auth | answers |
//! | --- | --- | --- |
//! | `POST /api/v1/requests` [`CreateRequestRequest`] | none | 201 [`CreateRequestResponse`] |
//! | `GET /api/v1/requests/{rid}` | fill or inbox token | 200 [`RequestMetaResponse`] |
//! | `POST /api/v1/requests/{rid}/fill` [`FillRequest`] | fill token | 200 [`FillResponse`] |
//! | `POST /api/v1/requests/{rid}/collect` | inbox token | 200 [`CollectResponse`] |
//! | `DELETE /api/v1/requests/{rid}` | inbox token | 204 |

use serde::{Deserialize, Serialize};

use super::default_ttl;
use crate::base64url::Base64Bytes;

/// Where a request is in its life: `open` → `filled` → `collected`, or
/// `cancelled` by the requester, or `expired`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestState {
    /// Waiting for the responder's secret.
    Open,
    /// The secret is stored, waiting for the requester to collect it.
    Filled,
    /// The requester took the secret; the server no longer has it.
    Collected,
    /// Withdrawn by the requester; an unread secret was destroyed with it.
    Cancelled,
    /// Its time ran out (reported, never stored, like a secret's).
    Expired,
}

impl RequestState {
    pub const ALL: [RequestState; 5] = [
        RequestState::Open,
        RequestState::Filled,
        RequestState::Collected,
        RequestState::Cancelled,
        RequestState::Expired,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestState::Open => "open",
            RequestState::Filled => "filled",
            RequestState::Collected => "collected",
            RequestState::Cancelled => "cancelled",
            RequestState::Expired => "expired",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// A new request: the verifiers of its two tokens and the sealed note.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateRequestRequest {
    /// SHA-256 of the inbox token (the requester's).
    #[cfg_attr(feature = "openapi", schema(schema_with = super::openapi::bytes32))]
    pub inbox_verifier: Base64Bytes,
    /// SHA-256 of the fill token (derived from the public key).
    #[cfg_attr(feature = "openapi", schema(schema_with = super::openapi::bytes32))]
    pub fill_verifier: Base64Bytes,
    /// The requester's note, sealed under a key derived from the public key
    /// (a v1 envelope of at most 1053 bytes); `null` for none.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = openapi::note))]
    pub note: Option<Base64Bytes>,
    /// Lifetime in seconds, open and filled together, at most the server's
    /// `--max-ttl`.
    #[serde(default = "default_ttl")]
    #[cfg_attr(feature = "openapi", schema(default = 86_400, minimum = 60))]
    pub ttl_secs: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateRequestResponse {
    /// The request's id: 16 bytes as base64url.
    #[cfg_attr(feature = "openapi", schema(schema_with = super::openapi::id))]
    pub id: String,
    /// Unix seconds.
    pub expires_at: i64,
}

/// A request's state. The note is answered only to the fill token: it is
/// for the responder (the requester can read it the same way).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestMetaResponse {
    pub state: RequestState,
    /// Unix seconds, like every time in the API.
    pub created_at: i64,
    pub expires_at: i64,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub filled_at: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub collected_at: Option<i64>,
    /// The sealed note, to the fill token while the request is open or
    /// filled; otherwise `null`.
    #[cfg_attr(feature = "openapi", schema(schema_with = openapi::note, required = true))]
    pub note: Option<Base64Bytes>,
}

/// The responder's secret.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FillRequest {
    /// The HPKE envelope (docs/PROTOCOL.md): version byte 1, then `enc`
    /// (32 bytes), padded ciphertext and tag; the server never decrypts it.
    pub blob: Base64Bytes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FillResponse {
    /// Unix seconds: the secret is destroyed then if not collected.
    pub expires_at: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CollectResponse {
    /// The fill exactly as the responder sent it; released once.
    pub blob: Base64Bytes,
    /// Unix seconds.
    pub filled_at: i64,
}

#[cfg(feature = "openapi")]
mod openapi {
    use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType, Type};

    use crate::base64url::{PATTERN, encoded_len};
    use crate::blob::MIN_LEN;
    use crate::request::note::MAX_LEN;

    pub fn note() -> Schema {
        ObjectBuilder::new()
            .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
            .content_encoding("base64url")
            .pattern(Some(PATTERN))
            .min_length(Some(encoded_len(MIN_LEN)))
            .max_length(Some(encoded_len(MAX_LEN)))
            .description(Some(
                "A v1 envelope under the note key (docs/PROTOCOL.md), or null.",
            ))
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::DEFAULT_TTL_SECS;

    #[test]
    fn create_defaults_and_strictness() {
        let v = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        let json = format!(r#"{{"inbox_verifier":"{v}","fill_verifier":"{v}"}}"#);
        let req: CreateRequestRequest = serde_json::from_str(&json).unwrap();
        assert_eq!(req.ttl_secs, DEFAULT_TTL_SECS);
        assert!(req.note.is_none());
        let extra = json.replace('}', r#","blob":"AQ"}"#);
        assert!(serde_json::from_str::<CreateRequestRequest>(&extra).is_err());
        let fill = r#"{"blob":"AQ","enc":"AQ"}"#;
        assert!(serde_json::from_str::<FillRequest>(fill).is_err());
    }

    /// The server's OpenAPI document (and so schemathesis) must allow a
    /// missing note and refuse one longer than a note can be.
    #[cfg(feature = "openapi")]
    #[test]
    fn note_schema_is_nullable_and_bounded() {
        use utoipa::PartialSchema;
        let schema = serde_json::to_value(CreateRequestRequest::schema()).unwrap();
        let note = &schema["properties"]["note"];
        assert_eq!(note["type"], serde_json::json!(["string", "null"]));
        assert_eq!(note["minLength"], 380);
        assert_eq!(note["maxLength"], 1404);
        let required = schema["required"].as_array().unwrap();
        assert!(!required.contains(&serde_json::json!("note")));
        let meta = serde_json::to_value(RequestMetaResponse::schema()).unwrap();
        assert!(
            meta["required"]
                .as_array()
                .unwrap()
                .contains(&serde_json::json!("note"))
        );
    }

    #[test]
    fn states_and_meta_on_the_wire() {
        for s in RequestState::ALL {
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
            assert_eq!(RequestState::parse(s.as_str()), Some(s));
        }
        assert_eq!(RequestState::parse("burned"), None);
        let meta = RequestMetaResponse {
            state: RequestState::Filled,
            created_at: 1,
            expires_at: 2,
            filled_at: Some(3),
            collected_at: None,
            note: None,
        };
        let json = serde_json::to_string(&meta).unwrap();
        assert_eq!(
            json,
            r#"{"state":"filled","created_at":1,"expires_at":2,"filled_at":3,"collected_at":null,"note":null}"#
        );
        assert_eq!(
            serde_json::from_str::<RequestMetaResponse>(&json).unwrap(),
            meta
        );
    }
}
