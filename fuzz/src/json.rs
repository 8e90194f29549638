//! JSON shaped like the API's bodies, from the edges of what it accepts:
//! numbers at and past each limit, base64url of every length and mangled
//! form, the test vectors' blobs and verifiers, members missing, null, of
//! the wrong type or given twice, and any JSON at all.

use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use sdo_shared::{base64url, blob};

use crate::server::body_limit;

/// What the shapes draw on: texts from `shared/tests/vectors/v1.json`.
pub struct Vectors {
    /// Base64url blobs, valid and `fail_*`.
    pub blobs: Vec<String>,
    /// Base64url verifiers of the valid vectors.
    pub verifiers: Vec<String>,
    /// JSON texts of the valid vectors' kdf objects.
    pub kdfs: Vec<String>,
    /// The first valid vector's blob, for a secret that really exists.
    pub live_blob: Vec<u8>,
}

pub fn vectors() -> &'static Vectors {
    static VECTORS: OnceLock<Vectors> = OnceLock::new();
    VECTORS.get_or_init(|| {
        let vectors: serde_json::Value =
            serde_json::from_str(include_str!("../../shared/tests/vectors/v1.json")).unwrap();
        let cases = |key: &str| vectors[key].as_array().unwrap().clone();
        let valid = cases("valid");
        let fail = cases("fail");
        let text = |v: &serde_json::Value| v.as_str().unwrap().to_owned();
        Vectors {
            blobs: valid
                .iter()
                .chain(fail.iter())
                .map(|c| text(&c["blob"]))
                .collect(),
            verifiers: valid
                .iter()
                .flat_map(|c| [text(&c["link_verifier"]), text(&c["reveal_verifier"])])
                .collect(),
            kdfs: valid
                .iter()
                .filter(|c| !c["kdf"].is_null())
                .map(|c| c["kdf"].to_string())
                .collect(),
            live_blob: base64url::decode(valid[0]["blob"].as_str().unwrap()).unwrap(),
        }
    })
}

/// Any JSON value, nested at most a few levels, written as text so that it
/// can hold what `serde_json::Value` cannot (1e400, 2^64, duplicate keys).
#[derive(Debug)]
pub struct AnyJson(pub String);

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
            push_json_str(out, &bytes.text());
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

pub fn push_json_str(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).unwrap());
}

/// A JSON number, mostly at the edges of what the API allows.
#[derive(Debug, Arbitrary)]
pub enum Num {
    Edge(u8),
    U64(u64),
    I64(i64),
    F64(f64),
    Nines(u8),
    Exp(i16),
}

pub const EDGES: &[&str] = &[
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
    pub fn text(&self) -> String {
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
pub enum Key {
    Known(u8),
    Other(String),
}

pub const KEYS: &[&str] = &[
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
    pub fn text(&self) -> String {
        match self {
            Key::Known(i) => KEYS[usize::from(*i) % KEYS.len()].to_owned(),
            Key::Other(s) => s.clone(),
        }
    }
}

/// The text of a JSON string that should hold base64url bytes.
#[derive(Debug, Arbitrary)]
pub enum BytesText {
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
pub enum Huge {
    /// The largest blob the server takes.
    Max,
    /// One block more: the service's 413.
    OverMax,
    /// Past the HTTP body limit: the router's 413.
    OverBodyLimit,
}

#[derive(Debug, Arbitrary)]
pub enum Mangle {
    Padding,
    StandardAlphabet,
    LooseTrailingBits,
    Space,
    Newline,
    Truncated,
    Percent,
}

impl BytesText {
    pub fn text(&self) -> String {
        let v = vectors();
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
            BytesText::VectorBlob(i) => v.blobs[usize::from(*i) % v.blobs.len()].clone(),
            BytesText::VectorVerifier(i) => {
                v.verifiers[usize::from(*i) % v.verifiers.len()].clone()
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
            BytesText::Huge(Huge::OverBodyLimit) => "A".repeat(body_limit() + 4),
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
pub enum Field<T> {
    Good(T),
    Missing,
    Null,
    Wrong(AnyJson),
    Twice(T, AnyJson),
}

pub trait ToJson {
    fn json(&self) -> String;
}

impl ToJson for BytesText {
    fn json(&self) -> String {
        let mut out = String::new();
        push_json_str(&mut out, &self.text());
        out
    }
}

impl ToJson for Num {
    fn json(&self) -> String {
        self.text()
    }
}

/// Writes `"name":value` members into an object being built.
pub struct Members {
    out: String,
}

impl Default for Members {
    fn default() -> Self {
        Self {
            out: String::from("{"),
        }
    }
}

impl Members {
    fn raw(&mut self, name: &str, value: &str) {
        if self.out.len() > 1 {
            self.out.push(',');
        }
        push_json_str(&mut self.out, name);
        self.out.push(':');
        self.out.push_str(value);
    }

    pub fn field<T: ToJson>(&mut self, name: &str, field: &Field<T>) {
        match field {
            Field::Good(v) => self.raw(name, &v.json()),
            Field::Missing => {}
            Field::Null => self.raw(name, "null"),
            Field::Wrong(j) => self.raw(name, &j.0),
            Field::Twice(v, j) => {
                self.raw(name, &v.json());
                self.raw(name, &j.0);
            }
        }
    }

    pub fn extra(&mut self, extra: &[(Key, AnyJson)]) {
        for (k, v) in extra {
            self.raw(&k.text(), &v.0);
        }
    }

    pub fn close(mut self) -> String {
        self.out.push('}');
        self.out
    }
}
