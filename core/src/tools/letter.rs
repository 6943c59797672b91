//! The letter check: a remorse letter, a story or a validation note read while it is
//! written. Danger comes first — help is offered instead of anything else: a draft that
//! threatens, controls or speaks of self-harm gets no writing tips — then the phrasing the
//! program teaches to avoid, and, when nothing was flagged, honest words on what that does
//! not mean.

use crate::error::Result;
use crate::language::{self, Engine, PhrasingFlag};
use crate::safety::{self, HelpOffer};

/// What the letter check found in a draft.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterCheck {
    /// Help to offer first, when the draft's words sound dangerous.
    pub help: Option<HelpOffer>,
    /// Phrasing worth another look, in order of position. Empty when danger was noticed:
    /// that gets help, never writing tips.
    pub flags: Vec<PhrasingFlag>,
    /// When nothing was flagged and no help is offered, what that does and does not mean (the
    /// check knows common patterns, not every one; it never says a letter is fine); otherwise
    /// empty.
    pub nothing_found: String,
}

/// Checks a draft (up to [`language::MAX_TEXT_BYTES`]).
pub fn check_letter(text: &str) -> Result<LetterCheck> {
    let findings = language::read(text)?;
    // Danger gets help, never writing tips beside it.
    let flags = if findings.danger.is_empty() { findings.phrasing } else { Vec::new() };
    let help = safety::offer(&findings.danger, None)?;
    let nothing_found = if flags.is_empty() && help.is_none() {
        Engine::current()?.nothing_found.to_owned()
    } else {
        String::new()
    };
    Ok(LetterCheck { help, flags, nothing_found })
}
