//! The core's error type.
//!
//! Every message here is fixed text plus numbers: no error ever carries what a person wrote,
//! a passcode, a key or a path to their data.

use crate::device::DeviceKeyError;

/// Shorthand for results in the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The vault is locked; unlock it first.
    #[error("the vault is locked")]
    Locked,
    /// The vault was erased or closed; this handle can no longer be used.
    #[error("the vault is closed")]
    Closed,
    /// The passcode did not open the vault.
    #[error("wrong passcode ({attempts_left} attempts left before a delay)")]
    WrongPasscode {
        /// Attempts left before each further attempt has to wait.
        attempts_left: u32,
    },
    /// The recovery code did not open the vault.
    #[error("wrong recovery code ({attempts_left} attempts left before a delay)")]
    WrongRecoveryCode {
        /// Attempts left before each further attempt has to wait.
        attempts_left: u32,
    },
    /// Too many wrong attempts: the next one is allowed from `retry_at_ms`.
    #[error("too many attempts; the next is allowed at {retry_at_ms} ms since the epoch")]
    TooManyAttempts {
        /// When the next attempt is allowed, in milliseconds since the Unix epoch.
        retry_at_ms: i64,
        /// The last attempt was interrupted (the app stopped during it) and counted.
        after_interruption: bool,
    },
    /// No record has that id.
    #[error("not found")]
    NotFound,
    /// Input was rejected before anything was written.
    #[error("the {field} {problem}")]
    InvalidInput {
        /// Which input was rejected.
        field: InputField,
        /// What is wrong with it.
        problem: InputProblem,
    },
    /// No vault exists at that place.
    #[error("no vault exists there")]
    NoVault,
    /// A vault already exists at that place.
    #[error("a vault already exists there")]
    AlreadyExists,
    /// The vault was written by a newer version of Mend and is left untouched.
    #[error("the vault needs a newer app (vault schema {found}, this app reads up to {supported})")]
    NewerVault {
        /// The schema version found in the file.
        found: u32,
        /// The newest schema version this build understands.
        supported: u32,
    },
    /// Data failed its integrity check or could not be parsed.
    #[error("damaged data: {0}")]
    Damaged(&'static str),
    /// The vault file is older than the last change this device saw (a restored copy): it
    /// can be read, and takes no changes until the person chooses to keep it.
    #[error("this is an older copy of the vault; it is read-only until kept")]
    OlderCopy,
    /// The platform key store failed.
    #[error("device key store: {0}")]
    DeviceKey(#[from] DeviceKeyError),
    /// The disk is full; nothing was written.
    #[error("storage is full")]
    StorageFull,
    /// Another storage failure.
    #[error("storage: {0}")]
    Storage(String),
    /// The backup passphrase does not open this backup (or its header was changed).
    #[error("wrong backup passphrase")]
    WrongBackupPassphrase,
    /// The file is not a Mend backup.
    #[error("not a backup")]
    NotABackup,
    /// The backup was written by a newer version of Mend; nothing was restored.
    #[error(
        "the backup needs a newer app (backup format {found}, this app reads up to {supported})"
    )]
    NewerBackup {
        /// The format version found in the file.
        found: u32,
        /// The newest format this build reads.
        supported: u32,
    },
    /// A cryptographic primitive failed unexpectedly (e.g. no randomness).
    #[error("cryptography failure")]
    Crypto,
}

/// Which input was rejected: a screen names it in its own words.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputField {
    /// A passcode.
    Passcode,
    /// A recovery code.
    RecoveryCode,
    /// A note's title.
    Title,
    /// A note's body.
    Body,
    /// A note, or a check-in's note.
    Note,
    /// A program step number.
    Step,
    /// One tag.
    Tag,
    /// The list of tags.
    Tags,
    /// A page size.
    PageLimit,
    /// Search words.
    Query,
    /// A record id.
    Id,
    /// A calendar date.
    Date,
    /// An instant.
    Time,
    /// A time zone's offset.
    TimeZone,
    /// A written response to a prompt.
    Response,
    /// A prompt id.
    Prompt,
    /// A remorse-letter draft given to the phrasing check.
    Letter,
    /// Key-derivation parameters.
    KdfParameters,
    /// How many items to return.
    Limit,
    /// A reminder's weekdays.
    Weekdays,
    /// A reminder's hour.
    Hour,
    /// A reminder's minute.
    Minute,
    /// A check-in's safety score.
    Safety,
    /// A check-in's trust score.
    Trust,
    /// A check-in's connection score.
    Connection,
    /// A trigger's intensity.
    Intensity,
    /// What set a trigger off.
    What,
    /// What helped with a trigger.
    Helped,
    /// A question's text.
    Question,
    /// A question's answer.
    Answer,
    /// How the affair partner made contact.
    Channel,
    /// What happened at a contact.
    WhatHappened,
    /// How a contact was handled.
    HowHandled,
    /// A worksheet's sections, as a whole.
    Sections,
    /// One section of a worksheet.
    Section,
    /// A boundary or a need.
    Boundary,
    /// An item of the cut-ties checklist.
    Item,
    /// A time-together plan.
    Plan,
    /// A tool entry, as a whole (e.g. edited into another tool's entry).
    Entry,
    /// The auto-lock delay.
    AutoLock,
    /// A backup's passphrase.
    BackupPassphrase,
    /// A file or folder to write to or read from.
    File,
}

impl InputField {
    /// The field's name in plain words, for the terminal client and logs.
    pub fn name(self) -> &'static str {
        match self {
            InputField::Passcode => "passcode",
            InputField::RecoveryCode => "recovery code",
            InputField::Title => "title",
            InputField::Body => "body",
            InputField::Note => "note",
            InputField::Step => "step",
            InputField::Tag => "tag",
            InputField::Tags => "tags",
            InputField::PageLimit => "page limit",
            InputField::Query => "search",
            InputField::Id => "id",
            InputField::Date => "date",
            InputField::Time => "time",
            InputField::TimeZone => "time zone",
            InputField::Response => "response",
            InputField::Prompt => "prompt",
            InputField::Letter => "letter",
            InputField::KdfParameters => "key-derivation parameters",
            InputField::Limit => "limit",
            InputField::Weekdays => "weekdays",
            InputField::Hour => "hour",
            InputField::Minute => "minute",
            InputField::Safety => "safety score",
            InputField::Trust => "trust score",
            InputField::Connection => "connection score",
            InputField::Intensity => "intensity",
            InputField::What => "what happened",
            InputField::Helped => "what helped",
            InputField::Question => "question",
            InputField::Answer => "answer",
            InputField::Channel => "channel",
            InputField::WhatHappened => "account of what happened",
            InputField::HowHandled => "how it was handled",
            InputField::Sections => "worksheet",
            InputField::Section => "section",
            InputField::Boundary => "boundary",
            InputField::Item => "item",
            InputField::Plan => "plan",
            InputField::Entry => "entry",
            InputField::AutoLock => "auto-lock delay",
            InputField::BackupPassphrase => "backup passphrase",
            InputField::File => "file",
        }
    }
}

impl std::fmt::Display for InputField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What a length limit counts.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LengthUnit {
    /// Characters (Unicode scalar values).
    Characters,
    /// Bytes of UTF-8.
    Bytes,
}

impl LengthUnit {
    fn name(self, count: u32) -> &'static str {
        match (self, count) {
            (LengthUnit::Characters, 1) => "character",
            (LengthUnit::Characters, _) => "characters",
            (LengthUnit::Bytes, 1) => "byte",
            (LengthUnit::Bytes, _) => "bytes",
        }
    }
}

/// Why an input was rejected, with the limit it broke. Fixed reasons, so that no input is
/// ever echoed back; a screen translates them.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InputProblem {
    /// Required but empty.
    #[error("must not be empty")]
    Empty,
    /// Shorter than allowed.
    #[error("must be at least {min} {}", unit.name(*min))]
    TooShort {
        /// The least allowed.
        min: u32,
        /// What is counted.
        unit: LengthUnit,
    },
    /// Longer than allowed.
    #[error("must be at most {max} {}", unit.name(*max))]
    TooLong {
        /// The most allowed.
        max: u32,
        /// What is counted.
        unit: LengthUnit,
    },
    /// More items than allowed.
    #[error("can have at most {max}")]
    TooMany {
        /// The most allowed.
        max: u32,
    },
    /// Outside the allowed range.
    #[error("must be from {min} to {max}")]
    OutOfRange {
        /// The least allowed.
        min: i64,
        /// The most allowed.
        max: i64,
    },
    /// Contains control characters.
    #[error("must not contain control characters")]
    ControlCharacters,
    /// Not in the expected format.
    #[error("is not in the expected format")]
    BadFormat,
}

impl Error {
    /// Builds an [`Error::InvalidInput`].
    pub fn invalid(field: InputField, problem: InputProblem) -> Self {
        Error::InvalidInput { field, problem }
    }

    /// An input outside `min..=max`.
    pub fn out_of_range(field: InputField, min: i64, max: i64) -> Self {
        Error::invalid(field, InputProblem::OutOfRange { min, max })
    }

    /// An input longer than `max` characters.
    pub fn too_long(field: InputField, max: usize) -> Self {
        let max = u32::try_from(max).unwrap_or(u32::MAX);
        Error::invalid(field, InputProblem::TooLong { max, unit: LengthUnit::Characters })
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match err.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Error::StorageFull,
            Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => {
                Error::Damaged("the database file is damaged")
            }
            Some(code) => Error::Storage(format!("sqlite {code:?}")),
            None => match err {
                rusqlite::Error::QueryReturnedNoRows => Error::Damaged("a required row is missing"),
                rusqlite::Error::FromSqlConversionFailure(..)
                | rusqlite::Error::InvalidColumnType(..)
                | rusqlite::Error::IntegralValueOutOfRange(..) => {
                    Error::Damaged("a stored value has the wrong type")
                }
                _ => Error::Storage("sqlite".to_owned()),
            },
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::StorageFull {
            Error::StorageFull
        } else {
            Error::Storage(format!("file system {:?}", err.kind()))
        }
    }
}
