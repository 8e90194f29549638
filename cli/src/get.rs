//! `sdo get`: check, ask for the passphrase if needed, reveal, decrypt.

use sdo_shared::api::RevealRequest;
use sdo_shared::link::Link;
use sdo_shared::{blob, client, kdf};
use zeroize::Zeroizing;

use crate::api::Api;
use crate::args::GetArgs;
use crate::error::CliError;
use crate::input;
use crate::output::{self, OutputFile};
use crate::progress::with_spinner;

pub fn run(args: GetArgs) -> Result<(), CliError> {
    let share = match input::link(&args.link)? {
        Link::Share(share) => share,
        other => return Err(input::wrong_link(&other)),
    };
    // Everything that can fail locally fails before the secret is consumed:
    // the destination is opened (created, 0600) before the reveal. After it,
    // a failed write still keeps the secret (output.rs, rescue.rs).
    let destination = match &args.output {
        Some(path) => Some(OutputFile::open(path.clone(), args.force)?),
        None => None,
    };
    let api = Api::new(&share.origin);
    let link_token = Zeroizing::new(kdf::link_token(&share.link_key).to_base64url());
    let meta = api.meta(&share.id, &link_token)?;
    let passphrase = match (&meta.kdf, &args.passphrase_file) {
        (None, _) => None,
        (Some(_), Some(path)) => Some(input::passphrase_from_file(path)?),
        (Some(_), None) => Some(input::prompt_passphrase("Passphrase: ")?),
    };
    let keys = with_spinner(
        meta.kdf.is_some(),
        "Deriving the key from the passphrase",
        || {
            client::derive_keys(
                &share.link_key,
                meta.kdf.as_ref(),
                passphrase.as_ref().map(|p| p.as_str()),
            )
        },
    )
    .map_err(|e| CliError::Other(e.to_string()))?;
    let request = RevealRequest {
        reveal_token: keys.reveal_token.expose().to_vec().into(),
    };
    let revealed = api.reveal(&share.id, &link_token, &request)?;
    let payload = blob::open(&keys.content_key, revealed.blob.as_bytes())
        .map_err(|e| CliError::Other(format!("the secret could not be decrypted: {e}")))?;
    let delivered = match destination {
        Some(file) => output::to_file(file, &payload),
        None => output::to_stdout(&payload),
    };
    match revealed.views_left {
        0 => eprintln!("The secret is now destroyed on the server."),
        1 => eprintln!("It can be viewed 1 more time."),
        n => eprintln!("It can be viewed {n} more times."),
    }
    delivered
}
