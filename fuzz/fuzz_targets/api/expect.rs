//! What the api target's answers must be: the status the documented rules
//! (README, PROTOCOL §6) predict, and what holds for every answer.

use axum::http::header;
use sdo_fuzz::server::{Answer, body_limit, limits, trace};
use sdo_shared::api::{CreateRequest, ErrorBody, ErrorCode, MIN_TTL_SECS, RevealRequest};
use sdo_shared::{base64url, blob};

use crate::bodies::ContentType;
use crate::{LINK_TOKEN, Named, REVEAL_TOKEN};

/// What the rules say the answer is, or `None` where they say nothing
/// precise (the `Other` calls).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Expected {
    status: u16,
    /// For 403: the attempts left.
    attempts_left: Option<u32>,
}

pub(crate) fn status(status: u16) -> Option<Expected> {
    Some(Expected {
        status,
        attempts_left: None,
    })
}

pub(crate) fn expect_create(content_type: ContentType, body: &[u8]) -> Option<Expected> {
    if !content_type.is_json() {
        return status(415);
    }
    if body.len() > body_limit() {
        return status(413);
    }
    let Ok(req) = serde_json::from_slice::<CreateRequest>(body) else {
        return status(400);
    };
    let limits = limits();
    if req.blob.len() > limits.max_blob_bytes {
        return status(413);
    }
    let valid = blob::check_shape(req.blob.as_bytes()).is_ok()
        && req.link_verifier.len() == 32
        && req.reveal_verifier.len() == 32
        && (MIN_TTL_SECS..=limits.max_ttl_secs).contains(&req.ttl_secs)
        && (1..=limits.max_views).contains(&req.max_views);
    status(if valid { 201 } else { 400 })
}

pub(crate) fn expect_reveal(
    named: &Named,
    token: Option<[u8; 32]>,
    content_type: ContentType,
    body: &[u8],
) -> Option<Expected> {
    // A consuming route buffers its body before the handler runs (so that a
    // slow body uses nothing up): past the limit is the 413, before the
    // header, the id or the content type is looked at.
    if body.len() > body_limit() {
        return status(413);
    }
    if token.is_none() {
        return status(401);
    }
    if !named.id_is_valid() {
        return status(404);
    }
    if !content_type.is_json() {
        return status(415);
    }
    let Ok(req) = serde_json::from_slice::<RevealRequest>(body) else {
        return status(400);
    };
    if req.reveal_token.len() != 32 {
        return status(400);
    }
    if named.live.is_none() || token != Some(LINK_TOKEN) {
        return status(404);
    }
    if req.reveal_token.as_bytes() != REVEAL_TOKEN {
        return Some(Expected {
            status: 403,
            attempts_left: Some(limits().max_attempts - 1),
        });
    }
    status(200)
}

/// Meta, burn and receipt: the route, the header, the id, then the token.
pub(crate) fn expect_by_token(
    named: &Named,
    token: Option<[u8; 32]>,
    opens: &[[u8; 32]],
    id_ends_path: bool,
) -> Option<Expected> {
    // `/secrets/` matches no route (the fallback's 404, before any header is
    // read); `/secrets//receipt` matches with an empty id.
    if id_ends_path && named.path_id.is_empty() {
        return status(404);
    }
    if token.is_none() {
        return status(401);
    }
    if !named.id_is_valid() {
        return status(404);
    }
    match (&named.live, token) {
        (Some(_), Some(t)) if opens.contains(&t) => None,
        _ => status(404),
    }
}

/// What holds for every answer, whatever was asked.
pub(crate) fn check_any(what: &str, request_body: &[u8], a: &Answer) {
    let code = a.status.as_u16();
    if trace() {
        eprintln!("api: {what} {code}");
    }
    let error = (code >= 400).then(|| {
        serde_json::from_slice::<ErrorBody>(&a.body).unwrap_or_else(|e| {
            panic!(
                "{what}: {code} without an error body ({e}): {:?}",
                String::from_utf8_lossy(&a.body)
            )
        })
    });
    assert!(code < 500, "{what}: server error {code}: {error:?}");
    assert_eq!(
        a.headers.get(header::CACHE_CONTROL).map(|v| v.as_bytes()),
        Some(&b"no-store"[..]),
        "{what}: {code} without Cache-Control: no-store"
    );
    if let Some(error) = error {
        assert_eq!(error.error.status(), code, "{what}: {error:?} under {code}");
        assert_eq!(
            error.attempts_left.is_some(),
            error.error == ErrorCode::WrongPassphrase,
            "{what}: {error:?}"
        );
    }
    // A token sent where it belongs (the header, `reveal_token`) never comes
    // back. One the fuzzer typed into another member may be quoted in a
    // serde message, which tells the sender only what they sent.
    // Answers are small and requests can be 350 KB: search the answer first.
    for token in [LINK_TOKEN, REVEAL_TOKEN] {
        let text = base64url::encode(&token);
        if count(&a.body, text.as_bytes()) > 0 {
            let in_place = format!("\"reveal_token\":\"{text}\"");
            assert!(
                count(request_body, text.as_bytes()) != count(request_body, in_place.as_bytes()),
                "{what}: a token came back in a {code} body"
            );
        }
    }
}

pub(crate) fn check_expected(what: &str, a: &Answer, expected: &Option<Expected>) {
    let Some(expected) = expected else { return };
    let got = Expected {
        status: a.status.as_u16(),
        attempts_left: serde_json::from_slice::<ErrorBody>(&a.body)
            .ok()
            .and_then(|e| e.attempts_left),
    };
    assert_eq!(&got, expected, "{what}: {:?}", error_text(a));
}

pub(crate) fn error_text(a: &Answer) -> String {
    if a.status.is_success() {
        "(success body not shown)".to_owned()
    } else {
        String::from_utf8_lossy(&a.body).into_owned()
    }
}

pub(crate) fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}
