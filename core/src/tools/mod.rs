//! The step tools and the hurt partner's tools: check-ins, the trigger log, the question log
//! and the no-contact log. Each entry is a sealed record; after unlock they are indexed in
//! memory and listed newest first.

pub mod entry;
pub mod reminders;

use std::collections::HashMap;

pub use entry::{
    Answer, Asker, Boundary, CheckIn, Contact, Entry, Question, QuestionKind, QuestionStatus,
    Reminder, ReminderPurpose, TimeTogether, Tool, Trigger, Worksheet,
};

use crate::error::{Error, InputProblem, Result};
use crate::record::{RecordHead, RecordId, RecordKind, RecordMeta};
use crate::store::{db, records};
use crate::vault::Vault;

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolRecord {
    /// Its id.
    pub id: RecordId,
    /// When it was written, ms since the epoch.
    pub created_ms: i64,
    /// When it was last changed.
    pub updated_ms: i64,
    /// The entry.
    pub entry: Entry,
}

/// The most entries one list returns.
pub const MAX_LIST: usize = 1_000;

/// All tool entries of an unlocked vault.
#[derive(Debug, Default)]
pub struct ToolIndex {
    entries: HashMap<RecordId, (i64, ToolRecord)>,
}

/// When an entry happened, for ordering: its own time where it has one.
fn when(r: &ToolRecord) -> i64 {
    match &r.entry {
        Entry::CheckIn(c) => i64::from(c.day) * 86_400_000,
        Entry::Trigger(t) => t.at_ms,
        Entry::Contact(c) => c.at_ms,
        Entry::TimeTogether(t) => t.at_ms,
        Entry::Question(_)
        | Entry::Reminder(_)
        | Entry::Sections(..)
        | Entry::Boundary(_)
        | Entry::CutTie(..) => r.created_ms,
    }
}

impl ToolIndex {
    /// Adds an entry read at unlock.
    pub fn load(&mut self, row: i64, head: &RecordHead, fields: &[u8]) -> Result<()> {
        let entry = Entry::decode(fields)?;
        let record = ToolRecord {
            id: head.id,
            created_ms: head.created_ms,
            updated_ms: head.updated_ms,
            entry,
        };
        self.entries.insert(head.id, (row, record));
        Ok(())
    }

    /// The entries of `tool`, newest first.
    pub fn list(&self, tool: Tool) -> Vec<&ToolRecord> {
        let mut out: Vec<&ToolRecord> =
            self.entries.values().map(|(_, r)| r).filter(|r| r.entry.tool() == tool).collect();
        out.sort_by(|a, b| when(b).cmp(&when(a)).then_with(|| b.created_ms.cmp(&a.created_ms)));
        out
    }
}

impl Vault {
    /// Writes a new tool entry.
    pub fn add_entry(&self, entry: &Entry) -> Result<ToolRecord> {
        let entry = entry.validated()?;
        let now = self.now_ms();
        self.with_session(|s, conn| {
            let record =
                ToolRecord { id: RecordId::generate()?, created_ms: now, updated_ms: now, entry };
            let meta = RecordMeta {
                id: record.id,
                kind: RecordKind::ToolEntry,
                created_ms: now,
                updated_ms: now,
                fields: record.entry.encode(),
            };
            let row = s.write(conn, |tx, sealer| {
                let row = records::new_row(tx)?;
                let (m, b) = sealer.seal_record(row, &meta, &[])?;
                records::insert(tx, row, &m, &b)?;
                Ok(row)
            })?;
            s.tools.entries.insert(record.id, (row, record.clone()));
            Ok(record)
        })
    }

    /// Replaces a tool entry with another of the same tool.
    pub fn edit_entry(&self, id: &RecordId, entry: &Entry) -> Result<ToolRecord> {
        let entry = entry.validated()?;
        let now = self.now_ms();
        self.with_session(|s, conn| {
            let (row, old) = s.tools.entries.get(id).cloned().ok_or(Error::NotFound)?;
            if old.entry.tool() != entry.tool() {
                return Err(Error::invalid("entry", InputProblem::BadFormat));
            }
            let record = ToolRecord { id: *id, created_ms: old.created_ms, updated_ms: now, entry };
            let meta = RecordMeta {
                id: *id,
                kind: RecordKind::ToolEntry,
                created_ms: old.created_ms,
                updated_ms: now,
                fields: record.entry.encode(),
            };
            s.write(conn, |tx, sealer| {
                let (m, b) = sealer.seal_record(row, &meta, &[])?;
                records::update(tx, row, &m, Some(&b))
            })?;
            s.tools.entries.insert(*id, (row, record.clone()));
            db::checkpoint_after_commit(conn);
            Ok(record)
        })
    }

    /// Deletes a tool entry for good.
    pub fn delete_entry(&self, id: &RecordId) -> Result<()> {
        self.with_session(|s, conn| {
            let row = s.tools.entries.get(id).ok_or(Error::NotFound)?.0;
            s.write(conn, |tx, _| records::delete(tx, row))?;
            s.tools.entries.remove(id);
            db::checkpoint_after_commit(conn);
            Ok(())
        })
    }

    /// The entries of `tool`, newest first, at most [`MAX_LIST`].
    pub fn entries(&self, tool: Tool) -> Result<Vec<ToolRecord>> {
        self.with_session(|s, _| {
            Ok(s.tools.list(tool).into_iter().take(MAX_LIST).cloned().collect())
        })
    }
}
