//! The embedded default: a 32-byte master key in `<data-dir>/master.key`,
//! created on first run with mode 0600, that wraps data keys with AES-GCM.
//! Like ssh with a private key, it refuses a key file others can read.

use std::fs::{self, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use async_trait::async_trait;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::{KeyError, KeyProvider, NewDataKey, Subject};
use crate::seal::{self, DataKey, NONCE_LEN};

pub const MASTER_KEY_FILE: &str = "master.key";
const WRAP_AAD: &[u8] = b"sdo/v1 wrap";

#[derive(Debug, thiserror::Error)]
pub enum MasterKeyError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path} is readable by group or others (mode {mode:o}); run `chmod 600 {path}` and start again"
    )]
    TooOpen { path: PathBuf, mode: u32 },
    /// A link (a mounted secret, say) whose target is too open: `chmod` on
    /// the link would change whatever it points to, so no command is given.
    #[error(
        "{path} links to {target}, which is readable by group or others (mode {mode:o}); \
         point it at a key file that only its owner can read"
    )]
    LinkTooOpen {
        path: PathBuf,
        target: PathBuf,
        mode: u32,
    },
    #[error("{path} is not a file")]
    NotAFile { path: PathBuf },
    #[error("{path} must hold exactly 32 bytes")]
    BadLength { path: PathBuf },
    #[error(
        "{path} is missing, but the database was set up with master key {expected}. \
         Restore that key file, or move the data directory away to start empty; a new key \
         would make every stored secret unreadable"
    )]
    Missing { path: PathBuf, expected: String },
    #[error(
        "{path} is master key {found}, but the database's secrets are sealed under {expected}. \
         Put the right key file back"
    )]
    Mismatch {
        path: PathBuf,
        expected: String,
        found: String,
    },
}

#[derive(Debug)]
pub struct LocalKeyProvider {
    master: DataKey,
    key_ref: String,
    /// While a rotation is unfinished: the key being retired. It still opens
    /// the records not yet rewrapped; nothing new is wrapped under it.
    retiring: Option<Box<LocalKeyProvider>>,
}

impl LocalKeyProvider {
    /// Loads `<data_dir>/master.key`, creating it (and the directory, 0700)
    /// on first run. The server uses [`LocalKeyProvider::load`] and
    /// [`LocalKeyProvider::create`] instead, to check the key against the
    /// database first.
    pub fn open_or_create(data_dir: &Path) -> Result<Self, MasterKeyError> {
        ensure_private_dir(data_dir)?;
        match Self::load(data_dir)? {
            Some(key) => Ok(key),
            None => Self::create(data_dir),
        }
    }

    /// The key in `<data_dir>/master.key`, or `None` if there is no file.
    pub fn load(data_dir: &Path) -> Result<Option<Self>, MasterKeyError> {
        Self::load_path(&data_dir.join(MASTER_KEY_FILE))
    }

    /// The key in the file at `path`, or `None` if there is no file.
    pub fn load_path(path: &Path) -> Result<Option<Self>, MasterKeyError> {
        match fs::symlink_metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            _ => Self::load_file(path).map(Some),
        }
    }

    /// Makes a new `<data_dir>/master.key` (0600), durably: the file and
    /// its directory entry are fsynced before any secret is sealed under it.
    pub fn create(data_dir: &Path) -> Result<Self, MasterKeyError> {
        ensure_private_dir(data_dir)?;
        let path = data_dir.join(MASTER_KEY_FILE);
        let key = Self::write_new(&path)?;
        sync_dir(data_dir)?;
        tracing::info!(path = %path.display(), "created a new master key");
        Ok(key)
    }

    /// A new random key written to `path` (which must not exist), 0600,
    /// and fsynced; the caller makes its directory entry durable.
    pub fn write_new(path: &Path) -> Result<Self, MasterKeyError> {
        let io = |source| MasterKeyError::Io {
            path: path.to_owned(),
            source,
        };
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .map_err(io)?;
        crate::owner::give_to_dir_owner(&file, path).map_err(io)?;
        let key = Zeroizing::new(
            sdo_shared::random_bytes::<32>().map_err(|e| io(std::io::Error::other(e)))?,
        );
        file.write_all(key.as_ref()).map_err(io)?;
        file.sync_all().map_err(io)?;
        Ok(Self::from_key(DataKey::from_bytes(*key)))
    }

    fn load_file(path: &Path) -> Result<Self, MasterKeyError> {
        let io = |source| MasterKeyError::Io {
            path: path.to_owned(),
            source,
        };
        let file = fs::File::open(path).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        if !meta.is_file() {
            return Err(MasterKeyError::NotAFile {
                path: path.to_owned(),
            });
        }
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            let linked = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            return Err(match fs::canonicalize(path) {
                Ok(target) if linked => MasterKeyError::LinkTooOpen {
                    path: path.to_owned(),
                    target,
                    mode,
                },
                _ => MasterKeyError::TooOpen {
                    path: path.to_owned(),
                    mode,
                },
            });
        }
        let mut bytes = Zeroizing::new(Vec::with_capacity(33));
        file.take(33).read_to_end(&mut bytes).map_err(io)?;
        let key = DataKey::from_slice(&bytes).ok_or_else(|| MasterKeyError::BadLength {
            path: path.to_owned(),
        })?;
        Ok(Self::from_key(key))
    }

    /// A provider around a given master key (tests, benchmarks).
    pub fn from_key(master: DataKey) -> Self {
        // A short public fingerprint, so a record names the key that wrapped
        // it and a rotated key is told apart from a tampered record.
        let digest = Sha256::new()
            .chain_update(b"sdo/v1 master key id")
            .chain_update(master.expose())
            .finalize();
        let key_ref = format!(
            "local:{}",
            digest[..8]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        );
        Self {
            master,
            key_ref,
            retiring: None,
        }
    }

    /// This key for new data keys, and `old` still to open the records a
    /// rotation has not rewrapped yet.
    pub fn with_retiring(mut self, mut old: LocalKeyProvider) -> Self {
        // One rotation at a time: the old key's own predecessor is gone.
        old.retiring = None;
        self.retiring = Some(Box::new(old));
        self
    }

    /// The reference of the key that wraps new data keys.
    pub fn key_ref(&self) -> &str {
        &self.key_ref
    }

    /// The reference of the key being retired, during a rotation.
    pub fn retiring_ref(&self) -> Option<&str> {
        self.retiring.as_deref().map(Self::key_ref)
    }

    /// Wraps `key` for its record under this master key, with a fresh nonce.
    pub fn wrap(&self, key: &DataKey, subject: Subject) -> Result<Vec<u8>, KeyError> {
        let nonce: [u8; NONCE_LEN] = sdo_shared::random_bytes()
            .map_err(|_| KeyError::Unavailable("no system randomness".into()))?;
        let mut wrapped = nonce.to_vec();
        wrapped.extend(seal::aead_seal(
            &self.master,
            &nonce,
            key.expose(),
            &wrap_aad(subject),
        ));
        Ok(wrapped)
    }

    /// Unwraps a data key wrapped under this key or, during a rotation,
    /// under the one being retired; `key_ref` says which.
    pub fn unwrap_key(
        &self,
        wrapped: &[u8],
        key_ref: &str,
        subject: Subject,
    ) -> Result<DataKey, KeyError> {
        if key_ref != self.key_ref {
            return match &self.retiring {
                Some(old) if key_ref == old.key_ref => old.unwrap_key(wrapped, key_ref, subject),
                _ => Err(KeyError::Refused(format!(
                    "wrapped by {key_ref}, this server has {}",
                    self.key_ref
                ))),
            };
        }
        let refused = || KeyError::Refused("wrapped data key failed authentication".into());
        let (nonce, ciphertext) = wrapped.split_at_checked(NONCE_LEN).ok_or_else(refused)?;
        let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| refused())?;
        let bytes = Zeroizing::new(
            seal::aead_open(&self.master, &nonce, ciphertext, &wrap_aad(subject))
                .map_err(|_| refused())?,
        );
        DataKey::from_slice(&bytes).ok_or_else(refused)
    }
}

/// Makes the directory's entries (a new or renamed file) durable.
pub fn sync_dir(dir: &Path) -> Result<(), MasterKeyError> {
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|source| MasterKeyError::Io {
            path: dir.to_owned(),
            source,
        })
}

/// Creates the data directory, 0700, if it does not exist.
pub fn ensure_private_dir(data_dir: &Path) -> Result<(), MasterKeyError> {
    let io = |source| MasterKeyError::Io {
        path: data_dir.to_owned(),
        source,
    };
    if !data_dir.exists() {
        fs::create_dir_all(data_dir).map_err(io)?;
        fs::set_permissions(data_dir, fs::Permissions::from_mode(0o700)).map_err(io)?;
    }
    Ok(())
}

fn wrap_aad(subject: Subject) -> Vec<u8> {
    let mut aad = WRAP_AAD.to_vec();
    let (key, id) = (subject.context_key(), subject.id());
    aad.extend_from_slice(format!("{{\"{key}\":\"{id}\"}}").as_bytes());
    aad
}

#[async_trait]
impl KeyProvider for LocalKeyProvider {
    async fn generate_data_key(&self, subject: Subject) -> Result<NewDataKey, KeyError> {
        let key = DataKey::from_bytes(
            sdo_shared::random_bytes()
                .map_err(|_| KeyError::Unavailable("no system randomness".into()))?,
        );
        let wrapped = self.wrap(&key, subject)?;
        Ok(NewDataKey {
            key,
            wrapped,
            key_ref: self.key_ref.clone(),
        })
    }

    async fn unwrap(
        &self,
        wrapped: &[u8],
        key_ref: &str,
        subject: Subject,
    ) -> Result<DataKey, KeyError> {
        self.unwrap_key(wrapped, key_ref, subject)
    }
}

#[cfg(test)]
mod tests {
    use sdo_shared::secret::SecretId;

    use super::*;

    #[tokio::test]
    async fn wrapped_keys_are_bound_to_their_id() {
        let p = LocalKeyProvider::from_key(DataKey::from_bytes([7; 32]));
        let a = Subject::Secret(SecretId::from_bytes([1; 16]));
        let b = Subject::Secret(SecretId::from_bytes([2; 16]));
        let new = p.generate_data_key(a).await.unwrap();
        let back = p.unwrap(&new.wrapped, &new.key_ref, a).await.unwrap();
        assert_eq!(back.expose(), new.key.expose());
        assert!(p.unwrap(&new.wrapped, &new.key_ref, b).await.is_err());
        assert!(p.unwrap(&new.wrapped[..5], &new.key_ref, a).await.is_err());
        assert!(p.unwrap(&new.wrapped, "local:other", a).await.is_err());
        // The same id as a request is another context: it does not open.
        let as_request = Subject::Request(a.id());
        assert!(
            p.unwrap(&new.wrapped, &new.key_ref, as_request)
                .await
                .is_err()
        );
    }

    #[tokio::test]
    async fn during_a_rotation_both_keys_open_and_only_the_new_one_wraps() {
        let old = LocalKeyProvider::from_key(DataKey::from_bytes([7; 32]));
        let id = Subject::Secret(SecretId::from_bytes([1; 16]));
        let before = old.generate_data_key(id).await.unwrap();
        let both = LocalKeyProvider::from_key(DataKey::from_bytes([8; 32]))
            .with_retiring(LocalKeyProvider::from_key(DataKey::from_bytes([7; 32])));
        assert_eq!(both.retiring_ref(), Some(old.key_ref()));
        let back = both.unwrap(&before.wrapped, &before.key_ref, id).await;
        assert_eq!(back.unwrap().expose(), before.key.expose());

        let after = both.generate_data_key(id).await.unwrap();
        assert_eq!(after.key_ref, both.key_ref());
        assert_ne!(after.key_ref, old.key_ref());
        // A rewrapped key opens under the new reference only.
        let rewrapped = both.wrap(&before.key, id).unwrap();
        let back = both.unwrap(&rewrapped, both.key_ref(), id).await.unwrap();
        assert_eq!(back.expose(), before.key.expose());
        assert!(both.unwrap(&rewrapped, old.key_ref(), id).await.is_err());
        assert!(
            both.unwrap(&before.wrapped, "local:other", id)
                .await
                .is_err()
        );
    }

    #[test]
    fn master_key_is_created_private_and_reloaded() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let first = LocalKeyProvider::open_or_create(&data).unwrap();
        let path = data.join(MASTER_KEY_FILE);
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let again = LocalKeyProvider::open_or_create(&data).unwrap();
        assert_eq!(first.key_ref(), again.key_ref());

        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        let err = LocalKeyProvider::open_or_create(&data).unwrap_err();
        assert!(matches!(err, MasterKeyError::TooOpen { .. }), "{err}");

        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        fs::write(&path, [1u8; 31]).unwrap();
        assert!(matches!(
            LocalKeyProvider::open_or_create(&data),
            Err(MasterKeyError::BadLength { .. })
        ));
    }
}
