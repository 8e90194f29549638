//! `sdo status` and `sdo burn`, of a secret (its receipt or share link) or
//! of a request (its inbox link).

use std::time::{Duration, UNIX_EPOCH};

use sdo_shared::api::{RequestState, State};
use sdo_shared::kdf;
use sdo_shared::link::{InboxLink, Link};
use sdo_shared::request;
use zeroize::Zeroizing;

use crate::api::Api;
use crate::args::{BurnArgs, StatusArgs};
use crate::error::CliError;
use crate::input;
use crate::request::{gone_detail, request_gone, state};

pub fn time(unix: i64) -> String {
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(unix.max(0) as u64))
        .to_string()
}

pub fn status(args: StatusArgs) -> Result<(), CliError> {
    let receipt = match input::link(&args.link)? {
        Link::Receipt(receipt) => receipt,
        Link::Inbox(inbox) => return request_status(&inbox, args.json),
        other => return Err(input::wrong_link(&other)),
    };
    let api = Api::new(&receipt.origin);
    let token = Zeroizing::new(receipt.manage_token.to_base64url());
    let r = api.receipt(&receipt.id, &token)?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string(&r).map_err(|e| CliError::Other(e.to_string()))?
        );
        return Ok(());
    }
    let line = match r.state {
        State::Waiting => format!(
            "waiting: {} view(s) left, expires {}",
            r.views_left,
            time(r.expires_at)
        ),
        State::Revealed => format!(
            "revealed: first viewed {}",
            r.revealed_at.map(time).unwrap_or_else(|| "-".into())
        ),
        State::Burned => "burned: destroyed before it was read".into(),
        State::Locked => "locked: destroyed after too many wrong passphrases".into(),
        State::Expired => format!("expired unread at {}", time(r.expires_at)),
    };
    println!("{line}");
    if r.failed_attempts > 0 {
        println!("wrong passphrase attempts: {}", r.failed_attempts);
    }
    Ok(())
}

pub fn burn(args: BurnArgs) -> Result<(), CliError> {
    let (origin, id, token) = match input::link(&args.link)? {
        Link::Share(s) => (
            s.origin,
            s.id,
            Zeroizing::new(kdf::link_token(&s.link_key).to_base64url()),
        ),
        Link::Receipt(r) => (
            r.origin,
            r.id,
            Zeroizing::new(r.manage_token.to_base64url()),
        ),
        Link::Inbox(inbox) => return cancel(&inbox),
        other @ Link::Request(_) => return Err(input::wrong_link(&other)),
    };
    Api::new(&origin).burn(&id, &token).map_err(|e| match e {
        CliError::OutcomeUnknown(_) => CliError::OutcomeUnknown(
            "the secret was burned: run the same `sdo burn` again (\"does not exist\" then means it is gone)",
        ),
        e => e,
    })?;
    eprintln!("Burned: the secret is destroyed on the server.");
    Ok(())
}

/// A request's state, from its inbox link.
fn request_status(inbox: &InboxLink, json: bool) -> Result<(), CliError> {
    let api = Api::new(&inbox.origin);
    let token = Zeroizing::new(request::inbox_token(&inbox.request_key).to_base64url());
    let r = api.request_meta(&inbox.id, &token).map_err(request_gone)?;
    if json {
        println!(
            "{}",
            serde_json::to_string(&r).map_err(|e| CliError::Other(e.to_string()))?
        );
        return Ok(());
    }
    let at = |t: Option<i64>| t.map(time).unwrap_or_else(|| "-".into());
    let line = match r.state {
        RequestState::Open => format!("open: not answered yet, until {}", time(r.expires_at)),
        RequestState::Filled => format!(
            "filled: answered {}; collect it before {}",
            at(r.filled_at),
            time(r.expires_at)
        ),
        RequestState::Collected => format!("collected {}", at(r.collected_at)),
        RequestState::Cancelled => "cancelled: withdrawn before its answer was collected".into(),
        RequestState::Expired => match r.filled_at {
            Some(filled) => format!(
                "expired at {}: answered {} but not collected",
                time(r.expires_at),
                time(filled)
            ),
            None => format!("expired unanswered at {}", time(r.expires_at)),
        },
    };
    println!("{line}");
    Ok(())
}

/// `sdo burn INBOX_LINK`: withdraws the request, with its answer if any.
fn cancel(inbox: &InboxLink) -> Result<(), CliError> {
    let api = Api::new(&inbox.origin);
    let token = Zeroizing::new(request::inbox_token(&inbox.request_key).to_base64url());
    match api.cancel_request(&inbox.id, &token) {
        Ok(()) => {}
        Err(CliError::Gone) => {
            return Err(CliError::RequestGone(
                state(&api, &inbox.id, &token).map_or("", |m| gone_detail(m.state)),
            ));
        }
        // Only the inbox token cancels: a cancelled state is what was asked.
        Err(CliError::OutcomeUnknown(_))
            if state(&api, &inbox.id, &token)
                .is_some_and(|m| m.state == RequestState::Cancelled) => {}
        Err(CliError::OutcomeUnknown(_)) => {
            return Err(CliError::OutcomeUnknown(
                "the request was cancelled: run the same `sdo burn` again (\"does not exist\" \
                 then means it is gone)",
            ));
        }
        Err(e) => return Err(e),
    }
    eprintln!("Cancelled: the request is withdrawn; an answer not yet collected is destroyed.");
    Ok(())
}
