//! The last line of defence for a revealed secret whose delivery failed:
//! the server no longer has it, so these bytes may be the only copy.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::error::CliError;
use crate::escape::quoted;

/// Puts `data` somewhere other than the destination that failed and returns
/// the error that says what failed and where the secret is now.
///
/// stdout comes first when it is a pipe or a file (where a script would look
/// anyway), unless it is the destination that failed (`skip_stdout`): a
/// second attempt there could repeat half-written bytes. A terminal cannot
/// keep bytes, so there a 0600 file in a temporary directory comes first and
/// the screen last.
pub fn rescue(data: &[u8], failed: &str, skip_stdout: bool) -> CliError {
    let terminal = std::io::stdout().is_terminal();
    let use_stdout = !skip_stdout;
    if use_stdout && !terminal && to_stdout(data).is_ok() {
        return CliError::Other(format!(
            "{failed}; the secret was written to stdout instead"
        ));
    }
    for dir in directories() {
        if let Ok(path) = to_private_file(&dir, data) {
            return CliError::Other(format!(
                "{failed}; the secret is saved in {} instead (readable only by you; delete it when done)",
                quoted(&path.to_string_lossy())
            ));
        }
    }
    if use_stdout && terminal && to_stdout(data).is_ok() {
        return CliError::Other(format!(
            "{failed}; the secret was written to the terminal instead"
        ));
    }
    CliError::Other(format!(
        "{failed}; no other place could take the secret either, and it is gone from the server"
    ))
}

fn to_stdout(data: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(data)?;
    out.flush()
}

/// $TMPDIR (or /tmp), then other places a user can usually write.
fn directories() -> Vec<PathBuf> {
    let mut dirs = vec![std::env::temp_dir(), "/tmp".into(), "/var/tmp".into()];
    dirs.extend(std::env::var_os("HOME").map(PathBuf::from));
    dirs.extend(std::env::current_dir().ok());
    let mut seen = Vec::new();
    dirs.retain(|d| {
        let new = !seen.contains(d);
        seen.push(d.clone());
        new
    });
    dirs
}

/// A new file only its owner can read (tempfile creates it 0600, with
/// O_EXCL, so nothing planted under the name is followed), synced.
fn to_private_file(dir: &Path, data: &[u8]) -> std::io::Result<PathBuf> {
    let mut file = tempfile::Builder::new()
        .prefix("sdo-rescued-")
        .tempfile_in(dir)?;
    file.write_all(data)?;
    file.as_file().sync_all()?;
    let (_, path) = file.keep().map_err(|e| e.error)?;
    Ok(std::path::absolute(&path).unwrap_or(path))
}
