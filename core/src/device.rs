//! The platform key store that binds a vault to one device.
//!
//! Each vault has its own platform key, named by an alias that names the vault (and changes
//! whenever the vault is rekeyed). The key does three things for the core: it wraps the
//! vault's 32-byte device secret, it computes one keyed function per passcode guess (so no
//! guess can be checked away from the device's hardware), and the store beside it keeps
//! small records a file restore cannot roll back (the attempt state and the vault's write
//! generation). Phones implement it with Android Keystore / StrongBox and the iOS Secure
//! Enclave / Keychain through the FFI; desktops use key files ([`FileKeyStore`]), which are
//! weaker and said so by the terminal client.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use ring::hmac;
use zeroize::Zeroizing;

use crate::crypto::keyring::hkdf_sha256;
use crate::crypto::{Algorithm, Cipher, Place, SecretKey, envelope, random};

/// The alias of the one platform key vaults used before each vault had its own (schema 2
/// and older). Such a vault moves to a key of its own at its first rekey.
pub const LEGACY_ALIAS: &str = "app.mend.device-key";

/// The longest alias a key store is asked to handle.
pub const MAX_ALIAS_LEN: usize = 96;

/// Whether `alias` is one the core makes: short, and only lower-case letters, digits, dots
/// and dashes, so it is safe as a file name, a Keystore alias and a Keychain tag.
pub fn is_valid_alias(alias: &str) -> bool {
    !alias.is_empty()
        && alias.len() <= MAX_ALIAS_LEN
        && !alias.starts_with('.')
        && alias
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
}

/// How a platform key store failed. Fixed reasons, no platform text; the Kotlin and Swift
/// key stores throw these.
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DeviceKeyError {
    /// The device key does not exist (erased, replaced by a rekey, or the vault came from
    /// another device).
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

/// A platform key store: one non-exportable key per alias, and a few small records kept
/// with it. Phones implement it with their hardware keystore (Android Keystore, the Secure
/// Enclave); [`FileKeyStore`] is the desktop fallback and [`MemoryKeyStore`] the one for
/// tests.
///
/// Aliases are made by the core (see [`is_valid_alias`]). A new vault, and every rekey, asks
/// for a key under an alias no key has had before.
#[cfg_attr(feature = "uniffi", uniffi::export(with_foreign))]
pub trait DeviceKeyStore: Send + Sync {
    /// Wraps `plain` with the key `alias`, creating the key (with its keyed function) first
    /// if it does not exist.
    fn wrap(&self, alias: String, plain: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError>;
    /// Unwraps what [`DeviceKeyStore::wrap`] returned under the same alias.
    fn unwrap(&self, alias: String, wrapped: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError>;
    /// One operation of the hardware: a keyed function of `input` (HMAC-SHA256 by a
    /// non-exportable Keystore key; a Secure Enclave key agreement on Apple devices),
    /// returning at least 32 bytes, the same for the same input. The core calls it once per
    /// passcode or recovery-code guess. Fails with `KeyMissing` if `alias` has no key.
    fn derive(&self, alias: String, input: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError>;
    /// Destroys the key `alias` and every record kept with it. Afterwards nothing it wrapped
    /// can be unwrapped. Destroying a key that does not exist succeeds.
    fn destroy_key(&self, alias: String) -> Result<(), DeviceKeyError>;
    /// Reads the record `name` kept with the key `alias` (none if never stored). The
    /// records are sealed by the core; the store only keeps them where restoring the app's
    /// files cannot roll them back (the Keychain; the app's no-backup storage).
    fn load_record(&self, alias: String, name: String) -> Result<Option<Vec<u8>>, DeviceKeyError>;
    /// Stores the record `name` kept with the key `alias`, replacing it.
    fn store_record(
        &self,
        alias: String,
        name: String,
        value: Vec<u8>,
    ) -> Result<(), DeviceKeyError>;
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

/// The software stand-in for the hardware's keyed function: HMAC-SHA256 under a key derived
/// from the (software) device key.
fn derive_with(key: &[u8; 32], input: &[u8]) -> Result<Vec<u8>, DeviceKeyError> {
    let mac_key = hkdf_sha256(b"mend.device", key, &[b"mend.device.hmac-sha256"])
        .map_err(|_| DeviceKeyError::Failed)?;
    let tag = hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, mac_key.as_slice()), input);
    Ok(tag.as_ref().to_vec())
}

fn check_alias(alias: &str) -> Result<(), DeviceKeyError> {
    if is_valid_alias(alias) { Ok(()) } else { Err(DeviceKeyError::Failed) }
}

/// A software key store holding its keys and records in memory. For tests and simulations
/// only. It counts the keyed-function operations, as a test of "one hardware operation per
/// guess" needs.
pub struct MemoryKeyStore {
    seed: Option<[u8; 32]>,
    keys: Mutex<HashMap<String, SecretKey>>,
    destroyed: Mutex<std::collections::HashSet<String>>,
    records: Mutex<HashMap<(String, String), Vec<u8>>>,
    derivations: AtomicU64,
}

impl MemoryKeyStore {
    /// A store whose keys are fresh and random.
    pub fn new() -> Self {
        Self {
            seed: None,
            keys: Mutex::default(),
            destroyed: Mutex::default(),
            records: Mutex::default(),
            derivations: AtomicU64::new(0),
        }
    }

    /// A store whose keys follow from `seed`, to reproduce fixtures: the key of an alias is
    /// derived from the seed and the alias, and the legacy alias's key is the seed itself
    /// (as the single key of a store before aliases was).
    pub fn with_seed(seed: [u8; 32]) -> Self {
        Self { seed: Some(seed), ..Self::new() }
    }

    /// How many keyed-function operations ([`DeviceKeyStore::derive`]) it has done.
    pub fn derivations(&self) -> u64 {
        self.derivations.load(Ordering::SeqCst)
    }

    /// Forgets every record kept with the keys (the keys stay), as a key store that lost
    /// them would: for tests of what the core falls back to.
    pub fn forget_records(&self) {
        if let Ok(mut records) = self.records.lock() {
            records.clear();
        }
    }

    /// How many keys it holds.
    pub fn key_count(&self) -> usize {
        self.keys.lock().map(|keys| keys.len()).unwrap_or(0)
    }

    /// Whether it holds a key for `alias`.
    pub fn has_key(&self, alias: &str) -> bool {
        self.keys.lock().map(|keys| keys.contains_key(alias)).unwrap_or(false)
    }

    fn key(&self, alias: &str, create: bool) -> Result<SecretKey, DeviceKeyError> {
        check_alias(alias)?;
        let mut keys = self.keys.lock().map_err(|_| DeviceKeyError::Failed)?;
        if let Some(key) = keys.get(alias) {
            return Ok(key.clone());
        }
        let destroyed = self.destroyed.lock().map_err(|_| DeviceKeyError::Failed)?.contains(alias);
        if destroyed || (!create && self.seed.is_none()) {
            return Err(DeviceKeyError::KeyMissing);
        }
        let key = match self.seed {
            Some(seed) if alias == LEGACY_ALIAS => SecretKey::new(seed),
            Some(seed) => hkdf_sha256(alias.as_bytes(), &seed, &[b"mend.test-key-store"])
                .map_err(|_| DeviceKeyError::Failed)?,
            None => random::secret_key().map_err(|_| DeviceKeyError::Failed)?,
        };
        keys.insert(alias.to_owned(), key.clone());
        Ok(key)
    }
}

impl Default for MemoryKeyStore {
    fn default() -> Self {
        Self::new()
    }
}

impl DeviceKeyStore for MemoryKeyStore {
    fn wrap(&self, alias: String, plain: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError> {
        wrap_with(&*self.key(&alias, true)?, &plain)
    }
    fn unwrap(&self, alias: String, wrapped: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError> {
        unwrap_with(&*self.key(&alias, false)?, &wrapped)
    }
    fn derive(&self, alias: String, input: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError> {
        let key = self.key(&alias, false)?;
        self.derivations.fetch_add(1, Ordering::SeqCst);
        derive_with(&key, &input)
    }
    fn destroy_key(&self, alias: String) -> Result<(), DeviceKeyError> {
        // A seeded store could derive the key again: it remembers the alias as destroyed.
        self.destroyed.lock().map_err(|_| DeviceKeyError::Failed)?.insert(alias.clone());
        self.keys.lock().map_err(|_| DeviceKeyError::Failed)?.remove(&alias);
        self.records.lock().map_err(|_| DeviceKeyError::Failed)?.retain(|(a, _), _| *a != alias);
        Ok(())
    }
    fn load_record(&self, alias: String, name: String) -> Result<Option<Vec<u8>>, DeviceKeyError> {
        let records = self.records.lock().map_err(|_| DeviceKeyError::Failed)?;
        Ok(records.get(&(alias, name)).cloned())
    }
    fn store_record(
        &self,
        alias: String,
        name: String,
        value: Vec<u8>,
    ) -> Result<(), DeviceKeyError> {
        check_alias(&alias)?;
        self.records.lock().map_err(|_| DeviceKeyError::Failed)?.insert((alias, name), value);
        Ok(())
    }
}

/// A key store for desktops without a hardware keystore: one directory (beside the vault)
/// holding a 32-byte key file per alias and the records kept with each, all readable only by
/// their owner (mode 0600). Anyone who copies the key file along with the vault can attack
/// the passcode offline, and anyone who can write the directory can roll its records back
/// together with the vault, so it is weaker than a phone's keystore.
pub struct FileKeyStore {
    dir: PathBuf,
    lock: Mutex<()>,
}

impl FileKeyStore {
    /// A store keeping its files in `dir` (which must exist).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into(), lock: Mutex::new(()) }
    }

    /// The key file of `alias`: `<alias>.key`, or `device.key` for the legacy alias (the
    /// one file of a store before aliases).
    pub fn key_path(&self, alias: &str) -> Result<PathBuf, DeviceKeyError> {
        check_alias(alias)?;
        Ok(if alias == LEGACY_ALIAS {
            self.dir.join("device.key")
        } else {
            self.dir.join(format!("{alias}.key"))
        })
    }

    fn record_path(&self, alias: &str, name: &str) -> Result<PathBuf, DeviceKeyError> {
        check_alias(alias)?;
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(DeviceKeyError::Failed);
        }
        Ok(self.dir.join(format!("{alias}.{name}")))
    }

    fn read_key(&self, alias: &str) -> Result<SecretKey, DeviceKeyError> {
        let buf = read_private(&self.key_path(alias)?, 33)?.ok_or(DeviceKeyError::KeyMissing)?;
        let key: [u8; 32] = buf.as_slice().try_into().map_err(|_| DeviceKeyError::Rejected)?;
        Ok(SecretKey::new(key))
    }

    fn create_key(&self, alias: &str) -> Result<SecretKey, DeviceKeyError> {
        let key = random::secret_key().map_err(|_| DeviceKeyError::Failed)?;
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file =
            options.open(self.key_path(alias)?).map_err(|_| DeviceKeyError::Unavailable)?;
        file.write_all(key.as_slice()).map_err(|_| DeviceKeyError::Unavailable)?;
        file.sync_all().map_err(|_| DeviceKeyError::Unavailable)?;
        sync_dir(&self.dir);
        Ok(key)
    }

    fn key_or_create(&self, alias: &str) -> Result<SecretKey, DeviceKeyError> {
        match self.read_key(alias) {
            Err(DeviceKeyError::KeyMissing) => self.create_key(alias),
            other => other,
        }
    }
}

/// Reads at most `limit` bytes of a private file: only a regular file of the owner's, never
/// through a link, never waiting on a pipe, never one others could have read. `None` if it
/// does not exist.
fn read_private(path: &Path, limit: u64) -> Result<Option<Zeroizing<Vec<u8>>>, DeviceKeyError> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(_) => return Err(DeviceKeyError::Unavailable),
        Ok(meta) if !meta.file_type().is_file() => return Err(DeviceKeyError::Unavailable),
        Ok(_) => {}
    }
    let mut file = match File::open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(_) => return Err(DeviceKeyError::Unavailable),
        Ok(file) => file,
    };
    if !is_private_file(&file) {
        return Err(DeviceKeyError::Unavailable);
    }
    let mut buf = Zeroizing::new(Vec::with_capacity(64));
    Read::by_ref(&mut file)
        .take(limit)
        .read_to_end(&mut buf)
        .map_err(|_| DeviceKeyError::Unavailable)?;
    Ok(Some(buf))
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

/// Makes a rename or a new file in `dir` durable (best effort: not every platform can).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Overwrites and removes a file; a missing file is fine.
fn shred(path: &Path, len: usize) -> Result<(), DeviceKeyError> {
    match OpenOptions::new().write(true).open(path) {
        Ok(mut file) => {
            // Overwrite before unlinking so the key does not linger in the file's blocks.
            file.write_all(&vec![0u8; len]).map_err(|_| DeviceKeyError::Failed)?;
            file.sync_all().map_err(|_| DeviceKeyError::Failed)?;
            fs::remove_file(path).map_err(|_| DeviceKeyError::Failed)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(_) => Err(DeviceKeyError::Failed),
    }
}

/// The largest record the file store keeps.
const MAX_RECORD_BYTES: u64 = 4096;

/// The names of the records a store holds for `alias` in `dir`: every `<alias>.<name>` file
/// whose name is a record name (lower-case letters), whichever feature wrote it.
fn record_names(dir: &Path, alias: &str) -> Vec<String> {
    let prefix = format!("{alias}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|file| {
            let name = file.strip_prefix(&prefix)?;
            let is_record =
                name != "key" && !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase());
            is_record.then(|| name.to_owned())
        })
        .collect()
}

impl DeviceKeyStore for FileKeyStore {
    fn wrap(&self, alias: String, plain: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError> {
        let _guard = self.lock.lock().map_err(|_| DeviceKeyError::Failed)?;
        wrap_with(&*self.key_or_create(&alias)?, &plain)
    }

    fn unwrap(&self, alias: String, wrapped: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError> {
        let _guard = self.lock.lock().map_err(|_| DeviceKeyError::Failed)?;
        unwrap_with(&*self.read_key(&alias)?, &wrapped)
    }

    fn derive(&self, alias: String, input: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError> {
        let _guard = self.lock.lock().map_err(|_| DeviceKeyError::Failed)?;
        derive_with(&*self.read_key(&alias)?, &input)
    }

    fn destroy_key(&self, alias: String) -> Result<(), DeviceKeyError> {
        let _guard = self.lock.lock().map_err(|_| DeviceKeyError::Failed)?;
        shred(&self.key_path(&alias)?, 32)?;
        for name in record_names(&self.dir, &alias) {
            shred(&self.record_path(&alias, &name)?, 0)?;
        }
        sync_dir(&self.dir);
        Ok(())
    }

    fn load_record(&self, alias: String, name: String) -> Result<Option<Vec<u8>>, DeviceKeyError> {
        let _guard = self.lock.lock().map_err(|_| DeviceKeyError::Failed)?;
        let data = read_private(&self.record_path(&alias, &name)?, MAX_RECORD_BYTES)?;
        Ok(data.map(|d| d.to_vec()))
    }

    fn store_record(
        &self,
        alias: String,
        name: String,
        value: Vec<u8>,
    ) -> Result<(), DeviceKeyError> {
        if value.len() as u64 > MAX_RECORD_BYTES {
            return Err(DeviceKeyError::Failed);
        }
        let _guard = self.lock.lock().map_err(|_| DeviceKeyError::Failed)?;
        let path = self.record_path(&alias, &name)?;
        let temp = path.with_extension(format!("{name}-new"));
        let _ = fs::remove_file(&temp);
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let written = options.open(&temp).and_then(|mut file| {
            file.write_all(&value)?;
            file.sync_all()
        });
        let renamed = written.and_then(|()| fs::rename(&temp, &path));
        if renamed.is_err() {
            let _ = fs::remove_file(&temp);
            return Err(DeviceKeyError::Unavailable);
        }
        sync_dir(&self.dir);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "app.mend.vault.test.1";
    const B: &str = "app.mend.vault.test.2";

    #[cfg(unix)]
    #[test]
    fn a_key_file_that_is_a_link_a_pipe_or_readable_by_others_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let store = FileKeyStore::new(dir.path());
        let wrapped = store.wrap(A.into(), b"secret".to_vec()).unwrap();
        let real = store.key_path(A).unwrap();
        std::os::unix::fs::symlink(&real, store.key_path(B).unwrap()).unwrap();
        assert_eq!(store.unwrap(B.into(), wrapped.clone()), Err(DeviceKeyError::Unavailable));
        let fifo = store.key_path(LEGACY_ALIAS).unwrap();
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        assert_eq!(
            store.unwrap(LEGACY_ALIAS.into(), wrapped.clone()),
            Err(DeviceKeyError::Unavailable)
        );
        fs::set_permissions(&real, fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(store.unwrap(A.into(), wrapped.clone()), Err(DeviceKeyError::Unavailable));
        fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(store.unwrap(A.into(), wrapped).unwrap(), b"secret");
    }

    fn check_store(store: &dyn DeviceKeyStore) {
        let wrapped = store.wrap(A.into(), b"device secret".to_vec()).unwrap();
        assert_eq!(store.unwrap(A.into(), wrapped.clone()).unwrap(), b"device secret");
        let mut tampered = wrapped.clone();
        *tampered.last_mut().unwrap() ^= 1;
        assert_eq!(store.unwrap(A.into(), tampered), Err(DeviceKeyError::Rejected));
        // Each alias is its own key.
        store.wrap(B.into(), b"other".to_vec()).unwrap();
        assert_eq!(store.unwrap(B.into(), wrapped.clone()), Err(DeviceKeyError::Rejected));
        // The keyed function is deterministic, per key and per input.
        let d = store.derive(A.into(), b"guess".to_vec()).unwrap();
        assert!(d.len() >= 32);
        assert_eq!(store.derive(A.into(), b"guess".to_vec()).unwrap(), d);
        assert_ne!(store.derive(A.into(), b"guesS".to_vec()).unwrap(), d);
        assert_ne!(store.derive(B.into(), b"guess".to_vec()).unwrap(), d);
        // Records are kept per key and name, and replaced.
        assert_eq!(store.load_record(A.into(), "attempts".into()).unwrap(), None);
        store.store_record(A.into(), "attempts".into(), vec![1]).unwrap();
        store.store_record(A.into(), "attempts".into(), vec![2]).unwrap();
        store.store_record(B.into(), "attempts".into(), vec![3]).unwrap();
        assert_eq!(store.load_record(A.into(), "attempts".into()).unwrap(), Some(vec![2]));
        // Destroying one key forgets it and its records, and leaves the other alone.
        store.destroy_key(A.into()).unwrap();
        store.destroy_key(A.into()).unwrap();
        assert_eq!(store.unwrap(A.into(), wrapped), Err(DeviceKeyError::KeyMissing));
        assert_eq!(store.derive(A.into(), b"guess".to_vec()), Err(DeviceKeyError::KeyMissing));
        assert_eq!(store.load_record(A.into(), "attempts".into()).unwrap(), None);
        assert_eq!(store.load_record(B.into(), "attempts".into()).unwrap(), Some(vec![3]));
        store.derive(B.into(), b"guess".to_vec()).unwrap();
        // Aliases the core never makes are refused.
        assert_eq!(store.wrap("../escape".into(), vec![1]), Err(DeviceKeyError::Failed));
    }

    #[test]
    fn memory_store_keeps_keys_and_records_apart_and_forgets_on_destroy() {
        check_store(&MemoryKeyStore::new());
        check_store(&MemoryKeyStore::with_seed([7; 32]));
    }

    #[test]
    fn a_seeded_store_gives_the_same_keys_again() {
        let wrapped = MemoryKeyStore::with_seed([7; 32]).wrap(A.into(), vec![5]).unwrap();
        assert_eq!(MemoryKeyStore::with_seed([7; 32]).unwrap(A.into(), wrapped).unwrap(), [5]);
    }

    #[test]
    fn file_store_keeps_keys_and_records_apart_and_forgets_on_destroy() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileKeyStore::new(dir.path());
        check_store(&store);
        assert!(!store.key_path(A).unwrap().exists());
        assert!(store.key_path(B).unwrap().exists());
        // Every record kept with a key goes with it, whichever feature named it.
        for name in ["attempts", "generation", "reminders", "discreet"] {
            store.store_record(B.into(), name.into(), vec![1]).unwrap();
        }
        store.destroy_key(B.into()).unwrap();
        let left: Vec<_> =
            fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[cfg(unix)]
    #[test]
    fn file_store_files_are_readable_by_their_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let store = FileKeyStore::new(dir.path());
        store.wrap(A.into(), vec![1]).unwrap();
        store.store_record(A.into(), "generation".into(), vec![1]).unwrap();
        for entry in fs::read_dir(dir.path()).unwrap() {
            let mode = entry.unwrap().metadata().unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn another_devices_key_does_not_unwrap() {
        let a = MemoryKeyStore::new();
        let b = MemoryKeyStore::new();
        let wrapped = a.wrap(A.into(), vec![1, 2, 3]).unwrap();
        b.wrap(A.into(), vec![0]).unwrap();
        assert_eq!(b.unwrap(A.into(), wrapped), Err(DeviceKeyError::Rejected));
    }

    #[test]
    fn the_memory_store_counts_its_keyed_operations() {
        let store = MemoryKeyStore::new();
        store.wrap(A.into(), vec![0]).unwrap();
        for _ in 0..3 {
            store.derive(A.into(), vec![1]).unwrap();
        }
        assert_eq!(store.derivations(), 3);
    }
}
