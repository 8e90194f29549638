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

/// Bytes on the wire (JSON) as base64url. Wiped on drop, and `Debug` shows
/// only the length, because these carry tokens and ciphertext.
#[derive(Clone, PartialEq, Eq, Default, Zeroize, ZeroizeOnDrop)]
pub struct Base64Bytes(Vec<u8>);

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

    #[test]
    fn debug_hides_contents() {
        let b = Base64Bytes::new(b"hunter2".to_vec());
        assert_eq!(format!("{b:?}"), "<7 bytes>");
    }
}
