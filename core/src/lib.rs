//! Mend's core: everything the phone apps and the terminal client share.
//!
//! The core owns every rule and every byte on disk. It knows nothing of UniFFI; the
//! `mend-ffi` crate wraps it for Kotlin, Swift and Python.
//!
//! - [`vault`]: creating, unlocking, locking and erasing an encrypted vault, its key slots
//!   and the attempt limits.
//! - [`journal`]: private notes, held sealed on disk and indexed in memory after unlock.
//! - [`crypto`]: envelopes, padding, key derivation and randomness.
//! - [`store`]: the SQLite file, its settings, schema and sealed record rows.
//! - [`device`]: the platform key store that binds a vault to one device.

pub mod clock;
pub mod crypto;
pub mod device;
mod encoding;
pub mod error;
pub mod journal;
pub mod program;
pub mod record;
pub mod store;
pub mod tools;
pub mod vault;

pub use clock::{Clock, ManualClock, SystemClock};
pub use device::{DeviceKeyError, DeviceKeyStore, FileKeyStore, MemoryKeyStore};
pub use error::{Error, InputProblem, Result};
pub use journal::{Note, NoteDraft, NoteFilter, NoteId, NoteSummary, Page};
pub use vault::{KdfParams, RecoveryCode, Role, UnlockStatus, Vault};
