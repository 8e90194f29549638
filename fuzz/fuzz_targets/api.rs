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

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use arbitrary::{Arbitrary, Unstructured};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use libfuzzer_sys::fuzz_target;
use sdo_backend::app::{HttpOptions, router};
use sdo_backend::clock::ManualClock;
use sdo_backend::keys::LocalKeyProvider;
use sdo_backend::seal::DataKey;
use sdo_backend::service::{Limits, Service};
use sdo_backend::store::{Durability, SqliteStore};
use sdo_shared::api::{
    CreateRequest, CreateResponse, ErrorBody, ErrorCode, MIN_TTL_SECS, MetaResponse,
    ReceiptResponse, RevealRequest, RevealResponse, State,
};
use sdo_shared::base64url;
use sdo_shared::blob;
use sdo_shared::secret::{SecretId, Verifier};
use tower::ServiceExt;

/// The live secret's tokens. Test values, not secrets; the checks below make
/// sure no response ever repeats them.
const LINK_TOKEN: [u8; 32] = [0x11; 32];
const REVEAL_TOKEN: [u8; 32] = [0x22; 32];
/// Fixed time, so a crash replays the same way.
const START: i64 = 1_800_000_000;
/// Past the longest TTL: sweeping after this jump empties the store.
const SWEEP_JUMP: i64 = 8 * 86_400;
const SWEEP_EVERY: u64 = 4096;

struct Harness {
    rt: tokio::runtime::Runtime,
    router: Router,
    service: Arc<Service>,
    clock: Arc<ManualClock>,
    limits: Limits,
    body_limit: usize,
    calls: AtomicU64,
    /// Base64url texts from `shared/tests/vectors/v1.json`.
    vector_blobs: Vec<String>,
    vector_verifiers: Vec<String>,
    /// JSON texts of the vectors' kdf objects.
    vector_kdfs: Vec<String>,
    live_blob: Vec<u8>,
    _dir: tempfile::TempDir,
}

/// Built once per process: a store per input would cost more than the input.
fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path(), Durability::Normal).unwrap();
        let keys = LocalKeyProvider::from_key(DataKey::from_bytes([0x33; 32]));
        let clock = Arc::new(ManualClock::new(START));
        let limits = Limits::default();
        let service = Arc::new(Service::new(
            Arc::new(store),
            Arc::new(keys),
            clock.clone(),
            limits,
        ));
        let router = rt.block_on(async { router(Arc::clone(&service), &HttpOptions::default()) });

        let vectors: serde_json::Value =
            serde_json::from_str(include_str!("../../shared/tests/vectors/v1.json")).unwrap();
        let cases = |key: &str| vectors[key].as_array().unwrap().clone();
        let valid = cases("valid");
        let fail = cases("fail");
        let all = valid.iter().chain(fail.iter());
        let text = |v: &serde_json::Value| v.as_str().unwrap().to_owned();
        Harness {
            vector_blobs: all.map(|c| text(&c["blob"])).collect(),
            vector_verifiers: valid
                .iter()
                .flat_map(|c| [text(&c["link_verifier"]), text(&c["reveal_verifier"])])
                .collect(),
            vector_kdfs: valid
                .iter()
                .filter(|c| !c["kdf"].is_null())
                .map(|c| c["kdf"].to_string())
                .collect(),
            live_blob: base64url::decode(valid[0]["blob"].as_str().unwrap()).unwrap(),
            body_limit: base64url::encoded_len(limits.max_blob_bytes) + 4096,
            rt,
            router,
            service,
            clock,
            limits,
            calls: AtomicU64::new(0),
            _dir: dir,
        }
    })
}

// ---------------------------------------------------------------- input --

/// Any JSON value, nested at most a few levels, written as text so that it
/// can hold what `serde_json::Value` cannot (1e400, 2^64, duplicate keys).
#[derive(Debug)]
struct AnyJson(String);

impl<'a> Arbitrary<'a> for AnyJson {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let mut out = String::new();
        any_json(u, 3, &mut out)?;
        Ok(AnyJson(out))
    }
}

fn any_json(u: &mut Unstructured<'_>, depth: u8, out: &mut String) -> arbitrary::Result<()> {
    let kinds = if depth == 0 { 5 } else { 7 };
    match u.choose_index(kinds)? {
        0 => out.push_str("null"),
        1 => out.push_str(if u.arbitrary()? { "true" } else { "false" }),
        2 => out.push_str(&Num::arbitrary(u)?.text()),
        3 => push_json_str(out, &String::arbitrary(u)?),
        4 => {
            // Huge strings belong in the members that are checked for size;
            // anywhere else they only slow every input down.
            let bytes = match BytesText::arbitrary(u)? {
                BytesText::Huge(_) => BytesText::Exact32(0),
                small => small,
            };
            push_json_str(out, &bytes.text(harness()));
        }
        5 => {
            out.push('[');
            for i in 0..u.int_in_range(0..=4)? {
                if i > 0 {
                    out.push(',');
                }
                any_json(u, depth - 1, out)?;
            }
            out.push(']');
        }
        _ => {
            out.push('{');
            for i in 0..u.int_in_range(0..=4)? {
                if i > 0 {
                    out.push(',');
                }
                push_json_str(out, &Key::arbitrary(u)?.text());
                out.push(':');
                any_json(u, depth - 1, out)?;
            }
            out.push('}');
        }
    }
    Ok(())
}

fn push_json_str(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).unwrap());
}

/// A JSON number, mostly at the edges of what the API allows.
#[derive(Debug, Arbitrary)]
enum Num {
    Edge(u8),
    U64(u64),
    I64(i64),
    F64(f64),
    Nines(u8),
    Exp(i16),
}

const EDGES: &[&str] = &[
    "0",
    "1",
    "2",
    "59",
    "60",
    "61",
    "3600",
    "86400",
    "604800",
    "604801",
    "99",
    "100",
    "101",
    "4",
    "5",
    "10",
    "11",
    "19455",
    "19456",
    "262144",
    "262145",
    "-1",
    "-0",
    "60.0",
    "6e1",
    "1E2",
    "0.5",
    "4294967295",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "9223372036854775807",
    "1e400",
    "123456789012345678901234567890",
];

impl Num {
    fn text(&self) -> String {
        match self {
            Num::Edge(i) => EDGES[usize::from(*i) % EDGES.len()].to_owned(),
            Num::U64(n) => n.to_string(),
            Num::I64(n) => n.to_string(),
            Num::F64(f) if f.is_finite() => format!("{f:e}"),
            Num::F64(_) => "1e999".to_owned(),
            Num::Nines(n) => "9".repeat(usize::from(*n % 64) + 1),
            Num::Exp(e) => format!("1e{e}"),
        }
    }
}

/// Member names: the real ones (also where they do not belong) and others.
#[derive(Debug, Arbitrary)]
enum Key {
    Known(u8),
    Other(String),
}

const KEYS: &[&str] = &[
    "blob",
    "link_verifier",
    "reveal_verifier",
    "kdf",
    "ttl_secs",
    "max_views",
    "reveal_token",
    "alg",
    "salt",
    "m_kib",
    "t",
    "p",
    "Blob",
    "blob ",
    "__proto__",
    "",
];

impl Key {
    fn text(&self) -> String {
        match self {
            Key::Known(i) => KEYS[usize::from(*i) % KEYS.len()].to_owned(),
            Key::Other(s) => s.clone(),
        }
    }
}

/// The text of a JSON string that should hold base64url bytes.
#[derive(Debug, Arbitrary)]
enum BytesText {
    /// 32 bytes: a well-formed verifier or token.
    Exact32(u8),
    /// A length `check_shape` accepts (29 + 256·k), with any version byte.
    Shaped {
        v1: bool,
        version: u8,
        blocks: u8,
        fill: u8,
    },
    Len {
        len: u16,
        fill: u8,
    },
    VectorBlob(u8),
    VectorVerifier(u8),
    Huge(Huge),
    Mangled {
        len: u8,
        fill: u8,
        how: Mangle,
    },
    Raw(String),
}

#[derive(Debug, Arbitrary)]
enum Huge {
    /// The largest blob the server takes.
    Max,
    /// One block more: the service's 413.
    OverMax,
    /// Past the HTTP body limit: the router's 413.
    OverBodyLimit,
}

#[derive(Debug, Arbitrary)]
enum Mangle {
    Padding,
    StandardAlphabet,
    LooseTrailingBits,
    Space,
    Newline,
    Truncated,
    Percent,
}

impl BytesText {
    fn text(&self, h: &Harness) -> String {
        let bytes = |len: usize, fill: u8| base64url::encode(&vec![fill; len]);
        match self {
            BytesText::Exact32(fill) => bytes(32, *fill),
            BytesText::Shaped {
                v1,
                version,
                blocks,
                fill,
            } => {
                let mut b = vec![*fill; blob::OVERHEAD + 256 * usize::from(*blocks % 16)];
                b[0] = if *v1 { blob::VERSION_V1 } else { *version };
                base64url::encode(&b)
            }
            BytesText::Len { len, fill } => bytes(usize::from(*len % 1024), *fill),
            BytesText::VectorBlob(i) => {
                h.vector_blobs[usize::from(*i) % h.vector_blobs.len()].clone()
            }
            BytesText::VectorVerifier(i) => {
                h.vector_verifiers[usize::from(*i) % h.vector_verifiers.len()].clone()
            }
            BytesText::Huge(Huge::Max) => {
                let mut b = vec![0xab; blob::MAX_LEN];
                b[0] = blob::VERSION_V1;
                base64url::encode(&b)
            }
            BytesText::Huge(Huge::OverMax) => {
                let mut b = vec![0xab; blob::MAX_LEN + 256];
                b[0] = blob::VERSION_V1;
                base64url::encode(&b)
            }
            BytesText::Huge(Huge::OverBodyLimit) => "A".repeat(h.body_limit + 4),
            BytesText::Mangled { len, fill, how } => {
                let text = bytes(usize::from(*len), *fill);
                match how {
                    Mangle::Padding => {
                        let pad = (4 - text.len() % 4) % 4;
                        format!("{text}{}", "=".repeat(pad.max(1)))
                    }
                    Mangle::StandardAlphabet => format!("{}+/", text),
                    Mangle::LooseTrailingBits => {
                        // The last character of a length ≢ 0 (mod 3) carries
                        // unused bits; "_" sets all of them.
                        let mut t = text;
                        if t.pop().is_some() {
                            t.push('_');
                        }
                        t
                    }
                    Mangle::Space => format!(" {text}"),
                    Mangle::Newline => format!("{text}\n"),
                    Mangle::Truncated => {
                        let mut t = text;
                        t.pop();
                        t
                    }
                    Mangle::Percent => format!("%41{text}"),
                }
            }
            BytesText::Raw(s) => s.clone(),
        }
    }
}

/// A member of an object: as it should be, or missing, null, of any other
/// type, or given twice.
#[derive(Debug, Arbitrary)]
enum Field<T> {
    Good(T),
    Missing,
    Null,
    Wrong(AnyJson),
    Twice(T, AnyJson),
}

trait ToJson {
    fn json(&self, h: &Harness) -> String;
}

impl ToJson for BytesText {
    fn json(&self, h: &Harness) -> String {
        let mut out = String::new();
        push_json_str(&mut out, &self.text(h));
        out
    }
}

impl ToJson for Num {
    fn json(&self, _: &Harness) -> String {
        self.text()
    }
}

/// Writes `"name":value` members into an object being built.
struct Members<'h> {
    h: &'h Harness,
    out: String,
}

impl<'h> Members<'h> {
    fn new(h: &'h Harness) -> Self {
        Self {
            h,
            out: String::from("{"),
        }
    }

    fn raw(&mut self, name: &str, value: &str) {
        if self.out.len() > 1 {
            self.out.push(',');
        }
        push_json_str(&mut self.out, name);
        self.out.push(':');
        self.out.push_str(value);
    }

    fn field<T: ToJson>(&mut self, name: &str, field: &Field<T>) {
        match field {
            Field::Good(v) => self.raw(name, &v.json(self.h)),
            Field::Missing => {}
            Field::Null => self.raw(name, "null"),
            Field::Wrong(j) => self.raw(name, &j.0),
            Field::Twice(v, j) => {
                self.raw(name, &v.json(self.h));
                self.raw(name, &j.0);
            }
        }
    }

    fn extra(&mut self, extra: &[(Key, AnyJson)]) {
        for (k, v) in extra {
            self.raw(&k.text(), &v.0);
        }
    }

    fn close(mut self) -> String {
        self.out.push('}');
        self.out
    }
}

#[derive(Debug, Arbitrary)]
enum Alg {
    Argon2id,
    Other(String),
}

impl ToJson for Alg {
    fn json(&self, _: &Harness) -> String {
        let mut out = String::new();
        match self {
            Alg::Argon2id => push_json_str(&mut out, "argon2id"),
            Alg::Other(s) => push_json_str(&mut out, s),
        }
        out
    }
}

#[derive(Debug, Arbitrary)]
enum Kdf {
    Vector(u8),
    Object {
        alg: Field<Alg>,
        salt: Field<BytesText>,
        m_kib: Field<Num>,
        t: Field<Num>,
        p: Field<Num>,
        extra: Vec<(Key, AnyJson)>,
    },
}

impl ToJson for Kdf {
    fn json(&self, h: &Harness) -> String {
        match self {
            Kdf::Vector(i) => h.vector_kdfs[usize::from(*i) % h.vector_kdfs.len()].clone(),
            Kdf::Object {
                alg,
                salt,
                m_kib,
                t,
                p,
                extra,
            } => {
                let mut m = Members::new(h);
                m.field("alg", alg);
                m.field("salt", salt);
                m.field("m_kib", m_kib);
                m.field("t", t);
                m.field("p", p);
                m.extra(extra);
                m.close()
            }
        }
    }
}

#[derive(Debug, Arbitrary)]
enum CreateBody {
    Object {
        blob: Field<BytesText>,
        link_verifier: Field<BytesText>,
        reveal_verifier: Field<BytesText>,
        kdf: Field<Kdf>,
        ttl_secs: Field<Num>,
        max_views: Field<Num>,
        extra: Vec<(Key, AnyJson)>,
    },
    NotAnObject(AnyJson),
    Bytes(Vec<u8>),
}

impl CreateBody {
    fn bytes(&self, h: &Harness) -> Vec<u8> {
        match self {
            CreateBody::Object {
                blob,
                link_verifier,
                reveal_verifier,
                kdf,
                ttl_secs,
                max_views,
                extra,
            } => {
                let mut m = Members::new(h);
                m.field("blob", blob);
                m.field("link_verifier", link_verifier);
                m.field("reveal_verifier", reveal_verifier);
                m.field("kdf", kdf);
                m.field("ttl_secs", ttl_secs);
                m.field("max_views", max_views);
                m.extra(extra);
                m.close().into_bytes()
            }
            CreateBody::NotAnObject(j) => j.0.clone().into_bytes(),
            CreateBody::Bytes(b) => b.clone(),
        }
    }
}

#[derive(Debug, Arbitrary)]
enum RevealToken {
    Real,
    Wrong(u8),
    Other(BytesText),
}

impl ToJson for RevealToken {
    fn json(&self, h: &Harness) -> String {
        match self {
            RevealToken::Real => format!("\"{}\"", base64url::encode(&REVEAL_TOKEN)),
            RevealToken::Wrong(fill) => {
                // Never the real token, whatever the fill.
                let fill = if *fill == REVEAL_TOKEN[0] { 0 } else { *fill };
                format!("\"{}\"", base64url::encode(&[fill; 32]))
            }
            RevealToken::Other(b) => b.json(h),
        }
    }
}

#[derive(Debug, Arbitrary)]
enum RevealBody {
    Object {
        reveal_token: Field<RevealToken>,
        extra: Vec<(Key, AnyJson)>,
    },
    NotAnObject(AnyJson),
    Bytes(Vec<u8>),
}

impl RevealBody {
    fn bytes(&self, h: &Harness) -> Vec<u8> {
        match self {
            RevealBody::Object {
                reveal_token,
                extra,
            } => {
                let mut m = Members::new(h);
                m.field("reveal_token", reveal_token);
                m.extra(extra);
                m.close().into_bytes()
            }
            RevealBody::NotAnObject(j) => j.0.clone().into_bytes(),
            RevealBody::Bytes(b) => b.clone(),
        }
    }
}

/// A JSON body, whole or cut short.
#[derive(Debug, Arbitrary)]
struct Cut<T> {
    body: T,
    cut: Option<u16>,
}

fn cut(mut bytes: Vec<u8>, at: Option<u16>) -> Vec<u8> {
    if let Some(at) = at {
        bytes.truncate(usize::from(at));
    }
    bytes
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Arbitrary)]
enum ContentType {
    Json,
    JsonCharset,
    Missing,
    TextPlain,
    FormUrlencoded,
}

impl ContentType {
    fn value(self) -> Option<&'static str> {
        match self {
            ContentType::Json => Some("application/json"),
            ContentType::JsonCharset => Some("application/json; charset=utf-8"),
            ContentType::Missing => None,
            ContentType::TextPlain => Some("text/plain"),
            ContentType::FormUrlencoded => Some("application/x-www-form-urlencoded"),
        }
    }

    fn is_json(self) -> bool {
        matches!(self, ContentType::Json | ContentType::JsonCharset)
    }
}

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

fn name(h: &Harness, target: &Target) -> Named {
    match target {
        Target::Live { views } => {
            let views = u32::from(views % 3) + 1;
            let req = CreateRequest {
                blob: h.live_blob.clone().into(),
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
        Bearer::Lowercase => {
            return (
                Some(format!("bearer {}", base64url::encode(&LINK_TOKEN))),
                None,
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

/// What the rules say the answer is, or `None` where they say nothing
/// precise (the `Other` calls).
#[derive(Debug, PartialEq, Eq)]
struct Expected {
    status: u16,
    /// For 403: the attempts left.
    attempts_left: Option<u32>,
}

fn status(status: u16) -> Option<Expected> {
    Some(Expected {
        status,
        attempts_left: None,
    })
}

fn expect_create(h: &Harness, content_type: ContentType, body: &[u8]) -> Option<Expected> {
    if !content_type.is_json() {
        return status(415);
    }
    if body.len() > h.body_limit {
        return status(413);
    }
    let Ok(req) = serde_json::from_slice::<CreateRequest>(body) else {
        return status(400);
    };
    let limits = h.limits;
    if req.blob.len() > limits.max_blob_bytes {
        return status(413);
    }
    let valid = blob::check_shape(req.blob.as_bytes()).is_ok()
        && req.link_verifier.len() == 32
        && req.reveal_verifier.len() == 32
        && (MIN_TTL_SECS..=limits.max_ttl_secs).contains(&req.ttl_secs)
        && (1..=limits.max_views).contains(&req.max_views);
    status(if valid { 201 } else { 400 })
}

fn expect_reveal(
    h: &Harness,
    named: &Named,
    token: Option<[u8; 32]>,
    content_type: ContentType,
    body: &[u8],
) -> Option<Expected> {
    // A consuming route buffers its body before the handler runs (so that a
    // slow body uses nothing up): past the limit is the 413, before the
    // header, the id or the content type is looked at.
    if body.len() > h.body_limit {
        return status(413);
    }
    if token.is_none() {
        return status(401);
    }
    if !named.id_is_valid() {
        return status(404);
    }
    if !content_type.is_json() {
        return status(415);
    }
    let Ok(req) = serde_json::from_slice::<RevealRequest>(body) else {
        return status(400);
    };
    if req.reveal_token.len() != 32 {
        return status(400);
    }
    if named.live.is_none() || token != Some(LINK_TOKEN) {
        return status(404);
    }
    if req.reveal_token.as_bytes() != REVEAL_TOKEN {
        return Some(Expected {
            status: 403,
            attempts_left: Some(h.limits.max_attempts - 1),
        });
    }
    status(200)
}

/// Meta, burn and receipt: the route, the header, the id, then the token.
fn expect_by_token(
    named: &Named,
    token: Option<[u8; 32]>,
    opens: &[[u8; 32]],
    id_ends_path: bool,
) -> Option<Expected> {
    // `/secrets/` matches no route (the fallback's 404, before any header is
    // read); `/secrets//receipt` matches with an empty id.
    if id_ends_path && named.path_id.is_empty() {
        return status(404);
    }
    if token.is_none() {
        return status(401);
    }
    if !named.id_is_valid() {
        return status(404);
    }
    match (&named.live, token) {
        (Some(_), Some(t)) if opens.contains(&t) => None,
        _ => status(404),
    }
}

// ------------------------------------------------------------- checking --

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

fn send(
    h: &Harness,
    method: Method,
    uri: &str,
    authorization: Option<&str>,
    content_type: Option<&str>,
    body: &[u8],
) -> Option<Answer> {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(value) = authorization {
        req = req.header(header::AUTHORIZATION, value);
    }
    if let Some(value) = content_type {
        req = req.header(header::CONTENT_TYPE, value);
    }
    // A request http cannot even express is not the server's to answer.
    let req = req.body(Body::from(body.to_vec())).ok()?;
    h.rt.block_on(async {
        let response = h.router.clone().oneshot(req).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        Some(Answer {
            status,
            headers,
            body: body.to_vec(),
        })
    })
}

/// `SDO_FUZZ_TRACE=1` prints each call and status, to see which paths a
/// corpus reaches: `cargo fuzz run api corpus/api -- -runs=0`.
fn trace() -> bool {
    static TRACE: OnceLock<bool> = OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("SDO_FUZZ_TRACE").is_some())
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// What holds for every answer, whatever was asked.
fn check_any(what: &str, request_body: &[u8], a: &Answer) {
    let code = a.status.as_u16();
    if trace() {
        eprintln!("api: {what} {code}");
    }
    let error = (code >= 400).then(|| {
        serde_json::from_slice::<ErrorBody>(&a.body).unwrap_or_else(|e| {
            panic!(
                "{what}: {code} without an error body ({e}): {:?}",
                String::from_utf8_lossy(&a.body)
            )
        })
    });
    assert!(code < 500, "{what}: server error {code}: {error:?}");
    assert_eq!(
        a.headers.get(header::CACHE_CONTROL).map(|v| v.as_bytes()),
        Some(&b"no-store"[..]),
        "{what}: {code} without Cache-Control: no-store"
    );
    if let Some(error) = error {
        assert_eq!(error.error.status(), code, "{what}: {error:?} under {code}");
        assert_eq!(
            error.attempts_left.is_some(),
            error.error == ErrorCode::WrongPassphrase,
            "{what}: {error:?}"
        );
    }
    // A token sent where it belongs (the header, `reveal_token`) never comes
    // back. One the fuzzer typed into another member may be quoted in a
    // serde message, which tells the sender only what they sent.
    // Answers are small and requests can be 350 KB: search the answer first.
    for token in [LINK_TOKEN, REVEAL_TOKEN] {
        let text = base64url::encode(&token);
        if count(&a.body, text.as_bytes()) > 0 {
            let in_place = format!("\"reveal_token\":\"{text}\"");
            assert!(
                count(request_body, text.as_bytes()) != count(request_body, in_place.as_bytes()),
                "{what}: a token came back in a {code} body"
            );
        }
    }
}

fn check_expected(what: &str, a: &Answer, expected: &Option<Expected>) {
    let Some(expected) = expected else { return };
    let got = Expected {
        status: a.status.as_u16(),
        attempts_left: serde_json::from_slice::<ErrorBody>(&a.body)
            .ok()
            .and_then(|e| e.attempts_left),
    };
    assert_eq!(&got, expected, "{what}: {:?}", error_text(a));
}

fn error_text(a: &Answer) -> String {
    if a.status.is_success() {
        "(success body not shown)".to_owned()
    } else {
        String::from_utf8_lossy(&a.body).into_owned()
    }
}

fn run(h: &Harness, call: &Call) {
    let secrets = "/api/v1/secrets";
    match call {
        Call::Create { content_type, body } => {
            let bytes = cut(body.body.bytes(h), body.cut);
            let expected = expect_create(h, *content_type, &bytes);
            let Some(a) = send(h, Method::POST, secrets, None, content_type.value(), &bytes) else {
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
            let bytes = cut(body.body.bytes(h), body.cut);
            let expected = expect_reveal(h, &named, token, *content_type, &bytes);
            let uri = format!("{secrets}/{}/reveal", named.path_id);
            let Some(a) = send(
                h,
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
                    revealed.blob.as_bytes() == h.live_blob,
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
            let Some(a) = send(h, Method::GET, &uri, auth.as_deref(), None, &[]) else {
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
            let Some(a) = send(h, Method::DELETE, &uri, auth.as_deref(), None, &[]) else {
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
            let Some(a) = send(h, Method::GET, &uri, auth.as_deref(), None, &[]) else {
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
            let Some(a) = send(h, method, uri, auth.as_deref(), content_type.value(), body) else {
                return;
            };
            check_any("other", body, &a);
        }
    }
}

fuzz_target!(|call: Call| {
    let h = harness();
    let n = h.calls.fetch_add(1, Ordering::Relaxed);
    if n > 0 && n % SWEEP_EVERY == 0 {
        // Every record made so far expires, so the store stays small however
        // long the fuzzer runs.
        h.clock.advance(SWEEP_JUMP);
        h.rt.block_on(h.service.sweep()).expect("sweep");
    }
    run(h, &call);
});
