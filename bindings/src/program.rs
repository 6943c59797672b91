//! The recovery program as the apps see it: the steps and themes, help, today's prompt,
//! practice and progress, the worksheets' headings, the phrasing check, the limits and the
//! words of the apps' own screens.

use std::collections::HashMap;

use mend_core::language::{self, DangerKind};
use mend_core::program::content::Module;
use mend_core::program::content::words::{WordArg, WordsFor};
use mend_core::program::{
    Content, DailyPrompt, Help, ProgramPage, ProgramProgress, PromptSaved, Step, Theme,
};
use mend_core::tools::LetterCheck;
use mend_core::tools::WorksheetKind;
use mend_core::{Limits, program::WorksheetText};

use crate::error::MendError;
use crate::vault::MendVault;

fn content() -> Result<&'static Content, MendError> {
    Ok(Content::current()?)
}

/// Every limit a screen shows or enforces: passcode length, attempts, text lengths…
#[uniffi::export]
pub fn limits() -> Limits {
    mend_core::limits()
}

/// The six steps, in order.
#[uniffi::export]
pub fn program_steps() -> Result<Vec<Step>, MendError> {
    Ok(content()?.steps.clone())
}

/// One step, 1 to 6.
#[uniffi::export]
pub fn program_step(number: i32) -> Result<Step, MendError> {
    content()?.step(number).cloned().ok_or(MendError::NotFound)
}

/// Chooses the program's language from the device's language tag (`de-AT`, `pt_BR`): its
/// primary language if the library bundles it, English otherwise. Returns the code in use.
/// The apps call it once at start; words the person wrote are never translated.
#[uniffi::export]
pub fn set_language(tag: String) -> String {
    mend_core::program::content::set_language(&tag).to_owned()
}

/// Installs a language's program content from the file the app carries
/// (`<code>.mendcontent`, written by `cargo run -p mend-core --example write-content`):
/// the phone library has none built in. Returns the language code; a file that does not
/// decode is refused and changes nothing. Call it at start, before anything else.
#[uniffi::export]
pub fn install_content(content: Vec<u8>) -> Result<String, MendError> {
    Ok(mend_core::program::content::install_content(&content)?.to_owned())
}

/// The words of the apps' own screens in the language in use, for `devices`: every plain
/// wording by its key, any `{name}` placeholders still in it for the app to fill. Counted
/// wordings (one form per plural category) come one by one from [`screen_word`].
#[uniffi::export]
pub fn screen_words(devices: WordsFor) -> Result<HashMap<String, String>, MendError> {
    let c = content()?;
    Ok(c.screens.plain(c.voice(devices)).into_iter().collect())
}

/// One of the screens' words in the language in use, for `devices`: its form chosen by the
/// whole number named `count`, each `{name}` filled from `args`. None for an unknown key.
#[uniffi::export]
pub fn screen_word(
    key: String,
    args: Vec<WordArg>,
    devices: WordsFor,
) -> Result<Option<String>, MendError> {
    let c = content()?;
    Ok(c.screens.format(&key, &args, c.voice(devices)))
}

/// The deeper modules for the partner repairing the harm, in order, each naming its step.
#[uniffi::export]
pub fn program_modules() -> Result<Vec<Module>, MendError> {
    Ok(content()?.modules.clone())
}

/// The hurt partner's themes, in order.
#[uniffi::export]
pub fn program_themes() -> Result<Vec<Theme>, MendError> {
    Ok(content()?.themes.clone())
}

/// Help resources, those of `region` first (the device's ISO 3166 region code, if known);
/// readable while locked.
#[uniffi::export]
pub fn help_resources(region: Option<String>) -> Result<Help, MendError> {
    Ok(content()?.help.for_region(region.as_deref()))
}

/// The title and section headings of a worksheet.
#[uniffi::export]
pub fn worksheet_info(kind: WorksheetKind) -> Result<WorksheetText, MendError> {
    content()?.worksheet(kind).cloned().ok_or(MendError::NotFound)
}

/// Checks a remorse letter, a story or a validation note while it is written: danger first
/// (the screen offers help before anything else), then the spans worth another look, each
/// with its label and a rewrite — none when the draft threatens or controls — and, when
/// nothing was flagged, the honest words on what that means.
#[uniffi::export]
pub fn check_letter_phrasing(text: String) -> Result<LetterCheck, MendError> {
    Ok(mend_core::tools::check_letter(&text)?)
}

/// The danger in a text that is not being saved (the terminal client's `mend safety check`):
/// each kind once, most urgent first. Saving returns its own help offer; apps never send
/// saved words back to ask.
#[uniffi::export]
pub fn danger_signals(text: String) -> Result<Vec<DangerKind>, MendError> {
    Ok(language::danger_in(&text)?)
}

/// Chooses whose help lines come first from the device's language tag and time zone (the
/// zone's country when it has help lines, otherwise the tag's region); returns the region.
/// The apps call it at start beside [`set_language`].
#[uniffi::export]
pub fn set_place(locale: String, time_zone: Option<String>) -> Option<String> {
    mend_core::safety::set_place(&locale, time_zone.as_deref())
}

/// The region [`set_place`] chose, whose help lines come first, if any.
#[uniffi::export]
pub fn help_region() -> Option<String> {
    mend_core::safety::region()
}

#[uniffi::export]
impl MendVault {
    /// The program's pages for this vault's role: the steps, or the hurt partner's themes.
    pub fn program_pages(&self) -> Result<Vec<ProgramPage>, MendError> {
        Ok(self.core.program_pages()?)
    }

    /// Today's prompt, by the local day; the same all day.
    pub fn today_prompt(&self) -> Result<DailyPrompt, MendError> {
        Ok(self.core.today_prompt()?)
    }

    /// Another prompt for today, the next after those offered; today's stays as it is.
    /// Ask only while `more_available` was true.
    pub fn another_prompt(&self) -> Result<DailyPrompt, MendError> {
        Ok(self.core.another_prompt()?)
    }

    /// Marks a prompt offered today as done, with an optional written response; `help` is
    /// the card to offer when the response sounds dangerous (it is saved whatever it says).
    pub fn complete_prompt(
        &self,
        prompt_id: String,
        response: Option<String>,
    ) -> Result<PromptSaved, MendError> {
        Ok(self.core.complete_prompt(&prompt_id, response.as_deref())?)
    }

    /// Marks a prompt offered today as skipped.
    pub fn skip_prompt(&self, prompt_id: String) -> Result<DailyPrompt, MendError> {
        Ok(self.core.skip_prompt(&prompt_id)?)
    }

    /// Progress as of today.
    pub fn progress(&self) -> Result<ProgramProgress, MendError> {
        Ok(self.core.progress()?)
    }
}
