//! Heavy cryptography off the page's thread, and out of the first load: a
//! gloo-worker oneshot worker, built by Trunk as its own wasm
//! (`src/bin/crypto_worker.rs`). It runs Argon2id (a passphrase) and the
//! X25519 of secret requests, and is spawned only when one of those is
//! needed, so the create and reveal pages without a passphrase never
//! download it.
//!
//! A job carries the passphrase, keys and plaintext to the worker by
//! `postMessage`, which stays inside this browser tab; the worker answers
//! with derived keys or sealed or opened data ([`job`]).

mod codec;
mod job;

use std::cell::RefCell;
use std::time::Duration;

use futures::FutureExt;
use gloo_worker::Spawnable;
use gloo_worker::oneshot::{OneshotBridge, oneshot};
use sdo_shared::api::{CreateRequest, CreateRequestRequest, FillRequest};
use sdo_shared::kdf::KdfParams;
use sdo_shared::payload::Payload;
use sdo_shared::request::RequestId;
use sdo_shared::secret::{ContentKey, LinkKey, RequestKey, RequestPublicKey, RevealToken};

pub use codec::Postcard;
pub use job::{Job, Outcome, WirePayload, run};

/// The loader Trunk writes for the worker (`data-loader-shim`), by the name
/// it has in a development build; a release build hashes the worker's files
/// and names the loader on the boot tag ([`BOOT_TAG_LOADER`]).
pub const WORKER_LOADER: &str = "sdo-crypto-worker_loader.js";
/// The boot tag's attribute with the release build's hashed loader
/// (scripts/frontend.sh, `hash_worker`), so that a page open across a
/// deploy starts its own build's worker, never a newer one.
const BOOT_TAG_LOADER: &str = "data-worker";
/// Longest wait for an answer before giving up (a slow phone takes seconds).
const TIMEOUT: Duration = Duration::from_secs(90);

#[oneshot]
pub async fn CryptoWorker(job: Job) -> Outcome {
    run(job)
}

thread_local! {
    /// One worker per page, spawned on first use and kept for retries.
    static BRIDGE: RefCell<Option<OneshotBridge<CryptoWorker>>> = const { RefCell::new(None) };
}

/// The loader next to `index.html`: the document's address without its
/// `#route` (which has slashes of its own) or query, up to the last `/`.
pub fn loader_url(document_url: &str) -> String {
    let end = document_url.find(['#', '?']).unwrap_or(document_url.len());
    let path = &document_url[..end];
    match path.rfind('/') {
        Some(i) => format!("{}{WORKER_LOADER}", &path[..=i]),
        None => format!("/{WORKER_LOADER}"),
    }
}

fn spawn() -> OneshotBridge<CryptoWorker> {
    let document = web_sys::window().and_then(|w| w.document());
    let hashed = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("sdo-boot"))
        .and_then(|tag| tag.get_attribute(BOOT_TAG_LOADER));
    let loader = hashed.unwrap_or_else(|| {
        let base = document.and_then(|d| d.base_uri().ok().flatten());
        loader_url(&base.unwrap_or_else(|| "/".into()))
    });
    CryptoWorker::spawner()
        .encoding::<Postcard>()
        .spawn_with_loader(&loader)
}

fn take_bridge() -> OneshotBridge<CryptoWorker> {
    BRIDGE.with(|b| b.borrow_mut().take()).unwrap_or_else(spawn)
}

/// Starts the worker's download and compilation ahead of need (when a
/// person starts typing a passphrase, or opens a request page), so the
/// work starts at once when it is asked for.
pub fn warm_up() {
    let bridge = take_bridge();
    BRIDGE.with(|b| *b.borrow_mut() = Some(bridge));
}

/// Runs `job` in the worker; `Err` is the job's or the worker's failure.
async fn run_in_worker(job: Job) -> Result<Outcome, String> {
    let mut bridge = take_bridge();
    let answer = futures::select! {
        outcome = bridge.run(job).fuse() => Some(outcome),
        _ = gloo_timers::future::sleep(TIMEOUT).fuse() => None,
    };
    match answer {
        Some(outcome) => {
            BRIDGE.with(|b| *b.borrow_mut() = Some(bridge));
            match &outcome {
                Outcome::Failed(e) => Err(e.clone()),
                _ => Ok(outcome),
            }
        }
        // Dropping the bridge ends the stuck worker; the next job spawns anew.
        None => Err("the worker did not finish (it failed to load or is stuck)".into()),
    }
}

const WRONG_JOB: &str = "the worker answered the wrong job";

/// Seals with a passphrase, in the worker.
pub async fn prepare(
    payload: &Payload,
    passphrase: &str,
    kdf: KdfParams,
    ttl_secs: u64,
    max_views: u32,
) -> Result<(LinkKey, CreateRequest), String> {
    let job = Job::Prepare {
        payload: payload.into(),
        passphrase: passphrase.to_owned(),
        kdf,
        ttl_secs,
        max_views,
    };
    match &run_in_worker(job).await? {
        Outcome::Prepared { link_key, request } => {
            Ok((LinkKey::from_bytes(*link_key), request.clone()))
        }
        _ => Err(WRONG_JOB.into()),
    }
}

/// What a [`Job::Derive`] gives the page.
#[derive(Debug)]
pub struct DerivedKeys {
    pub content_key: ContentKey,
    pub reveal_token: RevealToken,
}

/// Derives a recipient's keys with a passphrase, in the worker.
pub async fn derive(
    link_key: &LinkKey,
    kdf: KdfParams,
    passphrase: &str,
) -> Result<DerivedKeys, String> {
    let job = Job::Derive {
        link_key: *link_key.expose(),
        kdf,
        passphrase: passphrase.to_owned(),
    };
    match &run_in_worker(job).await? {
        Outcome::Derived {
            content_key,
            reveal_token,
        } => Ok(DerivedKeys {
            content_key: ContentKey::from_bytes(*content_key),
            reveal_token: RevealToken::from_bytes(*reveal_token),
        }),
        _ => Err(WRONG_JOB.into()),
    }
}

/// A new request: its key, public key, and what to post (the keys print
/// as `***`).
#[derive(Debug)]
pub struct PreparedRequest {
    pub request_key: RequestKey,
    pub public_key: RequestPublicKey,
    pub request: CreateRequestRequest,
}

/// Makes a request key and seals the note, in the worker.
pub async fn prepare_request(note: &str, ttl_secs: u64) -> Result<PreparedRequest, String> {
    let job = Job::PrepareRequest {
        note: note.to_owned(),
        ttl_secs,
    };
    match &run_in_worker(job).await? {
        Outcome::RequestPrepared {
            request_key,
            public_key,
            request,
        } => Ok(PreparedRequest {
            request_key: RequestKey::from_bytes(*request_key),
            public_key: RequestPublicKey::from_bytes(*public_key),
            request: request.clone(),
        }),
        _ => Err(WRONG_JOB.into()),
    }
}

/// Seals a responder's secret to the request, in the worker.
pub async fn seal_fill(
    public_key: &RequestPublicKey,
    rid: &RequestId,
    payload: &Payload,
) -> Result<FillRequest, String> {
    let job = Job::SealFill {
        public_key: *public_key.expose(),
        rid: *rid.as_bytes(),
        payload: payload.into(),
    };
    match &run_in_worker(job).await? {
        Outcome::FillSealed(fill) => Ok(fill.clone()),
        _ => Err(WRONG_JOB.into()),
    }
}

/// Opens a collected fill with the request key, in the worker.
pub async fn open_fill(
    request_key: &RequestKey,
    rid: &RequestId,
    blob: &[u8],
) -> Result<Payload, String> {
    let job = Job::OpenFill {
        request_key: *request_key.expose(),
        rid: *rid.as_bytes(),
        blob: blob.to_vec(),
    };
    match &run_in_worker(job).await? {
        Outcome::FillOpened(payload) => Ok(payload.to_payload()),
        _ => Err(WRONG_JOB.into()),
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::loader_url;

    #[test]
    fn the_loader_sits_next_to_the_page_whatever_the_route() {
        let id = "AQEBAQEBAQEBAQEBAQEBAQ";
        assert_eq!(
            loader_url(&format!("https://x.example/#/s/{id}/key")),
            "https://x.example/sdo-crypto-worker_loader.js"
        );
        assert_eq!(
            loader_url("https://x.example/app/index.html?x=/y#/r/a/b"),
            "https://x.example/app/sdo-crypto-worker_loader.js"
        );
        assert_eq!(
            loader_url("http://127.0.0.1:8080/"),
            "http://127.0.0.1:8080/sdo-crypto-worker_loader.js"
        );
    }
}
