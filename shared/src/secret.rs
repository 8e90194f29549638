//! Key, token and id newtypes.
//!
//! Secret types are wiped on drop, print as `***`, and deliberately have no
//! `Serialize`/`Display`: putting one on the wire or in a log takes an explicit
//! call to `expose` or `to_base64url`, which is easy to find in review.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::base64url;
use crate::{RandomError, random_bytes};

/// Bytes of the wrong length, or text that is not their base64url form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} must be {len} bytes as base64url without padding")]
pub struct FormatError {
    pub what: &'static str,
    pub len: usize,
}

macro_rules! secret_bytes {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Zeroize, ZeroizeOnDrop)]
        pub struct $name([u8; 32]);

        impl $name {
            pub const LEN: usize = 32;
            const WHAT: &'static str = $what;

            pub fn from_bytes(bytes: [u8; 32]) -> Self {
                Self(bytes)
            }

            pub fn from_slice(bytes: &[u8]) -> Result<Self, FormatError> {
                <[u8; 32]>::try_from(bytes)
                    .map(Self)
                    .map_err(|_| FormatError { what: Self::WHAT, len: 32 })
            }

            pub fn from_base64url(text: &str) -> Result<Self, FormatError> {
                base64url::decode_array::<32>(text)
                    .map(Self)
                    .map_err(|_| FormatError { what: Self::WHAT, len: 32 })
            }

            pub fn expose(&self) -> &[u8; 32] {
                &self.0
            }

            /// The text form, for a link or a request; never for a log.
            pub fn to_base64url(&self) -> String {
                base64url::encode(&self.0)
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!(stringify!($name), "(***)"))
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.0.ct_eq(&other.0).into()
            }
        }
        impl Eq for $name {}
    };
}

secret_bytes!(
    /// The 32 random bytes in a share link's fragment; the root of every key.
    LinkKey,
    "link key"
);
secret_bytes!(
    /// Proves to the server that a client holds the link (`Bearer` token).
    LinkToken,
    "link token"
);
secret_bytes!(
    /// Proves link key and passphrase together; releases the blob.
    RevealToken,
    "reveal token"
);
secret_bytes!(
    /// The creator's token for the receipt and for burning.
    ManageToken,
    "manage token"
);
secret_bytes!(
    /// AES-256-GCM key of the client envelope.
    ContentKey,
    "content key"
);
secret_bytes!(
    /// Argon2id output from the passphrase.
    PassKey,
    "passphrase key"
);

secret_bytes!(
    /// The 32 random bytes in an inbox link's fragment: the root of a secret
    /// request's keys, kept by the requester.
    RequestKey,
    "request key"
);
secret_bytes!(
    /// A secret request's X25519 public key, in the request link. Not secret
    /// in the HPKE sense, but whoever holds it can fill the request and read
    /// its note, so it is guarded like a key.
    RequestPublicKey,
    "request public key"
);
secret_bytes!(
    /// The requester's token for a request's state, collect and cancel.
    InboxToken,
    "inbox token"
);
secret_bytes!(
    /// Proves to the server that a client holds the request link; fills.
    FillToken,
    "fill token"
);

impl RequestKey {
    pub fn generate() -> Result<Self, RandomError> {
        random_bytes().map(Self)
    }
}

impl LinkKey {
    pub fn generate() -> Result<Self, RandomError> {
        random_bytes().map(Self)
    }
}

impl ManageToken {
    pub fn generate() -> Result<Self, RandomError> {
        random_bytes().map(Self)
    }
}

/// SHA-256 of a token: what the server stores and compares against.
///
/// A verifier is not itself a key, but anyone holding one can test guesses
/// offline for nothing, so it is kept out of logs like the tokens are.
#[derive(Clone, Copy)]
pub struct Verifier([u8; 32]);

impl Verifier {
    pub fn of(token: &[u8; 32]) -> Self {
        Self(Sha256::digest(token).into())
    }

    pub fn from_slice(bytes: &[u8]) -> Result<Self, FormatError> {
        <[u8; 32]>::try_from(bytes)
            .map(Self)
            .map_err(|_| FormatError {
                what: "verifier",
                len: 32,
            })
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Constant-time check that `token` hashes to this verifier.
    pub fn matches(&self, token: &[u8; 32]) -> bool {
        Self::of(token).0.ct_eq(&self.0).into()
    }
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Verifier(***)")
    }
}

/// A secret's id: 16 random bytes chosen by the server. Public: it appears in
/// URLs and is useless without the link key.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SecretId([u8; 16]);

impl SecretId {
    pub const LEN: usize = 16;
    /// Length of the text form.
    pub const TEXT_LEN: usize = 22;

    pub fn generate() -> Result<Self, RandomError> {
        random_bytes().map(Self)
    }

    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }

    pub fn parse(text: &str) -> Result<Self, FormatError> {
        base64url::decode_array::<16>(text)
            .map(Self)
            .map_err(|_| FormatError {
                what: "id",
                len: 16,
            })
    }
}

impl std::fmt::Display for SecretId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&base64url::encode(&self.0))
    }
}

impl std::fmt::Debug for SecretId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretId({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_print_as_stars() {
        let key = LinkKey::from_bytes([0x41; 32]);
        assert_eq!(format!("{key:?}"), "LinkKey(***)");
        assert_eq!(format!("{:?}", Verifier::of(&[1; 32])), "Verifier(***)");
    }

    #[test]
    fn verifier_matches_only_its_token() {
        let v = Verifier::of(&[9; 32]);
        assert!(v.matches(&[9; 32]));
        assert!(!v.matches(&[8; 32]));
    }

    #[test]
    fn ids_round_trip_and_refuse_bad_text() {
        let id = SecretId::from_bytes([0xfe; 16]);
        let text = id.to_string();
        assert_eq!(text.len(), SecretId::TEXT_LEN);
        assert_eq!(SecretId::parse(&text).unwrap(), id);
        assert!(SecretId::parse("short").is_err());
        assert!(SecretId::parse(&format!("{text}=")).is_err());
        assert!(LinkToken::from_base64url(&text).is_err());
    }
}
