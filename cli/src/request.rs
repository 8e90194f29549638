//! Secret requests (docs/PROTOCOL.md §8): `sdo request` asks for a secret,
//! `sdo fill` answers a request. `sdo collect` is in collect.rs; `sdo
//! status` and `sdo burn` of an inbox link in manage.rs.

use std::path::Path;

use sdo_shared::api::{MIN_TTL_SECS, RequestMetaResponse, RequestState};
use sdo_shared::base64url::Base64Bytes;
use sdo_shared::link::{InboxLink, Link, RequestLink, normalize_origin};
use sdo_shared::payload::{MAX_PADDED_LEN, Payload};
use sdo_shared::request::{self, RequestError, RequestId};
use zeroize::Zeroizing;

use crate::api::Api;
use crate::args::{FillArgs, RequestArgs};
use crate::error::CliError;
use crate::escape::escape;
use crate::input;
use crate::manage::time;
use crate::output;

/// The longest note, in bytes of UTF-8: a text payload of
/// `request::note::MAX_PADDED_LEN` (1024) less its 9-byte header.
pub const NOTE_MAX_BYTES: usize = 1015;

pub fn request(args: RequestArgs) -> Result<(), CliError> {
    let origin = normalize_origin(&args.server).map_err(|_| {
        CliError::Usage(format!(
            "--server {:?} is not http(s)://host[:port]",
            args.server
        ))
    })?;
    let ttl_secs = args.ttl.as_secs();
    if ttl_secs < MIN_TTL_SECS {
        return Err(CliError::Usage("--ttl must be at least 60s".into()));
    }
    let note = match (&args.note, &args.note_file) {
        (Some(text), _) => Some(text.clone()),
        (None, Some(path)) => Some(note_from_file(path)?),
        (None, None) => None,
    };
    let (request_key, create) =
        request::prepare_request(note.as_deref(), ttl_secs).map_err(|e| match e {
            RequestError::NoteTooLong { .. } => CliError::Usage(format!(
                "the note is too long: at most {NOTE_MAX_BYTES} bytes"
            )),
            e => CliError::Other(e.to_string()),
        })?;

    let api = Api::new(&origin);
    let created = api.create_request(&create).map_err(|e| match e {
        // 404 to a create: a server without requests (`requests_enabled`).
        CliError::Gone => CliError::Server {
            status: 404,
            message: "this server does not take secret requests".into(),
        },
        // No link was printed, so a request that was stored is never
        // answered and expires on its own.
        CliError::OutcomeUnknown(_) => {
            CliError::OutcomeUnknown("the request was stored: make a new one")
        }
        e => e,
    })?;
    let id = RequestId::parse(&created.id).map_err(|_| CliError::Server {
        status: 201,
        message: "an answer that is not the self-destruct-o API".into(),
    })?;
    let inbox = InboxLink {
        origin: api.origin().to_owned(),
        id,
        request_key,
    };
    let inbox_url = Zeroizing::new(inbox.to_url());
    let request_url = Zeroizing::new(inbox.request_link().to_url());
    if args.json {
        // Borrowed, so the links are copied only into a string that is wiped.
        #[derive(serde::Serialize)]
        struct Created<'a> {
            request_link: &'a str,
            inbox_link: &'a str,
            id: &'a str,
            expires_at: i64,
        }
        output::print_json(&Created {
            request_link: &request_url,
            inbox_link: &inbox_url,
            id: &created.id,
            expires_at: created.expires_at,
        })?;
    } else {
        println!("{}", request_url.as_str());
        eprintln!("Send the link above to whoever has the secret; the request takes one answer.");
        eprintln!(
            "Inbox (keep it to yourself; only it opens the answer): {}",
            inbox_url.as_str()
        );
        eprintln!(
            "Open until {}. Then: sdo collect --wait INBOX_LINK",
            time(created.expires_at)
        );
    }
    Ok(())
}

/// A note from a file (or stdin for `-`), without its final newline.
fn note_from_file(path: &Path) -> Result<String, CliError> {
    let cannot = |e: std::io::Error| {
        CliError::Other(format!("cannot read the note file {}: {e}", path.display()))
    };
    let long = || CliError::Usage(format!("the note file {} is far too long", path.display()));
    let bytes = if path == Path::new("-") {
        input::read_all(&mut std::io::stdin().lock(), input::SMALL_LIMIT)?
    } else {
        input::read_all(
            &mut std::fs::File::open(path).map_err(cannot)?,
            input::SMALL_LIMIT,
        )
        .map_err(cannot)?
    }
    .ok_or_else(long)?;
    let text = String::from_utf8(bytes.to_vec())
        .map_err(|_| CliError::Usage(format!("the note file {} is not text", path.display())))?;
    Ok(text.trim_end_matches(['\n', '\r']).to_owned())
}

pub fn fill(args: FillArgs) -> Result<(), CliError> {
    let file = args.file.as_deref().filter(|p| *p != Path::new("-"));
    if args.link == "-" && file.is_none() {
        return Err(CliError::Usage(
            "the link comes from stdin (-), so the secret must come from a file: sdo fill - FILE"
                .into(),
        ));
    }
    let request = match input::link(&args.link)? {
        Link::Request(request) => request,
        other => return Err(input::wrong_link(&other)),
    };
    // A file is read (and its size checked) before anything reaches the
    // server; stdin only once the note is shown, so that someone typing the
    // secret sees first what it is asked for.
    let payload = match file {
        Some(path) => Some(within(input::read_secret(Some(path))?, MAX_PADDED_LEN)?),
        None => None,
    };
    let api = Api::new(&request.origin);
    let fill_token = Zeroizing::new(request::fill_token(&request.public_key).to_base64url());
    let meta = api
        .request_meta(&request.id, &fill_token)
        .map_err(request_gone)?;
    refuse_unless_open(&meta)?;
    show_note(&request, meta.note.as_ref())?;
    let payload = match payload {
        Some(payload) => payload,
        None => within(input::read_secret(None)?, MAX_PADDED_LEN)?,
    };
    let max = api.config()?.max_payload_bytes;
    let payload = within(payload, usize::try_from(max).unwrap_or(usize::MAX))?;
    let sealed = request::seal_fill(&request.public_key, &request.id, &payload)
        .map_err(|e| CliError::Other(format!("cannot encrypt to this request: {e}")))?;
    match api.fill(&request.id, &fill_token, &sealed) {
        Ok(_) => {
            eprintln!("sent: only the requester can open it");
            Ok(())
        }
        // Answered, cancelled or expired since the look above: the state says which.
        Err(CliError::Gone) => Err(match state(&api, &request.id, &fill_token) {
            Some(meta) => refuse_unless_open(&meta)
                .err()
                .unwrap_or(CliError::RequestGone("")),
            None => CliError::RequestGone(""),
        }),
        Err(CliError::OutcomeUnknown(_)) => Err(CliError::OutcomeUnknown(
            match state(&api, &request.id, &fill_token).map(|m| m.state) {
                Some(RequestState::Open) => {
                    "the secret was stored; the request shows no answer yet, so run the same \
                     `sdo fill` again (\"already answered\" then means this try got through)"
                }
                Some(RequestState::Filled | RequestState::Collected) => {
                    "the secret was stored; the request now shows an answer, most likely this \
                     one: ask the requester to confirm that it arrived"
                }
                _ => "the secret was stored, and the request is no longer available",
            },
        )),
        Err(e) => Err(e),
    }
}

/// `payload`, or the error that it is over `max` padded bytes.
fn within(payload: Payload, max: usize) -> Result<Payload, CliError> {
    let len = payload.padded_len();
    if len <= max {
        return Ok(payload);
    }
    Err(CliError::Usage(if max >= MAX_PADDED_LEN {
        format!(
            "the secret is too large: at most {} KiB",
            MAX_PADDED_LEN / 1024 - 1
        )
    } else {
        format!(
            "the secret is too large for this server: {len} bytes once padded (with a file's \
             name and type), and it takes at most {max}"
        )
    }))
}

/// Only an open request takes an answer.
fn refuse_unless_open(meta: &RequestMetaResponse) -> Result<(), CliError> {
    match meta.state {
        RequestState::Open => Ok(()),
        RequestState::Filled | RequestState::Collected => Err(CliError::AlreadyAnswered),
        state => Err(CliError::RequestGone(gone_detail(state))),
    }
}

/// The requester's note, on stderr: it is text from someone else, so each
/// line is escaped (escape.rs) and indented under a line of ours.
fn show_note(request: &RequestLink, sealed: Option<&Base64Bytes>) -> Result<(), CliError> {
    let Some(sealed) = sealed else {
        return Ok(());
    };
    let note = request::open_note(&request.public_key, sealed.as_bytes()).map_err(|e| {
        CliError::Other(format!(
            "the request's note does not open ({e}): the server sent something the requester \
             did not write; nothing was sent"
        ))
    })?;
    eprintln!("The requester's note:");
    for line in note.lines() {
        eprintln!("  {}", escape(line));
    }
    Ok(())
}

/// A request's 404 says "request", not "secret".
pub fn request_gone(e: CliError) -> CliError {
    match e {
        CliError::Gone => CliError::RequestGone(""),
        e => e,
    }
}

/// What follows "does not exist or is no longer available" once the state
/// is known.
pub fn gone_detail(state: RequestState) -> &'static str {
    match state {
        RequestState::Cancelled => ": it was cancelled",
        RequestState::Expired => ": it expired",
        RequestState::Collected => ": its answer was already collected",
        RequestState::Open | RequestState::Filled => "",
    }
}

/// The state, read again after a refused or unconfirmed write; `None` if
/// that fails too.
pub fn state(api: &Api, id: &RequestId, token: &str) -> Option<RequestMetaResponse> {
    api.request_meta(id, token).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_limit_is_the_protocols() {
        let longest = Payload::text("a".repeat(NOTE_MAX_BYTES));
        assert_eq!(longest.padded_len(), request::note::MAX_PADDED_LEN);
        assert!(request::prepare_request(Some(&"a".repeat(NOTE_MAX_BYTES)), 60).is_ok());
        assert!(matches!(
            request::prepare_request(Some(&"a".repeat(NOTE_MAX_BYTES + 1)), 60),
            Err(RequestError::NoteTooLong { .. })
        ));
    }
}
