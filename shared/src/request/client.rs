//! Both sides of a request, over the wire types, so the browser app, the CLI
//! and the tests run the same steps.
//!
//! Requester: [`prepare_request`], post it, and build the links with the id
//! the server answers ([`crate::link::InboxLink`], [`crate::link::RequestLink`]);
//! later [`open_fill`] on what `collect` releases. Responder: with the request
//! link's public key, `GET` with the fill token, [`open_note`], then
//! [`seal_fill`] and post it.

use super::{RequestError, RequestId, fill, note, request_keys};
use crate::api::{CreateRequestRequest, FillRequest};
use crate::base64url::Base64Bytes;
use crate::payload::Payload;
use crate::secret::{RequestKey, RequestPublicKey, Verifier};

/// A fresh request key and the create request to post. An empty note is no
/// note (an empty form field).
pub fn prepare_request(
    note: Option<&str>,
    ttl_secs: u64,
) -> Result<(RequestKey, CreateRequestRequest), RequestError> {
    let request_key = RequestKey::generate()?;
    let keys = request_keys(&request_key);
    let note = match note.filter(|n| !n.is_empty()) {
        Some(text) => Some(Base64Bytes::new(note::seal(&keys.public_key, text)?)),
        None => None,
    };
    let request = CreateRequestRequest {
        inbox_verifier: verifier(keys.inbox_token.expose()),
        fill_verifier: verifier(keys.fill_token.expose()),
        note,
        ttl_secs,
    };
    Ok((request_key, request))
}

fn verifier(token: &[u8; 32]) -> Base64Bytes {
    Verifier::of(token).as_bytes().to_vec().into()
}

/// The responder reads the requester's note (`note` of the meta response).
pub fn open_note(public_key: &RequestPublicKey, sealed: &[u8]) -> Result<String, RequestError> {
    note::open(public_key, sealed)
}

/// The responder seals the secret to the request.
pub fn seal_fill(
    public_key: &RequestPublicKey,
    rid: &RequestId,
    payload: &Payload,
) -> Result<FillRequest, RequestError> {
    Ok(FillRequest {
        blob: Base64Bytes::new(fill::seal(public_key, rid, payload)?),
    })
}

/// The requester opens what `collect` released (`blob` of the response).
pub fn open_fill(
    request_key: &RequestKey,
    rid: &RequestId,
    blob: &[u8],
) -> Result<Payload, RequestError> {
    fill::open(request_key, rid, blob)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{fill_token, inbox_token, public_key};

    #[test]
    fn requester_and_responder_agree() {
        let (request_key, request) = prepare_request(Some("the VPN key, please"), 3600).unwrap();
        assert_eq!(request.ttl_secs, 3600);
        let rid = RequestId::from_bytes([5; 16]);

        // The responder has only the request link: the id and public key.
        let pk = public_key(&request_key);
        let fill_verifier = Verifier::from_slice(request.fill_verifier.as_bytes()).unwrap();
        assert!(fill_verifier.matches(fill_token(&pk).expose()));
        let note = request.note.as_ref().unwrap();
        assert_eq!(
            open_note(&pk, note.as_bytes()).unwrap(),
            "the VPN key, please"
        );
        let secret = Payload::file("vpn.conf", "text/plain", b"[Interface]\n".to_vec());
        let filled = seal_fill(&pk, &rid, &secret).unwrap();
        fill::check_shape(filled.blob.as_bytes()).unwrap();

        // The requester, with the inbox link.
        let inbox_verifier = Verifier::from_slice(request.inbox_verifier.as_bytes()).unwrap();
        assert!(inbox_verifier.matches(inbox_token(&request_key).expose()));
        assert!(!inbox_verifier.matches(fill_token(&pk).expose()));
        let opened = open_fill(&request_key, &rid, filled.blob.as_bytes()).unwrap();
        assert_eq!(opened, secret);
    }

    #[test]
    fn no_note_and_fresh_keys() {
        let (a, req_a) = prepare_request(None, 60).unwrap();
        let (b, req_b) = prepare_request(Some(""), 60).unwrap();
        assert!(req_a.note.is_none() && req_b.note.is_none());
        assert_ne!(a, b);
        assert_ne!(req_a.inbox_verifier, req_b.inbox_verifier);
        let long = "x".repeat(2000);
        assert!(matches!(
            prepare_request(Some(&long), 60),
            Err(RequestError::NoteTooLong { .. })
        ));
    }
}
