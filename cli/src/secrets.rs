//! Reading passcodes and recovery codes: from the terminal without echo, or from the
//! environment for scripts. Secrets are wiped from memory after use.

use zeroize::Zeroizing;

/// A secret read from the environment or the terminal.
pub type Secret = Zeroizing<String>;

fn from_env(var: &str) -> Option<Secret> {
    std::env::var(var).ok().map(Zeroizing::new)
}

/// Asks for a secret in the terminal, without echo.
pub fn ask(label: &str) -> Result<Secret, String> {
    prompt(label)
}

fn prompt(label: &str) -> Result<Secret, String> {
    rpassword::prompt_password(label).map(Zeroizing::new).map_err(|_| {
        "could not read from the terminal; set the MEND_PASSCODE environment variable instead"
            .to_owned()
    })
}

/// The current passcode: `MEND_PASSCODE` or a prompt.
pub fn passcode(label: &str) -> Result<Secret, String> {
    from_env("MEND_PASSCODE").map_or_else(|| prompt(label), Ok)
}

/// A new passcode from `var`, or asked twice until both match.
pub fn new_passcode(var: &str) -> Result<Secret, String> {
    if let Some(p) = from_env(var) {
        return Ok(p);
    }
    loop {
        let first = prompt("Choose a passcode (at least 6 characters): ")?;
        let second = prompt("Type it again: ")?;
        if first == second {
            return Ok(first);
        }
        eprintln!("Those two didn't match. Let's try again.");
    }
}

/// The recovery code: `MEND_RECOVERY_CODE` or a prompt.
pub fn recovery_code() -> Result<Secret, String> {
    from_env("MEND_RECOVERY_CODE").map_or_else(|| prompt("Recovery code: "), Ok)
}
