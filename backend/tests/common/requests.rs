//! Secret requests as the requester and the responder make them, through
//! the router, with the protocol crate's client steps.

use axum::http::{Method, StatusCode};
use sdo_shared::base64url;
use sdo_shared::payload::Payload;
use sdo_shared::request::{self, RequestId, client};
use sdo_shared::secret::RequestKey;
use serde_json::Value;

use super::{Reply, TestApp};

/// What the requester keeps: the id and the request key (the inbox link).
pub struct Asked {
    pub rid: String,
    pub key: RequestKey,
    /// The sealed note as sent, if any.
    pub note: Option<Vec<u8>>,
}

impl Asked {
    pub fn uri(&self) -> String {
        format!("/api/v1/requests/{}", self.rid)
    }
    pub fn inbox_token(&self) -> String {
        request::inbox_token(&self.key).to_base64url()
    }
    pub fn fill_token(&self) -> String {
        request::fill_token(&request::public_key(&self.key)).to_base64url()
    }
    pub fn rid(&self) -> RequestId {
        RequestId::parse(&self.rid).unwrap()
    }
    pub fn fill_body(&self, payload: &Payload) -> Value {
        let pk = request::public_key(&self.key);
        serde_json::to_value(client::seal_fill(&pk, &self.rid(), payload).unwrap()).unwrap()
    }
}

pub async fn ask(app: &TestApp, note: Option<&str>, ttl: u64) -> Asked {
    let (key, body) = client::prepare_request(note, ttl).unwrap();
    let sent_note = body.note.as_ref().map(|n| n.as_bytes().to_vec());
    let r = app
        .call(
            Method::POST,
            "/api/v1/requests",
            None,
            Some(serde_json::to_value(body).unwrap()),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    assert_eq!(r.json["expires_at"], super::START + ttl as i64);
    Asked {
        rid: r.json["id"].as_str().unwrap().to_owned(),
        key,
        note: sent_note,
    }
}

pub async fn look(app: &TestApp, a: &Asked, token: &str) -> Reply {
    app.call(Method::GET, &a.uri(), Some(token), None).await
}

pub async fn fill(app: &TestApp, a: &Asked, token: &str, payload: &Payload) -> Reply {
    let uri = format!("{}/fill", a.uri());
    app.call(Method::POST, &uri, Some(token), Some(a.fill_body(payload)))
        .await
}

pub async fn collect(app: &TestApp, a: &Asked, token: &str) -> Reply {
    let uri = format!("{}/collect", a.uri());
    app.call(Method::POST, &uri, Some(token), None).await
}

pub async fn cancel(app: &TestApp, a: &Asked, token: &str) -> Reply {
    app.call(Method::DELETE, &a.uri(), Some(token), None).await
}

pub fn opened(a: &Asked, reply: &Reply) -> Payload {
    let blob = base64url::decode(reply.json["blob"].as_str().unwrap()).unwrap();
    client::open_fill(&a.key, &a.rid(), &blob).unwrap()
}
