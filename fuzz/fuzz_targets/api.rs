//! The HTTP API under structured input: requests shaped like the real ones
//! (fields missing, null, of the wrong type or length, twice, extra; numbers
//! beyond u64; broken base64url; truncated JSON; odd ids, tokens and content
//! types) go through the real router over SQLite.
//!
//! Every response must be below 500, carry `Cache-Control: no-store`, and, if
//! an error, have an `ErrorBody` whose code matches the status. For create,
//! reveal, meta, burn and receipt the exact status is also predicted from the
//! documented rules (README, PROTOCOL §6) and must match: a body that
//! `serde_json` refuses as a `CreateRequest`/`RevealRequest` is 400, one it
//! accepts is judged by the service's limits, and so on.
#![no_main]

#[path = "api/bodies.rs"]
mod bodies;
#[path = "api/expect.rs"]
mod expect;

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use arbitrary::Arbitrary;
use axum::http::{Method, StatusCode};
use libfuzzer_sys::fuzz_target;
use sdo_fuzz::json::vectors;
use sdo_fuzz::server::Server;
use sdo_shared::api::{
    CreateRequest, CreateResponse, MetaResponse, ReceiptResponse, RevealResponse, State,
};
use sdo_shared::base64url;
use sdo_shared::secret::{SecretId, Verifier};

use self::bodies::{ContentType, CreateBody, Cut, RevealBody, cut};
use self::expect::{
    check_any, check_expected, expect_by_token, expect_create, expect_reveal, status,
};

/// The live secret's tokens. Test values, not secrets; the checks make sure
/// no response ever repeats them.
const LINK_TOKEN: [u8; 32] = [0x11; 32];
const REVEAL_TOKEN: [u8; 32] = [0x22; 32];
/// Past the longest TTL: sweeping after this jump empties the store.
const SWEEP_JUMP: i64 = 8 * 86_400;
const SWEEP_EVERY: u64 = 4096;
static CALLS: AtomicU64 = AtomicU64::new(0);

fn harness() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(Server::start)
}

// ---------------------------------------------------------------- input --

/// Which secret a call names.
#[derive(Debug, Arbitrary)]
enum Target {
    /// A secret created for this input.
    Live {
        views: u8,
    },
    Unknown([u8; 16]),
    /// A path segment made of URL-safe characters, usually not an id.
    Text(Vec<u8>),
}

const ID_CHARS: &[u8] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~=+!$&'()*,;:@";

#[derive(Debug, Clone, Copy, Arbitrary)]
enum Bearer {
    Link,
    Manage,
    Wrong([u8; 32]),
    Missing,
    Lowercase,
    NoScheme,
    Short,
    Padded,
}

#[derive(Debug, Arbitrary)]
enum Call {
    Create {
        content_type: ContentType,
        body: Cut<CreateBody>,
    },
    Reveal {
        target: Target,
        bearer: Bearer,
        content_type: ContentType,
        body: Cut<RevealBody>,
    },
    Meta {
        target: Target,
        bearer: Bearer,
    },
    Burn {
        target: Target,
        bearer: Bearer,
    },
    Receipt {
        target: Target,
        bearer: Bearer,
    },
    Other {
        method: u8,
        path: u8,
        target: Target,
        bearer: Bearer,
        content_type: ContentType,
        body: Vec<u8>,
    },
}

// ---------------------------------------------------------------- model --

/// The secret a `Target::Live` call is about.
struct Live {
    manage_token: [u8; 32],
    views: u32,
}

/// A named secret as the router will see it.
struct Named {
    path_id: String,
    live: Option<Live>,
}

impl Named {
    fn id_is_valid(&self) -> bool {
        SecretId::parse(&self.path_id).is_ok()
    }
}

fn name(h: &Server, target: &Target) -> Named {
    match target {
        Target::Live { views } => {
            let views = u32::from(views % 3) + 1;
            let req = CreateRequest {
                blob: vectors().live_blob.clone().into(),
                link_verifier: Verifier::of(&LINK_TOKEN).as_bytes().to_vec().into(),
                reveal_verifier: Verifier::of(&REVEAL_TOKEN).as_bytes().to_vec().into(),
                kdf: None,
                ttl_secs: 3600,
                max_views: views,
            };
            let created =
                h.rt.block_on(h.service.create(req))
                    .unwrap_or_else(|e| panic!("the harness could not create a secret: {e}"));
            let manage_token = created.manage_token.as_bytes().try_into().unwrap();
            Named {
                path_id: created.id,
                live: Some(Live {
                    manage_token,
                    views,
                }),
            }
        }
        Target::Unknown(bytes) => Named {
            path_id: SecretId::from_bytes(*bytes).to_string(),
            live: None,
        },
        Target::Text(raw) => Named {
            path_id: raw
                .iter()
                .map(|b| char::from(ID_CHARS[usize::from(*b) % ID_CHARS.len()]))
                .collect(),
            live: None,
        },
    }
}

/// The `Authorization` header and the token it carries, if well-formed.
fn authorization(bearer: Bearer, live: Option<&Live>) -> (Option<String>, Option<[u8; 32]>) {
    let manage = live.map_or([0x44; 32], |l| l.manage_token);
    let token = match bearer {
        Bearer::Link => LINK_TOKEN,
        Bearer::Manage => manage,
        Bearer::Wrong(t) if t == LINK_TOKEN || t == manage => [0x55; 32],
        Bearer::Wrong(t) => t,
        Bearer::Missing => return (None, None),
        // The scheme's name is case-insensitive: the link token, well-formed.
        Bearer::Lowercase => {
            return (
                Some(format!("bearer {}", base64url::encode(&LINK_TOKEN))),
                Some(LINK_TOKEN),
            );
        }
        Bearer::NoScheme => return (Some(base64url::encode(&LINK_TOKEN)), None),
        Bearer::Short => {
            return (
                Some(format!("Bearer {}", base64url::encode(&[1; 31]))),
                None,
            );
        }
        Bearer::Padded => {
            return (
                Some(format!("Bearer {}=", base64url::encode(&LINK_TOKEN))),
                None,
            );
        }
    };
    (
        Some(format!("Bearer {}", base64url::encode(&token))),
        Some(token),
    )
}

// ------------------------------------------------------------------ run --

fn run(h: &Server, call: &Call) {
    let secrets = "/api/v1/secrets";
    match call {
        Call::Create { content_type, body } => {
            let bytes = cut(body.body.bytes(), body.cut);
            let expected = expect_create(*content_type, &bytes);
            let Some(a) = h.send(Method::POST, secrets, None, content_type.value(), &bytes) else {
                return;
            };
            check_any("create", &bytes, &a);
            check_expected("create", &a, &expected);
            if a.status == StatusCode::CREATED {
                let created: CreateResponse = serde_json::from_slice(&a.body).unwrap();
                assert!(SecretId::parse(&created.id).is_ok());
                assert_eq!(created.manage_token.len(), 32);
                assert!(created.expires_at > h.service.now());
            }
        }
        Call::Reveal {
            target,
            bearer,
            content_type,
            body,
        } => {
            let named = name(h, target);
            let (auth, token) = authorization(*bearer, named.live.as_ref());
            let bytes = cut(body.body.bytes(), body.cut);
            let expected = expect_reveal(&named, token, *content_type, &bytes);
            let uri = format!("{secrets}/{}/reveal", named.path_id);
            let Some(a) = h.send(
                Method::POST,
                &uri,
                auth.as_deref(),
                content_type.value(),
                &bytes,
            ) else {
                return;
            };
            check_any("reveal", &bytes, &a);
            check_expected("reveal", &a, &expected);
            if a.status == StatusCode::OK {
                let live = named.live.as_ref().expect("200 for a secret never created");
                let revealed: RevealResponse = serde_json::from_slice(&a.body).unwrap();
                assert!(
                    revealed.blob.as_bytes() == vectors().live_blob,
                    "reveal: another blob"
                );
                assert_eq!(revealed.views_left, live.views - 1);
            }
        }
        Call::Meta { target, bearer } => {
            let named = name(h, target);
            let (auth, token) = authorization(*bearer, named.live.as_ref());
            let expected = expect_by_token(&named, token, &[LINK_TOKEN], true).or(status(200));
            let uri = format!("{secrets}/{}", named.path_id);
            let Some(a) = h.send(Method::GET, &uri, auth.as_deref(), None, &[]) else {
                return;
            };
            check_any("meta", &[], &a);
            check_expected("meta", &a, &expected);
            if a.status == StatusCode::OK {
                let meta: MetaResponse = serde_json::from_slice(&a.body).unwrap();
                let live = named.live.as_ref().unwrap();
                assert_eq!((meta.kdf, meta.views_left), (None, live.views));
            }
        }
        Call::Burn { target, bearer } => {
            let named = name(h, target);
            let (auth, token) = authorization(*bearer, named.live.as_ref());
            let manage = named.live.as_ref().map_or([0; 32], |l| l.manage_token);
            let expected =
                expect_by_token(&named, token, &[LINK_TOKEN, manage], true).or(status(204));
            let uri = format!("{secrets}/{}", named.path_id);
            let Some(a) = h.send(Method::DELETE, &uri, auth.as_deref(), None, &[]) else {
                return;
            };
            check_any("burn", &[], &a);
            check_expected("burn", &a, &expected);
        }
        Call::Receipt { target, bearer } => {
            let named = name(h, target);
            let (auth, token) = authorization(*bearer, named.live.as_ref());
            let manage = named.live.as_ref().map_or([0; 32], |l| l.manage_token);
            let expected = expect_by_token(&named, token, &[manage], false).or(status(200));
            let uri = format!("{secrets}/{}/receipt", named.path_id);
            let Some(a) = h.send(Method::GET, &uri, auth.as_deref(), None, &[]) else {
                return;
            };
            check_any("receipt", &[], &a);
            check_expected("receipt", &a, &expected);
            if a.status == StatusCode::OK {
                let receipt: ReceiptResponse = serde_json::from_slice(&a.body).unwrap();
                let live = named.live.as_ref().unwrap();
                assert_eq!(receipt.state, State::Waiting);
                assert_eq!(receipt.views_left, live.views);
                assert_eq!((receipt.failed_attempts, receipt.revealed_at), (0, None));
            }
        }
        Call::Other {
            method,
            path,
            target,
            bearer,
            content_type,
            body,
        } => {
            let methods = [
                Method::GET,
                Method::POST,
                Method::PUT,
                Method::PATCH,
                Method::DELETE,
                Method::OPTIONS,
            ];
            let method = methods[usize::from(*method) % methods.len()].clone();
            let named = name(h, target);
            let id = &named.path_id;
            let paths = [
                "/api/v1/health".to_owned(),
                secrets.to_owned(),
                format!("{secrets}/{id}"),
                format!("{secrets}/{id}/reveal"),
                format!("{secrets}/{id}/receipt"),
                format!("{secrets}/{id}/other"),
                "/api/v1".to_owned(),
                "/".to_owned(),
                "/api/v2/secrets".to_owned(),
            ];
            let uri = &paths[usize::from(*path) % paths.len()];
            let (auth, _) = authorization(*bearer, named.live.as_ref());
            let Some(a) = h.send(method, uri, auth.as_deref(), content_type.value(), body) else {
                return;
            };
            check_any("other", body, &a);
        }
    }
}

fuzz_target!(|call: Call| {
    let h = harness();
    let n = CALLS.fetch_add(1, Ordering::Relaxed);
    if n > 0 && n % SWEEP_EVERY == 0 {
        // Every record made so far expires, so the store stays small however
        // long the fuzzer runs.
        h.clock.advance(SWEEP_JUMP);
        h.rt.block_on(h.service.sweep()).expect("sweep");
    }
    run(h, &call);
});
