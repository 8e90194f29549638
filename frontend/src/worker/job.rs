//! What the worker does: each job and its outcome, and [`run`], which the
//! worker calls and tests can call directly. Jobs cross `postMessage` as
//! serde values, so every key in them is a plain array that is zeroized on
//! drop on both sides.

use sdo_shared::api::{CreateRequest, CreateRequestRequest, FillRequest};
use sdo_shared::client::{self, Protection};
use sdo_shared::kdf::KdfParams;
use sdo_shared::payload::{Kind, Payload};
use sdo_shared::request::{self, RequestId};
use sdo_shared::secret::{LinkKey, RequestKey, RequestPublicKey};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop};

/// A plaintext on its way to or from the worker.
#[derive(Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
pub struct WirePayload {
    /// `None` for text.
    file: Option<(String, String)>,
    data: Vec<u8>,
}

impl From<&Payload> for WirePayload {
    fn from(p: &Payload) -> Self {
        Self {
            file: match p.kind() {
                Kind::Text => None,
                Kind::File { name, mime } => Some((name.clone(), mime.clone())),
            },
            data: p.data().to_vec(),
        }
    }
}

impl WirePayload {
    pub fn to_payload(&self) -> Payload {
        match &self.file {
            None => Payload::text(String::from_utf8_lossy(&self.data).into_owned()),
            Some((name, mime)) => Payload::file(name.clone(), mime.clone(), self.data.clone()),
        }
    }
}

impl std::fmt::Debug for WirePayload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "WirePayload(<{} bytes>)", self.data.len())
    }
}

#[derive(Serialize, Deserialize)]
pub enum Job {
    /// Sender: seal `payload` under a fresh link key and the passphrase.
    Prepare {
        payload: WirePayload,
        passphrase: String,
        kdf: KdfParams,
        ttl_secs: u64,
        max_views: u32,
    },
    /// Recipient: derive the content key and reveal token.
    Derive {
        link_key: [u8; 32],
        kdf: KdfParams,
        passphrase: String,
    },
    /// Requester: a fresh request key, its public key, and the create
    /// request with the note sealed. An empty note is none.
    PrepareRequest { note: String, ttl_secs: u64 },
    /// Responder: seal `payload` to the request's public key.
    SealFill {
        public_key: [u8; 32],
        rid: [u8; 16],
        payload: WirePayload,
    },
    /// Requester: open what `collect` released.
    OpenFill {
        request_key: [u8; 32],
        rid: [u8; 16],
        blob: Vec<u8>,
    },
    /// Whether the worker runs at all ([`super::ready`]).
    Ping,
}

impl Drop for Job {
    fn drop(&mut self) {
        match self {
            Job::Prepare { passphrase, .. } => passphrase.zeroize(),
            Job::Derive {
                link_key,
                passphrase,
                ..
            } => {
                link_key.zeroize();
                passphrase.zeroize();
            }
            Job::PrepareRequest { note, .. } => note.zeroize(),
            // The public key is not secret; the payload zeroizes itself.
            Job::SealFill { .. } | Job::Ping => {}
            Job::OpenFill { request_key, .. } => request_key.zeroize(),
        }
    }
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Job::Prepare { .. } => "Job::Prepare(***)",
            Job::Derive { .. } => "Job::Derive(***)",
            Job::PrepareRequest { .. } => "Job::PrepareRequest(***)",
            Job::SealFill { .. } => "Job::SealFill(***)",
            Job::OpenFill { .. } => "Job::OpenFill(***)",
            Job::Ping => "Job::Ping",
        })
    }
}

#[derive(Serialize, Deserialize)]
pub enum Outcome {
    Prepared {
        link_key: [u8; 32],
        request: CreateRequest,
    },
    Derived {
        content_key: [u8; 32],
        reveal_token: [u8; 32],
    },
    RequestPrepared {
        request_key: [u8; 32],
        public_key: [u8; 32],
        request: CreateRequestRequest,
    },
    FillSealed(FillRequest),
    FillOpened(WirePayload),
    Pong,
    /// The error's text: never a key or plaintext (the shared crate's
    /// errors carry none).
    Failed(String),
}

impl Drop for Outcome {
    fn drop(&mut self) {
        match self {
            Outcome::Prepared { link_key, .. } => link_key.zeroize(),
            Outcome::Derived {
                content_key,
                reveal_token,
            } => {
                content_key.zeroize();
                reveal_token.zeroize();
            }
            Outcome::RequestPrepared { request_key, .. } => request_key.zeroize(),
            Outcome::FillSealed(_)
            | Outcome::FillOpened(_)
            | Outcome::Pong
            | Outcome::Failed(_) => {}
        }
    }
}

impl std::fmt::Debug for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Failed(e) => write!(f, "Outcome::Failed({e})"),
            Outcome::Prepared { .. } => f.write_str("Outcome::Prepared(***)"),
            Outcome::Derived { .. } => f.write_str("Outcome::Derived(***)"),
            Outcome::RequestPrepared { .. } => f.write_str("Outcome::RequestPrepared(***)"),
            Outcome::FillSealed(_) => f.write_str("Outcome::FillSealed(***)"),
            Outcome::FillOpened(_) => f.write_str("Outcome::FillOpened(***)"),
            Outcome::Pong => f.write_str("Outcome::Pong"),
        }
    }
}

/// The job itself; the worker runs it, and so can a test.
pub fn run(job: Job) -> Outcome {
    let failed = |e: &dyn std::fmt::Display| Outcome::Failed(e.to_string());
    match &job {
        Job::Prepare {
            payload,
            passphrase,
            kdf,
            ttl_secs,
            max_views,
        } => {
            let protection = Protection { passphrase, kdf };
            let payload = payload.to_payload();
            match client::prepare(&payload, Some(protection), *ttl_secs, *max_views) {
                Ok(prepared) => Outcome::Prepared {
                    link_key: *prepared.link_key.expose(),
                    request: prepared.request,
                },
                Err(e) => failed(&e),
            }
        }
        Job::Derive {
            link_key,
            kdf,
            passphrase,
        } => {
            let link_key = LinkKey::from_bytes(*link_key);
            match client::derive_keys(&link_key, Some(kdf), Some(passphrase)) {
                Ok(keys) => Outcome::Derived {
                    content_key: *keys.content_key.expose(),
                    reveal_token: *keys.reveal_token.expose(),
                },
                Err(e) => failed(&e),
            }
        }
        Job::PrepareRequest { note, ttl_secs } => {
            match request::prepare_request(Some(note), *ttl_secs) {
                Ok((request_key, request)) => Outcome::RequestPrepared {
                    public_key: *request::public_key(&request_key).expose(),
                    request_key: *request_key.expose(),
                    request,
                },
                Err(e) => failed(&e),
            }
        }
        Job::SealFill {
            public_key,
            rid,
            payload,
        } => {
            let public_key = RequestPublicKey::from_bytes(*public_key);
            let rid = RequestId::from_bytes(*rid);
            match request::seal_fill(&public_key, &rid, &payload.to_payload()) {
                Ok(fill) => Outcome::FillSealed(fill),
                Err(e) => failed(&e),
            }
        }
        Job::OpenFill {
            request_key,
            rid,
            blob,
        } => {
            let request_key = RequestKey::from_bytes(*request_key);
            let rid = RequestId::from_bytes(*rid);
            match request::open_fill(&request_key, &rid, blob) {
                Ok(payload) => Outcome::FillOpened((&payload).into()),
                Err(e) => failed(&e),
            }
        }
        Job::Ping => Outcome::Pong,
    }
}
