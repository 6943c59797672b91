//! The errors the UIs see, and the one conversion from the core's errors.
//!
//! Variants are only those a UI acts on differently. Messages carry fixed text and numbers;
//! never anything a person wrote.

use mend_core::Error as CoreError;

/// What went wrong, in the terms a UI needs to respond.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum MendError {
    /// The vault is locked: show the lock screen.
    #[error("the vault is locked")]
    Locked,
    /// The vault handle was erased or closed: start over.
    #[error("the vault is closed")]
    Closed,
    /// Wrong passcode; `attempts_left` tries remain before delays start.
    #[error("wrong passcode; {attempts_left} attempts left")]
    WrongPasscode {
        /// Attempts left before each further attempt has to wait.
        attempts_left: u32,
    },
    /// Wrong recovery code; `attempts_left` tries remain before delays start.
    #[error("wrong recovery code; {attempts_left} attempts left")]
    WrongRecoveryCode {
        /// Attempts left before each further attempt has to wait.
        attempts_left: u32,
    },
    /// Too many wrong attempts: the next is allowed at `retry_at_ms`.
    #[error("too many attempts; retry at {retry_at_ms}")]
    TooManyAttempts {
        /// When the next attempt is allowed, ms since the Unix epoch.
        retry_at_ms: i64,
    },
    /// Nothing has that id.
    #[error("not found")]
    NotFound,
    /// An input was rejected; nothing was written.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// Which input, e.g. `title`.
        field: String,
        /// Why, e.g. `too long`.
        reason: String,
    },
    /// There is no vault at that place yet: offer onboarding.
    #[error("no vault exists there")]
    NoVault,
    /// A vault already exists at that place.
    #[error("a vault already exists there")]
    AlreadyExists,
    /// The vault was written by a newer app: ask the person to update. It was not changed.
    #[error("the vault needs a newer app (schema {found}, supported {supported})")]
    NewerVault {
        /// The vault's schema version.
        found: u32,
        /// The newest schema this app reads.
        supported: u32,
    },
    /// Stored data failed its integrity check.
    #[error("damaged data: {detail}")]
    Damaged {
        /// Which check failed (fixed text).
        detail: String,
    },
    /// The platform key store failed or refused.
    #[error("device key store: {reason}")]
    DeviceKey {
        /// How it failed.
        reason: DeviceKeyError,
    },
    /// The device is out of storage; nothing was written.
    #[error("storage is full")]
    StorageFull,
    /// Any other storage or internal failure.
    #[error("storage failure: {detail}")]
    Storage {
        /// What failed (fixed text).
        detail: String,
    },
}

/// How a platform key store failed. Implementations in Kotlin and Swift throw these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum DeviceKeyError {
    /// The device key does not exist (erased, or another device's vault).
    #[error("the device key is missing")]
    KeyMissing,
    /// The key store is not available now (e.g. the device is locked).
    #[error("the device key store is unavailable")]
    Unavailable,
    /// The wrapped secret does not belong to this device's key.
    #[error("the wrapped secret was rejected")]
    Rejected,
    /// Any other failure, including an unexpected exception in the implementation.
    #[error("the device key store failed")]
    Failed,
}

impl From<uniffi::UnexpectedUniFFICallbackError> for DeviceKeyError {
    fn from(_: uniffi::UnexpectedUniFFICallbackError) -> Self {
        // The foreign exception's message is dropped: it could name anything.
        DeviceKeyError::Failed
    }
}

impl From<mend_core::DeviceKeyError> for DeviceKeyError {
    fn from(e: mend_core::DeviceKeyError) -> Self {
        match e {
            mend_core::DeviceKeyError::KeyMissing => DeviceKeyError::KeyMissing,
            mend_core::DeviceKeyError::Unavailable => DeviceKeyError::Unavailable,
            mend_core::DeviceKeyError::Rejected => DeviceKeyError::Rejected,
            mend_core::DeviceKeyError::Failed => DeviceKeyError::Failed,
        }
    }
}

impl From<DeviceKeyError> for mend_core::DeviceKeyError {
    fn from(e: DeviceKeyError) -> Self {
        match e {
            DeviceKeyError::KeyMissing => mend_core::DeviceKeyError::KeyMissing,
            DeviceKeyError::Unavailable => mend_core::DeviceKeyError::Unavailable,
            DeviceKeyError::Rejected => mend_core::DeviceKeyError::Rejected,
            DeviceKeyError::Failed => mend_core::DeviceKeyError::Failed,
        }
    }
}

impl From<CoreError> for MendError {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::Locked => MendError::Locked,
            CoreError::Closed => MendError::Closed,
            CoreError::WrongPasscode { attempts_left } => {
                MendError::WrongPasscode { attempts_left }
            }
            CoreError::WrongRecoveryCode { attempts_left } => {
                MendError::WrongRecoveryCode { attempts_left }
            }
            CoreError::TooManyAttempts { retry_at_ms } => {
                MendError::TooManyAttempts { retry_at_ms }
            }
            CoreError::NotFound => MendError::NotFound,
            CoreError::InvalidInput { field, problem } => {
                MendError::InvalidInput { field: field.to_owned(), reason: problem.to_string() }
            }
            CoreError::NoVault => MendError::NoVault,
            CoreError::AlreadyExists => MendError::AlreadyExists,
            CoreError::NewerVault { found, supported } => {
                MendError::NewerVault { found, supported }
            }
            CoreError::Damaged(detail) => MendError::Damaged { detail: detail.to_owned() },
            CoreError::DeviceKey(reason) => MendError::DeviceKey { reason: reason.into() },
            CoreError::StorageFull => MendError::StorageFull,
            CoreError::Storage(detail) => MendError::Storage { detail },
            CoreError::Crypto => MendError::Storage { detail: "cryptography failure".to_owned() },
        }
    }
}
