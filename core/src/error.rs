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
    },
    /// No record has that id.
    #[error("not found")]
    NotFound,
    /// Input was rejected before anything was written.
    #[error("the {field} {problem}")]
    InvalidInput {
        /// Which input was rejected, e.g. `title`.
        field: &'static str,
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
    /// The platform key store failed.
    #[error("device key store: {0}")]
    DeviceKey(#[from] DeviceKeyError),
    /// The disk is full; nothing was written.
    #[error("storage is full")]
    StorageFull,
    /// Another storage failure.
    #[error("storage: {0}")]
    Storage(String),
    /// A cryptographic primitive failed unexpectedly (e.g. no randomness).
    #[error("cryptography failure")]
    Crypto,
}

/// Why an input was rejected. Fixed reasons so that no input is ever echoed back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InputProblem {
    /// Required but empty.
    #[error("must not be empty")]
    Empty,
    /// Longer than allowed.
    #[error("is too long")]
    TooLong,
    /// Shorter than allowed.
    #[error("is too short")]
    TooShort,
    /// More items than allowed.
    #[error("has too many items")]
    TooMany,
    /// Outside the allowed range.
    #[error("is out of range")]
    OutOfRange,
    /// Contains characters that are not allowed (e.g. control characters).
    #[error("contains characters that are not allowed")]
    BadCharacters,
    /// Not in the expected format.
    #[error("is not in the expected format")]
    BadFormat,
}

impl Error {
    /// Builds an [`Error::InvalidInput`].
    pub fn invalid(field: &'static str, problem: InputProblem) -> Self {
        Error::InvalidInput { field, problem }
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
