//! The in-memory index of notes, built at unlock from decrypted metadata.
//!
//! Kept sorted oldest-first by (created, row), so the newest page is a slice from the end;
//! rows increase as records are made, so notes written in the same millisecond keep their
//! order.
//! Lower-cased tags serve filtering. Entries wipe their text on drop.

use std::collections::HashMap;

use zeroize::Zeroize;

use super::note::{NoteId, NoteSummary, decode_fields};
use crate::clock::Timestamp;
use crate::error::Result;
use crate::record::RecordHead;

/// One indexed note.
pub struct Entry {
    /// The note's row.
    pub row: i64,
    /// Its summary.
    pub summary: NoteSummary,
    /// Its tags, lower-cased.
    pub tags_lower: Vec<String>,
}

impl Entry {
    fn new(row: i64, summary: NoteSummary) -> Self {
        let tags_lower = summary.tags.iter().map(|t| t.to_lowercase()).collect();
        Self { row, summary, tags_lower }
    }
}

impl Drop for Entry {
    fn drop(&mut self) {
        self.summary.title.zeroize();
        self.summary.tags.iter_mut().for_each(Zeroize::zeroize);
        self.tags_lower.iter_mut().for_each(Zeroize::zeroize);
    }
}

/// (created, row, id): the sort key and the note it points to.
type OrderKey = (Timestamp, i64, NoteId);

/// All notes of an unlocked vault.
#[derive(Default)]
pub struct NoteIndex {
    entries: HashMap<NoteId, Entry>,
    order: Vec<OrderKey>,
}

impl NoteIndex {
    /// An empty index with room for `n` notes.
    pub fn with_capacity(n: usize) -> Self {
        Self { entries: HashMap::with_capacity(n), order: Vec::with_capacity(n) }
    }

    /// Adds a note read at unlock; call [`NoteIndex::finish_loading`] after the last.
    pub fn load(&mut self, row: i64, head: &RecordHead, fields: &[u8]) -> Result<()> {
        let (title, step, tags) = decode_fields(fields)?;
        let summary = NoteSummary {
            id: head.id,
            title,
            step,
            tags,
            created_at: Timestamp::from_ms(head.created_ms),
            updated_at: Timestamp::from_ms(head.updated_ms),
            edited: head.updated_ms != head.created_ms,
        };
        self.order.push((summary.created_at, row, summary.id));
        self.entries.insert(summary.id, Entry::new(row, summary));
        Ok(())
    }

    /// Sorts after loading.
    pub fn finish_loading(&mut self) {
        self.order.sort_unstable();
    }

    /// Adds or replaces a note.
    pub fn put(&mut self, row: i64, summary: NoteSummary) {
        let key = (summary.created_at, row, summary.id);
        if let Some(old) = self.entries.insert(summary.id, Entry::new(row, summary)) {
            let old_key = (old.summary.created_at, old.row, old.summary.id);
            if old_key == key {
                return;
            }
            if let Ok(pos) = self.order.binary_search(&old_key) {
                self.order.remove(pos);
            }
        }
        let pos = self.order.binary_search(&key).unwrap_or_else(|p| p);
        self.order.insert(pos, key);
    }

    /// Removes a note.
    pub fn remove(&mut self, id: &NoteId) -> Option<Entry> {
        let entry = self.entries.remove(id)?;
        if let Ok(pos) = self.order.binary_search(&(entry.summary.created_at, entry.row, *id)) {
            self.order.remove(pos);
        }
        Some(entry)
    }

    /// A note's entry.
    pub fn get(&self, id: &NoteId) -> Option<&Entry> {
        self.entries.get(id)
    }

    /// How many notes there are.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether there are no notes.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Every note, newest first.
    pub fn newest_first(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.order.iter().rev().filter_map(|(_, _, id)| self.entries.get(id))
    }

    /// The `offset..offset + limit` newest notes, without filtering: a slice of the order.
    pub fn newest_page(&self, offset: usize, limit: usize) -> impl Iterator<Item = &Entry> + '_ {
        let end = self.order.len().saturating_sub(offset);
        let start = end.saturating_sub(limit);
        self.order[start..end].iter().rev().filter_map(|(_, _, id)| self.entries.get(id))
    }
}
