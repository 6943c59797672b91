//! What the client says when something goes wrong, and its exit codes.
//!
//! Messages are fixed text: nothing a person wrote is ever repeated back.

use mend_ffi::{MendError, Timestamp};

/// Exit code for an error that is not one of the kinds below.
pub const EXIT_FAILURE: i32 = 1;
/// Exit code for a wrong passcode or recovery code.
pub const EXIT_WRONG_SECRET: i32 = 3;
/// Exit code while attempts are delayed.
pub const EXIT_WAIT: i32 = 4;
/// Exit code for an unknown note id.
pub const EXIT_NOT_FOUND: i32 = 5;
/// Exit code for rejected input.
pub const EXIT_INVALID: i32 = 6;
/// Exit code when there is no vault yet.
pub const EXIT_NO_VAULT: i32 = 7;

/// A failed command: what to say and which exit code to use.
#[derive(Debug)]
pub struct Failure {
    /// The message, without the `mend:` prefix.
    pub message: String,
    /// The process exit code.
    pub code: i32,
    /// What kind of failure, in one stable word for `status --json` (e.g. `damaged`).
    pub kind: &'static str,
}

impl Failure {
    /// A failure with its own exit code.
    pub fn new(code: i32, message: &str) -> Self {
        Self { message: message.to_owned(), code, kind: "failed" }
    }

    /// Whether the person can fix this and carry on (a wrong passcode, a wait, an unknown
    /// id, rejected input), as opposed to a failure that ends the session.
    pub fn is_for_the_person(&self) -> bool {
        matches!(self.code, EXIT_WRONG_SECRET | EXIT_WAIT | EXIT_NOT_FOUND | EXIT_INVALID)
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Self { message, code: EXIT_FAILURE, kind: "failed" }
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Self {
        message.to_owned().into()
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        format!("could not read or write a file ({:?})", e.kind()).into()
    }
}

/// `n` with the right form of `one` or `many`: "1 try", "2 tries".
pub fn count(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How long until `retry_at`, in words.
pub fn wait_words(retry_at: Timestamp) -> String {
    let now = chrono::Utc::now().timestamp_millis();
    let secs = ((retry_at.ms() - now).max(0) + 999) / 1000;
    if secs < 90 {
        count(secs, "second", "seconds")
    } else {
        count((secs + 59) / 60, "minute", "minutes")
    }
}

impl From<MendError> for Failure {
    fn from(e: MendError) -> Self {
        let kind = match &e {
            MendError::NoVault => "no-vault",
            MendError::Damaged { .. } => "damaged",
            MendError::NewerVault { .. } => "needs-newer-app",
            MendError::DeviceKeyMissing => "device-key-missing",
            MendError::DeviceKeyUnavailable => "device-key-unavailable",
            MendError::Closed => "erased",
            MendError::Locked => "locked",
            MendError::OlderCopy => "older-copy",
            MendError::WrongBackupPassphrase => "wrong-passphrase",
            MendError::NotABackup => "not-a-backup",
            MendError::NewerBackup { .. } => "needs-newer-app",
            MendError::AlreadyExists => "already-exists",
            _ => "unreadable",
        };
        let (code, message) = match e {
            MendError::Locked => (EXIT_FAILURE, "the vault is locked".to_owned()),
            MendError::Closed => (
                EXIT_FAILURE,
                "this vault was erased; if its files are still here, `mend erase --yes` removes them"
                    .to_owned(),
            ),
            MendError::WrongPasscode { attempts_left } => (
                EXIT_WRONG_SECRET,
                match attempts_left {
                    0 => "that passcode didn't open the vault; the next try will need a short wait".to_owned(),
                    n => format!(
                        "that passcode didn't open the vault ({} left before a short wait)",
                        count(n.into(), "try", "tries")
                    ),
                },
            ),
            MendError::WrongRecoveryCode { attempts_left } => (
                EXIT_WRONG_SECRET,
                format!(
                    "that recovery code didn't match ({} left before a short wait)",
                    count(attempts_left.into(), "try", "tries")
                ),
            ),
            MendError::TooManyAttempts { retry_at, after_interruption } => (
                EXIT_WAIT,
                format!(
                    "{}too many tries for now; please wait {} and try again",
                    if after_interruption {
                        "an earlier unlock was interrupted and counted as a try; "
                    } else {
                        ""
                    },
                    wait_words(retry_at)
                ),
            ),
            MendError::NotFound => (EXIT_NOT_FOUND, "nothing has that id or number".to_owned()),
            MendError::InvalidInput { field, problem } => (EXIT_INVALID, format!("the {field} {problem}")),
            MendError::NoVault => {
                (EXIT_NO_VAULT, "there is no vault here yet; run `mend init` to create one".to_owned())
            }
            MendError::AlreadyExists => {
                (EXIT_FAILURE, "something is already there; nothing was replaced".to_owned())
            }
            MendError::NewerVault { .. } => (
                EXIT_FAILURE,
                "this vault was written by a newer version of Mend; please update Mend (the vault was not changed)".to_owned(),
            ),
            MendError::Damaged { detail } => (EXIT_FAILURE, format!("some data is damaged ({detail})")),
            MendError::DeviceKeyMissing => (
                EXIT_FAILURE,
                "this vault's device key is missing or does not match; the vault cannot be opened on this computer".to_owned(),
            ),
            MendError::DeviceKeyUnavailable => {
                (EXIT_FAILURE, "the device key could not be used right now".to_owned())
            }
            MendError::OlderCopy => (
                EXIT_FAILURE,
                "this is an older copy of your vault, so nothing was changed; if you restored it on purpose, `mend keep` makes it your vault again".to_owned(),
            ),
            MendError::StorageFull => (EXIT_FAILURE, "the disk is full; nothing was saved".to_owned()),
            MendError::WrongBackupPassphrase => (
                EXIT_WRONG_SECRET,
                "that passphrase doesn't open this backup; nothing was restored".to_owned(),
            ),
            MendError::NotABackup => (EXIT_INVALID, "that file is not a Mend backup".to_owned()),
            MendError::NewerBackup { .. } => (
                EXIT_FAILURE,
                "this backup was made by a newer version of Mend; please update Mend to restore it".to_owned(),
            ),
            MendError::Other { detail } => (EXIT_FAILURE, format!("storage failure ({detail})")),
        };
        Self { message, code, kind }
    }
}
