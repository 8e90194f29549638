//! `sdo send`: encrypt here, post the blob, print the links.

use std::time::{Duration, UNIX_EPOCH};

use sdo_shared::client::{self, Protection};
use sdo_shared::kdf::KdfParams;
use sdo_shared::link::{ReceiptLink, ShareLink, normalize_origin};
use sdo_shared::payload::MAX_PADDED_LEN;
use sdo_shared::secret::{ManageToken, SecretId};
use zeroize::Zeroizing;

use crate::api::Api;
use crate::args::SendArgs;
use crate::error::CliError;
use crate::input;
use crate::output;
use crate::progress::with_spinner;

pub fn run(args: SendArgs) -> Result<(), CliError> {
    let origin = normalize_origin(&args.server).map_err(|_| {
        CliError::Usage(format!(
            "--server {:?} is not http(s)://host[:port]",
            args.server
        ))
    })?;
    let ttl_secs = args.ttl.as_secs();
    if ttl_secs < sdo_shared::api::MIN_TTL_SECS {
        return Err(CliError::Usage("--ttl must be at least 60s".into()));
    }
    let payload = input::read_secret(args.file.as_deref())?;
    if payload.padded_len() > MAX_PADDED_LEN {
        return Err(CliError::Usage(format!(
            "the secret is too large: at most {} KiB",
            MAX_PADDED_LEN / 1024 - 1
        )));
    }
    let passphrase = match (&args.passphrase_file, args.passphrase) {
        (Some(path), _) => Some(input::passphrase_from_file(path)?),
        (None, true) => Some(input::prompt_new_passphrase()?),
        (None, false) => None,
    };
    let kdf = passphrase
        .as_ref()
        .map(|_| KdfParams::generate_default())
        .transpose()
        .map_err(|e| CliError::Other(e.to_string()))?;
    let protection = passphrase
        .as_deref()
        .zip(kdf.as_ref())
        .map(|(passphrase, kdf)| Protection { passphrase, kdf });
    let prepared = with_spinner(
        protection.is_some(),
        "Deriving a key from the passphrase",
        || client::prepare(&payload, protection, ttl_secs, args.views),
    )
    .map_err(|e| CliError::Other(e.to_string()))?;

    let api = Api::new(&origin);
    let created = api.create(&prepared.request).map_err(|e| match e {
        // No link was printed, so a copy that was stored cannot be opened and
        // expires on its own.
        CliError::OutcomeUnknown(_) => {
            CliError::OutcomeUnknown("the secret was stored: send it again")
        }
        e => e,
    })?;
    let unexpected = || CliError::Server {
        status: 201,
        message: "an answer that is not the self-destruct-o API".into(),
    };
    let id = SecretId::parse(&created.id).map_err(|_| unexpected())?;
    let manage_token =
        ManageToken::from_slice(created.manage_token.as_bytes()).map_err(|_| unexpected())?;
    let share = ShareLink {
        origin: api.origin().to_owned(),
        id,
        link_key: prepared.link_key,
    };
    let receipt = ReceiptLink {
        origin: api.origin().to_owned(),
        id,
        manage_token,
    };
    let expires = humantime::format_rfc3339_seconds(
        UNIX_EPOCH + Duration::from_secs(created.expires_at.max(0) as u64),
    );
    let share_url = Zeroizing::new(share.to_url());
    let receipt_url = Zeroizing::new(receipt.to_url());
    if args.json {
        // Borrowed, so the links are copied only into a string that is wiped.
        #[derive(serde::Serialize)]
        struct Created<'a> {
            link: &'a str,
            receipt: &'a str,
            id: &'a str,
            expires_at: i64,
        }
        output::print_json(&Created {
            link: &share_url,
            receipt: &receipt_url,
            id: &created.id,
            expires_at: created.expires_at,
        })?;
    } else {
        println!("{}", share_url.as_str());
        eprintln!(
            "Receipt (keep it to yourself; shows status, can burn): {}",
            receipt_url.as_str()
        );
        eprintln!(
            "Works {} until {expires}.{}",
            match args.views {
                1 => "once".to_owned(),
                n => format!("{n} times"),
            },
            if protection.is_some() {
                " Send the passphrase by another channel than the link."
            } else {
                ""
            }
        );
    }
    Ok(())
}
