//! The client key schedule: HKDF-SHA256 from the link key, and Argon2id from
//! an optional passphrase.
//!
//! ```text
//! link_token   = HKDF(salt="sdo/v1/link",   ikm=link_key,  info="link token")
//! pass_key     = Argon2id(NFC(passphrase), kdf.salt, m, t, p, v=0x13)
//! ikm          = link_key || pass_key        (just link_key without one)
//! content_key  = HKDF(salt="sdo/v1/secret", ikm, info="content key")
//! reveal_token = HKDF(salt="sdo/v1/secret", ikm, info="reveal token")
//! ```

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
use argon2::{Algorithm, Argon2, Params, Version};
use hkdf::Hkdf;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::base64url;
use crate::secret::{ContentKey, LinkKey, LinkToken, PassKey, RevealToken};
use crate::{RandomError, random_bytes};

pub const LINK_SALT: &[u8] = b"sdo/v1/link";
pub const LINK_TOKEN_INFO: &[u8] = b"link token";
pub const SECRET_SALT: &[u8] = b"sdo/v1/secret";
pub const CONTENT_KEY_INFO: &[u8] = b"content key";
pub const REVEAL_TOKEN_INFO: &[u8] = b"reveal token";

/// The one password hash the protocol knows, by its name on the wire.
pub const ALG_ARGON2ID: &str = "argon2id";
pub const SALT_LEN: usize = 16;
/// Bounds both sides enforce (RFC 9106 and OWASP's floor, and a ceiling that
/// keeps a hostile link from making a browser allocate gigabytes).
pub const M_KIB_MIN: u32 = 19_456;
pub const M_KIB_MAX: u32 = 262_144;
pub const T_MIN: u32 = 1;
pub const T_MAX: u32 = 10;
pub const P_MIN: u32 = 1;
pub const P_MAX: u32 = 4;
/// RFC 9106's second recommended option; see docs/BENCHMARKS.md.
pub const DEFAULT_M_KIB: u32 = 65_536;
pub const DEFAULT_T: u32 = 3;
pub const DEFAULT_P: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KdfError {
    #[error("kdf.alg must be \"argon2id\"")]
    UnknownAlgorithm,
    #[error("kdf.salt must be {SALT_LEN} bytes as base64url")]
    BadSalt,
    #[error("kdf.{field} must be between {min} and {max}, not {value}")]
    OutOfRange {
        field: &'static str,
        min: u32,
        max: u32,
        value: u32,
    },
    #[error("the passphrase is empty")]
    EmptyPassphrase,
    #[error("Argon2id failed: {0}")]
    Argon2(String),
    #[error(transparent)]
    Random(#[from] RandomError),
}

/// Public Argon2id parameters, stored by the server and handed to whoever
/// holds the link. A value of this type is always within the bounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "KdfWire", into = "KdfWire")]
pub struct KdfParams {
    salt: [u8; SALT_LEN],
    m_kib: u32,
    t: u32,
    p: u32,
}

impl KdfParams {
    pub fn new(salt: [u8; SALT_LEN], m_kib: u32, t: u32, p: u32) -> Result<Self, KdfError> {
        check_range("m_kib", m_kib, M_KIB_MIN, M_KIB_MAX)?;
        check_range("t", t, T_MIN, T_MAX)?;
        check_range("p", p, P_MIN, P_MAX)?;
        Ok(Self { salt, m_kib, t, p })
    }

    /// A fresh random salt with the given costs.
    pub fn generate(m_kib: u32, t: u32, p: u32) -> Result<Self, KdfError> {
        Self::new(random_bytes()?, m_kib, t, p)
    }

    /// A fresh random salt with the default costs.
    pub fn generate_default() -> Result<Self, KdfError> {
        Self::generate(DEFAULT_M_KIB, DEFAULT_T, DEFAULT_P)
    }

    pub fn salt(&self) -> &[u8; SALT_LEN] {
        &self.salt
    }
    pub fn m_kib(&self) -> u32 {
        self.m_kib
    }
    pub fn t(&self) -> u32 {
        self.t
    }
    pub fn p(&self) -> u32 {
        self.p
    }
}

fn check_range(field: &'static str, value: u32, min: u32, max: u32) -> Result<(), KdfError> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(KdfError::OutOfRange {
            field,
            min,
            max,
            value,
        })
    }
}

/// The schema of the JSON form, with the bounds [`KdfParams::new`] enforces.
#[cfg(feature = "openapi")]
mod openapi {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Schema, Type};

    use super::*;
    use crate::base64url::schema_exact;

    fn bounded(min: u32, max: u32, description: &str) -> ObjectBuilder {
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(min))
            .maximum(Some(max))
            .description(Some(description))
    }

    impl utoipa::PartialSchema for KdfParams {
        fn schema() -> RefOr<Schema> {
            ObjectBuilder::new()
                .description(Some(
                    "Argon2id parameters (version 0x13) for the passphrase.",
                ))
                .property(
                    "alg",
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .enum_values(Some([ALG_ARGON2ID])),
                )
                .property("salt", schema_exact::<SALT_LEN>())
                .property("m_kib", bounded(M_KIB_MIN, M_KIB_MAX, "memory in KiB"))
                .property("t", bounded(T_MIN, T_MAX, "passes"))
                .property("p", bounded(P_MIN, P_MAX, "lanes"))
                .required("alg")
                .required("salt")
                .required("m_kib")
                .required("t")
                .required("p")
                .additional_properties(Some(AdditionalProperties::FreeForm(false)))
                .into()
        }
    }

    impl utoipa::ToSchema for KdfParams {}
}

/// The JSON form: `{alg, salt, m_kib, t, p}`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KdfWire {
    alg: String,
    salt: String,
    m_kib: u32,
    t: u32,
    p: u32,
}

impl TryFrom<KdfWire> for KdfParams {
    type Error = KdfError;
    fn try_from(w: KdfWire) -> Result<Self, KdfError> {
        if w.alg != ALG_ARGON2ID {
            return Err(KdfError::UnknownAlgorithm);
        }
        let salt = base64url::decode_array(&w.salt).map_err(|_| KdfError::BadSalt)?;
        Self::new(salt, w.m_kib, w.t, w.p)
    }
}

impl From<KdfParams> for KdfWire {
    fn from(k: KdfParams) -> Self {
        Self {
            alg: ALG_ARGON2ID.to_owned(),
            salt: base64url::encode(&k.salt),
            m_kib: k.m_kib,
            t: k.t,
            p: k.p,
        }
    }
}

pub(crate) fn hkdf32(salt: &[u8], ikm: &[u8], info: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    // 32 bytes is far below HKDF-SHA256's 8160-byte output limit.
    Hkdf::<Sha256>::new(Some(salt), ikm)
        .expand(info, &mut out)
        .unwrap_or_else(|_| unreachable!("HKDF-SHA256 can always expand 32 bytes"));
    out
}

pub fn link_token(link_key: &LinkKey) -> LinkToken {
    LinkToken::from_bytes(hkdf32(LINK_SALT, link_key.expose(), LINK_TOKEN_INFO))
}

/// Argon2id over the NFC form of the passphrase, so that the same passphrase
/// typed on different keyboards (composed or decomposed accents) agrees.
pub fn pass_key(passphrase: &str, params: &KdfParams) -> Result<PassKey, KdfError> {
    if passphrase.is_empty() {
        return Err(KdfError::EmptyPassphrase);
    }
    let normalized: Zeroizing<String> = Zeroizing::new(passphrase.nfc().collect());
    let out = argon2id(normalized.as_bytes(), params)?;
    Ok(PassKey::from_bytes(*out))
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn argon2id(password: &[u8], params: &KdfParams) -> Result<Zeroizing<[u8; 32]>, KdfError> {
    let argon_params = Params::new(params.m_kib, params.t, params.p, Some(32))
        .map_err(|e| KdfError::Argon2(e.to_string()))?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params);
    let mut out = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(password, &params.salt, out.as_mut())
        .map_err(|e| KdfError::Argon2(e.to_string()))?;
    Ok(out)
}

/// In the browser: the same function with a wasm SIMD compression
/// (crate::argon2id), faster than the crate's there (docs/BENCHMARKS.md).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn argon2id(password: &[u8], params: &KdfParams) -> Result<Zeroizing<[u8; 32]>, KdfError> {
    crate::argon2id::hash(
        password,
        &params.salt,
        &[],
        &[],
        params.m_kib,
        params.t,
        params.p,
    )
    .map(Zeroizing::new)
    .map_err(|e| KdfError::Argon2(e.to_string()))
}

/// What a secret's keys are derived from: the link key, plus the passphrase
/// key when the secret has a passphrase.
#[derive(Debug)]
pub struct SecretKeys {
    pub content_key: ContentKey,
    pub reveal_token: RevealToken,
}

pub fn secret_keys(link_key: &LinkKey, pass_key: Option<&PassKey>) -> SecretKeys {
    let mut ikm = Zeroizing::new(Vec::with_capacity(64));
    ikm.extend_from_slice(link_key.expose());
    if let Some(pk) = pass_key {
        ikm.extend_from_slice(pk.expose());
    }
    SecretKeys {
        content_key: ContentKey::from_bytes(hkdf32(SECRET_SALT, &ikm, CONTENT_KEY_INFO)),
        reveal_token: RevealToken::from_bytes(hkdf32(SECRET_SALT, &ikm, REVEAL_TOKEN_INFO)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_enforced_on_construction_and_on_the_wire() {
        assert!(KdfParams::new([0; 16], M_KIB_MIN, T_MIN, P_MIN).is_ok());
        assert!(KdfParams::new([0; 16], M_KIB_MAX, T_MAX, P_MAX).is_ok());
        assert!(matches!(
            KdfParams::new([0; 16], M_KIB_MIN - 1, 2, 1),
            Err(KdfError::OutOfRange { field: "m_kib", .. })
        ));
        assert!(KdfParams::new([0; 16], M_KIB_MAX + 1, 2, 1).is_err());
        assert!(KdfParams::new([0; 16], 65536, 0, 1).is_err());
        assert!(KdfParams::new([0; 16], 65536, 11, 1).is_err());
        assert!(KdfParams::new([0; 16], 65536, 3, 0).is_err());
        assert!(KdfParams::new([0; 16], 65536, 3, 5).is_err());

        let ok = r#"{"alg":"argon2id","salt":"AAAAAAAAAAAAAAAAAAAAAA","m_kib":19456,"t":2,"p":1}"#;
        let parsed: KdfParams = serde_json::from_str(ok).unwrap();
        assert_eq!(serde_json::to_string(&parsed).unwrap(), ok);
        for bad in [
            r#"{"alg":"argon2i","salt":"AAAAAAAAAAAAAAAAAAAAAA","m_kib":19456,"t":2,"p":1}"#,
            r#"{"alg":"argon2id","salt":"AAAA","m_kib":19456,"t":2,"p":1}"#,
            r#"{"alg":"argon2id","salt":"AAAAAAAAAAAAAAAAAAAAAA","m_kib":1024,"t":2,"p":1}"#,
            r#"{"alg":"argon2id","salt":"AAAAAAAAAAAAAAAAAAAAAA","m_kib":19456,"t":99,"p":1}"#,
            r#"{"alg":"argon2id","salt":"AAAAAAAAAAAAAAAAAAAAAA","m_kib":19456,"t":2,"p":8}"#,
            r#"{"alg":"argon2id","salt":"AAAAAAAAAAAAAAAAAAAAAA","m_kib":19456,"t":2,"p":1,"x":0}"#,
        ] {
            assert!(serde_json::from_str::<KdfParams>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passphrase_is_nfc_normalized() {
        let params = KdfParams::new([3; 16], M_KIB_MIN, 1, 1).unwrap();
        let composed = pass_key("caf\u{e9}", &params).unwrap();
        let decomposed = pass_key("cafe\u{301}", &params).unwrap();
        assert_eq!(composed, decomposed);
        assert_ne!(composed, pass_key("cafe", &params).unwrap());
        assert_eq!(
            pass_key("", &params).unwrap_err(),
            KdfError::EmptyPassphrase
        );
    }

    #[test]
    fn passphrase_changes_both_keys() {
        let link = LinkKey::from_bytes([1; 32]);
        let pk = PassKey::from_bytes([2; 32]);
        let plain = secret_keys(&link, None);
        let with = secret_keys(&link, Some(&pk));
        assert_ne!(plain.content_key, with.content_key);
        assert_ne!(plain.reveal_token, with.reveal_token);
        assert_ne!(link_token(&link).expose(), plain.reveal_token.expose());
    }
}
