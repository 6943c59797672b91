//! Biometric unlock: an optional third key slot, opened by a random 256-bit secret that the
//! platform keeps behind a biometric check (a Keystore key that needs a fingerprint or face
//! for each use on Android, the Secure Enclave with biometry on Apple). The core never keeps
//! that secret: it hands it over once, when the person switches biometric unlock on, and is
//! given it back by the platform after a successful check.
//!
//! The slot is like the others: bound to the vault's platform key per attempt, checked
//! before an attempt is counted, and each opening counts as an attempt. The passcode always
//! works. A rekey (passcode change, recovery, "someone may know my passcode") removes the
//! slot, and the platform removes its copy when the operating system invalidates its key
//! (new fingerprints enrolled); either way the person switches it on again.

use zeroize::Zeroizing;

use super::slots::{Slot, SlotKind};
use super::{Presented, Vault, session::FeatureState};
use crate::crypto::random;
use crate::error::{Error, Result};
use crate::events::DataChange;

impl<F: FeatureState> Vault<F> {
    /// Switches biometric unlock on: a new random secret opens a new slot. Returns the secret
    /// for the platform to keep behind a biometric check; the core keeps no copy. Needs the
    /// vault unlocked; replaces an earlier biometric slot.
    pub fn enable_biometric_unlock(&self) -> Result<Zeroizing<Vec<u8>>> {
        let secret = Zeroizing::new(random::bytes::<32>()?.to_vec());
        let slot = self.new_slot(SlotKind::Biometric, &secret)?;
        self.with_session(|s, conn| s.write(conn, |tx, _| slot.save(tx)))?;
        self.changed(DataChange::Settings);
        Ok(secret)
    }

    /// Unlocks with the secret the platform gave back after a biometric check. A wrong
    /// secret counts as a failed attempt ([`Error::WrongPasscode`]), as a passcode would;
    /// with biometric unlock off there is nothing to open ([`Error::NotFound`]).
    pub fn unlock_with_biometric(&self, secret: &[u8]) -> Result<()> {
        if !self.biometric_unlock_enabled()? {
            return Err(Error::NotFound);
        }
        let opened = self.attempt(Presented::Biometric(secret))?;
        self.install(opened)
    }

    /// Whether biometric unlock is on; answers while locked, so the lock screen can offer it.
    pub fn biometric_unlock_enabled(&self) -> Result<bool> {
        self.with_conn(|conn| Slot::exists(conn, SlotKind::Biometric))
    }

    /// Switches biometric unlock off: removes its slot. Works while locked too, for when the
    /// platform's key was invalidated; it only takes a way in away.
    pub fn disable_biometric_unlock(&self) -> Result<()> {
        self.with_conn(|conn| Slot::remove(conn, SlotKind::Biometric))?;
        self.changed(DataChange::Settings);
        Ok(())
    }
}
