//! The day's prompt as a person meets it: shown once a day in their own time zone, with
//! alternatives on request, and marked done (with an optional written response) or skipped.
//! Everything is stored in the day's sealed practice record.

use super::content::{Content, Prompt};
use super::history::{Entry, PracticeOutcome};
use super::practice::{self, DayRecord, MAX_RESPONSE_CHARS};
use super::today;
use crate::Vault;
use crate::calendar::CalendarDate;
use crate::error::{Error, InputField, Result};
use crate::events::DataChange;
use crate::features::Features;
use crate::record::{RecordId, RecordKind, RecordMeta};
use crate::store::records;
use crate::text::TextRule;
use crate::vault::session::Session;
use rusqlite::Connection;

/// The most other prompts a person can ask for in one day.
pub const MAX_ALTERNATIVES: u32 = 20;

/// A prompt marked done, and help to offer if its response sounds dangerous.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromptSaved {
    /// The prompt, now done.
    pub prompt: DailyPrompt,
    /// Help to offer after saving.
    pub help: Option<crate::safety::HelpOffer>,
}

/// A prompt offered on a day, and what became of it.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailyPrompt {
    /// The local day.
    pub date: CalendarDate,
    /// The prompt.
    pub prompt: Prompt,
    /// Whether this is another prompt asked for, rather than the day's own.
    pub is_alternative: bool,
    /// Whether another prompt can still be asked for today.
    pub more_available: bool,
    /// Shown, done or skipped.
    pub outcome: PracticeOutcome,
    /// The written response, if one was saved.
    pub response: Option<String>,
    /// A caution to show before the prompt: for a transparency practice, that openness is
    /// offered, never demanded, and that safety comes first.
    pub caution: Option<String>,
}

const RESPONSE: TextRule = TextRule::lines(MAX_RESPONSE_CHARS);

fn check_response(response: Option<&str>) -> Result<Option<String>> {
    let Some(text) = response else {
        return Ok(None);
    };
    let text = RESPONSE.tidy(InputField::Response, text)?;
    Ok(Some(text).filter(|t| !t.is_empty()))
}

/// The written responses stored for `day`.
pub(crate) fn responses_of(
    s: &Session<Features>,
    conn: &Connection,
    day: i32,
) -> Result<Vec<(String, String)>> {
    match s.features.practice.record_of(day) {
        Some(r) => practice::decode_responses(&s.open_body(conn, r.row)?),
        None => Ok(Vec::new()),
    }
}

/// Applies `change` to `day`'s entries and responses and stores the day in one transaction.
fn write_day(
    s: &mut Session<Features>,
    conn: &mut Connection,
    day: i32,
    now_ms: i64,
    change: impl FnOnce(&mut Vec<Entry>, &mut Vec<(String, String)>),
) -> Result<()> {
    let existing = s.features.practice.record_of(day);
    let mut entries = s.features.practice.history.day(day).to_vec();
    let mut responses = responses_of(s, conn, day)?;
    change(&mut entries, &mut responses);
    let (id, created_ms) = match existing {
        Some(r) => (r.id, r.created_ms),
        None => (RecordId::generate()?, now_ms),
    };
    let meta = RecordMeta {
        id,
        kind: RecordKind::PracticeDay,
        created_ms,
        updated_ms: now_ms,
        fields: practice::encode_day(day, &entries),
    };
    let body = practice::encode_responses(&responses);
    let row = s.write(conn, |tx, sealer| match existing {
        Some(r) => {
            sealer.update(tx, r.row, &meta, &body)?;
            Ok(r.row)
        }
        None => {
            let row = records::new_row(tx)?;
            sealer.insert(tx, row, &meta, &body)?;
            Ok(row)
        }
    })?;
    s.features.practice.stored(day, DayRecord { row, id, created_ms });
    for e in &entries {
        s.features.practice.history.record(day, &e.prompt_id, e.outcome);
    }
    Ok(())
}

impl Vault {
    /// Today's prompt, by the local day in the vault's time zone. The same prompt all day.
    /// Looking writes nothing (the file does not show which days the app was opened); the
    /// day's prompt is recorded when it is done or skipped, or when another is asked for.
    pub fn today_prompt(&self) -> Result<DailyPrompt> {
        self.offered_prompt(false)
    }

    /// Another prompt for today, the next after those already offered. Asking does not
    /// change today's prompt or tomorrow's; the alternative is recorded as shown. When none
    /// is left ([`DailyPrompt::more_available`] was false), an out-of-range error.
    pub fn another_prompt(&self) -> Result<DailyPrompt> {
        self.offered_prompt(true)
    }

    fn offered_prompt(&self, another: bool) -> Result<DailyPrompt> {
        let now = self.now_ms();
        let day = self.today()?;
        let content = Content::current()?;
        let mut wrote = false;
        let daily = self.with_session(|s, conn| {
            let seed = s.prompt_seed()?;
            let list = today::ranked(
                content,
                s.settings()?.settings.role,
                &seed,
                day,
                &s.features.practice.history,
            );
            let offered = s.features.practice.history.day(day).len();
            // The day's own prompt first; each "another" the next in the day's ranking.
            let position = if another { offered.max(1) } else { 0 };
            let available = list.len().min(MAX_ALTERNATIVES as usize + 1);
            if position >= available {
                return Err(Error::out_of_range(
                    InputField::Prompt,
                    0,
                    i64::from(MAX_ALTERNATIVES),
                ));
            }
            let prompt = list[position];
            let seen_today =
                s.features.practice.history.day(day).iter().any(|e| e.prompt_id == prompt.id);
            if another && !seen_today {
                if another && offered == 0 {
                    // Asking for another before seeing the day's own: the day's own is shown too.
                    let first = list[0].id.clone();
                    write_day(s, conn, day, now, |entries, _| {
                        entries.push(Entry { prompt_id: first, outcome: PracticeOutcome::Shown });
                    })?;
                }
                write_day(s, conn, day, now, |entries, _| {
                    entries.push(Entry {
                        prompt_id: prompt.id.clone(),
                        outcome: PracticeOutcome::Shown,
                    });
                })?;
                wrote = true;
            }
            daily(s, conn, day, prompt, position > 0, more_after(s, day, available))
        })?;
        if wrote {
            self.changed(DataChange::Practice);
        }
        Ok(daily)
    }

    /// Marks a prompt shown today as done, with an optional written response (sealed), and
    /// help to offer if the response sounds dangerous (it is saved first, whatever it says).
    pub fn complete_prompt(&self, prompt_id: &str, response: Option<&str>) -> Result<PromptSaved> {
        let response = check_response(response)?;
        let help = crate::safety::offer_for(&[response.as_deref().unwrap_or_default()], None);
        let prompt = self
            .settle(prompt_id, PracticeOutcome::Done, response)
            .inspect(|_| self.changed(DataChange::Practice))?;
        Ok(PromptSaved { prompt, help: help? })
    }

    /// Marks a prompt shown today as skipped. Skipping never counts as practice.
    pub fn skip_prompt(&self, prompt_id: &str) -> Result<DailyPrompt> {
        self.settle(prompt_id, PracticeOutcome::Skipped, None)
            .inspect(|_| self.changed(DataChange::Practice))
    }

    fn settle(
        &self,
        prompt_id: &str,
        outcome: PracticeOutcome,
        response: Option<String>,
    ) -> Result<DailyPrompt> {
        let now = self.now_ms();
        let day = self.today()?;
        let content = Content::current()?;
        let prompt = content.prompt(prompt_id).ok_or(Error::NotFound)?;
        self.with_session(|s, conn| {
            let seed = s.prompt_seed()?;
            let list = today::ranked(
                content,
                s.settings()?.settings.role,
                &seed,
                day,
                &s.features.practice.history,
            );
            let position = list.iter().position(|p| p.id == prompt.id).unwrap_or(0);
            // Only a prompt offered today can be settled today: the day's own, or one asked
            // for since.
            let is_days_own = list.first().is_some_and(|p| p.id == prompt.id);
            let recorded =
                s.features.practice.history.day(day).iter().any(|e| e.prompt_id == prompt.id);
            if !is_days_own && !recorded {
                return Err(Error::NotFound);
            }
            write_day(s, conn, day, now, |entries, responses| {
                if !recorded {
                    entries.push(Entry { prompt_id: prompt.id.clone(), outcome });
                }
                for e in entries.iter_mut().filter(|e| e.prompt_id == prompt.id) {
                    e.outcome = e.outcome.max(outcome);
                }
                if let Some(text) = response {
                    responses.retain(|(id, _)| id != &prompt.id);
                    responses.push((prompt.id.clone(), text));
                }
            })?;
            let available = list.len().min(MAX_ALTERNATIVES as usize + 1);
            daily(s, conn, day, prompt, position > 0, more_after(s, day, available))
        })
    }
}

/// Whether another prompt can still be asked for on `day`: the day's own prompt counts as
/// offered whether or not anything was recorded yet.
fn more_after(s: &Session<Features>, day: i32, available: usize) -> bool {
    s.features.practice.history.day(day).len().max(1) < available
}

/// Builds what a screen shows about `prompt` on `day`.
fn daily(
    s: &Session<Features>,
    conn: &Connection,
    day: i32,
    prompt: &Prompt,
    is_alternative: bool,
    more_available: bool,
) -> Result<DailyPrompt> {
    let outcome = s
        .features
        .practice
        .history
        .day(day)
        .iter()
        .find(|e| e.prompt_id == prompt.id)
        .map_or(PracticeOutcome::Shown, |e| e.outcome);
    let response =
        responses_of(s, conn, day)?.into_iter().find(|(id, _)| id == &prompt.id).map(|(_, t)| t);
    Ok(DailyPrompt {
        date: CalendarDate::from_day_number(day),
        prompt: prompt.clone(),
        is_alternative,
        more_available,
        outcome,
        response,
        caution: caution_for(prompt)?,
    })
}

/// The caution shown before `prompt`: the transparency caution for a transparency practice.
fn caution_for(prompt: &Prompt) -> Result<Option<String>> {
    Ok(prompt.transparency.then_some(Content::current()?.help.transparency.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transparency_practice_carries_the_caution_and_others_do_not() {
        let content = Content::english().unwrap();
        let open = content.prompt("honesty-09").unwrap();
        assert!(open.transparency);
        let caution = caution_for(open).unwrap().unwrap();
        assert!(caution.contains("never something either of you may demand"), "{caution}");
        assert_eq!(caution_for(content.prompt("honesty-01").unwrap()).unwrap(), None);
        for role in [crate::vault::Role::Repairing, crate::vault::Role::Hurt] {
            assert!(content.prompts.iter().any(|p| p.role == role && p.transparency), "{role:?}");
        }
    }
}
