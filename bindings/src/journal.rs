//! The journal as the UIs see it. Ids cross the boundary as 32-character hex strings.

use crate::error::MendError;
use crate::vault::MendVault;

/// A note as written or edited.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NoteDraft {
    /// Title, up to 200 characters; may be empty if the body is not.
    pub title: String,
    /// Body, up to 1 MiB of UTF-8.
    pub body: String,
    /// Program step 1–6, if any.
    pub step: Option<u8>,
    /// Up to 20 tags of up to 40 characters.
    pub tags: Vec<String>,
}

/// A note without its body, for lists.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NoteSummary {
    /// The note's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its step, if any.
    pub step: Option<u8>,
    /// Its tags.
    pub tags: Vec<String>,
    /// When it was written, ms since the epoch.
    pub created_at_ms: i64,
    /// When it was last edited, ms since the epoch.
    pub updated_at_ms: i64,
}

/// A whole note.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Note {
    /// Everything but the body.
    pub summary: NoteSummary,
    /// The body.
    pub body: String,
}

/// Which notes to list or search.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct NoteFilter {
    /// Only this step.
    #[uniffi(default = None)]
    pub step: Option<u8>,
    /// Only this tag (ignoring case).
    #[uniffi(default = None)]
    pub tag: Option<String>,
}

/// One page of notes, newest first, and how many match in all.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NotePage {
    /// This page's notes.
    pub notes: Vec<NoteSummary>,
    /// How many match in all.
    pub total: u32,
}

fn page(offset: u32, limit: u32) -> mend_core::Page {
    mend_core::Page { offset, limit }
}

#[uniffi::export]
impl MendVault {
    /// Writes a new note.
    pub fn add_note(&self, draft: NoteDraft) -> Result<NoteSummary, MendError> {
        Ok(self.core.add_note(&draft.into())?.into())
    }

    /// Replaces a note's title, body, step and tags.
    pub fn edit_note(&self, id: String, draft: NoteDraft) -> Result<NoteSummary, MendError> {
        Ok(self.core.edit_note(&mend_core::NoteId::parse(&id)?, &draft.into())?.into())
    }

    /// Deletes a note for good.
    pub fn delete_note(&self, id: String) -> Result<(), MendError> {
        Ok(self.core.delete_note(&mend_core::NoteId::parse(&id)?)?)
    }

    /// Reads a whole note.
    pub fn get_note(&self, id: String) -> Result<Note, MendError> {
        Ok(self.core.note(&mend_core::NoteId::parse(&id)?)?.into())
    }

    /// How many notes there are.
    pub fn note_count(&self) -> Result<u32, MendError> {
        Ok(self.core.note_count()?)
    }

    /// Lists notes newest first; `limit` is 1–500.
    pub fn list_notes(
        &self,
        filter: NoteFilter,
        offset: u32,
        limit: u32,
    ) -> Result<NotePage, MendError> {
        Ok(self.core.list_notes(&filter.into(), page(offset, limit))?.into())
    }

    /// Decrypts every body for search now (call in the background right after unlock), so
    /// the first search is as fast as the rest.
    pub fn prepare_search(&self) -> Result<(), MendError> {
        Ok(self.core.prepare_search()?)
    }

    /// The newest notes, unfiltered: the journal's main list. The same as `list_notes` with
    /// an empty filter, but cheaper to call from Kotlin and Swift (no record to pass).
    pub fn newest_notes(&self, offset: u32, limit: u32) -> Result<NotePage, MendError> {
        self.list_notes(NoteFilter::default(), offset, limit)
    }

    /// Finds notes containing every word of `query` (ignoring case), newest first.
    pub fn search_notes(
        &self,
        query: String,
        filter: NoteFilter,
        offset: u32,
        limit: u32,
    ) -> Result<NotePage, MendError> {
        Ok(self.core.search_notes(&query, &filter.into(), page(offset, limit))?.into())
    }
}
