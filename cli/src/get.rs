//! `sdo get`: check, ask for the passphrase if needed, reveal, decrypt.

use std::fs::OpenOptions;
use std::io::{IsTerminal, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use sdo_shared::api::RevealRequest;
use sdo_shared::link::{self, Link};
use sdo_shared::payload::{Kind, Payload};
use sdo_shared::{blob, client, kdf};
use zeroize::Zeroizing;

use crate::api::Api;
use crate::args::GetArgs;
use crate::error::CliError;
use crate::escape::quoted;
use crate::input;
use crate::progress::with_spinner;

pub fn run(args: GetArgs) -> Result<(), CliError> {
    let share =
        match link::parse(&input::link(&args.link)?).map_err(|e| CliError::Usage(e.to_string()))? {
            Link::Share(share) => share,
            Link::Receipt(_) => {
                return Err(CliError::Usage(
                    "that is a receipt link; `sdo status` reads it, `sdo burn` destroys the secret"
                        .into(),
                ));
            }
        };
    // Everything that can fail locally fails before the secret is consumed:
    // the destination is opened (created, 0600) before the reveal.
    let mut destination = match &args.output {
        Some(path) => Some(Destination::open(path.clone(), args.force)?),
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
    match destination.take() {
        Some(file) => file.write(payload.data())?,
        None => deliver(&payload)?,
    }
    match revealed.views_left {
        0 => eprintln!("The secret is now destroyed on the server."),
        1 => eprintln!("It can be viewed 1 more time."),
        n => eprintln!("It can be viewed {n} more times."),
    }
    Ok(())
}

/// An output file opened before the reveal, so a bad path, a missing
/// directory or an existing file fail while the secret is still safe. If
/// nothing is written (an error after opening), the empty file is removed.
struct Destination {
    path: PathBuf,
    file: Option<std::fs::File>,
    /// Made by us (not an existing file under --force): removed if unused.
    created: bool,
}

impl Destination {
    fn open(path: PathBuf, force: bool) -> Result<Self, CliError> {
        let created = !force || !path.exists();
        let mut options = OpenOptions::new();
        options.write(true).mode(0o600);
        if force {
            // Truncated only when the secret is in hand.
            options.create(true).truncate(false);
        } else {
            options.create_new(true);
        }
        let file = options.open(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => CliError::Usage(format!(
                "{} exists; add --force to overwrite it",
                path.display()
            )),
            _ => CliError::Other(format!("cannot write {}: {e}", path.display())),
        })?;
        // An existing file opened with --force keeps its mode unless told.
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        Ok(Self {
            path,
            file: Some(file),
            created,
        })
    }

    fn write(mut self, data: &[u8]) -> Result<(), CliError> {
        if let Some(mut file) = self.file.take() {
            file.set_len(0)?;
            file.write_all(data)?;
            file.sync_all()?;
        }
        Ok(())
    }
}

impl Drop for Destination {
    fn drop(&mut self) {
        if self.file.take().is_some() && self.created {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Puts the secret on stdout. A file on a terminal is saved under its own
/// name instead of being dumped on the screen: it cannot be fetched again.
fn deliver(payload: &Payload) -> Result<(), CliError> {
    let stdout = std::io::stdout();
    match payload.kind() {
        Kind::File { name, mime } if stdout.is_terminal() => {
            let path = free_name(name);
            Destination::open(path.clone(), false)?.write(payload.data())?;
            eprintln!(
                "Saved {} ({}, {} bytes).",
                quoted(&path.to_string_lossy()),
                quoted(mime),
                payload.data().len()
            );
            Ok(())
        }
        kind => {
            if let Kind::File { name, mime } = kind {
                eprintln!(
                    "File {} ({}, {} bytes).",
                    quoted(name),
                    quoted(mime),
                    payload.data().len()
                );
            }
            let mut out = stdout.lock();
            out.write_all(payload.data())?;
            out.flush()?;
            Ok(())
        }
    }
}

/// The sender chose the name: keep only its last component, and do not
/// overwrite anything.
fn free_name(name: &str) -> PathBuf {
    let base = Path::new(name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && !n.is_empty())
        .unwrap_or_else(|| "secret.bin".into());
    let mut candidate = PathBuf::from(&base);
    let mut n = 1;
    while candidate.exists() {
        candidate = PathBuf::from(format!("{base}.{n}"));
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sender_chosen_names_stay_in_the_current_directory() {
        assert_eq!(free_name("../../etc/passwd"), PathBuf::from("passwd"));
        assert_eq!(free_name("/tmp/x/key.pem"), PathBuf::from("key.pem"));
        assert_eq!(free_name(".bashrc"), PathBuf::from("secret.bin"));
        assert_eq!(free_name(""), PathBuf::from("secret.bin"));
    }
}
