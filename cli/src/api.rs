//! The HTTP API, as a client. Only tokens, verifiers and blobs cross it;
//! the link key and passphrase never do.

use std::time::Duration;

use sdo_shared::api::{
    API_PREFIX, CollectResponse, ConfigResponse, CreateRequest, CreateRequestRequest,
    CreateRequestResponse, CreateResponse, FillRequest, FillResponse, MetaResponse,
    ReceiptResponse, RequestMetaResponse, RevealRequest, RevealResponse,
};
use sdo_shared::request::RequestId;
use sdo_shared::secret::SecretId;
use serde::de::DeserializeOwned;
use zeroize::Zeroizing;

use crate::error::{CliError, REVEAL_UNCONFIRMED};

/// Whether a failed call certainly never reached the server: no address,
/// no connection, no TLS session, or a request that could not be built.
/// Anything later (a timeout or a reset while sending or waiting) may
/// have left the server with the request.
fn never_sent(e: &ureq::Error) -> bool {
    use ureq::Error;
    match e {
        Error::HostNotFound
        | Error::ConnectionFailed
        | Error::BadUri(_)
        | Error::Http(_)
        | Error::RequireHttpsOnly(_)
        | Error::TlsRequired
        | Error::Tls(_)
        | Error::Rustls(_)
        | Error::ConnectProxyFailed(_)
        | Error::InvalidProxyUrl => true,
        Error::Timeout(t) => matches!(t, ureq::Timeout::Resolve | ureq::Timeout::Connect),
        Error::Io(io) => matches!(
            io.kind(),
            std::io::ErrorKind::ConnectionRefused
                | std::io::ErrorKind::AddrNotAvailable
                | std::io::ErrorKind::HostUnreachable
                | std::io::ErrorKind::NetworkUnreachable
        ),
        _ => false,
    }
}

/// The `Authorization` header's value, wiped when dropped like the token.
fn bearer(token: &str) -> Zeroizing<String> {
    Zeroizing::new(format!("Bearer {token}"))
}

pub struct Api {
    agent: ureq::Agent,
    origin: String,
}

impl Api {
    /// `origin` is normalized (`https://host[:port]`, no trailing slash).
    pub fn new(origin: &str) -> Self {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            // Apart from the global one, so that a server that cannot be
            // reached is told apart from one that took a request and went
            // quiet (see `consumed`).
            .timeout_connect(Some(Duration::from_secs(15)))
            .user_agent(concat!("sdo/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Self {
            agent,
            origin: origin.to_owned(),
        }
    }

    pub fn origin(&self) -> &str {
        &self.origin
    }

    fn url(&self, path: &str) -> String {
        format!("{}{API_PREFIX}{path}", self.origin)
    }

    fn network(&self, e: ureq::Error) -> CliError {
        CliError::Network {
            server: self.origin.clone(),
            cause: e.to_string(),
        }
    }

    /// Reads an answer: `expected` status gives the parsed body, anything
    /// else the API's error.
    fn answer<T: DeserializeOwned>(
        &self,
        result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
        expected: u16,
    ) -> Result<T, CliError> {
        let mut response = result.map_err(|e| self.network(e))?;
        let status = response.status().as_u16();
        let body = Zeroizing::new(
            response
                .body_mut()
                .read_to_string()
                .map_err(|e| self.network(e))?,
        );
        if status != expected {
            return Err(CliError::from_api(status, &body));
        }
        serde_json::from_str(&body).map_err(|_| CliError::Server {
            status,
            message: "an answer that is not the self-destruct-o API".into(),
        })
    }

    /// As [`Api::answer`], for a consuming write (a reveal, a fill, a
    /// collect). A request that may have reached the server and got no
    /// answer (a timeout, a connection reset after it was sent) is an
    /// unknown outcome, not "cannot reach": the server may have done the
    /// write, and "cannot reach" tells a script that trying again is safe.
    /// Once the server has answered `expected` in JSON it has done the
    /// write, so a body that cannot be read or parsed is an unknown outcome
    /// too. An answer that is not JSON at all (a wrong server, a proxy's
    /// page) stays "not the API": nothing says a write was done.
    fn consumed<T: DeserializeOwned>(
        &self,
        result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
        expected: u16,
    ) -> Result<T, CliError> {
        let response = result.map_err(|e| {
            if never_sent(&e) {
                self.network(e)
            } else {
                CliError::OutcomeUnknown(REVEAL_UNCONFIRMED)
            }
        })?;
        let is_json = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        if response.status().as_u16() != expected || !is_json {
            return self.answer(Ok(response), expected);
        }
        let mut response = response;
        let lost = |_| CliError::OutcomeUnknown(REVEAL_UNCONFIRMED);
        let body = Zeroizing::new(response.body_mut().read_to_string().map_err(lost)?);
        serde_json::from_str(&body).map_err(|_| CliError::OutcomeUnknown(REVEAL_UNCONFIRMED))
    }

    pub fn create(&self, request: &CreateRequest) -> Result<CreateResponse, CliError> {
        let body = Zeroizing::new(
            serde_json::to_string(request).map_err(|e| CliError::Other(e.to_string()))?,
        );
        let result = self
            .agent
            .post(self.url("/secrets"))
            .header("Content-Type", "application/json")
            .send(body.as_str());
        self.answer(result, 201)
    }

    pub fn meta(&self, id: &SecretId, link_token: &str) -> Result<MetaResponse, CliError> {
        let result = self
            .agent
            .get(self.url(&format!("/secrets/{id}")))
            .header("Authorization", bearer(link_token).as_str())
            .call();
        self.answer(result, 200)
    }

    pub fn reveal(
        &self,
        id: &SecretId,
        link_token: &str,
        request: &RevealRequest,
    ) -> Result<RevealResponse, CliError> {
        let body = Zeroizing::new(
            serde_json::to_string(request).map_err(|e| CliError::Other(e.to_string()))?,
        );
        let result = self
            .agent
            .post(self.url(&format!("/secrets/{id}/reveal")))
            .header("Authorization", bearer(link_token).as_str())
            .header("Content-Type", "application/json")
            .send(body.as_str());
        self.consumed(result, 200)
    }

    pub fn receipt(&self, id: &SecretId, manage_token: &str) -> Result<ReceiptResponse, CliError> {
        let result = self
            .agent
            .get(self.url(&format!("/secrets/{id}/receipt")))
            .header("Authorization", bearer(manage_token).as_str())
            .call();
        self.answer(result, 200)
    }

    pub fn burn(&self, id: &SecretId, token: &str) -> Result<(), CliError> {
        self.delete(&format!("/secrets/{id}"), token)
    }

    /// A `DELETE` that answers 204.
    fn delete(&self, path: &str, token: &str) -> Result<(), CliError> {
        let mut response = self
            .agent
            .delete(self.url(path))
            .header("Authorization", bearer(token).as_str())
            .call()
            .map_err(|e| self.network(e))?;
        let status = response.status().as_u16();
        if status == 204 {
            return Ok(());
        }
        let body = response.body_mut().read_to_string().unwrap_or_default();
        Err(CliError::from_api(status, &body))
    }

    /// The server's limits and whether it serves requests.
    pub fn config(&self) -> Result<ConfigResponse, CliError> {
        let result = self.agent.get(self.url("/config")).call();
        self.answer(result, 200)
    }

    pub fn create_request(
        &self,
        request: &CreateRequestRequest,
    ) -> Result<CreateRequestResponse, CliError> {
        let body = Zeroizing::new(
            serde_json::to_string(request).map_err(|e| CliError::Other(e.to_string()))?,
        );
        let result = self
            .agent
            .post(self.url("/requests"))
            .header("Content-Type", "application/json")
            .send(body.as_str());
        self.answer(result, 201)
    }

    /// A request's state, with the fill token (which also gets the sealed
    /// note) or the inbox token.
    pub fn request_meta(
        &self,
        id: &RequestId,
        token: &str,
    ) -> Result<RequestMetaResponse, CliError> {
        let result = self
            .agent
            .get(self.url(&format!("/requests/{id}")))
            .header("Authorization", bearer(token).as_str())
            .call();
        self.answer(result, 200)
    }

    pub fn fill(
        &self,
        id: &RequestId,
        fill_token: &str,
        request: &FillRequest,
    ) -> Result<FillResponse, CliError> {
        let body = Zeroizing::new(
            serde_json::to_string(request).map_err(|e| CliError::Other(e.to_string()))?,
        );
        let result = self
            .agent
            .post(self.url(&format!("/requests/{id}/fill")))
            .header("Authorization", bearer(fill_token).as_str())
            .header("Content-Type", "application/json")
            .send(body.as_str());
        self.consumed(result, 200)
    }

    pub fn collect(&self, id: &RequestId, inbox_token: &str) -> Result<CollectResponse, CliError> {
        let result = self
            .agent
            .post(self.url(&format!("/requests/{id}/collect")))
            .header("Authorization", bearer(inbox_token).as_str())
            .send_empty();
        self.consumed(result, 200)
    }

    pub fn cancel_request(&self, id: &RequestId, inbox_token: &str) -> Result<(), CliError> {
        self.delete(&format!("/requests/{id}"), inbox_token)
    }
}
