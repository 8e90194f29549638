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
use gloo_net::http::{Method, RequestBuilder};
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
/// Longest wait for an answer before giving up (a slow phone takes seconds):
/// for a new worker's first answer, then again for its job's, so a new
/// worker that hangs is given up after twice this.
const TIMEOUT: Duration = Duration::from_secs(90);
/// How long a new worker whose files the server no longer has may still
/// answer before the page is called out of date.
const GONE_GRACE: Duration = Duration::from_secs(2);

/// Why the worker did not do a job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerError {
    /// This page's build of the worker is no longer on the server (a
    /// deploy replaced it): only a newly loaded page can go on.
    OutOfDate,
    /// The job failed, or the worker did not load or answer.
    Failed(String),
}

impl WorkerError {
    /// The message to show: `out_of_date` (`out-of-date-link` on a page
    /// opened from a link, whose key a reload cannot bring back;
    /// `out-of-date-answer` on the answer page, which also has typed text;
    /// `out-of-date-form` on a form), or the page's own `otherwise` for any
    /// other failure.
    pub fn message_key(&self, out_of_date: &'static str, otherwise: &'static str) -> &'static str {
        match self {
            Self::OutOfDate => out_of_date,
            Self::Failed(_) => otherwise,
        }
    }
}

#[oneshot]
pub async fn CryptoWorker(job: Job) -> Outcome {
    run(job)
}

/// The worker, the loader it was started with, and whether it has
/// answered yet.
type Spawned = (OneshotBridge<CryptoWorker>, String, bool);

thread_local! {
    /// One worker per page, spawned on first use and kept for retries.
    static BRIDGE: RefCell<Option<Spawned>> = const { RefCell::new(None) };
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

/// The worker's three files, named after its loader: Trunk's
/// `NAME_loader.js` starts `NAME.js`, which loads `NAME_bg.wasm`.
pub fn worker_files(loader: &str) -> Vec<String> {
    match loader.strip_suffix("_loader.js") {
        Some(base) => vec![
            loader.to_owned(),
            format!("{base}.js"),
            format!("{base}_bg.wasm"),
        ],
        None => vec![loader.to_owned()],
    }
}

/// Whether the worker's files are gone from the server (one answers 403,
/// 404 or 410 to `HEAD`). A Worker whose script is missing only fires an
/// `error` event, which gloo-worker does not pass on, so without this a
/// page open across a deploy waited the whole [`TIMEOUT`]. Any other
/// answer, or none, proves nothing: the job goes on under its timeout.
async fn files_gone(loader: &str) -> bool {
    for url in worker_files(loader) {
        let sent = RequestBuilder::new(&url).method(Method::HEAD).send().await;
        match sent {
            // S3 behind CloudFront answers 403 for a missing object.
            Ok(response) if matches!(response.status(), 403 | 404 | 410) => return true,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
    false
}

fn spawn() -> Spawned {
    let document = web_sys::window().and_then(|w| w.document());
    let hashed = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("sdo-boot"))
        .and_then(|tag| tag.get_attribute(BOOT_TAG_LOADER));
    let loader = hashed.unwrap_or_else(|| {
        let base = document.and_then(|d| d.base_uri().ok().flatten());
        loader_url(&base.unwrap_or_else(|| "/".into()))
    });
    let bridge = CryptoWorker::spawner()
        .encoding::<Postcard>()
        .spawn_with_loader(&loader);
    (bridge, loader, false)
}

/// The stored worker, or a new one. A bridge matches answers to jobs by
/// order, so one whose `run` was dropped unanswered must never be stored
/// again: its late answer would go to the next job.
fn take_bridge() -> Spawned {
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
/// A worker not yet known to run is proven first ([`prove`]), so that the
/// job (with its keys) only ever goes to a worker that has answered.
async fn run_in_worker(job: Job) -> Result<Outcome, WorkerError> {
    let (mut bridge, loader) = proven_bridge().await?;
    // A worker that runs needs its files no more: only the clock can end
    // its job now.
    let answer = futures::select_biased! {
        outcome = bridge.run(job).fuse() => Some(outcome),
        _ = gloo_timers::future::sleep(TIMEOUT).fuse() => None,
    };
    let Some(outcome) = answer else {
        // The next job spawns anew. Dropping the bridge only asks the stuck
        // worker to close once its job ends: gloo-worker cannot terminate it.
        return Err(WorkerError::Failed(
            "the worker did not finish (it is stuck)".into(),
        ));
    };
    BRIDGE.with(|b| *b.borrow_mut() = Some((bridge, loader, true)));
    match &outcome {
        Outcome::Failed(e) => Err(WorkerError::Failed(e.clone())),
        _ => Ok(outcome),
    }
}

/// The stored worker or a new one, taken out of [`BRIDGE`] and proven
/// ([`prove`]) if it has not answered yet; the caller stores it back once
/// it has answered again.
async fn proven_bridge() -> Result<(OneshotBridge<CryptoWorker>, String), WorkerError> {
    let (mut bridge, loader, proven) = take_bridge();
    if !proven {
        prove(&mut bridge, &loader).await?;
    }
    Ok((bridge, loader))
}

/// Waits for a new worker's answer to a [`Job::Ping`], beside the check of
/// its files. A missing file is a deploy that replaced this page's build,
/// unless the worker answers within [`GONE_GRACE`] all the same (its files
/// may come from the browser's cache, where a `HEAD` may not look).
async fn prove(bridge: &mut OneshotBridge<CryptoWorker>, loader: &str) -> Result<(), WorkerError> {
    let files_missing = async {
        if files_gone(loader).await {
            gloo_timers::future::sleep(GONE_GRACE).await;
            WorkerError::OutOfDate
        } else {
            futures::future::pending().await
        }
    };
    futures::select_biased! {
        outcome = bridge.run(Job::Ping).fuse() => match outcome {
            Outcome::Pong => Ok(()),
            _ => Err(WorkerError::Failed(WRONG_JOB.into())),
        },
        e = files_missing.fuse() => Err(e),
        _ = gloo_timers::future::sleep(TIMEOUT).fuse() => Err(WorkerError::Failed(
            "the worker did not start".into(),
        )),
    }
}

/// Whether the worker runs here: `Ok` once it has answered. Asked before
/// a step that consumes something on the server and needs the worker
/// after it (opening a collected answer), so that a worker that cannot
/// load fails the step before anything is used up.
pub async fn ready() -> Result<(), WorkerError> {
    let (bridge, loader) = proven_bridge().await?;
    BRIDGE.with(|b| *b.borrow_mut() = Some((bridge, loader, true)));
    Ok(())
}

const WRONG_JOB: &str = "the worker answered the wrong job";

/// Seals with a passphrase, in the worker.
pub async fn prepare(
    payload: &Payload,
    passphrase: &str,
    kdf: KdfParams,
    ttl_secs: u64,
    max_views: u32,
) -> Result<(LinkKey, CreateRequest), WorkerError> {
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
        _ => Err(WorkerError::Failed(WRONG_JOB.into())),
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
) -> Result<DerivedKeys, WorkerError> {
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
        _ => Err(WorkerError::Failed(WRONG_JOB.into())),
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
pub async fn prepare_request(note: &str, ttl_secs: u64) -> Result<PreparedRequest, WorkerError> {
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
        _ => Err(WorkerError::Failed(WRONG_JOB.into())),
    }
}

/// Seals a responder's secret to the request, in the worker.
pub async fn seal_fill(
    public_key: &RequestPublicKey,
    rid: &RequestId,
    payload: &Payload,
) -> Result<FillRequest, WorkerError> {
    let job = Job::SealFill {
        public_key: *public_key.expose(),
        rid: *rid.as_bytes(),
        payload: payload.into(),
    };
    match &run_in_worker(job).await? {
        Outcome::FillSealed(fill) => Ok(fill.clone()),
        _ => Err(WorkerError::Failed(WRONG_JOB.into())),
    }
}

/// Opens a collected fill with the request key, in the worker.
pub async fn open_fill(
    request_key: &RequestKey,
    rid: &RequestId,
    blob: &[u8],
) -> Result<Payload, WorkerError> {
    let job = Job::OpenFill {
        request_key: *request_key.expose(),
        rid: *rid.as_bytes(),
        blob: blob.to_vec(),
    };
    match &run_in_worker(job).await? {
        Outcome::FillOpened(payload) => Ok(payload.to_payload()),
        _ => Err(WorkerError::Failed(WRONG_JOB.into())),
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::{loader_url, worker_files};

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

    #[test]
    fn the_files_checked_are_those_the_loader_starts() {
        assert_eq!(
            worker_files("https://x.example/sdo-crypto-worker-0123456789abcdef_loader.js"),
            [
                "https://x.example/sdo-crypto-worker-0123456789abcdef_loader.js",
                "https://x.example/sdo-crypto-worker-0123456789abcdef.js",
                "https://x.example/sdo-crypto-worker-0123456789abcdef_bg.wasm",
            ]
        );
        assert_eq!(worker_files("/odd.js"), ["/odd.js"]);
    }
}
