//! The `/api/v1/requests` calls (docs/PROTOCOL.md, "sdo/v1 requests"). Only
//! verifiers, the sealed note and the sealed fill go in bodies; the tokens
//! go as `Bearer`. The request key and the public key never leave the page.

use gloo_net::http::Request;
use sdo_shared::api::{
    CollectResponse, CreateRequestRequest, CreateRequestResponse, FillRequest, FillResponse,
    RequestMetaResponse,
};
use sdo_shared::request::RequestId;
use sdo_shared::secret::{FillToken, InboxToken};

use super::{Api, ApiError, bearer, consumed, json, send, with_json};

/// Either token a request answers its state to (they print as `***`).
#[derive(Debug)]
pub enum RequestToken<'a> {
    Fill(&'a FillToken),
    Inbox(&'a InboxToken),
}

impl RequestToken<'_> {
    fn text(&self) -> String {
        match self {
            RequestToken::Fill(t) => t.to_base64url(),
            RequestToken::Inbox(t) => t.to_base64url(),
        }
    }
}

impl Api {
    pub async fn create_request(
        &self,
        request: &CreateRequestRequest,
    ) -> Result<CreateRequestResponse, ApiError> {
        let req = with_json(Request::post(&self.url("/requests")), request)?;
        json(send(req).await?).await
    }

    /// The request's state (and, to the fill token, its sealed note).
    pub async fn request_meta(
        &self,
        id: &RequestId,
        token: RequestToken<'_>,
    ) -> Result<RequestMetaResponse, ApiError> {
        let req = bearer(
            Request::get(&self.url(&format!("/requests/{id}"))),
            &token.text(),
        );
        json(send(req.build().map_err(|_| ApiError::BadResponse)?).await?).await
    }

    pub async fn fill(
        &self,
        id: &RequestId,
        token: &FillToken,
        fill: &FillRequest,
    ) -> Result<FillResponse, ApiError> {
        let req = with_json(
            bearer(
                Request::post(&self.url(&format!("/requests/{id}/fill"))),
                &token.to_base64url(),
            ),
            fill,
        )?;
        consumed(send(req).await?).await
    }

    /// Takes the fill: the server releases it once.
    pub async fn collect(
        &self,
        id: &RequestId,
        token: &InboxToken,
    ) -> Result<CollectResponse, ApiError> {
        let req = bearer(
            Request::post(&self.url(&format!("/requests/{id}/collect"))),
            &token.to_base64url(),
        );
        consumed(send(req.build().map_err(|_| ApiError::BadResponse)?).await?).await
    }

    /// Withdraws the request; an uncollected fill is destroyed with it.
    pub async fn cancel_request(&self, id: &RequestId, token: &InboxToken) -> Result<(), ApiError> {
        let req = bearer(
            Request::delete(&self.url(&format!("/requests/{id}"))),
            &token.to_base64url(),
        );
        send(req.build().map_err(|_| ApiError::BadResponse)?)
            .await
            .map(drop)
    }
}
