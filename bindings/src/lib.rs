//! Mend's core exposed through UniFFI to Kotlin, Swift and Python.
//!
//! The records, enums and foreign traits the apps see are defined once, in `mend-core`, and
//! derive UniFFI there. This crate holds only what the FFI itself needs: the exported
//! objects ([`MendVault`]) and functions, each a one-line call into the core, and
//! [`MendError`], the small error enum the apps act on, with its one conversion. Every call
//! is synchronous: Kotlin calls through one serial executor, Swift through a serial queue.

uniffi::setup_scaffolding!("mend");

mod backup;
mod error;
mod journal;
mod program;
mod tools;

pub use tools::tools_for_role;
mod vault;

pub use backup::{restore_backup, summary_file_name};
pub use error::MendError;
pub use program::{
    check_letter_phrasing, danger_signals, help_region, help_resources, install_content, limits,
    program_modules, program_step, program_steps, program_themes, screen_word, screen_words,
    set_language, set_place, worksheet_info,
};
pub use vault::{
    MendVault, NewVault, create_vault, default_kdf_params, file_device_key_store,
    passcode_strength, vault_exists,
};

/// The core's types, re-exported for Rust callers (the terminal client and the benches).
pub use mend_core::{
    CalendarDate, DataChange, DeviceKeyError, DeviceKeyStore, InputField, InputProblem, KdfParams,
    LengthUnit, Limits, LockState, Note, NoteDraft, NotePage, NoteQuery, NoteSaved, NoteSummary,
    RecordId, Role, TimeZoneRules, Timestamp, UnlockStatus, VaultCheck, VaultListener, Weekday,
    backup::{BackupSummary, NoProgress, ProgressListener},
    calendar::FixedOffset,
    export::ExportFormat,
    language::{DangerKind, PhrasingFlag, PhrasingReason},
    program::content::{HelpResource, ResourceKind},
    program::{
        CheckInWeek, DailyPrompt, Focus, FocusProgress, Help, Milestone, PracticeDay,
        PracticeOutcome, PracticedPrompt, ProgramPage, ProgramProgress, Prompt, PromptKind,
        PromptSaved, Step, Theme, WorksheetText,
    },
    safety::{CheckInConcern, HelpOffer},
    summary::{Summary, SummaryFormat, SummaryItem, SummaryRequest, SummarySection},
    tools::{
        Asker, Boundary, CheckIn, Contact, CutTie, EntrySaved, InvitationAnswer, LetterCheck,
        Question, QuestionKind, QuestionStatus, Reminder, ReminderFiring, ReminderPurpose,
        TimeTogether, ToolEntry, ToolKind, ToolRecord, Trigger, Worksheet, WorksheetKind,
    },
};
