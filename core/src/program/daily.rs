//! The day's prompt as a person meets it: shown once a day in their own time zone, with
//! alternatives on request, and marked done (with an optional written response) or skipped.
//! Everything is stored in the day's sealed practice record.

use super::calendar::{self, ZoneRules};
use super::content::{Content, Prompt, PromptRole};
use super::history::{Entry, Outcome};
use super::practice::{self, DayRecord, MAX_RESPONSE_CHARS};
use super::today;
use crate::error::{Error, InputProblem, Result};
use crate::record::{RecordId, RecordKind, RecordMeta};
use crate::store::records;
use crate::vault::session::Session;
use crate::vault::{Role, Vault};
use rusqlite::Connection;

/// A prompt offered on a day, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailyPrompt {
    /// The local calendar day (days from the common era).
    pub day: i32,
    /// The prompt.
    pub prompt: Prompt,
    /// 0 for the day's prompt, 1 and up for the alternatives asked for.
    pub alternative: u32,
    /// Shown, done or skipped.
    pub outcome: Outcome,
    /// The written response, if one was saved.
    pub response: Option<String>,
}

pub(crate) fn prompt_role(role: Role) -> PromptRole {
    match role {
        Role::Repairing => PromptRole::Repairing,
        Role::Hurt => PromptRole::Hurt,
    }
}

fn check_response(response: Option<&str>) -> Result<Option<String>> {
    let Some(text) = response.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if text.chars().count() > MAX_RESPONSE_CHARS {
        return Err(Error::invalid("response", InputProblem::TooLong));
    }
    if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return Err(Error::invalid("response", InputProblem::BadCharacters));
    }
    Ok(Some(text.to_owned()))
}

/// The written responses stored for `day`.
fn responses_of(s: &Session, conn: &Connection, day: i32) -> Result<Vec<(String, String)>> {
    match s.practice.record_of(day) {
        Some(r) => practice::decode_responses(&s.open_body(conn, r.row)?),
        None => Ok(Vec::new()),
    }
}

/// Applies `change` to `day`'s entries and responses and stores the day in one transaction.
fn write_day(
    s: &mut Session,
    conn: &mut Connection,
    day: i32,
    now_ms: i64,
    change: impl FnOnce(&mut Vec<Entry>, &mut Vec<(String, String)>),
) -> Result<()> {
    let existing = s.practice.record_of(day);
    let mut entries = s.practice.history.day(day).to_vec();
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
            let (m, b) = sealer.seal_record(r.row, &meta, &body)?;
            records::update(tx, r.row, &m, Some(&b))?;
            Ok(r.row)
        }
        None => {
            let row = records::new_row(tx)?;
            let (m, b) = sealer.seal_record(row, &meta, &body)?;
            records::insert(tx, row, &m, &b)?;
            Ok(row)
        }
    })?;
    s.practice.stored(day, DayRecord { row, id, created_ms });
    for e in &entries {
        s.practice.history.record(day, &e.prompt_id, e.outcome);
    }
    Ok(())
}

impl Vault {
    /// Today's prompt, by the local day in `zone`. The same prompt all day; the first call of
    /// a day records it as shown.
    pub fn today(&self, zone: &dyn ZoneRules) -> Result<DailyPrompt> {
        self.offered_prompt(zone, 0)
    }

    /// The `alternative`-th other prompt for today (1 = the first alternative). Asking does
    /// not change today's prompt or tomorrow's; the alternative is recorded as shown.
    pub fn another_prompt(&self, zone: &dyn ZoneRules, alternative: u32) -> Result<DailyPrompt> {
        if alternative == 0 || alternative > 20 {
            return Err(Error::invalid("alternative", InputProblem::OutOfRange));
        }
        self.offered_prompt(zone, alternative)
    }

    fn offered_prompt(&self, zone: &dyn ZoneRules, alternative: u32) -> Result<DailyPrompt> {
        let now = self.now_ms();
        let day = calendar::day_at(now, zone)?;
        let content = Content::english()?;
        self.with_session(|s, conn| {
            let seed = s.keys().derive_secret(b"prompts")?;
            let role = prompt_role(s.settings.settings.role);
            let list = today::ranked(content, role, &seed, day, &s.practice.history);
            let prompt = list
                .get(alternative as usize)
                .copied()
                .ok_or(Error::invalid("alternative", InputProblem::OutOfRange))?;
            let seen_today = s.practice.history.day(day).iter().any(|e| e.prompt_id == prompt.id);
            if !seen_today {
                write_day(s, conn, day, now, |entries, _| {
                    entries.push(Entry { prompt_id: prompt.id.clone(), outcome: Outcome::Shown });
                })?;
            }
            daily(s, conn, day, prompt, alternative)
        })
    }

    /// Marks a prompt shown today as done, with an optional written response (sealed).
    pub fn complete_prompt(
        &self,
        zone: &dyn ZoneRules,
        prompt_id: &str,
        response: Option<&str>,
    ) -> Result<DailyPrompt> {
        let response = check_response(response)?;
        self.settle(zone, prompt_id, Outcome::Done, response)
    }

    /// Marks a prompt shown today as skipped. Skipping never counts as practice.
    pub fn skip_prompt(&self, zone: &dyn ZoneRules, prompt_id: &str) -> Result<DailyPrompt> {
        self.settle(zone, prompt_id, Outcome::Skipped, None)
    }

    fn settle(
        &self,
        zone: &dyn ZoneRules,
        prompt_id: &str,
        outcome: Outcome,
        response: Option<String>,
    ) -> Result<DailyPrompt> {
        let now = self.now_ms();
        let day = calendar::day_at(now, zone)?;
        let content = Content::english()?;
        let prompt = content.prompt(prompt_id).ok_or(Error::NotFound)?;
        self.with_session(|s, conn| {
            let seed = s.keys().derive_secret(b"prompts")?;
            let role = prompt_role(s.settings.settings.role);
            let position = today::ranked(content, role, &seed, day, &s.practice.history)
                .iter()
                .position(|p| p.id == prompt.id)
                .unwrap_or(0) as u32;
            // Only a prompt offered today can be settled today.
            if !s.practice.history.day(day).iter().any(|e| e.prompt_id == prompt.id) {
                return Err(Error::NotFound);
            }
            write_day(s, conn, day, now, |entries, responses| {
                for e in entries.iter_mut().filter(|e| e.prompt_id == prompt.id) {
                    e.outcome = e.outcome.max(outcome);
                }
                if let Some(text) = response {
                    responses.retain(|(id, _)| id != &prompt.id);
                    responses.push((prompt.id.clone(), text));
                }
            })?;
            daily(s, conn, day, prompt, position)
        })
    }
}

/// Builds what a screen shows about `prompt` on `day`.
fn daily(
    s: &Session,
    conn: &Connection,
    day: i32,
    prompt: &Prompt,
    alternative: u32,
) -> Result<DailyPrompt> {
    let outcome = s
        .practice
        .history
        .day(day)
        .iter()
        .find(|e| e.prompt_id == prompt.id)
        .map_or(Outcome::Shown, |e| e.outcome);
    let response =
        responses_of(s, conn, day)?.into_iter().find(|(id, _)| id == &prompt.id).map(|(_, t)| t);
    Ok(DailyPrompt { day, prompt: prompt.clone(), alternative, outcome, response })
}
