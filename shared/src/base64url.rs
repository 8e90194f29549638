//! Base64url without padding, the only text form of bytes in the protocol.
//!
//! Decoding is strict: `=` padding, the standard alphabet's `+` and `/`, and
//! non-canonical trailing bits are all refused, so every byte string has
//! exactly one text form.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use zeroize::{Zeroize, ZeroizeOnDrop};

/// Text that is not strict base64url.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not base64url without padding")]
pub struct DecodeError;

pub fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn decode(text: &str) -> Result<Vec<u8>, DecodeError> {
    URL_SAFE_NO_PAD.decode(text).map_err(|_| DecodeError)
}

/// Decodes text that must hold exactly `N` bytes.
pub fn decode_array<const N: usize>(text: &str) -> Result<[u8; N], DecodeError> {
    // The length check first: an N-byte value has exactly one text length.
    if text.len() != encoded_len(N) {
        return Err(DecodeError);
    }
    let mut bytes = decode(text)?;
    let out = <[u8; N]>::try_from(bytes.as_slice()).map_err(|_| DecodeError);
    bytes.zeroize();
    out
}

/// Length of the unpadded text form of `n` bytes.
pub const fn encoded_len(n: usize) -> usize {
    (n * 4).div_ceil(3)
}

/// A regular expression for exactly the texts [`decode`] accepts: the
/// alphabet, no length of the form 4k+1, and a last character whose unused
/// bits are zero (so the schema refuses what the decoder refuses).
pub const PATTERN: &str =
    "^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-][AQgw]|[A-Za-z0-9_-]{2}[AEIMQUYcgkosw048])?$";

/// A regular expression for exactly the texts [`decode_array`] accepts for
/// `n` bytes (`n > 0`).
pub fn pattern_for_len(n: usize) -> String {
    // The last character carries 2 (one byte left over) or 4 (two bytes)
    // unused bits, which must be zero; a whole 3-byte group has none.
    let last = match n % 3 {
        1 => "[AQgw]",
        2 => "[AEIMQUYcgkosw048]",
        _ => "[A-Za-z0-9_-]",
    };
    format!("^[A-Za-z0-9_-]{{{}}}{last}$", encoded_len(n) - 1)
}

/// Bytes on the wire (JSON) as base64url. Wiped on drop, `Debug` shows
/// only the length, and `==` takes the same time wherever the bytes differ,
/// because these carry tokens and ciphertext.
#[derive(Clone, Default, Zeroize, ZeroizeOnDrop)]
pub struct Base64Bytes(Vec<u8>);

impl PartialEq for Base64Bytes {
    fn eq(&self, other: &Self) -> bool {
        use subtle::ConstantTimeEq;
        // `ct_eq` of slices of different lengths is false at once; a
        // length is not secret.
        self.0.ct_eq(&other.0).into()
    }
}

impl Eq for Base64Bytes {}

impl Base64Bytes {
    pub fn new(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Moves the bytes out; the caller now owns wiping them.
    pub fn into_vec(mut self) -> Vec<u8> {
        std::mem::take(&mut self.0)
    }
}

impl From<Vec<u8>> for Base64Bytes {
    fn from(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }
}

impl std::fmt::Debug for Base64Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} bytes>", self.0.len())
    }
}

impl Serialize for Base64Bytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&encode(&self.0))
    }
}

impl<'de> Deserialize<'de> for Base64Bytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        decode(&text)
            .map(Self)
            .map_err(|_| serde::de::Error::custom("expected base64url without padding"))
    }
}

#[cfg(feature = "openapi")]
mod openapi {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};

    use super::{Base64Bytes, PATTERN, pattern_for_len};

    impl utoipa::PartialSchema for Base64Bytes {
        fn schema() -> RefOr<Schema> {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .content_encoding("base64url")
                .pattern(Some(PATTERN))
                .description(Some("Bytes as base64url without padding (RFC 4648 §5)."))
                .into()
        }
    }

    impl utoipa::ToSchema for Base64Bytes {}

    /// The schema of bytes of a length in `min..=max`: the general pattern
    /// and the text lengths those byte counts have.
    pub fn bounded(min: usize, max: usize) -> Schema {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .content_encoding("base64url")
            .pattern(Some(PATTERN))
            .min_length(Some(super::encoded_len(min)))
            .max_length(Some(super::encoded_len(max)))
            .into()
    }

    /// The schema of a field that holds exactly `N` bytes, for
    /// `#[schema(schema_with = ...)]`.
    pub fn exact<const N: usize>() -> Schema {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .content_encoding("base64url")
            .pattern(Some(pattern_for_len(N)))
            .min_length(Some(super::encoded_len(N)))
            .max_length(Some(super::encoded_len(N)))
            .description(Some(format!("{N} bytes as base64url without padding.")))
            .into()
    }
}

#[cfg(feature = "openapi")]
pub use openapi::{bounded as schema_bounded, exact as schema_exact};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_padding_standard_alphabet_and_loose_bits() {
        assert_eq!(decode("AAE").unwrap(), vec![0, 1]);
        assert!(decode("AAE=").is_err());
        assert!(decode("+/8").is_err());
        assert_eq!(decode("-_8").unwrap(), vec![0xfb, 0xff]);
        // "AAF" has trailing bits set that "AAE" does not; only one may decode.
        assert!(decode("AAF").is_err());
        assert!(decode("A").is_err());
    }

    #[test]
    fn arrays_need_their_exact_length() {
        let text = encode(&[7u8; 16]);
        assert_eq!(text.len(), 22);
        assert_eq!(decode_array::<16>(&text).unwrap(), [7u8; 16]);
        assert!(decode_array::<32>(&text).is_err());
        assert_eq!(encoded_len(32), 43);
    }

    /// The patterns in the OpenAPI document must accept exactly what the
    /// decoder accepts, or a client checking against the schema would send
    /// what the server refuses (or refuse what it sends).
    #[test]
    fn patterns_match_the_decoder_exactly() {
        let any = regex::Regex::new(PATTERN).unwrap();
        let alphabet: Vec<char> = ('A'..='Z')
            .chain('a'..='z')
            .chain('0'..='9')
            .chain(['-', '_', '=', '+', '/'])
            .collect();
        // Every text of up to 3 characters, then longer ones built on them.
        let mut texts = vec![String::new()];
        for len in 1..=3 {
            let shorter: Vec<String> = texts
                .iter()
                .filter(|t| t.len() == len - 1)
                .cloned()
                .collect();
            for t in shorter {
                texts.extend(alphabet.iter().map(|c| format!("{t}{c}")));
            }
        }
        let longer: Vec<String> = texts
            .iter()
            .filter(|t| t.len() < 3)
            .map(|t| format!("AbC-{t}"))
            .collect();
        texts.extend(longer);
        let exact: Vec<regex::Regex> = (1..=6)
            .map(|n| regex::Regex::new(&pattern_for_len(n)).unwrap())
            .collect();
        let mut accepted = 0;
        for t in &texts {
            let decoded = decode(t).ok();
            assert_eq!(any.is_match(t), decoded.is_some(), "{t:?}");
            accepted += usize::from(decoded.is_some());
            for (n, pattern) in (1..).zip(&exact) {
                let holds_n = decoded.as_ref().is_some_and(|b| b.len() == n);
                assert_eq!(pattern.is_match(t), holds_n, "{t:?} as {n} bytes");
            }
        }
        assert!(accepted > 10_000, "the test saw too few valid texts");
        let token = regex::Regex::new(&pattern_for_len(32)).unwrap();
        for b in [[0u8; 32], [0xff; 32], [0x5a; 32]] {
            assert!(token.is_match(&encode(&b)));
        }
        assert!(!token.is_match(&encode(&[0u8; 31])));
        assert!(!token.is_match(&encode(&[0u8; 33])));
    }

    #[test]
    fn debug_hides_contents() {
        let b = Base64Bytes::new(b"hunter2".to_vec());
        assert_eq!(format!("{b:?}"), "<7 bytes>");
    }
}
