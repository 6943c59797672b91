//! The private journal: notes with a title, a body, an optional step and tags.
//!
//! Notes are sealed records. After unlock, listing, filtering and search run over the
//! in-memory [`index`]; a body is decrypted only when a note is read or searched.

pub mod index;
pub mod note;
pub mod search;

pub use note::{Note, NoteDraft, NoteId, NoteSummary};

use crate::error::{Error, InputProblem, Result};
use crate::record::{RecordId, RecordKind, RecordMeta};
use crate::store::{db, records};
use crate::vault::Vault;
use crate::vault::session::Session;
use std::collections::HashMap;

use index::Entry;
use rusqlite::Connection;
use search::SearchCache;

/// The most notes one page may hold.
pub const MAX_PAGE_LIMIT: u32 = 500;

/// Which notes to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteFilter {
    /// Only notes of this step.
    pub step: Option<u8>,
    /// Only notes with this tag (ignoring case).
    pub tag: Option<String>,
}

/// A window into a newest-first list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// How many notes to skip.
    pub offset: u32,
    /// How many notes to return at most (1–500).
    pub limit: u32,
}

impl Page {
    /// The first page of `limit` notes.
    pub fn first(limit: u32) -> Self {
        Self { offset: 0, limit }
    }
}

/// One page of notes and how many match in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotePage {
    /// The notes on this page, newest first.
    pub notes: Vec<NoteSummary>,
    /// How many notes match in all.
    pub total: u32,
}

struct Matcher {
    step: Option<u8>,
    tag: Option<String>,
}

impl Matcher {
    fn new(filter: &NoteFilter) -> Result<Self> {
        note::validate_step(filter.step)?;
        let tag = filter.tag.as_deref().map(str::trim).filter(|t| !t.is_empty());
        Ok(Self { step: filter.step, tag: tag.map(str::to_lowercase) })
    }

    fn is_everything(&self) -> bool {
        self.step.is_none() && self.tag.is_none()
    }

    fn matches(&self, e: &Entry) -> bool {
        self.step.is_none_or(|s| e.summary.step == Some(s))
            && self.tag.as_ref().is_none_or(|t| e.tags_lower.iter().any(|x| x == t))
    }
}

fn check_page(page: Page) -> Result<()> {
    if page.limit == 0 || page.limit > MAX_PAGE_LIMIT {
        return Err(Error::invalid("page limit", InputProblem::OutOfRange));
    }
    Ok(())
}

/// Takes one page from a newest-first stream of matching entries and counts them all.
fn paginate<'a>(entries: impl Iterator<Item = &'a Entry>, page: Page) -> NotePage {
    let (offset, limit) = (page.offset as usize, page.limit as usize);
    let mut notes = Vec::with_capacity(limit.min(64));
    let mut total = 0u32;
    for entry in entries {
        let i = total as usize;
        if i >= offset && i < offset + limit {
            notes.push(entry.summary.clone());
        }
        total += 1;
    }
    NotePage { notes, total }
}

fn body_str(plain: &[u8]) -> Result<&str> {
    std::str::from_utf8(plain).map_err(|_| Error::Damaged("a note body is not text"))
}

fn body_text(plain: &[u8]) -> Result<String> {
    body_str(plain).map(str::to_owned)
}

/// Decrypts every note body in one pass over the body table.
fn build_search_cache(s: &Session, conn: &Connection) -> Result<SearchCache> {
    let by_row: HashMap<i64, &Entry> = s.notes.newest_first().map(|e| (e.row, e)).collect();
    let mut cache = SearchCache::with_capacity(by_row.len());
    records::for_each_body(conn, |row, sealed| {
        let Some(entry) = by_row.get(&row) else {
            return Ok(());
        };
        let summary = &entry.summary;
        let body = s.open_sealed_body(row, sealed).and_then(|plain| {
            cache.put(summary.id, &summary.title, &summary.tags, body_str(&plain)?);
            Ok(())
        });
        match body {
            Ok(()) => {}
            // A damaged body can still be found by its title and tags.
            Err(Error::Damaged(_)) => cache.put(summary.id, &summary.title, &summary.tags, ""),
            Err(other) => return Err(other),
        }
        Ok(())
    })?;
    Ok(cache)
}

/// Builds the search cache unless it is there already.
fn ensure_search_cache(s: &mut Session, conn: &Connection) -> Result<()> {
    if s.search.is_none() {
        s.search = Some(build_search_cache(s, conn)?);
    }
    Ok(())
}

impl Vault {
    /// Writes a new note and returns its summary.
    pub fn add_note(&self, draft: &NoteDraft) -> Result<NoteSummary> {
        let draft = draft.validated()?;
        let now = self.now_ms();
        self.with_session(|s, conn| {
            let meta = RecordMeta {
                id: RecordId::generate()?,
                kind: RecordKind::Note,
                created_ms: now,
                updated_ms: now,
                fields: note::encode_fields(&draft.title, draft.step, &draft.tags),
            };
            let row = s.write(conn, |tx, sealer| {
                let row = records::new_row(tx)?;
                let (m, b) = sealer.seal_record(row, &meta, draft.body.as_bytes())?;
                records::insert(tx, row, &m, &b)?;
                Ok(row)
            })?;
            let summary = NoteSummary {
                id: meta.id,
                title: draft.title.clone(),
                step: draft.step,
                tags: draft.tags.clone(),
                created_ms: now,
                updated_ms: now,
            };
            s.notes.put(row, summary.clone());
            if let Some(cache) = s.search.as_mut() {
                cache.put(meta.id, &draft.title, &draft.tags, &draft.body);
            }
            Ok(summary)
        })
    }

    /// Replaces a note's title, body, step and tags.
    pub fn edit_note(&self, id: &NoteId, draft: &NoteDraft) -> Result<NoteSummary> {
        let draft = draft.validated()?;
        let now = self.now_ms();
        self.with_session(|s, conn| {
            let entry = s.notes.get(id).ok_or(Error::NotFound)?;
            let (row, created_ms) = (entry.row, entry.summary.created_ms);
            let meta = RecordMeta {
                id: *id,
                kind: RecordKind::Note,
                created_ms,
                updated_ms: now,
                fields: note::encode_fields(&draft.title, draft.step, &draft.tags),
            };
            s.write(conn, |tx, sealer| {
                let (m, b) = sealer.seal_record(row, &meta, draft.body.as_bytes())?;
                records::update(tx, row, &m, Some(&b))
            })?;
            let summary = NoteSummary {
                id: *id,
                title: draft.title.clone(),
                step: draft.step,
                tags: draft.tags.clone(),
                created_ms,
                updated_ms: now,
            };
            s.notes.put(row, summary.clone());
            if let Some(cache) = s.search.as_mut() {
                cache.put(*id, &draft.title, &draft.tags, &draft.body);
            }
            // Old envelopes are overwritten in place (secure_delete); fold the log too.
            db::checkpoint_after_commit(conn);
            Ok(summary)
        })
    }

    /// Deletes a note. Its bytes are overwritten in the file, not just unlinked.
    pub fn delete_note(&self, id: &NoteId) -> Result<()> {
        self.with_session(|s, conn| {
            let row = s.notes.get(id).ok_or(Error::NotFound)?.row;
            s.write(conn, |tx, _| records::delete(tx, row))?;
            s.notes.remove(id);
            if let Some(cache) = s.search.as_mut() {
                cache.remove(id);
            }
            db::checkpoint_after_commit(conn);
            Ok(())
        })
    }

    /// Reads a whole note.
    pub fn note(&self, id: &NoteId) -> Result<Note> {
        self.with_session(|s, conn| {
            let entry = s.notes.get(id).ok_or(Error::NotFound)?;
            let body = body_text(&s.open_body(conn, entry.row)?)?;
            Ok(Note { summary: entry.summary.clone(), body })
        })
    }

    /// How many notes the journal holds.
    pub fn note_count(&self) -> Result<u32> {
        self.with_session(|s, _| Ok(s.notes.len() as u32))
    }

    /// Lists notes newest first, filtered by step and tag, one page at a time.
    pub fn list_notes(&self, filter: &NoteFilter, page: Page) -> Result<NotePage> {
        check_page(page)?;
        let matcher = Matcher::new(filter)?;
        self.with_session(|s, _| {
            if matcher.is_everything() {
                let notes = s
                    .notes
                    .newest_page(page.offset as usize, page.limit as usize)
                    .map(|e| e.summary.clone())
                    .collect();
                return Ok(NotePage { notes, total: s.notes.len() as u32 });
            }
            Ok(paginate(s.notes.newest_first().filter(|e| matcher.matches(e)), page))
        })
    }

    /// Decrypts every body for search now, so the first search is as fast as the rest.
    /// UIs call it in the background right after unlock; searching without it works too.
    pub fn prepare_search(&self) -> Result<()> {
        self.with_session(|s, conn| ensure_search_cache(s, conn))
    }

    /// Finds notes whose title, tags or body contain every word of `query`, ignoring case;
    /// newest first, filtered and paged like [`Vault::list_notes`].
    pub fn search_notes(&self, query: &str, filter: &NoteFilter, page: Page) -> Result<NotePage> {
        check_page(page)?;
        let terms = search::terms(query)?;
        let matcher = Matcher::new(filter)?;
        self.with_session(|s, conn| {
            ensure_search_cache(s, conn)?;
            let cache = s.search.as_ref().ok_or(Error::Locked)?;
            let hits = s
                .notes
                .newest_first()
                .filter(|e| matcher.matches(e) && cache.matches(&e.summary.id, &terms));
            Ok(paginate(hits, page))
        })
    }
}
