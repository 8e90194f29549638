//! `sdo status` and `sdo burn`.

use std::time::{Duration, UNIX_EPOCH};

use sdo_shared::api::State;
use sdo_shared::kdf;
use sdo_shared::link::{self, Link};
use zeroize::Zeroizing;

use crate::api::Api;
use crate::args::{BurnArgs, StatusArgs};
use crate::error::CliError;

fn time(unix: i64) -> String {
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(unix.max(0) as u64))
        .to_string()
}

pub fn status(args: StatusArgs) -> Result<(), CliError> {
    let Link::Receipt(receipt) = link::parse(&crate::input::link(&args.receipt)?)
        .map_err(|e| CliError::Usage(e.to_string()))?
    else {
        return Err(CliError::Usage(
            "that is a share link; `sdo status` needs the receipt link (…/#/r/…)".into(),
        ));
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
    let (origin, id, token) = match link::parse(&crate::input::link(&args.link)?)
        .map_err(|e| CliError::Usage(e.to_string()))?
    {
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
        Link::Inbox(_) | Link::Request(_) => return Err(crate::get::not_a_secret_link()),
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
