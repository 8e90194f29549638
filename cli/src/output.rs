//! Where a revealed secret goes: `-o FILE` or stdout, or, for a file on a
//! terminal, a file named by the sender in the current directory. (And
//! `--json` output that holds new links: [`print_json`].)
//!
//! The reveal may have been the secret's last view, so once it is in hand no
//! failure may drop it: every way of writing it either succeeds or hands the
//! bytes to [`rescue`](crate::rescue), which puts them somewhere else and
//! says where.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, IsTerminal, Write};
use std::os::fd::AsFd;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use sdo_shared::payload::{Kind, Payload};

use crate::error::CliError;
use crate::escape::{self, quoted};
use crate::rescue;

/// Longest file name most Linux file systems take, in bytes.
const NAME_MAX: usize = 255;

/// A `-o` destination, opened before the reveal so that a bad path, a
/// missing directory or an existing file fail while the secret is still on
/// the server.
#[derive(Debug)]
pub struct OutputFile {
    path: PathBuf,
    target: Target,
    written: bool,
}

#[derive(Debug)]
enum Target {
    /// `-o` names what stdout already is (`/dev/stdout`, the same tty, the
    /// file after `>>`): written through stdout itself, so the shell's
    /// append mode and offset hold, and a socket, which cannot be
    /// reopened by name, works too.
    Stdout,
    File {
        file: File,
        /// Made by this run: removed again unless the secret was written whole.
        created: bool,
        /// A regular file is truncated and synced; a character device or a
        /// FIFO is a stream, which has neither.
        regular: bool,
    },
}

impl OutputFile {
    pub fn open(path: PathBuf, force: bool) -> Result<Self, CliError> {
        let created = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path);
        let target = match created {
            Ok(file) => Target::File {
                file,
                created: true,
                regular: true,
            },
            Err(e) if e.kind() == ErrorKind::AlreadyExists => open_existing(&path, force)?,
            Err(e) => return Err(cannot_write(&path, &e)),
        };
        Ok(Self {
            path,
            target,
            written: false,
        })
    }

    /// Checks that [`open`](Self::open) would succeed, and leaves the path
    /// as it was (a file made for the check is removed again; an existing
    /// one is not truncated, though `--force` makes it 0600 as `open` does):
    /// `sdo collect --wait` finds a bad path at once, but opens it for real
    /// only when there is an answer to write, so an interrupted wait leaves
    /// no empty file behind.
    pub fn check(path: &Path, force: bool) -> Result<(), CliError> {
        let mut out = Self::open(path.to_path_buf(), force)?;
        if let Target::File { created: true, .. } = out.target {
            let _ = std::fs::remove_file(&out.path);
        }
        // Nothing for drop to undo.
        out.written = true;
        Ok(())
    }

    fn write(&mut self, data: &[u8]) -> std::io::Result<()> {
        match &mut self.target {
            Target::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(data)?;
                out.flush()?;
            }
            Target::File { file, regular, .. } => {
                if *regular {
                    // Truncated only now that the secret is in hand (--force).
                    file.set_len(0)?;
                }
                file.write_all(data)?;
                if *regular {
                    file.sync_all()?;
                }
            }
        }
        self.written = true;
        Ok(())
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        let Target::File {
            file,
            created,
            regular,
        } = &self.target
        else {
            return;
        };
        if self.written {
            return;
        }
        // Nothing, or a fragment of the secret: neither is worth keeping.
        if *created {
            let _ = std::fs::remove_file(&self.path);
        } else if *regular {
            let _ = file.set_len(0);
        }
    }
}

/// `value` as one line of JSON on stdout, through a buffer that is wiped:
/// the links it borrows carry keys and tokens. Sized beforehand, so that
/// it does not grow (leaving copies in what it outgrew) for any of ours.
pub fn print_json(value: &impl serde::Serialize) -> Result<(), CliError> {
    let mut out = zeroize::Zeroizing::new(Vec::with_capacity(4096));
    serde_json::to_writer(&mut *out, value).map_err(|e| CliError::Other(e.to_string()))?;
    out.push(b'\n');
    std::io::stdout().lock().write_all(&out)?;
    Ok(())
}

/// An existing path: a regular file (or a block device, which holds data
/// too) only with --force; a character device or a FIFO is a stream, so
/// writing to it overwrites nothing.
fn open_existing(path: &Path, force: bool) -> Result<Target, CliError> {
    let exists = || {
        CliError::Usage(format!(
            "{} exists; add --force to overwrite it",
            path.display()
        ))
    };
    let holds_data = |t: std::fs::FileType| t.is_file() || t.is_block_device();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        // create_new saw a name, stat finds nothing behind it: a symlink to
        // a missing file, which is not followed to create a file elsewhere.
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(CliError::Other(format!(
                "{} is a symlink to a file that does not exist; remove it or choose another name",
                path.display()
            )));
        }
        Err(e) => return Err(cannot_write(path, &e)),
    };
    if stdout_identity() == Some((meta.dev(), meta.ino())) {
        return Ok(Target::Stdout);
    }
    if holds_data(meta.file_type()) && !force {
        return Err(exists());
    }
    let file = OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| cannot_write(path, &e))?;
    let meta = file.metadata().map_err(|e| cannot_write(path, &e))?;
    // Checked again on the open file: the path may have changed since.
    if holds_data(meta.file_type()) && !force {
        return Err(exists());
    }
    let regular = meta.file_type().is_file();
    if regular {
        // An existing file opened with --force keeps its mode unless told.
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|e| cannot_write(path, &e))?;
    }
    Ok(Target::File {
        file,
        created: false,
        regular,
    })
}

fn cannot_write(path: &Path, e: &std::io::Error) -> CliError {
    CliError::Other(format!("cannot write {}: {e}", path.display()))
}

/// (device, inode) of what stdout is, to tell whether `-o` names it too.
fn stdout_identity() -> Option<(u64, u64)> {
    let fd = std::io::stdout().as_fd().try_clone_to_owned().ok()?;
    let meta = File::from(fd).metadata().ok()?;
    Some((meta.dev(), meta.ino()))
}

/// Writes the secret to the `-o` file; if that fails, rescues it.
pub fn to_file(mut out: OutputFile, payload: &Payload) -> Result<(), CliError> {
    match out.write(payload.data()) {
        Ok(()) => Ok(()),
        Err(e) => {
            let failed = format!("cannot write {}: {e}", out.path.display());
            let skip_stdout = matches!(out.target, Target::Stdout);
            drop(out);
            Err(rescue::rescue(payload.data(), &failed, skip_stdout))
        }
    }
}

/// Puts the secret on stdout. A file on a terminal is saved under its own
/// name instead of being dumped on the screen: it cannot be fetched again.
pub fn to_stdout(payload: &Payload) -> Result<(), CliError> {
    let stdout = std::io::stdout();
    let size = payload.data().len();
    if let Kind::File { name, mime } = payload.kind() {
        if stdout.is_terminal() {
            return save_here(name, payload.data()).map(|path| {
                eprintln!(
                    "Saved {} ({}, {size} bytes).",
                    quoted(&path.to_string_lossy()),
                    quoted(mime)
                );
            });
        }
        eprintln!("File {} ({}, {size} bytes).", quoted(name), quoted(mime));
    }
    // On a terminal, text without a final newline would run into the
    // prompt and the next line of stderr; anywhere else the bytes are
    // exactly the secret.
    let end_line = stdout.is_terminal() && !payload.data().ends_with(b"\n");
    let mut out = stdout.lock();
    let written = out
        .write_all(payload.data())
        .and_then(|()| {
            if end_line {
                out.write_all(b"\n")
            } else {
                Ok(())
            }
        })
        .and_then(|()| out.flush());
    match written {
        Ok(()) => Ok(()),
        Err(e) => {
            drop(out);
            let failed = format!("cannot write to stdout: {e}");
            Err(rescue::rescue(payload.data(), &failed, true))
        }
    }
}

/// Saves `data` in the current directory under the sender's `name` (or the
/// first free variant of it), written to a 0600 temporary file first and
/// then linked into place, so an existing name, even a dangling symlink, is
/// never overwritten or followed.
fn save_here(name: &str, data: &[u8]) -> Result<PathBuf, CliError> {
    let failed = |e: std::io::Error| {
        let failed = format!("cannot save {} in the current directory: {e}", quoted(name));
        rescue::rescue(data, &failed, false)
    };
    let mut staged = tempfile::Builder::new()
        .prefix("sdo-")
        .suffix(".part")
        .tempfile_in(".")
        .map_err(failed)?;
    staged
        .write_all(data)
        .and_then(|()| staged.as_file().sync_all())
        .map_err(failed)?;
    let base = base_name(name);
    let mut last = None;
    for n in 0..1000 {
        let candidate = candidate(&base, n);
        match staged.persist_noclobber(&candidate) {
            Ok(_) => return Ok(candidate),
            Err(e) if e.error.kind() == ErrorKind::AlreadyExists => {
                staged = e.file;
            }
            Err(e) => {
                last = Some(e.error);
                staged = e.file;
                break;
            }
        }
    }
    // The bytes are whole in the staging file: it is where they stay.
    let cause = last.map_or_else(
        || "every variant of the name is taken".into(),
        |e| e.to_string(),
    );
    match staged.keep() {
        Ok((_, path)) => Err(CliError::Other(format!(
            "cannot save {} in the current directory: {cause}; the secret is in {} instead (readable only by you)",
            quoted(name),
            quoted(&std::path::absolute(&path).unwrap_or(path).to_string_lossy())
        ))),
        Err(e) => Err(failed(e.error)),
    }
}

/// The sender chose the name: keep only its last component, without
/// control characters, and never a hidden file.
fn base_name(name: &str) -> String {
    Path::new(name)
        .file_name()
        .map(|n| {
            n.to_string_lossy()
                .chars()
                .map(|c| if escape::is_unsafe(c) { '_' } else { c })
                .collect::<String>()
        })
        .filter(|n| !n.starts_with('.') && !n.is_empty())
        .unwrap_or_else(|| "secret.bin".into())
}

/// The `n`th name to try: `base`, then `base.1`, `base.2`…, each cut to fit
/// NAME_MAX (a sender may name a file with up to 65535 bytes).
fn candidate(base: &str, n: u32) -> PathBuf {
    if n == 0 {
        return PathBuf::from(fit(base, NAME_MAX));
    }
    let suffix = format!(".{n}");
    PathBuf::from(fit(base, NAME_MAX - suffix.len()) + &suffix)
}

/// `name` in at most `max` bytes, cut at a character boundary; a short
/// extension survives the cut, so the file still opens with its program.
fn fit(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_owned();
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 16 => (stem, Some(ext)),
        _ => (name, None),
    };
    let mut cut = max - ext.map_or(0, |e| e.len() + 1);
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    match ext {
        Some(ext) => format!("{}.{ext}", &stem[..cut]),
        None => stem[..cut].to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sender_chosen_names_stay_in_the_current_directory() {
        assert_eq!(base_name("../../etc/passwd"), "passwd");
        assert_eq!(base_name("/tmp/x/key.pem"), "key.pem");
        assert_eq!(base_name(".bashrc"), "secret.bin");
        assert_eq!(base_name(""), "secret.bin");
        assert_eq!(base_name("a\u{1b}[2J\nb"), "a_[2J_b");
    }

    #[test]
    fn long_names_are_cut_to_fit_keeping_the_extension() {
        let long = format!("{}.pem", "é".repeat(200));
        for n in [0, 1, 42, 999] {
            let c = candidate(&long, n).into_os_string().into_string().unwrap();
            assert!(c.len() <= NAME_MAX, "{n}: {}", c.len());
            let ends = if n == 0 {
                ".pem".into()
            } else {
                format!(".pem.{n}")
            };
            assert!(c.ends_with(&ends), "{c}");
        }
        assert_eq!(candidate("key.pem", 0), PathBuf::from("key.pem"));
        assert_eq!(candidate("key.pem", 2), PathBuf::from("key.pem.2"));
        assert_eq!(fit(&"x".repeat(300), 255), "x".repeat(255));
    }
}
