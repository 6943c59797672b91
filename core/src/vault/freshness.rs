//! The freshness records kept with the vault's platform key, where restoring the app's
//! files cannot roll them back: a mirror of the attempt state, and the vault's write
//! generation. The features keep their own small records here too, for what must be read
//! while the vault is locked (the reminder schedule: [`crate::tools::schedule`]).
//!
//! Both are sealed with a key from the device secret and written after each commit (best
//! effort: a key store that refuses leaves the database as the only record, as before). On
//! reading, the larger count wins: an older file restored after failed attempts still has to
//! wait, and an older file restored after later writes (a deleted note, a changed passcode)
//! opens as an older copy, read-only, instead of as the current vault. On phones the key store
//! keeps them in the Keychain or in the app's no-backup storage beside the Keystore key; on
//! desktops they are files beside the key file, which whoever can write that directory can
//! roll back too (docs/SECURITY.md).

use std::sync::Arc;

use zeroize::Zeroizing;

use super::attempts::Attempts;
use crate::crypto::envelope::{self, Header};
use crate::crypto::keyring::hkdf_sha256;
use crate::crypto::{Algorithm, Cipher, Place};
use crate::device::DeviceKeyStore;
use crate::error::Result;

const ATTEMPTS: &str = "attempts";
const GENERATION: &str = "generation";
const ATTEMPTS_PLACE: Place = Place { table: "keystore", column: ATTEMPTS, row: 0 };
const GENERATION_PLACE: Place = Place { table: "keystore", column: GENERATION, row: 0 };

/// The freshness records of one vault, under its current platform key.
pub struct Freshness {
    store: Arc<dyn DeviceKeyStore>,
    alias: String,
    cipher: Cipher,
}

impl Freshness {
    /// The records of the vault `vault_id` whose platform key is `alias`.
    pub fn new(
        store: Arc<dyn DeviceKeyStore>,
        alias: &str,
        vault_id: &[u8; 16],
        device_secret: &[u8],
    ) -> Result<Self> {
        let key = hkdf_sha256(vault_id, device_secret, &[b"mend.freshness.aes256gcm"])?;
        let cipher = Cipher::new(Algorithm::Aes256Gcm, &key)?;
        Ok(Self { store, alias: alias.to_owned(), cipher })
    }

    fn load(&self, name: &str, place: &Place) -> Option<Zeroizing<Vec<u8>>> {
        let sealed = self.store.load_record(self.alias.clone(), name.to_owned()).ok()??;
        let header = Header::parse(&sealed).ok()?;
        envelope::open(&self.cipher, &header, place, &sealed).ok()
    }

    fn store(&self, name: &str, place: &Place, plain: &[u8]) {
        if let Ok(sealed) = envelope::seal(&self.cipher, 0, place, plain) {
            // Best effort: the database holds the same state; this copy only guards it.
            let _ = self.store.store_record(self.alias.clone(), name.to_owned(), sealed);
        }
    }

    /// The mirrored attempt state, if there is a readable one.
    pub fn attempts(&self) -> Option<Attempts> {
        Attempts::decode(&self.load(ATTEMPTS, &ATTEMPTS_PLACE)?).ok()
    }

    /// Mirrors the attempt state.
    pub fn store_attempts(&self, attempts: &Attempts) {
        self.store(ATTEMPTS, &ATTEMPTS_PLACE, &attempts.encode());
    }

    /// The last write generation this device saw, if there is a readable one.
    pub fn generation(&self) -> Option<u64> {
        let plain = self.load(GENERATION, &GENERATION_PLACE)?;
        Some(u64::from_le_bytes(plain.as_slice().try_into().ok()?))
    }

    /// Records the write generation just committed.
    pub fn store_generation(&self, generation: u64) {
        self.store(GENERATION, &GENERATION_PLACE, &generation.to_le_bytes());
    }

    /// A feature's record `name`, if there is a readable one.
    pub fn feature_record(&self, name: &'static str) -> Option<Zeroizing<Vec<u8>>> {
        self.load(name, &Place { table: "keystore", column: name, row: 0 })
    }

    /// Writes a feature's record `name` (best effort, like the others).
    pub fn store_feature_record(&self, name: &'static str, plain: &[u8]) {
        self.store(name, &Place { table: "keystore", column: name, row: 0 }, plain);
    }
}
