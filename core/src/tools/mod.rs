//! The step tools and the hurt partner's tools: check-ins, the trigger, question and
//! no-contact logs, reminders, worksheets, boundaries and needs, the cut-ties checklist and
//! time together. One file per tool holds its entry, its rules and its encoding; each entry
//! is a sealed record, indexed in memory after unlock and listed newest first.

pub mod boundary;
pub mod check_in;
pub mod contact;
pub mod cut_tie;
pub mod entry;
pub mod firing;
pub mod letter;
pub mod question;
pub mod reminder;
pub mod schedule;
pub mod time_together;
pub mod trigger;
pub mod worksheet;

use std::collections::HashMap;

pub use boundary::Boundary;
pub use check_in::CheckIn;
pub use contact::Contact;
pub use cut_tie::CutTie;
pub use entry::{ToolEntry, ToolKind};
pub use firing::ReminderFiring;
pub use letter::{LetterCheck, check_letter};
pub use question::{Asker, Question, QuestionKind, QuestionStatus};
pub use reminder::{Reminder, ReminderPurpose};
pub use time_together::{InvitationAnswer, TimeTogether};
pub use trigger::Trigger;
pub use worksheet::{Worksheet, WorksheetKind};

use crate::Vault;
use crate::calendar::CalendarDate;
use crate::clock::Timestamp;
use crate::error::{Error, InputField, InputProblem, Result};
use crate::events::DataChange;
use crate::features::Features;
use crate::record::{RecordHead, RecordId, RecordKind, RecordMeta};
use crate::safety::HelpOffer;
use crate::store::{db, records};
use crate::vault::session::Session;

/// A stored entry.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolRecord {
    /// Its id.
    pub id: RecordId,
    /// When it was written.
    pub created_at: Timestamp,
    /// When it was last changed.
    pub updated_at: Timestamp,
    /// The entry.
    pub entry: ToolEntry,
}

/// The most entries one list returns.
pub const MAX_LIST: usize = 1_000;

/// The tools a role's screens offer, in the order they are listed (check-ins, shown with
/// progress, are left out). The partner repairing the harm has the step tools; the hurt
/// partner has tools for their own feelings, questions and needs.
pub fn tools_for(role: crate::vault::Role) -> Vec<ToolKind> {
    use ToolKind::*;
    match role {
        crate::vault::Role::Repairing => vec![
            Questions,
            Contacts,
            CutTies,
            RemorseLetters,
            ValidationNotes,
            Stories,
            TimeTogether,
            Boundaries,
            Reminders,
        ],
        crate::vault::Role::Hurt => vec![Triggers, Questions, Boundaries, TimeTogether, Reminders],
    }
}

/// All tool entries of an unlocked vault.
#[derive(Debug, Default)]
pub struct ToolIndex {
    entries: HashMap<RecordId, (i64, ToolRecord)>,
}

/// When an entry happened, for ordering: its own time where it has one.
fn when(r: &ToolRecord) -> i64 {
    match &r.entry {
        ToolEntry::CheckIn(c) => i64::from(c.date.day_number().unwrap_or(0)) * 86_400_000,
        ToolEntry::Trigger(t) => t.at.ms(),
        ToolEntry::Contact(c) => c.at.ms(),
        ToolEntry::TimeTogether(t) => t.at.ms(),
        ToolEntry::Question(_)
        | ToolEntry::Reminder(_)
        | ToolEntry::Worksheet(_)
        | ToolEntry::Boundary(_)
        | ToolEntry::CutTie(_) => r.created_at.ms(),
    }
}

impl ToolIndex {
    /// Adds an entry read at unlock, from its body (or, as written before entries moved to
    /// the body, from its metadata's fields).
    pub fn load(&mut self, row: i64, head: &RecordHead, encoded: &[u8]) -> Result<()> {
        let entry = ToolEntry::decode(encoded)?;
        let record = ToolRecord {
            id: head.id,
            created_at: Timestamp::from_ms(head.created_ms),
            updated_at: Timestamp::from_ms(head.updated_ms),
            entry,
        };
        self.entries.insert(head.id, (row, record));
        Ok(())
    }

    /// The reminder schedule to keep beside the platform key ([`schedule`]).
    pub fn schedule(&self) -> Vec<u8> {
        let reminders = self.list(ToolKind::Reminders);
        schedule::encode(&schedule::enabled(reminders.iter().map(|r| (&r.id, &r.entry))))
    }

    /// The entries of `tool`, newest first; entries of the same moment in the order they were
    /// written (the later row first), so the order is the same at every unlock and after a
    /// restore.
    pub fn list(&self, tool: ToolKind) -> Vec<&ToolRecord> {
        let mut out: Vec<&(i64, ToolRecord)> =
            self.entries.values().filter(|(_, r)| r.entry.tool() == tool).collect();
        out.sort_by(|(row_a, a), (row_b, b)| {
            when(b)
                .cmp(&when(a))
                .then_with(|| b.created_at.cmp(&a.created_at))
                .then_with(|| row_b.cmp(row_a))
        });
        out.into_iter().map(|(_, r)| r).collect()
    }
}

/// Rewrites the schedule beside the platform key after a change to entries of `kind`.
fn store_schedule_if(s: &Session<Features>, kind: ToolKind) {
    if schedule::affects(kind) {
        s.store_device_records();
    }
}

/// A tool entry written, and help to offer if what it says, or a check-in's scores, call
/// for it.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntrySaved {
    /// The entry as saved.
    pub record: ToolRecord,
    /// Help to offer after saving.
    pub help: Option<HelpOffer>,
}

impl Vault {
    /// Writes a new tool entry, with help to offer if its words sound dangerous (the entry is
    /// saved first, whatever it says).
    pub fn add_entry(&self, entry: &ToolEntry) -> Result<EntrySaved> {
        let record = self.insert_entry(entry)?;
        self.saved(record)
    }

    /// Replaces a tool entry with another of the same tool, with help to offer as for
    /// [`Vault::add_entry`].
    pub fn edit_entry(&self, id: &RecordId, entry: &ToolEntry) -> Result<EntrySaved> {
        let record = self.replace_entry(id, entry)?;
        self.saved(record)
    }

    /// A saved entry with the help its words, or a check-in's scores, call for.
    fn saved(&self, record: ToolRecord) -> Result<EntrySaved> {
        let concern = match &record.entry {
            ToolEntry::CheckIn(current) => self.with_session(|s, _| {
                let earlier: Vec<&CheckIn> = s
                    .features
                    .tools
                    .list(ToolKind::CheckIns)
                    .into_iter()
                    .filter_map(|r| match &r.entry {
                        ToolEntry::CheckIn(c) => Some(c),
                        _ => None,
                    })
                    .collect();
                Ok(crate::safety::check_in_concern(current, &earlier))
            })?,
            _ => None,
        };
        let help = crate::safety::offer_for(&record.entry.texts(), concern)?;
        Ok(EntrySaved { record, help })
    }

    fn insert_entry(&self, entry: &ToolEntry) -> Result<ToolRecord> {
        let entry = entry.validated()?;
        let now = self.now_ms();
        self.with_session(|s, conn| {
            let at = Timestamp::from_ms(now);
            let record =
                ToolRecord { id: RecordId::generate()?, created_at: at, updated_at: at, entry };
            let meta = RecordMeta {
                id: record.id,
                kind: RecordKind::ToolEntry,
                created_ms: now,
                updated_ms: now,
                fields: Vec::new(),
            };
            // What a person wrote lives in the body, as for every kind of record.
            let body = record.entry.encode()?;
            let row = s.write(conn, |tx, sealer| {
                let row = records::new_row(tx)?;
                sealer.insert(tx, row, &meta, &body)?;
                Ok(row)
            })?;
            s.features.tools.entries.insert(record.id, (row, record.clone()));
            store_schedule_if(s, record.entry.tool());
            Ok(record)
        })
        .inspect(|r| self.changed(DataChange::Tool { kind: r.entry.tool() }))
    }

    fn replace_entry(&self, id: &RecordId, entry: &ToolEntry) -> Result<ToolRecord> {
        let entry = entry.validated()?;
        let now = self.now_ms();
        self.with_session(|s, conn| {
            let (row, old) = s.features.tools.entries.get(id).cloned().ok_or(Error::NotFound)?;
            if old.entry.tool() != entry.tool() {
                return Err(Error::invalid(InputField::Entry, InputProblem::BadFormat));
            }
            let record = ToolRecord {
                id: *id,
                created_at: old.created_at,
                updated_at: Timestamp::from_ms(now),
                entry,
            };
            let meta = RecordMeta {
                id: *id,
                kind: RecordKind::ToolEntry,
                created_ms: old.created_at.ms(),
                updated_ms: now,
                fields: Vec::new(),
            };
            let body = record.entry.encode()?;
            s.write(conn, |tx, sealer| sealer.update(tx, row, &meta, &body))?;
            s.features.tools.entries.insert(*id, (row, record.clone()));
            store_schedule_if(s, record.entry.tool());
            db::checkpoint_after_commit(conn);
            Ok(record)
        })
        .inspect(|r| self.changed(DataChange::Tool { kind: r.entry.tool() }))
    }

    /// Deletes a tool entry for good.
    pub fn delete_entry(&self, id: &RecordId) -> Result<()> {
        let kind = self.with_session(|s, conn| {
            let (row, record) = s.features.tools.entries.get(id).ok_or(Error::NotFound)?;
            let (row, kind) = (*row, record.entry.tool());
            s.write(conn, |tx, sealer| sealer.delete(tx, row))?;
            s.features.tools.entries.remove(id);
            store_schedule_if(s, kind);
            db::checkpoint_after_commit(conn);
            Ok(kind)
        })?;
        self.changed(DataChange::Tool { kind });
        Ok(())
    }

    /// Today's check-in, if there is one (by the local day in the vault's time zone).
    pub fn todays_check_in(&self) -> Result<Option<ToolRecord>> {
        let today = CalendarDate::from_day_number(self.today()?);
        self.with_session(|s, _| {
            Ok(s.features
                .tools
                .list(ToolKind::CheckIns)
                .into_iter()
                .find(|r| matches!(&r.entry, ToolEntry::CheckIn(c) if c.date == today))
                .cloned())
        })
    }

    /// Checks in for today, stamped with the local day: replaces today's check-in if there
    /// is one already, so there is one per day. Help is offered when safety is low, the same
    /// score is low twice in a week, or the note sounds dangerous.
    pub fn check_in(
        &self,
        safety: i32,
        trust: i32,
        connection: i32,
        note: &str,
    ) -> Result<EntrySaved> {
        let date = CalendarDate::from_day_number(self.today()?);
        let entry =
            ToolEntry::CheckIn(CheckIn { date, safety, trust, connection, note: note.to_owned() });
        match self.todays_check_in()? {
            Some(existing) => self.edit_entry(&existing.id, &entry),
            None => self.add_entry(&entry),
        }
    }

    /// The entries of `tool`, newest first, at most [`MAX_LIST`].
    pub fn entries(&self, tool: ToolKind) -> Result<Vec<ToolRecord>> {
        self.with_session(|s, _| {
            Ok(s.features.tools.list(tool).into_iter().take(MAX_LIST).cloned().collect())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::Role;

    #[test]
    fn each_role_has_its_own_tools_each_listed_once() {
        for role in [Role::Repairing, Role::Hurt] {
            let tools = tools_for(role);
            let unique: std::collections::HashSet<_> = tools.iter().collect();
            assert_eq!(unique.len(), tools.len());
            assert!(!tools.contains(&ToolKind::CheckIns), "check-ins live with progress");
        }
        assert!(tools_for(Role::Hurt).contains(&ToolKind::Triggers));
        assert!(!tools_for(Role::Hurt).contains(&ToolKind::RemorseLetters));
        assert!(tools_for(Role::Repairing).contains(&ToolKind::RemorseLetters));
    }
}
