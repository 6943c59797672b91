//! What the features keep in memory while a vault is unlocked: the journal's index and search
//! cache, the practice history, the tool entries. The vault's session holds this without
//! knowing what is inside (it sees only [`FeatureState`]), so the vault depends on no
//! feature; each feature reads its own records here at unlock.

use crate::error::Result;
use crate::journal::index::NoteIndex;
use crate::journal::search::SearchCache;
use crate::program::content::Content;
use crate::program::practice::PracticeLog;
use crate::record::{RecordHead, RecordKind};
use crate::tools::{ToolIndex, schedule};
use crate::vault::session::FeatureState;

/// The features' in-memory state for one unlocked vault.
pub struct Features {
    /// The journal's index.
    pub notes: NoteIndex,
    /// Lower-cased note bodies for search, built on the first search.
    pub search: Option<SearchCache>,
    /// Moves on every change to the journal, so that a search cache built outside the
    /// vault's lock is only kept if no note changed meanwhile.
    pub notes_version: u64,
    /// The practice history.
    pub practice: PracticeLog,
    /// The tool entries.
    pub tools: ToolIndex,
}

impl FeatureState for Features {
    fn new(records: usize) -> Result<Self> {
        Ok(Self {
            notes: NoteIndex::with_capacity(records),
            search: None,
            notes_version: 0,
            practice: PracticeLog::new(Content::current()?),
            tools: ToolIndex::default(),
        })
    }

    fn load(&mut self, row: i64, head: &RecordHead, fields: &[u8]) -> Result<()> {
        match head.kind {
            RecordKind::Note => self.notes.load(row, head, fields),
            RecordKind::PracticeDay => self.practice.load(row, head, fields),
            RecordKind::ToolEntry => self.tools.load(row, head, fields),
            // The session keeps its own settings record.
            RecordKind::Settings => Ok(()),
        }
    }

    fn needs_body(head: &RecordHead, fields: &[u8]) -> bool {
        // A tool entry keeps everything in its body; older ones kept it in their fields.
        head.kind == RecordKind::ToolEntry && fields.is_empty()
    }

    fn load_body(&mut self, row: i64, head: &RecordHead, body: &[u8]) -> Result<()> {
        match head.kind {
            RecordKind::ToolEntry => self.tools.load(row, head, body),
            _ => Ok(()),
        }
    }

    fn finish_loading(&mut self) {
        self.notes.finish_loading();
    }

    fn device_records(&self) -> Vec<(&'static str, Vec<u8>)> {
        vec![(schedule::RECORD, self.tools.schedule())]
    }
}
