//! `sdo collect`: read the request's state, wait for the answer if asked
//! to, collect it (the server then destroys it), decrypt, write it as `sdo
//! get` does.

use std::time::Duration;

use sdo_shared::api::{RequestMetaResponse, RequestState};
use sdo_shared::link::Link;
use sdo_shared::request::{self, RequestId};
use zeroize::Zeroizing;

use crate::api::Api;
use crate::args::CollectArgs;
use crate::error::CliError;
use crate::input;
use crate::manage::time;
use crate::output::{self, OutputFile};
use crate::progress::Waiting;
use crate::request::{gone_detail, request_gone, state};

/// Failed looks in a row that `--wait` rides out (a server restarting, a
/// network blip) before it gives up with the last error.
const MAX_FAILED_LOOKS: u32 = 10;

pub fn run(args: CollectArgs) -> Result<(), CliError> {
    let inbox = match input::link(&args.link)? {
        Link::Inbox(inbox) => inbox,
        other => return Err(input::wrong_link(&other)),
    };
    // A bad destination fails now, not after a wait; it is opened for real
    // (created, 0600) just before the collect, as `sdo get` does before the
    // reveal, so a failure after the collect still keeps the secret
    // (output.rs, rescue.rs).
    if let Some(path) = &args.output {
        OutputFile::check(path, args.force)?;
    }
    let api = Api::new(&inbox.origin);
    let token = Zeroizing::new(request::inbox_token(&inbox.request_key).to_base64url());
    let mut meta = api.request_meta(&inbox.id, &token).map_err(request_gone)?;
    if meta.state == RequestState::Open {
        if !args.wait {
            return Err(CliError::NotAnswered(time(meta.expires_at)));
        }
        meta = wait(&api, &inbox.id, &token, meta, args.poll_interval)?;
    }
    if meta.state != RequestState::Filled {
        return Err(CliError::RequestGone(gone_detail(meta.state)));
    }
    let destination = match args.output {
        Some(path) => Some(OutputFile::open(path, args.force)?),
        None => None,
    };
    let collected = match api.collect(&inbox.id, &token) {
        Ok(collected) => collected,
        // Collected (by another `sdo collect`?), cancelled or expired since.
        Err(CliError::Gone) => {
            return Err(CliError::RequestGone(
                state(&api, &inbox.id, &token).map_or("", |m| gone_detail(m.state)),
            ));
        }
        Err(CliError::OutcomeUnknown(_)) => {
            return Err(CliError::OutcomeUnknown(
                match state(&api, &inbox.id, &token).map(|m| m.state) {
                    Some(RequestState::Filled) => {
                        "the answer was collected; the request still holds it, so run the same \
                         `sdo collect` again"
                    }
                    Some(RequestState::Collected) => {
                        "the answer was collected; the request shows it collected, so the \
                         server no longer has it and it was lost on the way: ask for it again \
                         with a new request"
                    }
                    Some(_) => "the answer was collected, and the request is no longer available",
                    None => {
                        "the answer was collected: it may be gone; `sdo status INBOX_LINK` tells"
                    }
                },
            ));
        }
        Err(e) => return Err(e),
    };
    let payload = request::open_fill(&inbox.request_key, &inbox.id, collected.blob.as_bytes())
        .map_err(|e| {
            CliError::Other(format!(
                "the answer could not be decrypted: {e}; the server no longer has it"
            ))
        })?;
    let delivered = match destination {
        Some(file) => output::to_file(file, &payload),
        None => output::to_stdout(&payload),
    };
    eprintln!("Collected: the secret is now destroyed on the server.");
    delivered
}

/// Looks at the request until it is no longer open: at `first`, then each
/// look half as long again after the last, up to 5 times `first` (2 s to
/// 10 s by default). A request that expires unanswered ends the wait.
fn wait(
    api: &Api,
    id: &RequestId,
    token: &str,
    mut meta: RequestMetaResponse,
    first: Duration,
) -> Result<RequestMetaResponse, CliError> {
    let first = first.max(Duration::from_millis(50));
    let slowest = first * 5;
    let mut interval = first;
    let mut failed = 0;
    let _waiting = Waiting::start(format!(
        "Waiting for the answer (the request is open until {})",
        time(meta.expires_at)
    ));
    while meta.state == RequestState::Open {
        std::thread::sleep(interval);
        interval = (interval * 3 / 2).min(slowest);
        match api.request_meta(id, token) {
            Ok(m) => {
                meta = m;
                failed = 0;
            }
            Err(e) if passing(&e) && failed < MAX_FAILED_LOOKS => failed += 1,
            Err(e) => return Err(request_gone(e)),
        }
    }
    Ok(meta)
}

/// An error that says nothing about the request: worth looking again.
fn passing(e: &CliError) -> bool {
    match e {
        CliError::Network { .. } | CliError::Unavailable => true,
        CliError::Server { status, .. } => *status == 429 || *status >= 500,
        _ => false,
    }
}
