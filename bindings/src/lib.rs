//! Mend's core exposed through UniFFI to Kotlin, Swift and Python.
//!
//! This crate is the only place with `#[uniffi::export]`. Every exported method is a thin
//! call into `mend-core`; the types here are plain records for the UIs, and
//! [`MendError`] is the small error enum the UIs act on. Every call is synchronous: Kotlin
//! calls from `Dispatchers.IO`, Swift from a detached task.

uniffi::setup_scaffolding!("mend");

mod convert;
mod error;
mod journal;
mod key_store;
mod program;
mod tools;
mod vault;

pub use error::{DeviceKeyError, MendError};
pub use journal::{Note, NoteDraft, NoteFilter, NotePage, NoteSummary};
pub use key_store::{DeviceKeyStore, FileDeviceKeyStore};
pub use program::{
    CheckInWeek, DailyPrompt, FocusProgress, HelpInfo, Milestone, PhrasingFlag, PhrasingReason,
    PracticeOutcome, Progress, PromptInfo, PromptKind, StepInfo, ThemeInfo, TimeZoneRules,
    check_letter_phrasing, help_resources, program_step, program_steps, program_themes,
};
pub use tools::{
    Asker, InvitationAnswer, QuestionKind, QuestionStatus, ReminderFiring, ReminderPurpose,
    ToolEntry, ToolKind, ToolRecord, WorksheetInfo, WorksheetKind, worksheet_info,
};
pub use vault::{
    KdfOptions, MendVault, NewVault, UnlockStatus, VaultRole, create_vault, default_kdf_options,
    vault_exists,
};
