//! Plain exports: everything a person wrote, as JSON (stable field names, documented in
//! `docs/EXPORT.md`) or as Markdown to read. Unlike a backup, an export is not protected:
//! the apps warn before writing one, and the file is written whole or not at all, readable
//! only by its owner.

mod fields;
mod json;
mod markdown;

pub use fields::{Field, Value, date, entry_fields, outcome, time, time_for_people};

use std::path::Path;

use crate::Vault;
use crate::clock::Timestamp;
use crate::error::Result;
use crate::journal::{Note, NoteQuery};
use crate::program::PracticeDay;
use crate::record::ToolKind;
use crate::tools::ToolRecord;
use crate::vault::Role;

/// The version of the export's layout, written into the JSON.
pub const EXPORT_VERSION: i64 = 1;

/// How an export is written.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// JSON, for other programs.
    Json,
    /// Markdown, for people.
    Markdown,
}

/// Every tool, in the order exports list them.
pub const TOOLS: [ToolKind; 11] = [
    ToolKind::CheckIns,
    ToolKind::Triggers,
    ToolKind::Questions,
    ToolKind::Contacts,
    ToolKind::RemorseLetters,
    ToolKind::Stories,
    ToolKind::ValidationNotes,
    ToolKind::Boundaries,
    ToolKind::CutTies,
    ToolKind::TimeTogether,
    ToolKind::Reminders,
];

/// Everything a vault holds that a person wrote or chose, read at once.
pub struct Contents {
    /// Whose vault it is.
    pub role: Role,
    /// When the program started.
    pub started_at: Timestamp,
    /// When the export was made.
    pub exported_at: Timestamp,
    /// Every note, newest first, with its body.
    pub notes: Vec<Note>,
    /// Every day of practice, oldest first.
    pub practice: Vec<PracticeDay>,
    /// Every tool entry, by tool in [`TOOLS`] order, newest first within a tool.
    pub tools: Vec<ToolRecord>,
}

impl Vault {
    /// Reads everything for an export.
    pub fn contents(&self) -> Result<Contents> {
        let query = NoteQuery::default();
        let mut notes = Vec::new();
        loop {
            let page =
                self.notes(&query, notes.len() as i32, crate::journal::MAX_PAGE_LIMIT as i32)?;
            let last = page.notes.len() < crate::journal::MAX_PAGE_LIMIT as usize;
            for summary in page.notes {
                notes.push(self.note(&summary.id)?);
            }
            if last {
                break;
            }
        }
        let mut tools = Vec::new();
        for kind in TOOLS {
            tools.extend(self.entries(kind)?);
        }
        Ok(Contents {
            role: self.role()?,
            started_at: self.started_at()?,
            exported_at: Timestamp::from_ms(self.now_ms()),
            notes,
            practice: self.practice_history()?,
            tools,
        })
    }

    /// The name to suggest for an export made today: the local date and the format's
    /// extension, and in discreet mode a plain name that does not say which app made it.
    pub fn export_file_name(&self, format: ExportFormat) -> Result<String> {
        let today = crate::calendar::CalendarDate::from_day_number(self.today()?);
        let ext = match format {
            ExportFormat::Json => "json",
            ExportFormat::Markdown => "md",
        };
        let stem = if self.discreet_mode()? { "notes" } else { "mend-export" };
        Ok(format!("{stem}-{}.{ext}", date(today)))
    }

    /// Writes everything as a new, unprotected file at `dest` in `format`. Refuses an
    /// existing file; nothing is left at `dest` unless the whole file was written.
    pub fn export(&self, format: ExportFormat, dest: &Path) -> Result<()> {
        let contents = self.contents()?;
        let zone = self.zone();
        let text = zeroize::Zeroizing::new(match format {
            ExportFormat::Json => json::render(&contents, &*zone),
            ExportFormat::Markdown => markdown::render(&contents, &*zone),
        });
        crate::files::write_new(dest, text.as_bytes())
    }
}

/// The role's stable word.
pub fn role_word(role: Role) -> &'static str {
    match role {
        Role::Repairing => "repairing",
        Role::Hurt => "hurt",
    }
}
