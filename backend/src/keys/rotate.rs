//! `sdo-server rotate-master-key`: replaces the local master key and
//! rewraps every stored data key under the new one. The sealed blobs are not
//! touched: only the 60-byte wrapped keys change.
//!
//! Every record names the key that wrapped its data key (`key_ref`, the
//! key's fingerprint), so during a rotation each record is openable under
//! exactly one of the two keys, and the server, a resumed rotation, or a
//! crash between any two steps can always tell which. The steps, each
//! durable before the next and each safe to repeat:
//!
//! 1. write `master.key.next` (0600): to a temporary name, fsync, rename,
//!    fsync the directory, so the name exists only with a whole key;
//! 2. record `master_key_next_ref` in the database: the rotation has begun,
//!    and a server started now opens both keys and wraps new secrets
//!    under the new one;
//! 3. rewrap the records still under the old key, in batches, each record
//!    in its own fsynced transaction;
//! 4. once none is left: truncate the WAL, then rename `master.key.next`
//!    over `master.key` (deleting the old key: nothing needs it) and fsync
//!    the directory;
//! 5. record the new key as `master_key_ref` and drop `master_key_next_ref`
//!    in one transaction.
//!
//! A run finds where the last one stopped from the files and the two
//! settings, and goes on from there. It holds the data directory's lock
//! throughout, as the server does, so neither runs under the other.

use std::fmt;
use std::fs;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use sdo_shared::secret::SecretId;

use super::local::{MASTER_KEY_FILE, MasterKeyError, sync_dir};
use super::{KeyError, LocalKeyProvider, Subject};
use crate::config::{Config, RotateArgs, StoreKind};
use crate::lock::{DataDirLock, LockError};
use crate::store::{RotationDb, StoreError};

/// The new key, while a rotation is unfinished.
pub const NEXT_KEY_FILE: &str = "master.key.next";
/// `master.key.next` while it is being written.
const NEXT_KEY_TMP: &str = "master.key.next.tmp";

/// A point a rotation has durably reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// `master.key.next` exists (step 1).
    NextKeyWritten,
    /// The rotation is recorded in the database (step 2).
    Started,
    /// This many records were rewrapped by this run (step 3).
    Rewrapped(u64),
    /// `master.key` is the new key; the old one is gone (step 4).
    Swapped,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::NextKeyWritten => f.write_str("next-key"),
            Step::Started => f.write_str("started"),
            Step::Rewrapped(n) => write!(f, "rewrapped:{n}"),
            Step::Swapped => f.write_str("swapped"),
        }
    }
}

/// What a finished rotation did.
#[derive(Debug, Clone)]
pub struct Report {
    pub from: Option<String>,
    pub to: String,
    /// Data keys rewrapped by this run.
    pub rewrapped: u64,
    /// Whether it finished a rotation an earlier run had begun.
    pub resumed: bool,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let from = self.from.as_deref().unwrap_or("(unrecorded)");
        write!(
            f,
            "master key rotated: {from} -> {}; {} data keys rewrapped",
            self.to, self.rewrapped
        )?;
        if self.resumed {
            f.write_str(" (finished an interrupted rotation)")?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RotateError {
    #[error("{0}")]
    NotLocal(&'static str),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error("master key: {0}")]
    MasterKey(#[from] MasterKeyError),
    #[error("database: {0}")]
    Store(#[from] StoreError),
    #[error("{0} has no master key: there is nothing to rotate")]
    NothingToRotate(PathBuf),
    #[error(
        "secret {id}: {source}. Its data key is under neither the old nor the \
         new master key; the rotation stopped and changed nothing for it"
    )]
    Unwrap { id: String, source: KeyError },
    #[error("stopped after {0}")]
    Interrupted(Step),
}

/// The subcommand: refuses an AWS configuration, then rotates.
pub fn run(config: &Config, args: &RotateArgs) -> Result<Report, RotateError> {
    if config.kms_key_id.is_some() {
        return Err(RotateError::NotLocal(
            "data keys are wrapped by AWS KMS here (--kms-key-id): KMS rotates \
             the key's material itself (EnableKeyRotation, yearly) and keeps the \
             old material for existing secrets, so there is nothing to rewrap. \
             See docs/DEPLOY.md",
        ));
    }
    if config.store == StoreKind::Dynamodb {
        return Err(RotateError::NotLocal(
            "rotate-master-key rewraps records in the SQLite store; with \
             --store dynamodb, wrap data keys with a KMS key (--kms-key-id), \
             which rotates itself",
        ));
    }
    rotate(&config.data_dir, args.batch as usize, &mut pause_from_env())
}

/// Rotates (or finishes rotating) the master key of `data_dir`. `hook`
/// sees each step once it is durable; breaking stops the run there, as a
/// crash would (tests).
pub fn rotate(
    data_dir: &Path,
    batch: usize,
    hook: &mut dyn FnMut(Step) -> ControlFlow<()>,
) -> Result<Report, RotateError> {
    let mut at = |step| match hook(step) {
        ControlFlow::Continue(()) => Ok(()),
        ControlFlow::Break(()) => Err(RotateError::Interrupted(step)),
    };
    // Create nothing (not even the directory) where no server ever ran:
    // a mistyped --data-dir is an error here, not a fresh start.
    let db_exists = data_dir.join(crate::store::DATABASE_FILE).exists();
    if !data_dir.is_dir() || (!db_exists && !data_dir.join(MASTER_KEY_FILE).exists()) {
        return Err(RotateError::NothingToRotate(data_dir.to_owned()));
    }
    let _lock = DataDirLock::acquire(data_dir, "sdo-server rotate-master-key")?;
    let mut db = RotationDb::open(data_dir)?;
    match fs::remove_file(data_dir.join(NEXT_KEY_TMP)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(io(data_dir.join(NEXT_KEY_TMP), e).into());
        }
        _ => {}
    }
    let recorded = db.master_key_ref()?;
    let resumed = db.rotating_to()?;
    let keys = match &resumed {
        Some(next_ref) => keys_mid_rotation(data_dir, recorded.as_deref(), next_ref)?,
        None => {
            let current = current_key(data_dir, recorded.as_deref(), db.has_records()?)?;
            // A next key left by a run that stopped before step 2 is whole
            // (step 1 renames it into place) and wraps nothing yet: reuse it.
            let next = match LocalKeyProvider::load_path(&data_dir.join(NEXT_KEY_FILE))? {
                Some(next) => next,
                None => write_next_key(data_dir)?,
            };
            at(Step::NextKeyWritten)?;
            db.start(next.key_ref())?;
            at(Step::Started)?;
            next.with_retiring(current)
        }
    };
    tracing::info!(
        from = keys.retiring_ref().or(recorded.as_deref()),
        to = keys.key_ref(),
        resumed = resumed.is_some(),
        "rotating the master key"
    );

    let new_ref = keys.key_ref().to_owned();
    let mut rewrapped = 0u64;
    loop {
        let rows = db.not_under(&new_ref, batch.max(1))?;
        if rows.is_empty() {
            break;
        }
        let mut moved = 0;
        for row in &rows {
            let unwrap = |source| RotateError::Unwrap {
                id: row.id.clone(),
                source,
            };
            let id = SecretId::parse(&row.id)
                .map_err(|_| StoreError::Corrupt(format!("record id {:?}", row.id)))?;
            let subject = if row.request {
                Subject::Request(id)
            } else {
                Subject::Secret(id)
            };
            let data_key = keys
                .unwrap_key(&row.wrapped_key, &row.key_ref, subject)
                .map_err(unwrap)?;
            let wrapped = keys.wrap(&data_key, subject).map_err(unwrap)?;
            if db.rewrap(row, &wrapped, &new_ref)? {
                moved += 1;
                rewrapped += 1;
                at(Step::Rewrapped(rewrapped))?;
            }
        }
        if moved == 0 {
            // Nothing else writes (the lock), so this would loop forever.
            return Err(StoreError::Internal("a batch of rewraps changed no record".into()).into());
        }
        tracing::info!(rewrapped, "rewrapped a batch of data keys");
    }

    let next_path = data_dir.join(NEXT_KEY_FILE);
    if next_path.exists() {
        db.checkpoint()?;
        let key_path = data_dir.join(MASTER_KEY_FILE);
        fs::rename(&next_path, &key_path).map_err(|e| io(key_path, e))?;
        sync_dir(data_dir)?;
    }
    at(Step::Swapped)?;
    db.finish(&new_ref)?;
    let from = keys.retiring_ref().map(str::to_owned).or(recorded);
    tracing::info!(to = %new_ref, rewrapped, "master key rotated; the old key is deleted");
    Ok(Report {
        from,
        to: new_ref,
        rewrapped,
        resumed: resumed.is_some(),
    })
}

/// The keys of a data directory whose rotation to `next_ref` has begun and
/// not finished: the new key for new secrets, and the old one still, until
/// it is deleted at step 4. The server opens these too, so an interrupted
/// rotation does not stop the service.
pub fn keys_mid_rotation(
    data_dir: &Path,
    recorded: Option<&str>,
    next_ref: &str,
) -> Result<LocalKeyProvider, MasterKeyError> {
    let key_path = data_dir.join(MASTER_KEY_FILE);
    let next_path = data_dir.join(NEXT_KEY_FILE);
    let current = LocalKeyProvider::load(data_dir)?;
    let next = LocalKeyProvider::load_path(&next_path)?;
    let mismatch = |path: &Path, expected: &str, found: &LocalKeyProvider| {
        Err(MasterKeyError::Mismatch {
            path: path.to_owned(),
            expected: expected.to_owned(),
            found: found.key_ref().to_owned(),
        })
    };
    match (current, next) {
        (Some(current), Some(next)) => {
            if next.key_ref() != next_ref {
                return mismatch(&next_path, next_ref, &next);
            }
            if let Some(recorded) = recorded
                && current.key_ref() != recorded
            {
                return mismatch(&key_path, recorded, &current);
            }
            Ok(next.with_retiring(current))
        }
        // Past step 4: the new key is in place and the old one gone.
        (Some(current), None) if current.key_ref() == next_ref => Ok(current),
        (Some(current), None) => mismatch(&key_path, next_ref, &current),
        (None, _) => Err(MasterKeyError::Missing {
            path: key_path,
            expected: recorded.unwrap_or(next_ref).to_owned(),
        }),
    }
}

/// `master.key`, checked against the recorded reference as at start-up.
fn current_key(
    data_dir: &Path,
    recorded: Option<&str>,
    has_records: bool,
) -> Result<LocalKeyProvider, RotateError> {
    let path = data_dir.join(MASTER_KEY_FILE);
    let Some(key) = LocalKeyProvider::load(data_dir)? else {
        if recorded.is_none() && !has_records {
            return Err(RotateError::NothingToRotate(data_dir.to_owned()));
        }
        return Err(MasterKeyError::Missing {
            path,
            expected: recorded.unwrap_or("(not recorded)").to_owned(),
        }
        .into());
    };
    match recorded {
        Some(expected) if expected != key.key_ref() => Err(MasterKeyError::Mismatch {
            path,
            expected: expected.to_owned(),
            found: key.key_ref().to_owned(),
        }
        .into()),
        _ => Ok(key),
    }
}

/// Step 1: a whole new key under `master.key.next`, durably.
fn write_next_key(data_dir: &Path) -> Result<LocalKeyProvider, MasterKeyError> {
    let tmp = data_dir.join(NEXT_KEY_TMP);
    let next = LocalKeyProvider::write_new(&tmp)?;
    let path = data_dir.join(NEXT_KEY_FILE);
    fs::rename(&tmp, &path).map_err(|e| io(path, e))?;
    sync_dir(data_dir)?;
    Ok(next)
}

fn io(path: PathBuf, source: std::io::Error) -> MasterKeyError {
    MasterKeyError::Io { path, source }
}

/// A test hook for the kill -9 test, in debug builds only:
/// `SDO_ROTATE_PAUSE_AT=<step>` (`next-key`, `started`, `rewrapped:N`,
/// `swapped`) says so on stderr at that step and waits 60 s, time for the
/// test to kill the process where it stands. Release builds ignore it.
fn pause_from_env() -> impl FnMut(Step) -> ControlFlow<()> {
    let at = if cfg!(debug_assertions) {
        std::env::var("SDO_ROTATE_PAUSE_AT").ok()
    } else {
        None
    };
    move |step| {
        if at.as_deref() == Some(step.to_string().as_str()) {
            eprintln!("rotate-master-key: paused at {step} (SDO_ROTATE_PAUSE_AT)");
            std::thread::sleep(std::time::Duration::from_secs(60));
        }
        ControlFlow::Continue(())
    }
}
