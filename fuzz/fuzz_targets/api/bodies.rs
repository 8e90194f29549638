//! The api target's request bodies: a create, a reveal, each whole or cut
//! short, under one of several content types.

use arbitrary::Arbitrary;
use sdo_fuzz::json::{
    AnyJson, BytesText, Field, Key, Members, Num, ToJson, push_json_str, vectors,
};
use sdo_shared::base64url;

use crate::REVEAL_TOKEN;

#[derive(Debug, Arbitrary)]
pub(crate) enum Alg {
    Argon2id,
    Other(String),
}

impl ToJson for Alg {
    fn json(&self) -> String {
        let mut out = String::new();
        match self {
            Alg::Argon2id => push_json_str(&mut out, "argon2id"),
            Alg::Other(s) => push_json_str(&mut out, s),
        }
        out
    }
}

#[derive(Debug, Arbitrary)]
pub(crate) enum Kdf {
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
    fn json(&self) -> String {
        match self {
            Kdf::Vector(i) => {
                let kdfs = &vectors().kdfs;
                kdfs[usize::from(*i) % kdfs.len()].clone()
            }
            Kdf::Object {
                alg,
                salt,
                m_kib,
                t,
                p,
                extra,
            } => {
                let mut m = Members::default();
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
pub(crate) enum CreateBody {
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
    pub(crate) fn bytes(&self) -> Vec<u8> {
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
                let mut m = Members::default();
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
pub(crate) enum RevealToken {
    Real,
    Wrong(u8),
    Other(BytesText),
}

impl ToJson for RevealToken {
    fn json(&self) -> String {
        match self {
            RevealToken::Real => format!("\"{}\"", base64url::encode(&REVEAL_TOKEN)),
            RevealToken::Wrong(fill) => {
                // Never the real token, whatever the fill.
                let fill = if *fill == REVEAL_TOKEN[0] { 0 } else { *fill };
                format!("\"{}\"", base64url::encode(&[fill; 32]))
            }
            RevealToken::Other(b) => b.json(),
        }
    }
}

#[derive(Debug, Arbitrary)]
pub(crate) enum RevealBody {
    Object {
        reveal_token: Field<RevealToken>,
        extra: Vec<(Key, AnyJson)>,
    },
    NotAnObject(AnyJson),
    Bytes(Vec<u8>),
}

impl RevealBody {
    pub(crate) fn bytes(&self) -> Vec<u8> {
        match self {
            RevealBody::Object {
                reveal_token,
                extra,
            } => {
                let mut m = Members::default();
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
pub(crate) struct Cut<T> {
    pub(crate) body: T,
    pub(crate) cut: Option<u16>,
}

pub(crate) fn cut(mut bytes: Vec<u8>, at: Option<u16>) -> Vec<u8> {
    if let Some(at) = at {
        bytes.truncate(usize::from(at));
    }
    bytes
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Arbitrary)]
pub(crate) enum ContentType {
    Json,
    JsonCharset,
    Missing,
    TextPlain,
    FormUrlencoded,
}

impl ContentType {
    pub(crate) fn value(self) -> Option<&'static str> {
        match self {
            ContentType::Json => Some("application/json"),
            ContentType::JsonCharset => Some("application/json; charset=utf-8"),
            ContentType::Missing => None,
            ContentType::TextPlain => Some("text/plain"),
            ContentType::FormUrlencoded => Some("application/x-www-form-urlencoded"),
        }
    }

    pub(crate) fn is_json(self) -> bool {
        matches!(self, ContentType::Json | ContentType::JsonCharset)
    }
}
