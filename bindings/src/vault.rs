//! The vault as the apps see it: create, open, unlock, lock, passcodes, the recovery code,
//! the time zone, change events and erase.

use std::sync::Arc;

use mend_core::{
    DeviceKeyStore, KdfParams, LockState, Role, SystemClock, TimeZoneRules, Timestamp,
    UnlockStatus, Vault, VaultCheck, VaultListener,
};
use zeroize::Zeroizing;

use crate::error::MendError;

/// A newly created vault, unlocked, and its recovery code.
#[derive(uniffi::Record)]
pub struct NewVault {
    /// The vault, unlocked.
    pub vault: Arc<MendVault>,
    /// The one-time recovery code: show it once, never store it, then ask the person to
    /// confirm they kept it ([`MendVault::confirm_recovery_code`]).
    pub recovery_code: String,
}

/// The key-derivation parameters new vaults get unless told otherwise.
#[uniffi::export]
pub fn default_kdf_params() -> KdfParams {
    KdfParams::DEFAULT
}

/// How hard a new passcode would be to guess, for the feedback while it is typed (the
/// length rules are what refuse one).
#[uniffi::export]
pub fn passcode_strength(passcode: Vec<u8>) -> mend_core::vault::PasscodeStrength {
    mend_core::vault::passcode_strength(&zeroize::Zeroizing::new(passcode))
}

/// Whether a vault exists at `path`.
#[uniffi::export]
pub fn vault_exists(path: String) -> bool {
    Vault::exists(path.as_ref())
}

/// Device keys kept as files in the directory `dir` (which must exist), readable only by
/// their owner (mode 0600), for desktops. Weaker than a phone's keystore: whoever copies a
/// key file along with the vault can try passcodes offline, and whoever can write the
/// directory can roll back the records kept beside the keys.
#[uniffi::export]
pub fn file_device_key_store(dir: String) -> Arc<dyn DeviceKeyStore> {
    Arc::new(mend_core::FileKeyStore::new(dir))
}

/// Creates a vault at `path` with `passcode` (UTF-8 bytes; wiped after use).
#[uniffi::export]
pub fn create_vault(
    path: String,
    passcode: Vec<u8>,
    role: Role,
    kdf: KdfParams,
    key_store: Arc<dyn DeviceKeyStore>,
) -> Result<NewVault, MendError> {
    let passcode = Zeroizing::new(passcode);
    let (core, code) =
        Vault::create(path.as_ref(), &passcode, role, kdf, key_store, Arc::new(SystemClock))?;
    Ok(NewVault { vault: Arc::new(MendVault { core }), recovery_code: code.display().to_string() })
}

/// An encrypted vault. Safe to share between threads; every call is synchronous.
#[derive(uniffi::Object)]
pub struct MendVault {
    pub(crate) core: Vault,
}

impl MendVault {
    /// The core vault, for Rust callers.
    pub fn core(&self) -> &Vault {
        &self.core
    }
}

#[uniffi::export]
impl MendVault {
    /// Opens the vault at `path`, locked.
    #[uniffi::constructor]
    pub fn open(path: String, key_store: Arc<dyn DeviceKeyStore>) -> Result<Arc<Self>, MendError> {
        let core = Vault::open(path.as_ref(), key_store, Arc::new(SystemClock))?;
        Ok(Arc::new(Self { core }))
    }

    /// Sets the time zone whose days the vault counts in: once after opening, and again when
    /// the device's zone changes.
    pub fn set_time_zone(&self, zone: Arc<dyn TimeZoneRules>) {
        self.core.set_time_zone(zone)
    }

    /// Registers the listener that hears lock-state and data changes (`None` removes it).
    pub fn set_listener(&self, listener: Option<Arc<dyn VaultListener>>) {
        self.core.set_listener(listener)
    }

    /// Locked, unlocked or erased; answers at once, even while an unlock is under way.
    pub fn lock_state(&self) -> LockState {
        self.core.lock_state()
    }

    /// Whether the vault is unlocked; answers at once.
    pub fn is_unlocked(&self) -> bool {
        self.core.is_unlocked()
    }

    /// Failed attempts and any wait in force, for the lock screen.
    pub fn unlock_status(&self) -> Result<UnlockStatus, MendError> {
        Ok(self.core.unlock_status()?)
    }

    /// Unlocks with the passcode (UTF-8 bytes; wiped after use).
    pub fn unlock(&self, passcode: Vec<u8>) -> Result<(), MendError> {
        Ok(self.core.unlock(&Zeroizing::new(passcode))?)
    }

    /// Switches biometric unlock on and returns its secret (32 random bytes) for the
    /// platform to keep behind a biometric check; the core keeps no copy. Needs the vault
    /// unlocked. A passcode change or recovery switches it off again.
    pub fn enable_biometric_unlock(&self) -> Result<Vec<u8>, MendError> {
        Ok(self.core.enable_biometric_unlock()?.to_vec())
    }

    /// Unlocks with the secret the platform gave back after a biometric check (wiped after
    /// use). A wrong one counts as a failed attempt; with biometric unlock off, `NotFound`.
    pub fn unlock_with_biometric(&self, secret: Vec<u8>) -> Result<(), MendError> {
        Ok(self.core.unlock_with_biometric(&Zeroizing::new(secret))?)
    }

    /// Whether biometric unlock is on; answers while locked.
    pub fn biometric_unlock_enabled(&self) -> Result<bool, MendError> {
        Ok(self.core.biometric_unlock_enabled()?)
    }

    /// Switches biometric unlock off (also while locked, when the platform's key was
    /// invalidated).
    pub fn disable_biometric_unlock(&self) -> Result<(), MendError> {
        Ok(self.core.disable_biometric_unlock()?)
    }

    /// Locks: drops the keys and everything decrypted.
    pub fn lock(&self) {
        self.core.lock()
    }

    /// Replaces the passcode after checking the current one, and rekeys the vault: new
    /// keys, every record resealed, the old device key destroyed. Returns the new recovery
    /// code (the old one stops working), unconfirmed: show it once. This is also the
    /// "someone may know my passcode" action. Leaves the vault unlocked.
    pub fn change_passcode(&self, current: Vec<u8>, new: Vec<u8>) -> Result<String, MendError> {
        let code = self.core.change_passcode(&Zeroizing::new(current), &Zeroizing::new(new))?;
        Ok(code.display().to_string())
    }

    /// Opens with the recovery code, sets a new passcode and returns the new recovery code
    /// (the old one stops working), unconfirmed. Leaves the vault unlocked.
    pub fn recover(
        &self,
        recovery_code: String,
        new_passcode: Vec<u8>,
    ) -> Result<String, MendError> {
        let recovery_code = Zeroizing::new(recovery_code);
        let code = self.core.recover(&recovery_code, &Zeroizing::new(new_passcode))?;
        Ok(code.display().to_string())
    }

    /// Whether the person confirmed they kept the latest recovery code. False after an
    /// unlock means the code was never shown (the app stopped first): offer a new one.
    pub fn recovery_code_confirmed(&self) -> Result<bool, MendError> {
        Ok(self.core.recovery_code_confirmed()?)
    }

    /// Records that the person kept the latest recovery code.
    pub fn confirm_recovery_code(&self) -> Result<(), MendError> {
        Ok(self.core.confirm_recovery_code()?)
    }

    /// Makes a new recovery code (the old one stops working) and returns it, unconfirmed.
    pub fn new_recovery_code(&self) -> Result<String, MendError> {
        Ok(self.core.new_recovery_code()?.display().to_string())
    }

    /// How long the app may stay in the background before it locks, in seconds.
    pub fn auto_lock_seconds(&self) -> Result<i32, MendError> {
        Ok(i32::try_from(self.core.auto_lock_seconds()?).unwrap_or(i32::MAX))
    }

    /// Sets the auto-lock delay: one of `limits().auto_lock_choices_seconds`.
    pub fn set_auto_lock_seconds(&self, seconds: i32) -> Result<(), MendError> {
        let seconds = u32::try_from(seconds).unwrap_or(u32::MAX);
        Ok(self.core.set_auto_lock_seconds(seconds)?)
    }

    /// Whether the app shows itself under a plain name and icon on this device.
    pub fn discreet_mode(&self) -> Result<bool, MendError> {
        Ok(self.core.discreet_mode()?)
    }

    /// Turns discreet mode on or off; the app then changes its launcher name and icon (or,
    /// on desktops, its window title).
    pub fn set_discreet_mode(&self, on: bool) -> Result<(), MendError> {
        Ok(self.core.set_discreet_mode(on)?)
    }

    /// Locks if the app has been in the background since `backgrounded_at` for at least the
    /// auto-lock delay; returns whether it locked.
    pub fn lock_if_due(&self, backgrounded_at: Timestamp) -> Result<bool, MendError> {
        Ok(self.core.lock_if_due(backgrounded_at)?)
    }

    /// Whose vault this is.
    pub fn role(&self) -> Result<Role, MendError> {
        Ok(self.core.role()?)
    }

    /// When the vault was started.
    pub fn started_at(&self) -> Result<Timestamp, MendError> {
        Ok(self.core.started_at()?)
    }

    /// When the local day changes next: screens showing "today" refresh then.
    pub fn next_day_starts(&self) -> Result<Timestamp, MendError> {
        Ok(self.core.next_day_starts()?)
    }

    /// How many records failed their integrity check at unlock and were left out of every
    /// list; screens say so when it is not zero.
    pub fn damaged_record_count(&self) -> Result<i32, MendError> {
        Ok(i32::try_from(self.core.damaged_record_count()?).unwrap_or(i32::MAX))
    }

    /// What the unlock found about the records as a whole (damaged records, records that do
    /// not match the vault's sealed manifest, an older copy): screens show a banner when
    /// any is set.
    pub fn check(&self) -> Result<VaultCheck, MendError> {
        Ok(self.core.check()?)
    }

    /// Says again whose vault this is, after its settings were lost (`check().settings_lost`):
    /// new settings with `role`; the recovery code counts as unconfirmed, so offer a new one.
    pub fn choose_role_again(&self, role: Role) -> Result<(), MendError> {
        Ok(self.core.choose_role_again(role)?)
    }

    /// Keeps the records as they are: after restoring an older copy on purpose, or once the
    /// person has seen that records do not match. An older copy takes changes again.
    pub fn keep_records_as_they_are(&self) -> Result<(), MendError> {
        Ok(self.core.keep_records_as_they_are()?)
    }

    /// Erases everything, irreversibly. Afterwards every call fails with `Closed`.
    pub fn erase(&self) -> Result<(), MendError> {
        Ok(self.core.erase()?)
    }
}
