//! Argon2id off the page's thread: a gloo-worker oneshot worker, built by
//! Trunk as its own wasm (`src/bin/kdf_worker.rs`) and spawned only when a
//! passphrase is involved, so pages without one never download it.
//!
//! A job carries the passphrase (and, to seal, the plaintext) to the worker
//! by `postMessage`, which stays inside this browser tab; the worker answers
//! with the derived keys or the sealed request.

use std::cell::RefCell;
use std::time::Duration;

use futures::FutureExt;
use gloo_worker::Spawnable;
use gloo_worker::oneshot::{OneshotBridge, oneshot};
use sdo_shared::api::CreateRequest;
use sdo_shared::client::{self, Protection};
use sdo_shared::kdf::KdfParams;
use sdo_shared::payload::{Kind, Payload};
use sdo_shared::secret::{ContentKey, LinkKey, RevealToken};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop};

/// The loader Trunk writes for the worker (`data-loader-shim`); worker
/// files keep their names (no content hash) so the app can find them.
pub const WORKER_LOADER: &str = "sdo-kdf-worker_loader.js";
/// Longest wait for an answer before giving up (a slow phone takes seconds).
const TIMEOUT: Duration = Duration::from_secs(90);

/// A plaintext on its way to the worker.
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

impl std::fmt::Debug for WirePayload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "WirePayload(<{} bytes>)", self.data.len())
    }
}

impl std::fmt::Debug for KdfJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            KdfJob::Prepare { .. } => "KdfJob::Prepare(***)",
            KdfJob::Derive { .. } => "KdfJob::Derive(***)",
        })
    }
}

impl std::fmt::Debug for KdfOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KdfOutcome::Prepared { .. } => f.write_str("KdfOutcome::Prepared(***)"),
            KdfOutcome::Derived { .. } => f.write_str("KdfOutcome::Derived(***)"),
            KdfOutcome::Failed(e) => write!(f, "KdfOutcome::Failed({e})"),
        }
    }
}

impl WirePayload {
    fn to_payload(&self) -> Payload {
        match &self.file {
            None => Payload::text(String::from_utf8_lossy(&self.data).into_owned()),
            Some((name, mime)) => Payload::file(name.clone(), mime.clone(), self.data.clone()),
        }
    }
}

#[derive(Serialize, Deserialize)]
pub enum KdfJob {
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
}

impl Drop for KdfJob {
    fn drop(&mut self) {
        match self {
            KdfJob::Prepare { passphrase, .. } => passphrase.zeroize(),
            KdfJob::Derive {
                link_key,
                passphrase,
                ..
            } => {
                link_key.zeroize();
                passphrase.zeroize();
            }
        }
    }
}

#[derive(Serialize, Deserialize)]
pub enum KdfOutcome {
    Prepared {
        link_key: [u8; 32],
        request: CreateRequest,
    },
    Derived {
        content_key: [u8; 32],
        reveal_token: [u8; 32],
    },
    Failed(String),
}

/// What a [`KdfJob::Derive`] gives the page.
#[derive(Debug)]
pub struct DerivedKeys {
    pub content_key: ContentKey,
    pub reveal_token: RevealToken,
}

/// The job itself; the worker runs it, and so can a test.
pub fn run(job: KdfJob) -> KdfOutcome {
    match &job {
        KdfJob::Prepare {
            payload,
            passphrase,
            kdf,
            ttl_secs,
            max_views,
        } => {
            let protection = Protection { passphrase, kdf };
            match client::prepare(
                &payload.to_payload(),
                Some(protection),
                *ttl_secs,
                *max_views,
            ) {
                Ok(prepared) => KdfOutcome::Prepared {
                    link_key: *prepared.link_key.expose(),
                    request: prepared.request,
                },
                Err(e) => KdfOutcome::Failed(e.to_string()),
            }
        }
        KdfJob::Derive {
            link_key,
            kdf,
            passphrase,
        } => {
            let link_key = LinkKey::from_bytes(*link_key);
            match client::derive_keys(&link_key, Some(kdf), Some(passphrase)) {
                Ok(keys) => KdfOutcome::Derived {
                    content_key: *keys.content_key.expose(),
                    reveal_token: *keys.reveal_token.expose(),
                },
                Err(e) => KdfOutcome::Failed(e.to_string()),
            }
        }
    }
}

#[oneshot]
pub async fn KdfWorker(job: KdfJob) -> KdfOutcome {
    run(job)
}

thread_local! {
    /// One worker per page, spawned on first use and kept for retries.
    static BRIDGE: RefCell<Option<OneshotBridge<KdfWorker>>> = const { RefCell::new(None) };
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

fn spawn() -> OneshotBridge<KdfWorker> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_else(|| "/".into());
    KdfWorker::spawner().spawn_with_loader(&loader_url(&base))
}

fn take_bridge() -> OneshotBridge<KdfWorker> {
    BRIDGE.with(|b| b.borrow_mut().take()).unwrap_or_else(spawn)
}

/// Starts the worker's download and compilation ahead of need (when a
/// person starts typing a passphrase), so the derivation starts at once.
pub fn warm_up() {
    let bridge = take_bridge();
    BRIDGE.with(|b| *b.borrow_mut() = Some(bridge));
}

/// Runs `job` in the worker.
pub async fn run_in_worker(job: KdfJob) -> Result<KdfOutcome, String> {
    let mut bridge = take_bridge();
    let answer = futures::select! {
        outcome = bridge.run(job).fuse() => Some(outcome),
        _ = gloo_timers::future::sleep(TIMEOUT).fuse() => None,
    };
    match answer {
        Some(outcome) => {
            BRIDGE.with(|b| *b.borrow_mut() = Some(bridge));
            Ok(outcome)
        }
        // Dropping the bridge ends the stuck worker; the next job spawns anew.
        None => {
            Err("the key derivation did not finish (the worker failed to load or is stuck)".into())
        }
    }
}

/// Seals with a passphrase, in the worker.
pub async fn prepare(
    payload: &Payload,
    passphrase: &str,
    kdf: KdfParams,
    ttl_secs: u64,
    max_views: u32,
) -> Result<(LinkKey, CreateRequest), String> {
    let job = KdfJob::Prepare {
        payload: payload.into(),
        passphrase: passphrase.to_owned(),
        kdf,
        ttl_secs,
        max_views,
    };
    match run_in_worker(job).await? {
        KdfOutcome::Prepared { link_key, request } => Ok((LinkKey::from_bytes(link_key), request)),
        KdfOutcome::Failed(e) => Err(e),
        KdfOutcome::Derived { .. } => Err("the worker answered the wrong job".into()),
    }
}

/// Derives a recipient's keys with a passphrase, in the worker.
pub async fn derive(
    link_key: &LinkKey,
    kdf: KdfParams,
    passphrase: &str,
) -> Result<DerivedKeys, String> {
    let job = KdfJob::Derive {
        link_key: *link_key.expose(),
        kdf,
        passphrase: passphrase.to_owned(),
    };
    match run_in_worker(job).await? {
        KdfOutcome::Derived {
            content_key,
            reveal_token,
        } => Ok(DerivedKeys {
            content_key: ContentKey::from_bytes(content_key),
            reveal_token: RevealToken::from_bytes(reveal_token),
        }),
        KdfOutcome::Failed(e) => Err(e),
        KdfOutcome::Prepared { .. } => Err("the worker answered the wrong job".into()),
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
            "https://x.example/sdo-kdf-worker_loader.js"
        );
        assert_eq!(
            loader_url("https://x.example/app/index.html?x=/y#/r/a/b"),
            "https://x.example/app/sdo-kdf-worker_loader.js"
        );
        assert_eq!(
            loader_url("http://127.0.0.1:8080/"),
            "http://127.0.0.1:8080/sdo-kdf-worker_loader.js"
        );
    }
}
