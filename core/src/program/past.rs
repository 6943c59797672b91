//! The practice history as a person reads it back: each day practised, the prompts offered
//! that day, what became of each, and what was written — for exports and summaries.

use super::content::{Content, Prompt};
use super::daily::responses_of;
use super::history::PracticeOutcome;
use crate::Vault;
use crate::calendar::CalendarDate;
use crate::error::Result;

/// A prompt offered on a day, and what became of it.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticedPrompt {
    /// The prompt's stable id.
    pub prompt_id: String,
    /// The prompt, unless this build's program no longer has it.
    pub prompt: Option<Prompt>,
    /// Shown, done or skipped.
    pub outcome: PracticeOutcome,
    /// What the person wrote, if anything.
    pub response: Option<String>,
}

/// One day of practice.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticeDay {
    /// The local day.
    pub date: CalendarDate,
    /// The prompts offered that day, in the order they were offered.
    pub prompts: Vec<PracticedPrompt>,
}

impl Vault {
    /// Every day with practice recorded, oldest first, with the responses written.
    pub fn practice_history(&self) -> Result<Vec<PracticeDay>> {
        let content = Content::current()?;
        self.with_session(|s, conn| {
            // Oldest first, as the history keeps them.
            let days: Vec<(i32, Vec<_>)> =
                s.features.practice.history.days().map(|(day, e)| (day, e.to_vec())).collect();
            days.into_iter()
                .map(|(day, entries)| {
                    let responses = responses_of(s, conn, day)?;
                    let prompts = entries
                        .into_iter()
                        .map(|e| PracticedPrompt {
                            prompt: content.prompt(&e.prompt_id).cloned(),
                            response: responses
                                .iter()
                                .find(|(id, _)| id == &e.prompt_id)
                                .map(|(_, text)| text.clone()),
                            prompt_id: e.prompt_id,
                            outcome: e.outcome,
                        })
                        .collect();
                    Ok(PracticeDay { date: CalendarDate::from_day_number(day), prompts })
                })
                .collect()
        })
    }
}
