//! The vault as the UIs see it: create, open, unlock, lock, passcodes, recovery, erase.

use std::sync::Arc;

use zeroize::Zeroizing;

use crate::error::MendError;
use crate::key_store::{DeviceKeyStore, ForeignKeyStore};

/// Whose vault this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum VaultRole {
    /// The partner who had the affair and is working to repair the harm.
    Repairing,
    /// The partner who was betrayed.
    Hurt,
}

/// Argon2id cost parameters for a new vault's key slots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct KdfOptions {
    /// Memory in KiB (default 65536, i.e. 64 MiB).
    pub memory_kib: u32,
    /// Passes over the memory (default 3).
    pub iterations: u32,
    /// Lanes (default 1).
    pub parallelism: u32,
}

/// The lock screen's facts, readable while locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct UnlockStatus {
    /// Failed attempts since the last success.
    pub failed_attempts: u32,
    /// Attempts left before each further attempt has to wait.
    pub attempts_left: u32,
    /// When the next attempt is allowed (ms since the epoch), if a delay applies now.
    pub retry_at_ms: Option<i64>,
}

/// A newly created vault, unlocked, and its recovery code.
#[derive(uniffi::Record)]
pub struct NewVault {
    /// The vault, unlocked.
    pub vault: Arc<MendVault>,
    /// The one-time recovery code. Show it once and never store it.
    pub recovery_code: String,
}

/// The KDF parameters new vaults get unless told otherwise.
#[uniffi::export]
pub fn default_kdf_options() -> KdfOptions {
    mend_core::KdfParams::DEFAULT.into()
}

/// Whether a vault exists at `path`.
#[uniffi::export]
pub fn vault_exists(path: String) -> bool {
    mend_core::Vault::exists(path.as_ref())
}

/// Creates a vault at `path` with `passcode` (UTF-8 bytes; wiped after use).
#[uniffi::export]
pub fn create_vault(
    path: String,
    passcode: Vec<u8>,
    role: VaultRole,
    kdf: KdfOptions,
    key_store: Arc<dyn DeviceKeyStore>,
) -> Result<NewVault, MendError> {
    let passcode = Zeroizing::new(passcode);
    let (vault, code) = mend_core::Vault::create(
        path.as_ref(),
        &passcode,
        role.into(),
        kdf.into(),
        Arc::new(ForeignKeyStore(key_store)),
        Arc::new(mend_core::SystemClock),
    )?;
    Ok(NewVault {
        vault: Arc::new(MendVault { core: vault }),
        recovery_code: code.display().to_string(),
    })
}

/// An encrypted vault. Safe to share between threads; every call is synchronous.
#[derive(uniffi::Object)]
pub struct MendVault {
    pub(crate) core: mend_core::Vault,
}

#[uniffi::export]
impl MendVault {
    /// Opens the vault at `path`, locked.
    #[uniffi::constructor]
    pub fn open(path: String, key_store: Arc<dyn DeviceKeyStore>) -> Result<Arc<Self>, MendError> {
        let core = mend_core::Vault::open(
            path.as_ref(),
            Arc::new(ForeignKeyStore(key_store)),
            Arc::new(mend_core::SystemClock),
        )?;
        Ok(Arc::new(Self { core }))
    }

    /// Whether the vault is unlocked.
    pub fn is_unlocked(&self) -> bool {
        self.core.is_unlocked()
    }

    /// Failed attempts and any delay in force.
    pub fn unlock_status(&self) -> Result<UnlockStatus, MendError> {
        Ok(self.core.unlock_status()?.into())
    }

    /// Unlocks with the passcode (UTF-8 bytes; wiped after use).
    pub fn unlock(&self, passcode: Vec<u8>) -> Result<(), MendError> {
        Ok(self.core.unlock(&Zeroizing::new(passcode))?)
    }

    /// Locks: drops the keys and everything decrypted.
    pub fn lock(&self) {
        self.core.lock()
    }

    /// Replaces the passcode after checking the current one.
    pub fn change_passcode(&self, current: Vec<u8>, new: Vec<u8>) -> Result<(), MendError> {
        Ok(self.core.change_passcode(&Zeroizing::new(current), &Zeroizing::new(new))?)
    }

    /// Opens with the recovery code, sets a new passcode and returns the new recovery code
    /// (the old one stops working). Leaves the vault unlocked.
    pub fn recover(
        &self,
        recovery_code: String,
        new_passcode: Vec<u8>,
    ) -> Result<String, MendError> {
        let recovery_code = Zeroizing::new(recovery_code);
        let code = self.core.recover(&recovery_code, &Zeroizing::new(new_passcode))?;
        Ok(code.display().to_string())
    }

    /// Whose vault this is.
    pub fn role(&self) -> Result<VaultRole, MendError> {
        Ok(self.core.role()?.into())
    }

    /// When the vault was started, ms since the epoch.
    pub fn started_at_ms(&self) -> Result<i64, MendError> {
        Ok(self.core.started_ms()?)
    }

    /// Records that failed their integrity check at unlock and were left out.
    pub fn damaged_record_count(&self) -> Result<u32, MendError> {
        Ok(self.core.damaged_record_count()?)
    }

    /// Erases everything, irreversibly. Afterwards every call fails with `Closed`.
    pub fn erase(&self) -> Result<(), MendError> {
        Ok(self.core.erase()?)
    }
}
