//! Secret requests ("sdo/v1 requests") under arbitrary sequences of calls,
//! through the real router over SQLite, checked against a model of each
//! request's life: `open` → `filled` → `collected`, or `cancelled`, or past
//! its expiry.
//!
//! Every call's status is predicted from the documented rules (PROTOCOL
//! §8.6–8.7) and must match; a collect must release exactly the answer that
//! won, once, opening with the inbox key; the note goes only to the fill
//! token while the request is live; no answer is ever 5xx, and none repeats
//! a token, a key or the plaintext.
#![no_main]

use std::sync::OnceLock;

use axum::http::{Method, StatusCode};
use libfuzzer_sys::fuzz_target;
use sdo_backend::clock::Clock;
use sdo_fuzz::server::{Server, limits, trace};
use sdo_shared::api::{CreateRequestRequest, MIN_TTL_SECS, RequestMetaResponse, RequestState};
use sdo_shared::base64url::{self, Base64Bytes};
use sdo_shared::payload::Payload;
use sdo_shared::request::{self, RequestId, fill, note};
use sdo_shared::secret::{RequestKey, RequestPublicKey, Verifier};

/// The requests one input juggles.
const SLOTS: usize = 4;

fn harness() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(Server::start)
}

// ---------------------------------------------------------------- input --
//
// Four bytes per call, `[kind, slot, x, y]`, rather than `Arbitrary`: short
// inputs reach deep sequences (create, fill, collect...), and seeds are
// easy to write by hand (scripts/fuzz_seeds.py).

#[derive(Debug)]
enum Token {
    Fill,
    Inbox,
    /// Another slot's fill token: a real token, of the wrong request.
    OtherFill(u8),
    /// 32 bytes of this value: a well-formed token nobody holds.
    Random(u8),
    Missing,
    NotBase64,
}

impl Token {
    fn from_byte(b: u8) -> Self {
        match b % 6 {
            0 => Token::Fill,
            1 => Token::Inbox,
            2 => Token::OtherFill(b / 6),
            3 => Token::Random(b),
            4 => Token::Missing,
            _ => Token::NotBase64,
        }
    }
}

/// Answers' texts, and raw bodies that are not a fill.
const TEXTS: [&str; 4] = ["hunter2-answer", "", "ünïcødé answer ✓", "x"];
const RAWS: [&str; 6] = [
    "",
    "{}",
    "not json",
    r#"{"blob":null}"#,
    r#"{"blob":"AAAA"}"#,
    r#"{"blob":"AQ","extra":1}"#,
];

#[derive(Debug)]
enum FillBody {
    /// The ephemeral key's seed is one byte repeated.
    Valid {
        text: &'static str,
        ikm_e: u8,
    },
    /// Sealed to another request id: the right shape, the wrong rid.
    ForOther {
        rid: u8,
        ikm_e: u8,
    },
    /// The right shape and length, but noise.
    Noise {
        blocks: u8,
        fill: u8,
    },
    Raw(&'static str),
}

impl FillBody {
    fn from_byte(b: u8) -> Self {
        let i = usize::from(b / 4);
        match b % 4 {
            0 => FillBody::Valid {
                text: TEXTS[i % TEXTS.len()],
                ikm_e: b,
            },
            1 => FillBody::ForOther { rid: b, ikm_e: b },
            2 => FillBody::Noise {
                blocks: b / 4,
                fill: b,
            },
            _ => FillBody::Raw(RAWS[i % RAWS.len()]),
        }
    }
}

#[derive(Debug)]
enum Op {
    Create {
        slot: u8,
        note: Option<String>,
        ttl_secs: u64,
    },
    Meta {
        slot: u8,
        token: Token,
    },
    Fill {
        slot: u8,
        token: Token,
        body: FillBody,
    },
    Collect {
        slot: u8,
        token: Token,
    },
    Cancel {
        slot: u8,
        token: Token,
    },
    Wait {
        secs: u16,
    },
}

impl Op {
    fn decode(data: &[u8]) -> Vec<Op> {
        data.chunks_exact(4)
            .take(64)
            .map(|c| {
                let (slot, x, y) = (c[1], c[2], c[3]);
                match c[0] % 6 {
                    0 => Op::Create {
                        slot,
                        note: match x % 4 {
                            0 => None,
                            1 => Some(String::new()),
                            2 => Some("the staging DB password, please".into()),
                            // Longer than a note may be: left out.
                            _ => Some("n".repeat(1100)),
                        },
                        ttl_secs: match y {
                            0 => 0,
                            255 => 100_000_000,
                            minutes => 60 * u64::from(minutes),
                        },
                    },
                    1 => Op::Meta {
                        slot,
                        token: Token::from_byte(x),
                    },
                    2 => Op::Fill {
                        slot,
                        token: Token::from_byte(x),
                        body: FillBody::from_byte(y),
                    },
                    3 => Op::Collect {
                        slot,
                        token: Token::from_byte(x),
                    },
                    4 => Op::Cancel {
                        slot,
                        token: Token::from_byte(x),
                    },
                    _ => Op::Wait {
                        secs: u16::from_le_bytes([x, y]),
                    },
                }
            })
            .collect()
    }
}

/// The model of one request. Its derived keys are kept: X25519 in a
/// sanitized debug build costs milliseconds.
struct Model {
    key: RequestKey,
    public_key: RequestPublicKey,
    fill_token: String,
    inbox_token: String,
    rid: RequestId,
    note: Option<String>,
    state: RequestState,
    expires_at: i64,
    answer: Option<Payload>,
}

impl Model {
    fn fill_token(&self) -> String {
        self.fill_token.clone()
    }
    fn inbox_token(&self) -> String {
        self.inbox_token.clone()
    }
    fn uri(&self) -> String {
        format!("/api/v1/requests/{}", self.rid)
    }
    /// What a caller is told the state is now.
    fn state_at(&self, now: i64) -> RequestState {
        match self.state {
            RequestState::Open | RequestState::Filled if now >= self.expires_at => {
                RequestState::Expired
            }
            s => s,
        }
    }
}

/// Which of a request's tokens a call carried, as the server will judge it.
#[derive(PartialEq)]
enum Held {
    Filler,
    Requester,
    Nobody,
    /// No usable `Authorization` header: 401 before anything else.
    Unauthorized,
}

fn authorization(token: &Token, m: &Model, slots: &[Option<Model>]) -> (Option<String>, Held) {
    let bearer = |t: String| Some(format!("Bearer {t}"));
    match token {
        Token::Fill => (bearer(m.fill_token()), Held::Filler),
        Token::Inbox => (bearer(m.inbox_token()), Held::Requester),
        Token::OtherFill(i) => match &slots[usize::from(*i) % SLOTS] {
            Some(other) if other.rid != m.rid => (bearer(other.fill_token()), Held::Nobody),
            _ => (bearer(m.fill_token()), Held::Filler),
        },
        Token::Random(b) => (bearer(base64url::encode(&[*b; 32])), Held::Nobody),
        Token::Missing => (None, Held::Unauthorized),
        Token::NotBase64 => (bearer("not a token!".into()), Held::Unauthorized),
    }
}

fn send(
    h: &Server,
    method: Method,
    uri: &str,
    auth: Option<&str>,
    body: Option<String>,
) -> (StatusCode, Vec<u8>) {
    let content_type = body.is_some().then_some("application/json");
    let label = method.clone();
    let answer = h
        .send(
            method,
            uri,
            auth,
            content_type,
            body.unwrap_or_default().as_bytes(),
        )
        .expect("a request http can express");
    if trace() {
        eprintln!("{label} {uri} -> {}", answer.status);
    }
    (answer.status, answer.body)
}

fn create(
    h: &Server,
    index: usize,
    note: Option<String>,
    ttl_secs: u64,
) -> (StatusCode, Option<Model>) {
    let key = RequestKey::from_bytes([index as u8 + 1; 32]);
    let keys = slot_keys(index);
    let sealed = note
        .as_deref()
        .filter(|n| !n.is_empty())
        .map(|text| note::seal_with_nonce(&keys.public_key, [7; 12], text));
    let body = CreateRequestRequest {
        inbox_verifier: Verifier::of(keys.inbox_token.expose())
            .as_bytes()
            .to_vec()
            .into(),
        fill_verifier: Verifier::of(keys.fill_token.expose())
            .as_bytes()
            .to_vec()
            .into(),
        note: match &sealed {
            Some(Ok(n)) => Some(Base64Bytes::new(n.clone())),
            _ => None,
        },
        ttl_secs,
    };
    let (status, answer) = send(
        h,
        Method::POST,
        "/api/v1/requests",
        None,
        Some(serde_json::to_string(&body).unwrap()),
    );
    let valid_ttl = (MIN_TTL_SECS..=limits().max_ttl_secs).contains(&ttl_secs);
    // A note too long to seal was left out, so only the TTL can be wrong.
    let expected = if valid_ttl {
        StatusCode::CREATED
    } else {
        StatusCode::BAD_REQUEST
    };
    assert_eq!(status, expected, "create with ttl {ttl_secs}");
    if status != StatusCode::CREATED {
        return (status, None);
    }
    let json: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    let rid = RequestId::parse(json["id"].as_str().unwrap()).unwrap();
    let kept_note = match sealed {
        Some(Ok(_)) => note,
        _ => None,
    };
    (
        status,
        Some(Model {
            fill_token: keys.fill_token.to_base64url(),
            inbox_token: keys.inbox_token.to_base64url(),
            public_key: keys.public_key.clone(),
            key,
            rid,
            note: kept_note,
            state: RequestState::Open,
            expires_at: h.clock.now() + ttl_secs as i64,
            answer: None,
        }),
    )
}

/// Each slot's keys, derived once per process.
fn slot_keys(index: usize) -> &'static request::RequestKeys {
    static KEYS: OnceLock<Vec<request::RequestKeys>> = OnceLock::new();
    &KEYS.get_or_init(|| {
        (0..SLOTS)
            .map(|i| request::request_keys(&RequestKey::from_bytes([i as u8 + 1; 32])))
            .collect()
    })[index]
}

/// What must hold for every answer: below 500, and nothing of the
/// request's keys, tokens or answer in it.
fn check_any(status: StatusCode, body: &[u8], m: &Model) {
    assert!(
        status.as_u16() < 500,
        "{status}: {}",
        String::from_utf8_lossy(body)
    );
    let text = String::from_utf8_lossy(body);
    let pk = m.public_key.to_base64url();
    for secret in [m.fill_token(), m.inbox_token(), m.key.to_base64url(), pk] {
        assert!(!text.contains(&secret), "a token or key in an answer");
    }
    if let Some(answer) = m
        .answer
        .as_ref()
        .and_then(|p| p.as_text())
        .filter(|t| t.len() >= 8)
    {
        assert!(!text.contains(answer), "the plaintext in an answer");
    }
}

fuzz_target!(|data: &[u8]| {
    let h = harness();
    let mut slots: Vec<Option<Model>> = (0..SLOTS).map(|_| None).collect();
    for op in Op::decode(data) {
        let now = h.clock.now();
        match op {
            Op::Wait { secs } => h.clock.advance(i64::from(secs)),
            Op::Create {
                slot,
                note,
                ttl_secs,
            } => {
                let i = usize::from(slot) % SLOTS;
                if let (_, Some(model)) = create(h, i, note, ttl_secs) {
                    slots[i] = Some(model);
                }
            }
            Op::Meta { slot, token } => {
                let Some(m) = &slots[usize::from(slot) % SLOTS] else {
                    continue;
                };
                let (auth, held) = authorization(&token, m, &slots);
                let (status, body) = send(h, Method::GET, &m.uri(), auth.as_deref(), None);
                check_any(status, &body, m);
                match held {
                    Held::Unauthorized => assert_eq!(status, StatusCode::UNAUTHORIZED),
                    Held::Nobody => assert_eq!(status, StatusCode::NOT_FOUND),
                    Held::Filler | Held::Requester => {
                        assert_eq!(status, StatusCode::OK);
                        let meta: RequestMetaResponse = serde_json::from_slice(&body).unwrap();
                        let state = m.state_at(now);
                        assert_eq!(meta.state, state);
                        assert_eq!(meta.expires_at, m.expires_at);
                        let live = matches!(state, RequestState::Open | RequestState::Filled);
                        // The note: to the fill token, while live, if any.
                        let owed = m.note.as_ref().filter(|_| held == Held::Filler && live);
                        match (&meta.note, owed) {
                            (Some(sealed), Some(text)) => {
                                let pk = &m.public_key;
                                assert_eq!(
                                    &request::open_note(pk, sealed.as_bytes()).unwrap(),
                                    text
                                );
                            }
                            (None, None) => {}
                            (sent, _) => panic!("note sent: {} in {state:?}", sent.is_some()),
                        }
                    }
                }
            }
            Op::Fill { slot, token, body } => {
                let i = usize::from(slot) % SLOTS;
                let Some(m) = &slots[i] else { continue };
                let (auth, held) = authorization(&token, m, &slots);
                let pk = m.public_key.clone();
                let (json, shape_ok, payload) = match &body {
                    FillBody::Valid { text, ikm_e } => {
                        let p = Payload::text(*text);
                        match fill::seal_with_ikm_e(&pk, &m.rid, &p, &[*ikm_e; 32]) {
                            Ok(b) => (
                                serde_json::json!({ "blob": base64url::encode(&b) }).to_string(),
                                true,
                                Some(p),
                            ),
                            Err(_) => continue,
                        }
                    }
                    FillBody::ForOther { rid, ikm_e } => {
                        let other = RequestId::from_bytes([*rid; 16]);
                        let p = Payload::text("for another request");
                        let b = fill::seal_with_ikm_e(&pk, &other, &p, &[*ikm_e; 32]).unwrap();
                        // Stored as sent (the server cannot tell); it will
                        // not open for this request.
                        (
                            serde_json::json!({ "blob": base64url::encode(&b) }).to_string(),
                            true,
                            None,
                        )
                    }
                    FillBody::Noise { blocks, fill: byte } => {
                        let len = fill::OVERHEAD + 256 * (usize::from(*blocks % 4) + 1);
                        let mut b = vec![*byte; len];
                        b[0] = fill::VERSION_V1;
                        (
                            serde_json::json!({ "blob": base64url::encode(&b) }).to_string(),
                            true,
                            None,
                        )
                    }
                    FillBody::Raw(raw) => (raw.to_string(), false, None),
                };
                let (status, answer) = send(
                    h,
                    Method::POST,
                    &format!("{}/fill", m.uri()),
                    auth.as_deref(),
                    Some(json.clone()),
                );
                check_any(status, &answer, m);
                let winnable = held == Held::Filler && m.state_at(now) == RequestState::Open;
                let too_large =
                    shape_ok && json.len() > base64url::encoded_len(limits().max_fill_bytes()) + 16;
                if held == Held::Unauthorized {
                    assert_eq!(status, StatusCode::UNAUTHORIZED);
                } else if too_large {
                    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
                } else if !shape_ok {
                    // Raw text: refused as a body unless it happens to be a
                    // well-formed fill, which then follows the rules below.
                    assert!(
                        matches!(
                            status,
                            StatusCode::BAD_REQUEST
                                | StatusCode::NOT_FOUND
                                | StatusCode::PAYLOAD_TOO_LARGE
                        ) || (status == StatusCode::OK && winnable),
                        "raw fill: {status}"
                    );
                } else if winnable {
                    assert_eq!(status, StatusCode::OK);
                } else {
                    assert_eq!(status, StatusCode::NOT_FOUND);
                }
                if status == StatusCode::OK {
                    let m = slots[i].as_mut().unwrap();
                    m.state = RequestState::Filled;
                    // Only a valid fill for this rid opens when collected.
                    m.answer = payload;
                }
            }
            Op::Collect { slot, token } => {
                let i = usize::from(slot) % SLOTS;
                let Some(m) = &slots[i] else { continue };
                let (auth, held) = authorization(&token, m, &slots);
                let (status, body) = send(
                    h,
                    Method::POST,
                    &format!("{}/collect", m.uri()),
                    auth.as_deref(),
                    None,
                );
                check_any(status, &body, m);
                match held {
                    Held::Unauthorized => assert_eq!(status, StatusCode::UNAUTHORIZED),
                    Held::Requester if m.state_at(now) == RequestState::Filled => {
                        assert_eq!(status, StatusCode::OK);
                        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
                        let blob = base64url::decode(json["blob"].as_str().unwrap()).unwrap();
                        match (&m.answer, request::open_fill(&m.key, &m.rid, &blob)) {
                            (Some(expected), Ok(opened)) => assert_eq!(&opened, expected),
                            (None, Err(_)) => {}
                            (Some(_), Err(e)) => panic!("the answer does not open: {e}"),
                            (None, Ok(_)) => panic!("a noise fill opened"),
                        }
                        let m = slots[i].as_mut().unwrap();
                        m.state = RequestState::Collected;
                        m.answer = None;
                    }
                    _ => assert_eq!(status, StatusCode::NOT_FOUND),
                }
            }
            Op::Cancel { slot, token } => {
                let i = usize::from(slot) % SLOTS;
                let Some(m) = &slots[i] else { continue };
                let (auth, held) = authorization(&token, m, &slots);
                let (status, body) = send(h, Method::DELETE, &m.uri(), auth.as_deref(), None);
                check_any(status, &body, m);
                let live = matches!(m.state_at(now), RequestState::Open | RequestState::Filled);
                match held {
                    Held::Unauthorized => assert_eq!(status, StatusCode::UNAUTHORIZED),
                    Held::Requester if live => {
                        assert_eq!(status, StatusCode::NO_CONTENT);
                        let m = slots[i].as_mut().unwrap();
                        m.state = RequestState::Cancelled;
                        m.answer = None;
                    }
                    _ => assert_eq!(status, StatusCode::NOT_FOUND),
                }
            }
        }
    }
});
