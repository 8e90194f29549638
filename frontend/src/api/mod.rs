//! The HTTP client for `/api/v1` (gloo-net), and what each failure means to
//! a person.
//!
//! Only what the protocol puts on the wire leaves through here: the create
//! request (blob and verifiers), and the link, reveal and manage tokens as
//! `Bearer`/body values. Keys, passphrases and plaintexts have no way in.
//! Secret requests' calls are in [`requests`].

mod requests;
pub mod wire;

pub use requests::RequestToken;

use std::rc::Rc;

use gloo_net::http::{Request, RequestBuilder, Response};
use sdo_shared::api::{
    API_PREFIX, ConfigResponse, CreateRequest, CreateResponse, ErrorBody, ErrorCode, MetaResponse,
    ReceiptResponse, RevealRequest, RevealResponse,
};
use sdo_shared::base64url::Base64Bytes;
use sdo_shared::secret::{LinkToken, ManageToken, RevealToken, SecretId};

use self::wire::{FromWire, ToWire};
use crate::config::Limits;
use crate::i18n::{I18n, n};

/// Set at build time (`SDO_API_BASE=https://api.example trunk build`) for an
/// API on another origin; by default the app talks to its own origin.
pub const BUILD_API_BASE: Option<&str> = option_env!("SDO_API_BASE");

/// Where the API is.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    base: Rc<str>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: offline, DNS, connection refused, CORS.
    Network,
    /// Gone, expired, never existed, or a wrong token (one answer for all).
    NotFound,
    WrongPassphrase {
        attempts_left: u32,
    },
    RateLimited {
        retry_after_secs: Option<u32>,
    },
    TooLarge,
    /// 400 with the server's message, which names the field.
    Invalid(String),
    Unavailable,
    /// A consuming request (reveal, burn) may or may not have happened: the
    /// server lost the answer of its own write. Not to be retried blindly.
    OutcomeUnknown,
    /// Any other status.
    Server(u16),
    /// A 2xx whose body is not what the protocol says.
    BadResponse,
}

impl ApiError {
    /// A sentence for the page, in its language.
    pub fn message(&self, i18n: &I18n) -> String {
        match self {
            ApiError::Network => i18n.t("error-network"),
            ApiError::NotFound => i18n.t("error-not-found"),
            ApiError::WrongPassphrase { attempts_left: 0 } => i18n.t("error-wrong-passphrase-last"),
            ApiError::WrongPassphrase { attempts_left } => {
                i18n.tf("error-wrong-passphrase", [("attempts", n(*attempts_left))])
            }
            ApiError::RateLimited {
                retry_after_secs: Some(secs),
            } => i18n.tf("error-rate-limited-for", [("secs", n(*secs))]),
            ApiError::RateLimited { .. } => i18n.t("error-rate-limited"),
            ApiError::TooLarge => i18n.t("error-too-large"),
            // The server's own message names wire fields, which mean
            // nothing to the reader; what to do does.
            ApiError::Invalid(_) => i18n.t("error-invalid"),
            ApiError::Unavailable => i18n.t("error-unavailable"),
            ApiError::OutcomeUnknown => i18n.t("error-outcome-unknown"),
            ApiError::Server(status) => i18n.tf("error-server", [("status", n(*status))]),
            ApiError::BadResponse => i18n.t("error-bad-response"),
        }
    }

    /// Whether trying the same thing again may work.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            ApiError::Network
                | ApiError::RateLimited { .. }
                | ApiError::Unavailable
                | ApiError::Server(_)
                | ApiError::BadResponse
        )
    }
}

impl Default for Api {
    fn default() -> Self {
        Self::from_build_env()
    }
}

impl Api {
    /// `base` is an origin (`https://host[:port]`), without `/api/v1`.
    pub fn new(base: &str) -> Self {
        Self {
            base: base.trim_end_matches('/').into(),
        }
    }

    /// The build-time base if set, else this page's origin.
    pub fn from_build_env() -> Self {
        match BUILD_API_BASE.filter(|b| !b.is_empty()) {
            Some(base) => Self::new(base),
            None => Self::new(&page_origin()),
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    fn url(&self, path: &str) -> String {
        format!("{}{API_PREFIX}{path}", self.base)
    }

    /// What this server allows.
    pub async fn config(&self) -> Result<Limits, ApiError> {
        let req = Request::get(&self.url("/config"))
            .build()
            .map_err(|_| ApiError::BadResponse)?;
        json::<ConfigResponse>(send(req).await?)
            .await
            .map(Limits::from)
    }

    pub async fn create(&self, request: &CreateRequest) -> Result<CreateResponse, ApiError> {
        let req = with_json(Request::post(&self.url("/secrets")), request)?;
        json(send(req).await?).await
    }

    pub async fn meta(&self, id: &SecretId, token: &LinkToken) -> Result<MetaResponse, ApiError> {
        let req = bearer(
            Request::get(&self.url(&format!("/secrets/{id}"))),
            &token.to_base64url(),
        );
        json(send(req.build().map_err(|_| ApiError::BadResponse)?).await?).await
    }

    pub async fn reveal(
        &self,
        id: &SecretId,
        token: &LinkToken,
        reveal_token: &RevealToken,
    ) -> Result<RevealResponse, ApiError> {
        let body = RevealRequest {
            reveal_token: Base64Bytes::new(reveal_token.expose().to_vec()),
        };
        let req = with_json(
            bearer(
                Request::post(&self.url(&format!("/secrets/{id}/reveal"))),
                &token.to_base64url(),
            ),
            &body,
        )?;
        consumed(send(req).await?).await
    }

    pub async fn receipt(
        &self,
        id: &SecretId,
        token: &ManageToken,
    ) -> Result<ReceiptResponse, ApiError> {
        let req = bearer(
            Request::get(&self.url(&format!("/secrets/{id}/receipt"))),
            &token.to_base64url(),
        );
        json(send(req.build().map_err(|_| ApiError::BadResponse)?).await?).await
    }

    /// Destroys the secret now (with the manage token, from the receipt).
    pub async fn burn(&self, id: &SecretId, token: &ManageToken) -> Result<(), ApiError> {
        let req = bearer(
            Request::delete(&self.url(&format!("/secrets/{id}"))),
            &token.to_base64url(),
        );
        send(req.build().map_err(|_| ApiError::BadResponse)?)
            .await
            .map(drop)
    }
}

fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

fn bearer(builder: RequestBuilder, token: &str) -> RequestBuilder {
    builder.header("Authorization", &format!("Bearer {token}"))
}

/// Sends, and turns every non-2xx answer into an [`ApiError`].
async fn send(request: Request) -> Result<Response, ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.trim().parse().ok());
    let body = response
        .text()
        .await
        .ok()
        .and_then(|text| ErrorBody::from_json(&text));
    Err(error_from(status, body, retry_after))
}

/// Maps a failed answer to an error, by the body's stable code when there is
/// one (the server's) and by the status otherwise (a proxy's).
pub fn error_from(status: u16, body: Option<ErrorBody>, retry_after: Option<u32>) -> ApiError {
    let code = body.as_ref().map(|b| b.error);
    match (status, code) {
        // A 403 without our body is a proxy's or a firewall's refusal, not a
        // wrong passphrase, and says nothing about the secret.
        (_, Some(ErrorCode::WrongPassphrase)) => ApiError::WrongPassphrase {
            attempts_left: body.and_then(|b| b.attempts_left).unwrap_or(0),
        },
        (_, Some(ErrorCode::NotFound)) | (404, None) => ApiError::NotFound,
        (_, Some(ErrorCode::RateLimited)) | (429, None) => ApiError::RateLimited {
            retry_after_secs: retry_after,
        },
        (_, Some(ErrorCode::TooLarge)) | (413, None) => ApiError::TooLarge,
        (_, Some(ErrorCode::InvalidRequest)) => {
            ApiError::Invalid(body.map(|b| b.message).unwrap_or_default())
        }
        (_, Some(ErrorCode::OutcomeUnknown)) => ApiError::OutcomeUnknown,
        (_, Some(ErrorCode::Unavailable)) | (503, None) => ApiError::Unavailable,
        (status, _) => ApiError::Server(status),
    }
}

/// The body, as [`wire`] writes it.
fn with_json(builder: RequestBuilder, body: &impl ToWire) -> Result<Request, ApiError> {
    builder
        .header("Content-Type", "application/json")
        .body(body.to_json())
        .map_err(|_| ApiError::BadResponse)
}

/// The answer to a consuming write (a reveal, a fill, a collect). A 2xx in
/// JSON says the server did the write; a body that then cannot be read
/// (the connection dropped) or parsed means what it released is lost on
/// the way, so the caller must not offer "nothing was used up, try again".
/// A 2xx that is not JSON at all (a wrong server, a proxy's page) stays a
/// bad answer: nothing says a write was done.
async fn consumed<T: FromWire>(response: Response) -> Result<T, ApiError> {
    let is_json = response
        .headers()
        .get("content-type")
        .is_some_and(|v| v.starts_with("application/json"));
    let text = response
        .text()
        .await
        .map_err(|_| ApiError::OutcomeUnknown)?;
    T::from_json(&text).ok_or(if is_json {
        ApiError::OutcomeUnknown
    } else {
        ApiError::BadResponse
    })
}

/// The answer, as [`wire`] reads it.
async fn json<T: FromWire>(response: Response) -> Result<T, ApiError> {
    let text = response.text().await.map_err(|_| ApiError::BadResponse)?;
    T::from_json(&text).ok_or(ApiError::BadResponse)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{ENGLISH, Lang};
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn body(error: ErrorCode, attempts_left: Option<u32>) -> Option<ErrorBody> {
        Some(ErrorBody {
            error,
            message: "kdf.t must be between 1 and 10".into(),
            attempts_left,
        })
    }

    #[test]
    fn errors_map_by_code_then_status() {
        assert_eq!(
            error_from(403, body(ErrorCode::WrongPassphrase, Some(2)), None),
            ApiError::WrongPassphrase { attempts_left: 2 }
        );
        assert_eq!(error_from(404, None, None), ApiError::NotFound);
        assert_eq!(
            error_from(429, body(ErrorCode::RateLimited, None), Some(7)),
            ApiError::RateLimited {
                retry_after_secs: Some(7)
            }
        );
        assert_eq!(
            error_from(400, body(ErrorCode::InvalidRequest, None), None),
            ApiError::Invalid("kdf.t must be between 1 and 10".into())
        );
        assert_eq!(error_from(502, None, None), ApiError::Server(502));
        assert_eq!(error_from(503, None, None), ApiError::Unavailable);
        // A WAF's bare 403 is not "wrong passphrase, destroyed".
        assert_eq!(error_from(403, None, None), ApiError::Server(403));
        let unknown = error_from(503, body(ErrorCode::OutcomeUnknown, None), None);
        assert_eq!(unknown, ApiError::OutcomeUnknown);
        assert!(!unknown.is_retryable());
        let en = I18n::parse(Lang::En, ENGLISH.into()).unwrap();
        assert!(unknown.message(&en).contains("receipt"));
        assert!(ApiError::Network.is_retryable());
        assert!(!ApiError::NotFound.is_retryable());
        assert!(
            ApiError::WrongPassphrase { attempts_left: 1 }
                .message(&en)
                .contains("1 attempt left")
        );
    }

    #[test]
    fn base_is_trimmed() {
        let api = Api::new("https://sdo.example/");
        assert_eq!(api.url("/secrets"), "https://sdo.example/api/v1/secrets");
    }
}
