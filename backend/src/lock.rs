//! The data directory's lock: a server using the directory and a master-key
//! rotation exclude each other, so a rotation never rewraps records under
//! a running server, and a server never starts in the middle of one.
//!
//! It is an OS advisory lock (`flock`) on `<data-dir>/sdo.lock`, not the
//! file's existence: the kernel drops it when its holder dies, kill -9
//! included, so a crashed process never leaves a lock someone must clear
//! by hand. The file stays; what it says (who took it last) is only for
//! the error message.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

pub const LOCK_FILE: &str = "sdo.lock";

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "the data directory {dir} is in use by {holder} (lock {path}); \
         only one server or master-key rotation can use it at a time"
    )]
    Held {
        dir: PathBuf,
        path: PathBuf,
        holder: String,
    },
    #[error(
        "{path} is not a plain file (a symbolic link, or a file with another \
         name too); remove it: a lock file is made anew"
    )]
    NotPlain { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Held for as long as the value lives.
#[derive(Debug)]
pub struct DataDirLock {
    _file: File,
}

impl DataDirLock {
    /// Takes the lock at once or fails with who holds it; never waits.
    /// `holder` names the taker in the file (e.g. `sdo-server`).
    pub fn acquire(data_dir: &Path, holder: &str) -> Result<Self, LockError> {
        let path = data_dir.join(LOCK_FILE);
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        // Root runs the rotation in a directory its service user owns: a
        // link planted there must not make root truncate, write or give
        // away the file it points to.
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&path)
            .map_err(|e| match e.raw_os_error() {
                Some(libc::ELOOP) => LockError::NotPlain { path: path.clone() },
                _ => io(e),
            })?;
        let meta = file.metadata().map_err(io)?;
        if !meta.is_file() || meta.nlink() != 1 {
            return Err(LockError::NotPlain { path });
        }
        crate::owner::give_to_dir_owner(&file, &path).map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                let holder = match text.trim() {
                    "" => "another process".to_owned(),
                    who => who.to_owned(),
                };
                return Err(LockError::Held {
                    dir: data_dir.to_owned(),
                    path,
                    holder,
                });
            }
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
        file.set_len(0).map_err(io)?;
        write!(file, "{holder} (pid {})", std::process::id()).map_err(io)?;
        Ok(Self { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let first = DataDirLock::acquire(dir.path(), "sdo-server").unwrap();
        let err = DataDirLock::acquire(dir.path(), "rotate-master-key").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("in use by sdo-server (pid "), "{text}");
        drop(first);
        DataDirLock::acquire(dir.path(), "rotate-master-key").unwrap();
    }

    /// A lock file that is a link (symbolic or hard) to another file is
    /// refused, and that file is left as it was: root running a rotation
    /// in the service's directory would have truncated it, written to it,
    /// and given it to the service's user.
    #[test]
    fn a_planted_link_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "root:secret\n").unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();

        std::os::unix::fs::symlink(&victim, data.join(LOCK_FILE)).unwrap();
        let err = DataDirLock::acquire(&data, "rotate-master-key").unwrap_err();
        assert!(matches!(err, LockError::NotPlain { .. }), "{err}");
        assert!(err.to_string().contains("remove it"), "{err}");

        std::fs::remove_file(data.join(LOCK_FILE)).unwrap();
        std::fs::hard_link(&victim, data.join(LOCK_FILE)).unwrap();
        let err = DataDirLock::acquire(&data, "rotate-master-key").unwrap_err();
        assert!(matches!(err, LockError::NotPlain { .. }), "{err}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "root:secret\n");

        std::fs::remove_file(data.join(LOCK_FILE)).unwrap();
        DataDirLock::acquire(&data, "rotate-master-key").unwrap();
    }
}
