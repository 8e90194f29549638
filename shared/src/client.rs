//! The client's two halves of the protocol, so the browser app, the CLI and
//! the tests all run the same steps.
//!
//! Sender: [`prepare`] makes a link key, derives the keys, seals the payload
//! and returns the request to post. Recipient: [`derive_keys`] with the
//! link key, the secret's public kdf parameters and the passphrase, then
//! [`crate::blob::open`] on what the server releases.

use crate::api::CreateRequest;
use crate::base64url::Base64Bytes;
use crate::blob::{self, BlobError};
use crate::kdf::{self, KdfError, KdfParams, SecretKeys};
use crate::payload::Payload;
use crate::secret::{LinkKey, Verifier};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientError {
    #[error("this secret needs a passphrase")]
    PassphraseRequired,
    #[error("a passphrase needs kdf parameters")]
    KdfRequired,
    #[error(transparent)]
    Kdf(#[from] KdfError),
    #[error(transparent)]
    Blob(#[from] BlobError),
}

/// What a sender posts, and the link key it keeps for the link.
#[derive(Debug)]
pub struct Prepared {
    pub link_key: LinkKey,
    pub request: CreateRequest,
}

/// The passphrase side of a secret: the passphrase and its Argon2id costs.
#[derive(Debug, Clone, Copy)]
pub struct Protection<'a> {
    pub passphrase: &'a str,
    pub kdf: &'a KdfParams,
}

/// Derives a recipient's (or sender's) keys. A secret with kdf parameters
/// needs a passphrase; one without ignores it.
pub fn derive_keys(
    link_key: &LinkKey,
    kdf: Option<&KdfParams>,
    passphrase: Option<&str>,
) -> Result<SecretKeys, ClientError> {
    match kdf {
        None => Ok(kdf::secret_keys(link_key, None)),
        Some(params) => {
            let passphrase = passphrase
                .filter(|p| !p.is_empty())
                .ok_or(ClientError::PassphraseRequired)?;
            let pass_key = kdf::pass_key(passphrase, params)?;
            Ok(kdf::secret_keys(link_key, Some(&pass_key)))
        }
    }
}

/// Seals `payload` under a fresh link key and builds the create request.
pub fn prepare(
    payload: &Payload,
    protection: Option<Protection<'_>>,
    ttl_secs: u64,
    max_views: u32,
) -> Result<Prepared, ClientError> {
    let link_key = LinkKey::generate().map_err(KdfError::from)?;
    let keys = derive_keys(
        &link_key,
        protection.map(|p| p.kdf),
        protection.map(|p| p.passphrase),
    )?;
    let blob = blob::seal(&keys.content_key, payload)?;
    let link_token = kdf::link_token(&link_key);
    let request = CreateRequest {
        blob: Base64Bytes::new(blob),
        link_verifier: Verifier::of(link_token.expose()).as_bytes().to_vec().into(),
        reveal_verifier: Verifier::of(keys.reveal_token.expose())
            .as_bytes()
            .to_vec()
            .into(),
        kdf: protection.map(|p| p.kdf.clone()),
        ttl_secs,
        max_views,
    };
    Ok(Prepared { link_key, request })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sender_and_recipient_agree() {
        let kdf = KdfParams::new([1; 16], kdf::M_KIB_MIN, 1, 1).unwrap();
        let payload = Payload::text("the launch code");
        let prepared = prepare(
            &payload,
            Some(Protection {
                passphrase: "open sesame",
                kdf: &kdf,
            }),
            3600,
            2,
        )
        .unwrap();
        assert_eq!(prepared.request.kdf.as_ref(), Some(&kdf));

        let keys = derive_keys(&prepared.link_key, Some(&kdf), Some("open sesame")).unwrap();
        let verifier = Verifier::from_slice(prepared.request.reveal_verifier.as_bytes()).unwrap();
        assert!(verifier.matches(keys.reveal_token.expose()));
        let opened = blob::open(&keys.content_key, prepared.request.blob.as_bytes()).unwrap();
        assert_eq!(opened, payload);

        let wrong = derive_keys(&prepared.link_key, Some(&kdf), Some("open sesame!")).unwrap();
        assert!(!verifier.matches(wrong.reveal_token.expose()));
        assert_eq!(
            derive_keys(&prepared.link_key, Some(&kdf), None).unwrap_err(),
            ClientError::PassphraseRequired
        );
    }
}
