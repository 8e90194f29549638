//! The mapping between [`Record`]s and DynamoDB items: one attribute per
//! field, bytes as `B`, numbers as `N`, absent optionals left out.

use std::collections::HashMap;

use aws_sdk_dynamodb::primitives::Blob;
use aws_sdk_dynamodb::types::AttributeValue;
use sdo_shared::api::State;
use sdo_shared::kdf::KdfParams;
use sdo_shared::secret::{SecretId, Verifier};

use crate::store::{Record, SealedBlob, StoreError};

pub(super) type Item = HashMap<String, AttributeValue>;

pub(super) fn s(v: impl Into<String>) -> AttributeValue {
    AttributeValue::S(v.into())
}
pub(super) fn n(v: impl ToString) -> AttributeValue {
    AttributeValue::N(v.to_string())
}
pub(super) fn b(v: &[u8]) -> AttributeValue {
    AttributeValue::B(Blob::new(v))
}

pub(super) fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(what.to_owned())
}

pub(super) struct Reader<'a>(pub(super) &'a Item);

impl Reader<'_> {
    pub(super) fn s(&self, k: &str) -> Result<Option<&str>, StoreError> {
        self.0
            .get(k)
            .map(|v| v.as_s().map(String::as_str).map_err(|_| corrupt(k)))
            .transpose()
    }
    pub(super) fn b(&self, k: &str) -> Result<Option<&[u8]>, StoreError> {
        self.0
            .get(k)
            .map(|v| v.as_b().map(Blob::as_ref).map_err(|_| corrupt(k)))
            .transpose()
    }
    pub(super) fn n<T: std::str::FromStr>(&self, k: &str) -> Result<Option<T>, StoreError> {
        self.0
            .get(k)
            .map(|v| {
                v.as_n()
                    .ok()
                    .and_then(|t| t.parse().ok())
                    .ok_or_else(|| corrupt(k))
            })
            .transpose()
    }
    pub(super) fn need<T>(v: Result<Option<T>, StoreError>, k: &str) -> Result<T, StoreError> {
        v?.ok_or_else(|| corrupt(k))
    }
    pub(super) fn verifier(&self, k: &str) -> Result<Option<Verifier>, StoreError> {
        self.b(k)?
            .map(|v| Verifier::from_slice(v).map_err(|_| corrupt(k)))
            .transpose()
    }
}

pub(super) fn to_record(item: &Item) -> Result<Record, StoreError> {
    let r = Reader(item);
    let payload = match (
        r.b("sealed")?,
        r.b("server_nonce")?,
        r.b("wrapped_key")?,
        r.s("key_ref")?,
    ) {
        (Some(sealed), Some(nonce), Some(wrapped), Some(key_ref)) => Some(SealedBlob {
            sealed: sealed.to_vec(),
            nonce: nonce.try_into().map_err(|_| corrupt("server_nonce"))?,
            wrapped_key: wrapped.to_vec(),
            key_ref: key_ref.to_owned(),
        }),
        (None, None, None, None) => None,
        _ => return Err(corrupt("partial payload")),
    };
    let kdf = match r.b("kdf_salt")? {
        Some(salt) => Some(
            KdfParams::new(
                salt.try_into().map_err(|_| corrupt("kdf_salt"))?,
                Reader::need(r.n("kdf_m_kib"), "kdf_m_kib")?,
                Reader::need(r.n("kdf_t"), "kdf_t")?,
                Reader::need(r.n("kdf_p"), "kdf_p")?,
            )
            .map_err(|_| corrupt("kdf"))?,
        ),
        None => None,
    };
    Ok(Record {
        id: SecretId::parse(Reader::need(r.s("id"), "id")?).map_err(|_| corrupt("id"))?,
        state: State::parse(Reader::need(r.s("state"), "state")?)
            .ok_or_else(|| corrupt("state"))?,
        payload,
        link_verifier: r.verifier("link_verifier")?,
        reveal_verifier: r.verifier("reveal_verifier")?,
        manage_verifier: Reader::need(r.verifier("manage_verifier"), "manage_verifier")?,
        kdf,
        created_at: Reader::need(r.n("created_at"), "created_at")?,
        expires_at: Reader::need(r.n("expires_at"), "expires_at")?,
        views_left: Reader::need(r.n("views_left"), "views_left")?,
        failed_attempts: Reader::need(r.n("failed_attempts"), "failed_attempts")?,
        revealed_at: r.n("revealed_at")?,
    })
}

pub(super) fn to_item(r: &Record) -> Result<Item, StoreError> {
    let p = r
        .payload
        .as_ref()
        .ok_or_else(|| corrupt("insert without payload"))?;
    let mut item: Item = [
        ("id", s(r.id.to_string())),
        ("state", s(r.state.as_str())),
        ("sealed", b(&p.sealed)),
        ("server_nonce", b(&p.nonce)),
        ("wrapped_key", b(&p.wrapped_key)),
        ("key_ref", s(p.key_ref.clone())),
        ("manage_verifier", b(r.manage_verifier.as_bytes())),
        ("created_at", n(r.created_at)),
        ("expires_at", n(r.expires_at)),
        ("views_left", n(r.views_left)),
        ("failed_attempts", n(r.failed_attempts)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let mut put = |k: &str, v: AttributeValue| item.insert(k.to_owned(), v);
    if let Some(v) = r.link_verifier {
        put("link_verifier", b(v.as_bytes()));
    }
    if let Some(v) = r.reveal_verifier {
        put("reveal_verifier", b(v.as_bytes()));
    }
    if let Some(k) = &r.kdf {
        put("kdf_salt", b(k.salt()));
        put("kdf_m_kib", n(k.m_kib()));
        put("kdf_t", n(k.t()));
        put("kdf_p", n(k.p()));
    }
    if let Some(t) = r.revealed_at {
        put("revealed_at", n(t));
    }
    Ok(item)
}
