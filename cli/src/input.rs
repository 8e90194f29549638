//! Where secrets and passphrases come from: stdin, files, the terminal.
//! Never argv or the environment, which other users and logs can see.

use std::io::{IsTerminal, Read};
use std::path::Path;

use sdo_shared::link::{self, Link};
use sdo_shared::payload::Payload;
use zeroize::Zeroizing;

use crate::error::CliError;

/// A passphrase from the first line of a file.
pub fn passphrase_from_file(path: &Path) -> Result<Zeroizing<String>, CliError> {
    let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
        CliError::Other(format!(
            "cannot read the passphrase file {}: {e}",
            path.display()
        ))
    })?);
    let line = Zeroizing::new(text.lines().next().unwrap_or("").to_owned());
    if line.is_empty() {
        return Err(CliError::Usage(format!(
            "the passphrase file {} is empty",
            path.display()
        )));
    }
    Ok(line)
}

/// Asks on the terminal without echo; refuses when stdin is not a terminal,
/// so a script never hangs on a prompt.
pub fn prompt_passphrase(prompt: &str) -> Result<Zeroizing<String>, CliError> {
    if !std::io::stdin().is_terminal() {
        return Err(CliError::Usage(
            "a passphrase is needed and stdin is not a terminal: use --passphrase-file".into(),
        ));
    }
    let answer = Zeroizing::new(
        rpassword::prompt_password(prompt)
            .map_err(|e| CliError::Other(format!("cannot read the passphrase: {e}")))?,
    );
    if answer.is_empty() {
        return Err(CliError::Usage("the passphrase is empty".into()));
    }
    Ok(answer)
}

/// Asks twice, so a typo does not lock the recipient out.
pub fn prompt_new_passphrase() -> Result<Zeroizing<String>, CliError> {
    let first = prompt_passphrase("Passphrase: ")?;
    let second = prompt_passphrase("Passphrase again: ")?;
    if *first != *second {
        return Err(CliError::Usage("the passphrases do not match".into()));
    }
    Ok(first)
}

/// The secret to send: a file (with its name and type) or stdin (text if it
/// is UTF-8, otherwise bytes).
pub fn read_secret(file: Option<&Path>) -> Result<Payload, CliError> {
    match file {
        Some(path) if path != Path::new("-") => {
            let data = std::fs::read(path)
                .map_err(|e| CliError::Other(format!("cannot read {}: {e}", path.display())))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "secret".into());
            let mime = mime_guess::from_path(path)
                .first_or_octet_stream()
                .essence_str()
                .to_owned();
            Ok(Payload::file(name, mime, data))
        }
        _ => {
            let stdin = std::io::stdin();
            if stdin.is_terminal() {
                eprintln!("Type or paste the secret, then press Ctrl-D on a new line.");
            }
            let mut data = Vec::new();
            stdin.lock().read_to_end(&mut data)?;
            if data.is_empty() {
                return Err(CliError::Usage(
                    "nothing to send: the input is empty".into(),
                ));
            }
            Ok(match String::from_utf8(data) {
                Ok(text) => Payload::text(text),
                Err(e) => Payload::file("secret.bin", "application/octet-stream", e.into_bytes()),
            })
        }
    }
}

/// A link from the command line, or from stdin when it is `-`: argv is
/// visible to other users in the process list and lands in shell history.
fn link_text(arg: &str) -> Result<Zeroizing<String>, CliError> {
    if arg != "-" {
        return Ok(Zeroizing::new(arg.to_owned()));
    }
    let mut text = Zeroizing::new(String::new());
    std::io::stdin().lock().read_to_string(&mut text)?;
    let line = Zeroizing::new(text.trim().to_owned());
    if line.is_empty() {
        return Err(CliError::Usage("no link on stdin".into()));
    }
    Ok(line)
}

/// A link argument ([`link_text`]), parsed.
pub fn link(arg: &str) -> Result<Link, CliError> {
    link::parse(&link_text(arg)?).map_err(|e| CliError::Usage(e.to_string()))
}

/// The refusal of a link of a kind the command does not take: what the
/// link is, and which commands do take it.
pub fn wrong_link(found: &Link) -> CliError {
    CliError::Usage(
        match found {
            Link::Share(_) => "that is a share link; `sdo get` opens it, `sdo burn` destroys it",
            Link::Receipt(_) => {
                "that is a receipt link; `sdo status` reads it, `sdo burn` destroys the secret"
            }
            Link::Request(_) => {
                "that is a request link: someone asks for a secret; answer it with `sdo fill \
                 LINK [FILE]` (only the inbox link collects, shows or withdraws the request)"
            }
            Link::Inbox(_) => {
                "that is the inbox link of a request; `sdo collect` opens its answer, `sdo \
                 status` shows it, `sdo burn` withdraws it"
            }
        }
        .into(),
    )
}
