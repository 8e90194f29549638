//! Files created in a data directory that root does not own.
//!
//! An operator runs `sdo-server rotate-master-key` by hand, often as root
//! (`sudo`), against `/var/lib/sdo`, which belongs to the service's user
//! (systemd's `DynamicUser`). A new `master.key` or `sdo.lock` left owned by
//! root, mode 0600, would stop the service at its next start: it could not
//! read its own key. systemd re-owns a state directory's files only when the
//! directory's own owner changed, so it would not repair them. SQLite gives
//! its own `-wal` and `-shm` files to the database file's owner the same
//! way.

use std::fs::File;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// Gives `file`, which the caller created at `path` (or opened there
/// without following a link, and found a plain file of one name), to the
/// owner and group of its directory when root made it in a directory root
/// does not own.
/// Anyone else creates files as themselves and may not give them away;
/// that is left as it is. Refuses anything but a plain file with one name:
/// giving away what a planted link points to would hand over a root file.
pub fn give_to_dir_owner(file: &File, path: &Path) -> std::io::Result<()> {
    let created = file.metadata()?;
    if !created.is_file() || created.nlink() != 1 {
        return Err(std::io::Error::other("not a plain file"));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = std::fs::metadata(dir)?;
    if created.uid() == 0 && (dir.uid(), dir.gid()) != (created.uid(), created.gid()) {
        std::os::unix::fs::fchown(file, Some(dir.uid()), Some(dir.gid()))?;
    }
    Ok(())
}
