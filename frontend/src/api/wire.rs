//! The API's JSON, read and written without serde_json: the browser parses
//! and prints it (`JSON.parse`, `JSON.stringify`), and each wire type of
//! `sdo_shared::api` is read or written field by field here. serde_json,
//! with the float parsing and printing it brings, was about 15 KB of each
//! page's gzipped first load (docs/BENCHMARKS.md).
//!
//! The field names and forms are sdo-shared's; the tests check every type
//! against its serde form, so the two cannot drift apart unnoticed.

use js_sys::{Array, JSON, Object, Reflect};
use sdo_shared::api::{
    CollectResponse, ConfigResponse, CreateRequest, CreateRequestRequest, CreateRequestResponse,
    CreateResponse, ErrorBody, ErrorCode, FillRequest, FillResponse, MetaResponse, ReceiptResponse,
    RequestMetaResponse, RequestState, RevealRequest, RevealResponse, State,
};
use sdo_shared::base64url::{self, Base64Bytes};
use sdo_shared::kdf::{ALG_ARGON2ID, KdfParams};
use wasm_bindgen::{JsCast, JsValue};

/// Integers past 2^53 do not survive a JSON number; none of the API's do.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A wire type the server answers with.
pub trait FromWire: Sized {
    /// `None` if a field is missing or has the wrong form.
    fn read(fields: &Fields) -> Option<Self>;

    fn from_json(text: &str) -> Option<Self> {
        Self::read(&Fields::parse(text)?)
    }
}

/// A wire type the app sends.
pub trait ToWire {
    fn write(&self, object: Fields) -> Fields;

    fn to_json(&self) -> String {
        self.write(Fields::new()).to_json()
    }
}

/// One JSON object, read or written a field at a time.
pub struct Fields(Object);

/// Bodies carry tokens, verifiers and sealed blobs: never printed
/// (wasm-bindgen's own `Debug` would show the whole object).
impl std::fmt::Debug for Fields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Fields(***)")
    }
}

impl Fields {
    pub fn new() -> Self {
        Self(Object::new())
    }

    /// The object `text` holds; `None` for anything else (an array, `null`,
    /// a number, not JSON at all).
    pub fn parse(text: &str) -> Option<Self> {
        let value = JSON::parse(text).ok()?;
        Self::from_value(value)
    }

    fn from_value(value: JsValue) -> Option<Self> {
        (value.is_object() && !Array::is_array(&value)).then(|| Self(value.unchecked_into()))
    }

    pub fn to_json(&self) -> String {
        stringify(&self.0)
    }

    /// The objects in a JSON array, skipping anything else in it; `None`
    /// if `text` is not an array.
    pub fn parse_list(text: &str) -> Option<Vec<Self>> {
        let value = JSON::parse(text).ok()?;
        let array: Array = value.dyn_into().ok()?;
        Some(array.iter().filter_map(Self::from_value).collect())
    }

    pub fn list_to_json(items: impl IntoIterator<Item = Self>) -> String {
        let array: Array = items.into_iter().map(|f| JsValue::from(f.0)).collect();
        stringify(&array)
    }

    fn get(&self, name: &str) -> JsValue {
        Reflect::get(&self.0, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    fn is_absent(&self, name: &str) -> bool {
        let value = self.get(name);
        value.is_null() || value.is_undefined()
    }

    /// The field `name` read by `read` (one of the getters below);
    /// `Some(None)` for `null` or a missing field, `None` for a wrong form.
    fn optional<T>(
        &self,
        name: &str,
        read: impl FnOnce(&Self, &str) -> Option<T>,
    ) -> Option<Option<T>> {
        if self.is_absent(name) {
            Some(None)
        } else {
            read(self, name).map(Some)
        }
    }

    pub fn string(&self, name: &str) -> Option<String> {
        self.get(name).as_string()
    }

    pub fn bool(&self, name: &str) -> Option<bool> {
        self.get(name).as_bool()
    }

    /// A whole number that fits `T` (negative numbers do not fit unsigned
    /// types; `1.5` fits none).
    pub fn int<T: TryFrom<i64>>(&self, name: &str) -> Option<T> {
        let number = self.get(name).as_f64()?;
        if number.trunc() != number || number.abs() > MAX_SAFE_INTEGER {
            return None;
        }
        T::try_from(number as i64).ok()
    }

    /// Unpadded base64url, as every byte string on the wire.
    pub fn bytes(&self, name: &str) -> Option<Base64Bytes> {
        base64url::decode(&self.string(name)?)
            .ok()
            .map(Base64Bytes::new)
    }

    fn object(&self, name: &str) -> Option<Fields> {
        Self::from_value(self.get(name))
    }

    fn set(self, name: &str, value: JsValue) -> Self {
        let _ = Reflect::set(&self.0, &JsValue::from_str(name), &value);
        self
    }

    pub fn put_string(self, name: &str, value: &str) -> Self {
        self.set(name, JsValue::from_str(value))
    }

    pub fn put_bytes(self, name: &str, value: &[u8]) -> Self {
        self.put_string(name, &base64url::encode(value))
    }

    /// Whole numbers only; the API's are all far below 2^53.
    pub fn put_int(self, name: &str, value: u64) -> Self {
        self.set(name, JsValue::from_f64(value as f64))
    }

    pub fn put_null(self, name: &str) -> Self {
        self.set(name, JsValue::NULL)
    }

    fn put_object(self, name: &str, value: Fields) -> Self {
        let object = value.0.into();
        self.set(name, object)
    }
}

/// `JSON.stringify` fails only on cycles and BigInts, which the objects
/// made here never hold.
fn stringify(value: &JsValue) -> String {
    JSON::stringify(value).map(String::from).unwrap_or_default()
}

impl Default for Fields {
    fn default() -> Self {
        Self::new()
    }
}

impl FromWire for KdfParams {
    fn read(f: &Fields) -> Option<Self> {
        if f.string("alg")? != ALG_ARGON2ID {
            return None;
        }
        let salt = base64url::decode_array(&f.string("salt")?).ok()?;
        KdfParams::new(salt, f.int("m_kib")?, f.int("t")?, f.int("p")?).ok()
    }
}

impl ToWire for KdfParams {
    fn write(&self, f: Fields) -> Fields {
        f.put_string("alg", ALG_ARGON2ID)
            .put_bytes("salt", self.salt())
            .put_int("m_kib", self.m_kib().into())
            .put_int("t", self.t().into())
            .put_int("p", self.p().into())
    }
}

fn kdf(f: &Fields) -> Option<Option<KdfParams>> {
    f.optional("kdf", |f, name| KdfParams::read(&f.object(name)?))
}

impl FromWire for ConfigResponse {
    fn read(f: &Fields) -> Option<Self> {
        Some(Self {
            min_ttl_secs: f.int("min_ttl_secs")?,
            max_ttl_secs: f.int("max_ttl_secs")?,
            max_views: f.int("max_views")?,
            max_payload_bytes: f.int("max_payload_bytes")?,
            max_attempts: f.int("max_attempts")?,
            requests_enabled: f.bool("requests_enabled")?,
        })
    }
}

impl ToWire for CreateRequest {
    fn write(&self, f: Fields) -> Fields {
        let f = f
            .put_bytes("blob", self.blob.as_bytes())
            .put_bytes("link_verifier", self.link_verifier.as_bytes())
            .put_bytes("reveal_verifier", self.reveal_verifier.as_bytes())
            .put_int("ttl_secs", self.ttl_secs)
            .put_int("max_views", self.max_views.into());
        match &self.kdf {
            Some(kdf) => f.put_object("kdf", kdf.write(Fields::new())),
            None => f.put_null("kdf"),
        }
    }
}

impl FromWire for CreateResponse {
    fn read(f: &Fields) -> Option<Self> {
        Some(Self {
            id: f.string("id")?,
            manage_token: f.bytes("manage_token")?,
            expires_at: f.int("expires_at")?,
        })
    }
}

impl FromWire for MetaResponse {
    fn read(f: &Fields) -> Option<Self> {
        Some(Self {
            kdf: kdf(f)?,
            expires_at: f.int("expires_at")?,
            views_left: f.int("views_left")?,
        })
    }
}

impl ToWire for RevealRequest {
    fn write(&self, f: Fields) -> Fields {
        f.put_bytes("reveal_token", self.reveal_token.as_bytes())
    }
}

impl FromWire for RevealResponse {
    fn read(f: &Fields) -> Option<Self> {
        Some(Self {
            blob: f.bytes("blob")?,
            views_left: f.int("views_left")?,
        })
    }
}

impl FromWire for ReceiptResponse {
    fn read(f: &Fields) -> Option<Self> {
        Some(Self {
            state: State::parse(&f.string("state")?)?,
            created_at: f.int("created_at")?,
            expires_at: f.int("expires_at")?,
            views_left: f.int("views_left")?,
            failed_attempts: f.int("failed_attempts")?,
            revealed_at: f.optional("revealed_at", Fields::int)?,
        })
    }
}

impl FromWire for ErrorBody {
    fn read(f: &Fields) -> Option<Self> {
        Some(Self {
            error: ErrorCode::parse(&f.string("error")?)?,
            message: f.string("message")?,
            attempts_left: f.optional("attempts_left", Fields::int)?,
        })
    }
}

impl ToWire for CreateRequestRequest {
    fn write(&self, f: Fields) -> Fields {
        let f = f
            .put_bytes("inbox_verifier", self.inbox_verifier.as_bytes())
            .put_bytes("fill_verifier", self.fill_verifier.as_bytes())
            .put_int("ttl_secs", self.ttl_secs);
        match &self.note {
            Some(note) => f.put_bytes("note", note.as_bytes()),
            None => f.put_null("note"),
        }
    }
}

impl FromWire for CreateRequestResponse {
    fn read(f: &Fields) -> Option<Self> {
        Some(Self {
            id: f.string("id")?,
            expires_at: f.int("expires_at")?,
        })
    }
}

impl FromWire for RequestMetaResponse {
    fn read(f: &Fields) -> Option<Self> {
        Some(Self {
            state: RequestState::parse(&f.string("state")?)?,
            created_at: f.int("created_at")?,
            expires_at: f.int("expires_at")?,
            filled_at: f.optional("filled_at", Fields::int)?,
            collected_at: f.optional("collected_at", Fields::int)?,
            note: f.optional("note", Fields::bytes)?,
        })
    }
}

impl ToWire for FillRequest {
    fn write(&self, f: Fields) -> Fields {
        f.put_bytes("blob", self.blob.as_bytes())
    }
}

impl FromWire for FillResponse {
    fn read(f: &Fields) -> Option<Self> {
        Some(Self {
            expires_at: f.int("expires_at")?,
        })
    }
}

impl FromWire for CollectResponse {
    fn read(f: &Fields) -> Option<Self> {
        Some(Self {
            blob: f.bytes("blob")?,
            filled_at: f.int("filled_at")?,
        })
    }
}

#[cfg(test)]
#[path = "wire_tests.rs"]
mod tests;
