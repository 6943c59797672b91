//! Mend's core: everything the phone apps and the terminal client share.
//!
//! The core owns every rule and every byte on disk. Its records, enums and errors are the
//! types the apps see: behind the `uniffi` feature they derive UniFFI's traits, so the
//! `mend-ffi` crate exports them without copies. Without the feature the core knows nothing
//! of UniFFI. Layers depend one way: crypto → store → vault → features (journal, program,
//! tools) → FFI.
//!
//! - [`vault`]: creating, unlocking, locking and erasing an encrypted vault, its key slots
//!   and the attempt limits.
//! - [`journal`]: private notes, held sealed on disk and indexed in memory after unlock.
//! - [`crypto`]: envelopes, padding, key derivation and randomness.
//! - [`store`]: the SQLite file, its settings, schema and sealed record rows.
//! - [`device`]: the platform key store that binds a vault to one device.
//! - [`program`]: the recovery program's content, today's prompt, practice and progress.
//! - [`tools`]: the step tools and the hurt partner's tools.
//! - [`language`]: what a person wrote, understood: danger in any text, and the letter
//!   check's phrasing.
//! - [`calendar`], [`clock`]: local days in the person's time zone, instants, injected time.
//! - [`backup`]: encrypted backups that carry a vault to another device, and restoring them.
//! - [`export`]: plain JSON and Markdown exports of everything a person wrote.
//! - [`summary`]: a summary of chosen sections and dates to bring to a therapist.
//! - [`safety`]: the help card offered when danger is noticed in what someone saved, or in
//!   their check-ins, and the region whose help lines come first.
//! - [`events`]: what the apps hear when the vault locks or data changes.
//! - [`limits`]: every limit a screen shows.

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("mend_core");

pub mod backup;
pub mod calendar;
pub mod clock;
pub mod crypto;
pub mod device;
mod encoding;
pub mod error;
pub mod events;
pub mod export;
pub mod features;
mod files;
#[doc(hidden)]
pub mod fuzzing;
pub mod journal;
pub mod language;
pub mod limits;
pub mod program;
pub mod record;
pub mod safety;
pub mod store;
pub mod summary;
pub mod text;
pub mod tools;
pub mod vault;

pub use calendar::{CalendarDate, TimeZoneRules, Weekday};
pub use clock::{Clock, Elapsed, ManualClock, SystemClock, Timestamp};
pub use device::{DeviceKeyError, DeviceKeyStore, FileKeyStore, MemoryKeyStore};
pub use error::{Error, InputField, InputProblem, LengthUnit, Result};
pub use events::{DataChange, LockState, VaultListener};
pub use journal::{Note, NoteDraft, NoteId, NotePage, NoteQuery, NoteSaved, NoteSummary};
pub use limits::{Limits, limits};
pub use record::RecordId;
pub use vault::{KdfParams, RecoveryCode, Role, UnlockStatus, VaultCheck};

/// An encrypted vault with every feature: the journal, the program and the tools.
pub type Vault = vault::Vault<features::Features>;
