//! The journal as the apps see it: notes, one query call for lists and search, tags.

use mend_core::{Note, NoteDraft, NotePage, NoteQuery, NoteSaved, RecordId};

use crate::error::MendError;
use crate::vault::MendVault;

#[uniffi::export]
impl MendVault {
    /// Writes a new note; `help` is the card to offer after saving when its words sound
    /// dangerous (the note is saved whatever it says).
    pub fn add_note(&self, draft: NoteDraft) -> Result<NoteSaved, MendError> {
        Ok(self.core.add_note(&draft)?)
    }

    /// Replaces a note's title, body, step and tags; `help` as for [`MendVault::add_note`].
    pub fn edit_note(&self, id: RecordId, draft: NoteDraft) -> Result<NoteSaved, MendError> {
        Ok(self.core.edit_note(&id, &draft)?)
    }

    /// Deletes a note for good.
    pub fn delete_note(&self, id: RecordId) -> Result<(), MendError> {
        Ok(self.core.delete_note(&id)?)
    }

    /// Reads a whole note.
    pub fn note(&self, id: RecordId) -> Result<Note, MendError> {
        Ok(self.core.note(&id)?)
    }

    /// How many notes the journal holds.
    pub fn note_count(&self) -> Result<i32, MendError> {
        Ok(i32::try_from(self.core.note_count()?).unwrap_or(i32::MAX))
    }

    /// The journal's one list: newest first, filtered, searched when the query has words,
    /// one page at a time (`limit` 1–500).
    pub fn notes(&self, query: NoteQuery, offset: i32, limit: i32) -> Result<NotePage, MendError> {
        Ok(self.core.notes(&query, offset, limit)?)
    }

    /// Every tag in use, alphabetically, for the journal's tag filter.
    pub fn tags_in_use(&self) -> Result<Vec<String>, MendError> {
        Ok(self.core.tags_in_use()?)
    }

    /// Decrypts every body for search now (call in the background right after unlock), so
    /// the first search is as fast as the rest. Lists and the lock state answer meanwhile.
    pub fn prepare_search(&self) -> Result<(), MendError> {
        Ok(self.core.prepare_search()?)
    }
}
