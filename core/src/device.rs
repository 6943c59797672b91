//! The platform key store that binds a vault to one device.
//!
//! The passcode slot mixes a 32-byte device secret into its key. That secret is stored only
//! wrapped by the platform: Android Keystore or the iOS Secure Enclave / Keychain on phones
//! (implemented in Kotlin and Swift through the FFI), or a key file on desktops
//! ([`FileKeyStore`]), which is weaker and said so by the terminal client.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use zeroize::Zeroizing;

use crate::crypto::{Algorithm, Cipher, Place, SecretKey, envelope, random};

/// How a platform key store failed. Fixed reasons, no platform text; the Kotlin and Swift
/// key stores throw these.
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DeviceKeyError {
    /// The device key does not exist (erased, or the vault came from another device).
    #[error("the device key is missing")]
    KeyMissing,
    /// The key store refused or is not available now (e.g. the device is locked).
    #[error("the device key store is unavailable")]
    Unavailable,
    /// Wrapped data did not unwrap with this device's key.
    #[error("the wrapped secret does not belong to this device")]
    Rejected,
    /// Anything else.
    #[error("the device key store failed")]
    Failed,
}

#[cfg(feature = "uniffi")]
impl From<uniffi::UnexpectedUniFFICallbackError> for DeviceKeyError {
    fn from(_: uniffi::UnexpectedUniFFICallbackError) -> Self {
        // The foreign exception's message is dropped: it could name anything.
        DeviceKeyError::Failed
    }
}

/// A platform key store: wraps and unwraps small secrets with a key that never leaves the
/// device, and destroys that key on erase. Phones implement it with their hardware keystore
/// (Android Keystore, the Secure Enclave); [`FileKeyStore`] is the desktop fallback.
#[cfg_attr(feature = "uniffi", uniffi::export(with_foreign))]
pub trait DeviceKeyStore: Send + Sync {
    /// Wraps `plain` with the device key, creating the key if it does not exist yet.
    fn wrap(&self, plain: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError>;
    /// Unwraps what [`DeviceKeyStore::wrap`] returned.
    fn unwrap(&self, wrapped: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError>;
    /// Destroys the device key. Afterwards nothing it wrapped can be unwrapped.
    fn destroy_key(&self) -> Result<(), DeviceKeyError>;
}

const WRAP_PLACE: Place = Place { table: "device", column: "secret", row: 0 };

fn wrap_with(key: &[u8; 32], plain: &[u8]) -> Result<Vec<u8>, DeviceKeyError> {
    let cipher = Cipher::new(Algorithm::Aes256Gcm, key).map_err(|_| DeviceKeyError::Failed)?;
    envelope::seal(&cipher, 0, &WRAP_PLACE, plain).map_err(|_| DeviceKeyError::Failed)
}

fn unwrap_with(key: &[u8; 32], wrapped: &[u8]) -> Result<Vec<u8>, DeviceKeyError> {
    let cipher = Cipher::new(Algorithm::Aes256Gcm, key).map_err(|_| DeviceKeyError::Failed)?;
    let header = envelope::Header::parse(wrapped).map_err(|_| DeviceKeyError::Rejected)?;
    let plain = envelope::open(&cipher, &header, &WRAP_PLACE, wrapped)
        .map_err(|_| DeviceKeyError::Rejected)?;
    Ok(plain.to_vec())
}

/// A software key store holding its key in memory. For tests and simulations only.
pub struct MemoryKeyStore {
    key: Mutex<Option<SecretKey>>,
}

impl MemoryKeyStore {
    /// A store with a fresh random key.
    pub fn new() -> Self {
        let key = random::secret_key().ok();
        Self { key: Mutex::new(key) }
    }

    /// A store with a fixed key, to reproduce fixtures.
    pub fn with_key(key: [u8; 32]) -> Self {
        Self { key: Mutex::new(Some(SecretKey::new(key))) }
    }
}

impl Default for MemoryKeyStore {
    fn default() -> Self {
        Self::new()
    }
}

impl DeviceKeyStore for MemoryKeyStore {
    fn wrap(&self, plain: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError> {
        let guard = self.key.lock().map_err(|_| DeviceKeyError::Failed)?;
        wrap_with(guard.as_ref().ok_or(DeviceKeyError::KeyMissing)?, &plain)
    }
    fn unwrap(&self, wrapped: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError> {
        let guard = self.key.lock().map_err(|_| DeviceKeyError::Failed)?;
        unwrap_with(guard.as_ref().ok_or(DeviceKeyError::KeyMissing)?, &wrapped)
    }
    fn destroy_key(&self) -> Result<(), DeviceKeyError> {
        *self.key.lock().map_err(|_| DeviceKeyError::Failed)? = None;
        Ok(())
    }
}

/// A key store for desktops without a hardware keystore: the device key is a 32-byte file
/// readable only by its owner (mode 0600). Anyone who copies that file along with the vault
/// can attack the passcode offline, so it is weaker than a phone's keystore.
pub struct FileKeyStore {
    path: PathBuf,
    lock: Mutex<()>,
}

impl FileKeyStore {
    /// A store whose key lives at `path` (created on first wrap).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into(), lock: Mutex::new(()) }
    }

    /// Where the key file lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn read_key(&self) -> Result<SecretKey, DeviceKeyError> {
        // Only a regular file of the owner's: never follow a link to somewhere else, never
        // wait on a pipe, never trust a key others could have read.
        match fs::symlink_metadata(&self.path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(DeviceKeyError::KeyMissing);
            }
            Err(_) => return Err(DeviceKeyError::Unavailable),
            Ok(meta) if !meta.file_type().is_file() => return Err(DeviceKeyError::Unavailable),
            Ok(_) => {}
        }
        let mut file = File::open(&self.path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => DeviceKeyError::KeyMissing,
            _ => DeviceKeyError::Unavailable,
        })?;
        if !is_private_file(&file) {
            return Err(DeviceKeyError::Unavailable);
        }
        let mut buf = Zeroizing::new(Vec::with_capacity(33));
        Read::by_ref(&mut file)
            .take(33)
            .read_to_end(&mut buf)
            .map_err(|_| DeviceKeyError::Unavailable)?;
        let mut key = SecretKey::new([0u8; 32]);
        if buf.len() != 32 {
            return Err(DeviceKeyError::Rejected);
        }
        key.copy_from_slice(&buf);
        Ok(key)
    }

    fn create_key(&self) -> Result<SecretKey, DeviceKeyError> {
        let key = random::secret_key().map_err(|_| DeviceKeyError::Failed)?;
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&self.path).map_err(|_| DeviceKeyError::Unavailable)?;
        file.write_all(key.as_slice()).map_err(|_| DeviceKeyError::Unavailable)?;
        file.sync_all().map_err(|_| DeviceKeyError::Unavailable)?;
        Ok(key)
    }
}

/// Whether an open file is a regular file no one but its owner can read or write.
fn is_private_file(file: &File) -> bool {
    let Ok(meta) = file.metadata() else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            return false;
        }
    }
    meta.file_type().is_file()
}

impl DeviceKeyStore for FileKeyStore {
    fn wrap(&self, plain: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError> {
        let _guard = self.lock.lock().map_err(|_| DeviceKeyError::Failed)?;
        let key = match self.read_key() {
            Err(DeviceKeyError::KeyMissing) => self.create_key()?,
            other => other?,
        };
        wrap_with(&key, &plain)
    }

    fn unwrap(&self, wrapped: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError> {
        let _guard = self.lock.lock().map_err(|_| DeviceKeyError::Failed)?;
        unwrap_with(&*self.read_key()?, &wrapped)
    }

    fn destroy_key(&self) -> Result<(), DeviceKeyError> {
        let _guard = self.lock.lock().map_err(|_| DeviceKeyError::Failed)?;
        match OpenOptions::new().write(true).open(&self.path) {
            Ok(mut file) => {
                // Overwrite before unlinking so the key does not linger in the file's blocks.
                file.write_all(&[0u8; 32]).map_err(|_| DeviceKeyError::Failed)?;
                file.sync_all().map_err(|_| DeviceKeyError::Failed)?;
                fs::remove_file(&self.path).map_err(|_| DeviceKeyError::Failed)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(_) => Err(DeviceKeyError::Failed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_key_file_that_is_a_link_a_pipe_or_readable_by_others_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = FileKeyStore::new(dir.path().join("device.key"));
        let wrapped = real.wrap(b"secret".to_vec()).unwrap();
        let link = dir.path().join("link.key");
        std::os::unix::fs::symlink(dir.path().join("device.key"), &link).unwrap();
        assert_eq!(
            FileKeyStore::new(&link).unwrap(wrapped.clone()),
            Err(DeviceKeyError::Unavailable)
        );
        let fifo = dir.path().join("fifo.key");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        assert_eq!(
            FileKeyStore::new(&fifo).unwrap(wrapped.clone()),
            Err(DeviceKeyError::Unavailable)
        );
        fs::set_permissions(real.path(), fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(real.unwrap(wrapped.clone()), Err(DeviceKeyError::Unavailable));
        fs::set_permissions(real.path(), fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(real.unwrap(wrapped).unwrap(), b"secret");
    }

    fn check_store(store: &dyn DeviceKeyStore) {
        let wrapped = store.wrap(b"device secret".to_vec()).unwrap();
        assert_eq!(store.unwrap(wrapped.clone()).unwrap(), b"device secret");
        let mut tampered = wrapped.clone();
        *tampered.last_mut().unwrap() ^= 1;
        assert_eq!(store.unwrap(tampered), Err(DeviceKeyError::Rejected));
        store.destroy_key().unwrap();
        assert_eq!(store.unwrap(wrapped), Err(DeviceKeyError::KeyMissing));
    }

    #[test]
    fn memory_store_wraps_unwraps_and_forgets_on_destroy() {
        check_store(&MemoryKeyStore::new());
    }

    #[test]
    fn file_store_wraps_unwraps_and_forgets_on_destroy() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileKeyStore::new(dir.path().join("device.key"));
        check_store(&store);
        assert!(!store.path().exists());
    }

    #[cfg(unix)]
    #[test]
    fn file_store_key_is_readable_by_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let store = FileKeyStore::new(dir.path().join("device.key"));
        store.wrap(vec![1]).unwrap();
        let mode = fs::metadata(store.path()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn another_devices_key_does_not_unwrap() {
        let a = MemoryKeyStore::new();
        let b = MemoryKeyStore::new();
        let wrapped = a.wrap(vec![1, 2, 3]).unwrap();
        assert_eq!(b.unwrap(wrapped), Err(DeviceKeyError::Rejected));
    }
}
