//! Change events: the apps register one listener per open vault and hear when the vault
//! locks, unlocks or is erased, and when data of some kind changed, so that no screen shows
//! a stale list after an edit made elsewhere. Events carry no content, only what changed.

use crate::record::ToolKind;

/// Whether a vault can be read.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LockState {
    /// Locked: the keys are gone; only the lock screen's facts can be read.
    Locked,
    /// Unlocked.
    Unlocked,
    /// Erased or closed: this handle can no longer be used.
    Erased,
}

/// What kind of data changed.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DataChange {
    /// Journal notes.
    Notes,
    /// Today's prompt or the practice history.
    Practice,
    /// The entries of one tool.
    Tool {
        /// Which tool.
        kind: ToolKind,
    },
    /// The vault's settings, passcode or recovery code.
    Settings,
}

/// Hears a vault's changes. Implemented by the apps (bridged to `StateFlow` in Kotlin and to
/// Observation in Swift). Called on the thread that made the change, after the change is
/// durable and no lock is held; implementations should return quickly.
#[cfg_attr(feature = "uniffi", uniffi::export(with_foreign))]
pub trait VaultListener: Send + Sync {
    /// The vault locked, unlocked or was erased.
    fn lock_state_changed(&self, state: LockState);
    /// Data of `change`'s kind was written or deleted.
    fn data_changed(&self, change: DataChange);
}
