//! Extractors that turn malformed input into an [`ApiError`] before a
//! handler runs.

use axum::extract::{FromRequest, FromRequestParts, Path};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use sdo_shared::secret::SecretId;

use super::error::ApiError;
use crate::service::Token;

/// `axum::Json` with our error body on rejection.
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

/// `Authorization: Bearer <43 base64url chars>`. Anything else is 401, the
/// same for every id, so the header says nothing about whether one exists.
#[derive(Debug)]
pub struct Bearer(pub Token);

impl<S: Send + Sync> FromRequestParts<S> for Bearer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let value = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(ApiError::unauthorized)?;
        // The scheme's name is case-insensitive (RFC 9110 §11.1).
        let token = value
            .split_once(' ')
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token)
            .ok_or_else(ApiError::unauthorized)?;
        sdo_shared::base64url::decode_array::<32>(token.trim())
            .map(|t| Bearer(Token::new(t)))
            .map_err(|_| ApiError::unauthorized())
    }
}

/// The `{id}` path segment. A malformed id cannot name a secret, so it gets
/// the same 404 as an unknown one.
#[derive(Debug)]
pub struct IdPath(pub SecretId);

impl<S: Send + Sync> FromRequestParts<S> for IdPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Path(text) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::not_found())?;
        SecretId::parse(&text)
            .map(IdPath)
            .map_err(|_| ApiError::not_found())
    }
}
