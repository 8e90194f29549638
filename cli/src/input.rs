//! Where secrets and passphrases come from: stdin, files, the terminal.
//! Never argv or the environment, which other users and logs can see.

use std::io::{IsTerminal, Read};
use std::path::Path;

use sdo_shared::link::{self, Link};
use sdo_shared::payload::{MAX_PADDED_LEN, Payload};
use zeroize::Zeroizing;

use crate::error::CliError;

/// The most a secret can hold: what a padded payload holds, before its
/// name and type. More is refused as it is read, not after: a file or a
/// pipe may be endless (`/dev/zero`).
const SECRET_LIMIT: usize = MAX_PADDED_LEN;
/// The most read for a link, a passphrase or a note: far more than any
/// real one.
pub const SMALL_LIMIT: usize = 64 * 1024;

/// A passphrase from the first line of a file.
pub fn passphrase_from_file(path: &Path) -> Result<Zeroizing<String>, CliError> {
    let cannot = |e: std::io::Error| {
        CliError::Other(format!(
            "cannot read the passphrase file {}: {e}",
            path.display()
        ))
    };
    let mut file = std::fs::File::open(path).map_err(cannot)?;
    let bytes = read_all(&mut file, SMALL_LIMIT)
        .map_err(cannot)?
        .ok_or_else(|| {
            CliError::Usage(format!(
                "the passphrase file {} is over {} KiB: not a passphrase",
                path.display(),
                SMALL_LIMIT / 1024
            ))
        })?;
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        CliError::Usage(format!(
            "the passphrase file {} is not text",
            path.display()
        ))
    })?;
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
            let cannot =
                |e: std::io::Error| CliError::Other(format!("cannot read {}: {e}", path.display()));
            let mut file = std::fs::File::open(path).map_err(cannot)?;
            if file.metadata().map_err(cannot)?.len() > SECRET_LIMIT as u64 {
                return Err(too_large());
            }
            let mut data = read_all(&mut file, SECRET_LIMIT)
                .map_err(cannot)?
                .ok_or_else(too_large)?;
            let data = std::mem::take(&mut *data);
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
            let mut data = read_all(&mut stdin.lock(), SECRET_LIMIT)?.ok_or_else(too_large)?;
            if data.is_empty() {
                return Err(CliError::Usage(
                    "nothing to send: the input is empty".into(),
                ));
            }
            Ok(match String::from_utf8(std::mem::take(&mut *data)) {
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
    let bytes = read_all(&mut std::io::stdin().lock(), SMALL_LIMIT)?
        .ok_or_else(|| CliError::Usage("what is on stdin is too long for a link".into()))?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| CliError::Usage("the link on stdin is not text".into()))?;
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

fn too_large() -> CliError {
    CliError::Usage(format!(
        "the secret is too large: at most {} KiB",
        MAX_PADDED_LEN / 1024 - 1
    ))
}

/// Everything `reader` gives, in a buffer that is wiped, and so is every
/// smaller buffer it outgrew: `read_to_end` would leave pieces of the
/// secret (or the link, with its key) in the allocations it freed as it grew.
/// `None` once it gives more than `limit` bytes (it stops reading there).
pub fn read_all(
    reader: &mut impl Read,
    limit: usize,
) -> std::io::Result<Option<Zeroizing<Vec<u8>>>> {
    let mut data = Zeroizing::new(Vec::with_capacity(8 * 1024));
    let mut chunk = Zeroizing::new([0u8; 8 * 1024]);
    loop {
        let n = match reader.read(&mut chunk[..]) {
            Ok(0) => return Ok(Some(data)),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if data.len() + n > data.capacity() {
            let mut bigger = Zeroizing::new(Vec::with_capacity(2 * (data.len() + n)));
            bigger.extend_from_slice(&data);
            data = bigger; // the old buffer is wiped as it drops
        }
        if data.len() + n > limit {
            return Ok(None);
        }
        data.extend_from_slice(&chunk[..n]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Gives its bytes a few at a time, with an interruption now and then.
    struct Trickle {
        bytes: Vec<u8>,
        at: usize,
        calls: usize,
    }

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.calls += 1;
            if self.calls.is_multiple_of(7) {
                return Err(std::io::ErrorKind::Interrupted.into());
            }
            let n = (self.calls * 997 % 5000)
                .min(buf.len())
                .min(self.bytes.len() - self.at);
            buf[..n].copy_from_slice(&self.bytes[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    #[test]
    fn read_all_reads_everything_across_its_growth() {
        for len in [0, 1, 8 * 1024, 8 * 1024 + 1, 300_000] {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
            let mut reader = Trickle {
                bytes: bytes.clone(),
                at: 0,
                calls: 0,
            };
            let read = read_all(&mut reader, 300_000).unwrap().unwrap();
            assert_eq!(read.as_slice(), bytes.as_slice(), "{len}");
        }
    }

    /// An endless input is refused once past the limit, not read to the
    /// end (`/dev/zero` ran the client out of memory).
    #[test]
    fn read_all_stops_past_its_limit() {
        let mut endless = std::io::repeat(7);
        assert!(read_all(&mut endless, 100_000).unwrap().is_none());
        let mut exact = std::io::repeat(7).take(100_000);
        assert_eq!(
            read_all(&mut exact, 100_000).unwrap().unwrap().len(),
            100_000
        );
    }
}
