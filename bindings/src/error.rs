//! The errors the apps see, and the one conversion from the core's errors.
//!
//! Each variant is something a screen does differently; nothing else is told apart.
//! Messages carry fixed text and numbers, never anything a person wrote.

use mend_core::{DeviceKeyError, Error as CoreError, InputField, InputProblem, Timestamp};

/// What went wrong, in the terms a screen needs to respond.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum MendError {
    /// The vault is locked: show the lock screen.
    #[error("the vault is locked")]
    Locked,
    /// The vault was erased or closed: this handle is done; start over.
    #[error("the vault was erased or closed")]
    Closed,
    /// Wrong passcode; `attempts_left` tries remain before waits start.
    #[error("wrong passcode ({attempts_left} left before a wait)")]
    WrongPasscode {
        /// Attempts left before each further attempt has to wait.
        attempts_left: i32,
    },
    /// Wrong recovery code; `attempts_left` tries remain before waits start.
    #[error("wrong recovery code ({attempts_left} left before a wait)")]
    WrongRecoveryCode {
        /// Attempts left before each further attempt has to wait.
        attempts_left: i32,
    },
    /// Too many wrong attempts: the next is allowed at `retry_at`.
    #[error("too many attempts; wait before trying again")]
    TooManyAttempts {
        /// When the next attempt is allowed.
        retry_at: Timestamp,
        /// The last attempt was interrupted (the app stopped during it) and counted: say so,
        /// since even the right passcode now has to wait.
        after_interruption: bool,
    },
    /// Nothing has that id (or it was deleted meanwhile).
    #[error("not found")]
    NotFound,
    /// An input was rejected; nothing was written.
    #[error("the {field} {problem}")]
    InvalidInput {
        /// Which input.
        field: InputField,
        /// What is wrong with it, with the limit it broke.
        problem: InputProblem,
    },
    /// There is no vault at that place yet: offer to set one up.
    #[error("there is no vault here yet")]
    NoVault,
    /// A vault already exists at that place: never overwritten.
    #[error("a vault already exists here")]
    AlreadyExists,
    /// The vault was written by a newer app: ask the person to update. It was not changed.
    #[error("this vault needs a newer version of the app")]
    NewerVault {
        /// The vault's schema version.
        found: i32,
        /// The newest schema this app reads.
        supported: i32,
    },
    /// The device's key store cannot be used right now (for example the phone is locked):
    /// try again after unlocking the phone.
    #[error("the device's key store is not available right now")]
    DeviceKeyUnavailable,
    /// The device key is gone or does not belong to this vault: this vault can never be
    /// opened on this device.
    #[error("this vault's device key is missing")]
    DeviceKeyMissing,
    /// Stored data failed its integrity check.
    #[error("damaged data: {detail}")]
    Damaged {
        /// Which check failed (fixed text, for diagnostics).
        detail: String,
    },
    /// The vault file is older than the last change this device saw (a restored copy): it
    /// can be read; offer to keep it as it is (`MendVault::keep_records_as_they_are`).
    /// Nothing was written.
    #[error("this is an older copy of the vault")]
    OlderCopy,
    /// The backup passphrase does not open this backup: ask again.
    #[error("wrong backup passphrase")]
    WrongBackupPassphrase,
    /// The file chosen is not a Mend backup.
    #[error("not a backup")]
    NotABackup,
    /// The backup was made by a newer version of the app: ask the person to update.
    #[error("this backup needs a newer version of the app")]
    NewerBackup {
        /// The backup's format version.
        found: i32,
        /// The newest format this app reads.
        supported: i32,
    },
    /// The device is out of storage; nothing was written.
    #[error("storage is full")]
    StorageFull,
    /// Any other storage or internal failure.
    #[error("storage failure: {detail}")]
    Other {
        /// What failed (fixed text, for diagnostics).
        detail: String,
    },
}

impl From<CoreError> for MendError {
    fn from(e: CoreError) -> Self {
        let count = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
        match e {
            CoreError::Locked => MendError::Locked,
            CoreError::Closed => MendError::Closed,
            CoreError::WrongPasscode { attempts_left } => {
                MendError::WrongPasscode { attempts_left: count(attempts_left) }
            }
            CoreError::WrongRecoveryCode { attempts_left } => {
                MendError::WrongRecoveryCode { attempts_left: count(attempts_left) }
            }
            CoreError::TooManyAttempts { retry_at_ms, after_interruption } => {
                MendError::TooManyAttempts {
                    retry_at: Timestamp::from_ms(retry_at_ms),
                    after_interruption,
                }
            }
            CoreError::NotFound => MendError::NotFound,
            CoreError::InvalidInput { field, problem } => {
                MendError::InvalidInput { field, problem }
            }
            CoreError::NoVault => MendError::NoVault,
            CoreError::AlreadyExists => MendError::AlreadyExists,
            CoreError::NewerVault { found, supported } => {
                MendError::NewerVault { found: count(found), supported: count(supported) }
            }
            CoreError::Damaged(detail) => MendError::Damaged { detail: detail.to_owned() },
            CoreError::DeviceKey(DeviceKeyError::Unavailable | DeviceKeyError::Failed) => {
                MendError::DeviceKeyUnavailable
            }
            CoreError::DeviceKey(DeviceKeyError::KeyMissing | DeviceKeyError::Rejected) => {
                MendError::DeviceKeyMissing
            }
            CoreError::OlderCopy => MendError::OlderCopy,
            CoreError::WrongBackupPassphrase => MendError::WrongBackupPassphrase,
            CoreError::NotABackup => MendError::NotABackup,
            CoreError::NewerBackup { found, supported } => {
                MendError::NewerBackup { found: count(found), supported: count(supported) }
            }
            CoreError::StorageFull => MendError::StorageFull,
            CoreError::Storage(detail) => MendError::Other { detail },
            CoreError::Crypto => MendError::Other { detail: "cryptography failure".to_owned() },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mend_core::LengthUnit;

    #[test]
    fn each_core_error_becomes_the_case_a_screen_acts_on() {
        let problem = InputProblem::TooLong { max: 200, unit: LengthUnit::Characters };
        let cases: Vec<(CoreError, &str)> = vec![
            (CoreError::Locked, "Locked"),
            (CoreError::Closed, "Closed"),
            (CoreError::OlderCopy, "OlderCopy"),
            (CoreError::WrongPasscode { attempts_left: 2 }, "WrongPasscode { attempts_left: 2 }"),
            (
                CoreError::WrongRecoveryCode { attempts_left: 0 },
                "WrongRecoveryCode { attempts_left: 0 }",
            ),
            (CoreError::NotFound, "NotFound"),
            (CoreError::invalid(InputField::Title, problem), "InvalidInput"),
            (CoreError::NoVault, "NoVault"),
            (CoreError::AlreadyExists, "AlreadyExists"),
            (
                CoreError::NewerVault { found: 3, supported: 1 },
                "NewerVault { found: 3, supported: 1 }",
            ),
            (CoreError::Damaged("bad"), "Damaged"),
            (CoreError::DeviceKey(DeviceKeyError::Unavailable), "DeviceKeyUnavailable"),
            (CoreError::DeviceKey(DeviceKeyError::Failed), "DeviceKeyUnavailable"),
            (CoreError::DeviceKey(DeviceKeyError::KeyMissing), "DeviceKeyMissing"),
            (CoreError::DeviceKey(DeviceKeyError::Rejected), "DeviceKeyMissing"),
            (CoreError::StorageFull, "StorageFull"),
            (CoreError::WrongBackupPassphrase, "WrongBackupPassphrase"),
            (CoreError::NotABackup, "NotABackup"),
            (
                CoreError::NewerBackup { found: 2, supported: 1 },
                "NewerBackup { found: 2, supported: 1 }",
            ),
            (CoreError::Storage("sqlite Busy".into()), "Other"),
            (CoreError::Crypto, "Other"),
        ];
        for (core, expected) in cases {
            let shown = format!("{:?}", MendError::from(core));
            assert!(shown.starts_with(expected), "{shown} is not {expected}");
        }
        let wait = MendError::from(CoreError::TooManyAttempts {
            retry_at_ms: 5,
            after_interruption: true,
        });
        assert!(matches!(
            wait,
            MendError::TooManyAttempts { retry_at, after_interruption: true } if retry_at.ms() == 5
        ));
    }
}
