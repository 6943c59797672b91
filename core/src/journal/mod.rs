//! The private journal: notes with a title, a body, an optional step and tags.
//!
//! Notes are sealed records. After unlock, listing, filtering and search run over the
//! in-memory [`index`]; a body is decrypted only when a note is read or searched.

pub mod index;
pub mod note;
pub mod search;

pub use note::{Note, NoteDraft, NoteId, NoteSummary};

use crate::Vault;
use crate::clock::Timestamp;
use crate::crypto::Purpose;
use crate::error::{Error, InputField, Result};
use crate::events::DataChange;
use crate::features::Features;
use crate::record::{RecordId, RecordKind, RecordMeta};
use crate::safety::HelpOffer;
use crate::store::{db, records};
use crate::vault::manifest::Versions;
use crate::vault::session::{self, Session};
use std::collections::HashMap;

use index::Entry;
use rusqlite::Connection;
use search::SearchCache;

/// The most notes one page may hold.
pub const MAX_PAGE_LIMIT: u32 = 500;

/// Which notes to list: filtered by step and tag, and searched for words when given.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteQuery {
    /// Only notes of this step.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub step: Option<i32>,
    /// Only notes with this tag (ignoring case).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub tag: Option<String>,
    /// Only notes whose title, tags or body contain every one of these words (ignoring
    /// case). Blank means no search.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub words: Option<String>,
}

/// One page of notes and how many match in all.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotePage {
    /// The notes on this page, newest first.
    pub notes: Vec<NoteSummary>,
    /// How many notes match in all.
    pub total: i32,
}

struct Matcher {
    step: Option<i32>,
    tag: Option<String>,
}

impl Matcher {
    fn new(query: &NoteQuery) -> Result<Self> {
        note::validate_step(query.step)?;
        let tag = query.tag.as_deref().map(str::trim).filter(|t| !t.is_empty());
        Ok(Self { step: query.step, tag: tag.map(str::to_lowercase) })
    }

    fn is_everything(&self) -> bool {
        self.step.is_none() && self.tag.is_none()
    }

    fn matches(&self, e: &Entry) -> bool {
        self.step.is_none_or(|s| e.summary.step == Some(s))
            && self.tag.as_ref().is_none_or(|t| e.tags_lower.iter().any(|x| x == t))
    }
}

/// A checked window into a newest-first list.
struct Page {
    offset: usize,
    limit: usize,
}

impl Page {
    fn new(offset: i32, limit: i32) -> Result<Self> {
        let max = i64::from(MAX_PAGE_LIMIT);
        if !(1..=max).contains(&i64::from(limit)) {
            return Err(Error::out_of_range(InputField::PageLimit, 1, max));
        }
        let offset = usize::try_from(offset)
            .map_err(|_| Error::out_of_range(InputField::PageLimit, 0, i64::from(i32::MAX)))?;
        Ok(Self { offset, limit: limit as usize })
    }
}

/// Takes one page from a newest-first stream of matching entries and counts them all.
fn paginate<'a>(entries: impl Iterator<Item = &'a Entry>, page: Page) -> NotePage {
    let (offset, limit) = (page.offset, page.limit);
    let mut notes = Vec::with_capacity(limit.min(64));
    let mut total = 0usize;
    for entry in entries {
        if total >= offset && total < offset + limit {
            notes.push(entry.summary.clone());
        }
        total += 1;
    }
    NotePage { notes, total: i32::try_from(total).unwrap_or(i32::MAX) }
}

fn body_str(plain: &[u8]) -> Result<&str> {
    std::str::from_utf8(plain).map_err(|_| Error::Damaged("a note body is not text"))
}

fn body_text(plain: &[u8]) -> Result<String> {
    body_str(plain).map(str::to_owned)
}

/// What building the search cache needs, read under the vault's lock.
struct SealedBodies {
    keys: std::sync::Arc<crate::crypto::KeyRing>,
    notes: Vec<(i64, NoteId, String, Vec<String>)>,
    bodies: HashMap<i64, Vec<u8>>,
    versions: Versions,
    version: u64,
}

/// Reads every note's sealed body in one pass over the body table (quick: no decryption).
fn sealed_bodies(s: &Session<Features>, conn: &Connection) -> Result<SealedBodies> {
    let notes: Vec<(i64, NoteId, String, Vec<String>)> = s
        .features
        .notes
        .newest_first()
        .map(|e| (e.row, e.summary.id, e.summary.title.clone(), e.summary.tags.clone()))
        .collect();
    let wanted: std::collections::HashSet<i64> = notes.iter().map(|n| n.0).collect();
    let mut bodies = HashMap::with_capacity(notes.len());
    records::for_each_body(conn, |row, sealed| {
        if wanted.contains(&row) {
            bodies.insert(row, sealed.to_vec());
        }
        Ok(())
    })?;
    let versions = s.versions().subset(notes.iter().map(|n| n.0));
    let version = s.features.notes_version;
    Ok(SealedBodies { keys: s.shared_keys(), notes, bodies, versions, version })
}

/// Decrypts every body into a search cache; runs without the vault's lock.
fn build_search_cache(sealed: &SealedBodies) -> Result<SearchCache> {
    let mut cache = SearchCache::with_capacity(sealed.notes.len());
    let mut opener = sealed.keys.opener(Purpose::Records);
    for (row, id, title, tags) in &sealed.notes {
        let Some(body) = sealed.bodies.get(row) else {
            continue;
        };
        let read = |plain: &[u8]| {
            cache.put(*id, title, tags, body_str(plain)?);
            Ok(())
        };
        match session::read_sealed_body(&mut opener, &sealed.versions, *row, body, read) {
            Ok(()) => {}
            // A damaged body can still be found by its title and tags.
            Err(Error::Damaged(_)) => cache.put(*id, title, tags, ""),
            Err(other) => return Err(other),
        }
    }
    Ok(cache)
}

/// Builds the search cache unless it is there already, under the lock (used by a search
/// that finds no cache: it needs the answer now anyway).
fn ensure_search_cache(s: &mut Session<Features>, conn: &Connection) -> Result<()> {
    if s.features.search.is_none() {
        s.features.search = Some(build_search_cache(&sealed_bodies(s, conn)?)?);
    }
    Ok(())
}

/// A note written, and help to offer if what it says sounds dangerous.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteSaved {
    /// The note as saved.
    pub note: NoteSummary,
    /// Help to offer after saving, if the note's words sound dangerous.
    pub help: Option<HelpOffer>,
}

/// The offer for a note's words: its title and body are read.
fn offer_for(draft: &NoteDraft) -> Result<Option<HelpOffer>> {
    crate::safety::offer_for(&[&draft.title, &draft.body], None)
}

impl Vault {
    /// Writes a new note and returns its summary, with help to offer if its words sound
    /// dangerous (the note is saved first, whatever it says).
    pub fn add_note(&self, draft: &NoteDraft) -> Result<NoteSaved> {
        let draft = draft.validated()?;
        let now = self.now_ms();
        let summary = self.with_session(|s, conn| {
            let meta = RecordMeta {
                id: RecordId::generate()?,
                kind: RecordKind::Note,
                created_ms: now,
                updated_ms: now,
                fields: note::encode_fields(&draft.title, draft.step, &draft.tags),
            };
            let row = s.write(conn, |tx, sealer| {
                let row = records::new_row(tx)?;
                sealer.insert(tx, row, &meta, draft.body.as_bytes())?;
                Ok(row)
            })?;
            let summary = NoteSummary {
                id: meta.id,
                title: draft.title.clone(),
                step: draft.step,
                tags: draft.tags.clone(),
                created_at: Timestamp::from_ms(now),
                updated_at: Timestamp::from_ms(now),
                edited: false,
            };
            s.features.notes.put(row, summary.clone());
            s.features.notes_version += 1;
            if let Some(cache) = s.features.search.as_mut() {
                cache.put(meta.id, &draft.title, &draft.tags, &draft.body);
            }
            Ok(summary)
        })?;
        self.changed(DataChange::Notes);
        Ok(NoteSaved { note: summary, help: offer_for(&draft)? })
    }

    /// Replaces a note's title, body, step and tags, with help to offer as for
    /// [`Vault::add_note`].
    pub fn edit_note(&self, id: &NoteId, draft: &NoteDraft) -> Result<NoteSaved> {
        let draft = draft.validated()?;
        let now = self.now_ms();
        let summary = self.with_session(|s, conn| {
            let entry = s.features.notes.get(id).ok_or(Error::NotFound)?;
            let (row, created_at) = (entry.row, entry.summary.created_at);
            let meta = RecordMeta {
                id: *id,
                kind: RecordKind::Note,
                created_ms: created_at.ms(),
                updated_ms: now,
                fields: note::encode_fields(&draft.title, draft.step, &draft.tags),
            };
            s.write(conn, |tx, sealer| sealer.update(tx, row, &meta, draft.body.as_bytes()))?;
            let summary = NoteSummary {
                id: *id,
                title: draft.title.clone(),
                step: draft.step,
                tags: draft.tags.clone(),
                created_at,
                updated_at: Timestamp::from_ms(now),
                edited: now != created_at.ms(),
            };
            s.features.notes.put(row, summary.clone());
            s.features.notes_version += 1;
            if let Some(cache) = s.features.search.as_mut() {
                cache.put(*id, &draft.title, &draft.tags, &draft.body);
            }
            // Old envelopes are overwritten in place (secure_delete); fold the log too.
            db::checkpoint_after_commit(conn);
            Ok(summary)
        })?;
        self.changed(DataChange::Notes);
        Ok(NoteSaved { note: summary, help: offer_for(&draft)? })
    }

    /// Deletes a note. Its bytes are overwritten in the file, not just unlinked.
    pub fn delete_note(&self, id: &NoteId) -> Result<()> {
        self.with_session(|s, conn| {
            let row = s.features.notes.get(id).ok_or(Error::NotFound)?.row;
            s.write(conn, |tx, sealer| sealer.delete(tx, row))?;
            s.features.notes.remove(id);
            s.features.notes_version += 1;
            if let Some(cache) = s.features.search.as_mut() {
                cache.remove(id);
            }
            db::checkpoint_after_commit(conn);
            Ok(())
        })?;
        self.changed(DataChange::Notes);
        Ok(())
    }

    /// Reads a whole note.
    pub fn note(&self, id: &NoteId) -> Result<Note> {
        self.with_session(|s, conn| {
            let entry = s.features.notes.get(id).ok_or(Error::NotFound)?;
            let body = body_text(&s.open_body(conn, entry.row)?)?;
            Ok(Note { summary: entry.summary.clone(), body })
        })
    }

    /// How many notes the journal holds.
    pub fn note_count(&self) -> Result<u32> {
        self.with_session(|s, _| Ok(s.features.notes.len() as u32))
    }

    /// The journal's one list: notes newest first, filtered by step and tag, searched for
    /// the query's words when it has any, one page at a time (`limit` 1–500).
    pub fn notes(&self, query: &NoteQuery, offset: i32, limit: i32) -> Result<NotePage> {
        let page = Page::new(offset, limit)?;
        let matcher = Matcher::new(query)?;
        let words = query.words.as_deref().filter(|w| !w.trim().is_empty());
        let terms = words.map(search::terms).transpose()?;
        self.with_session(|s, conn| {
            let Some(terms) = terms else {
                if matcher.is_everything() {
                    let notes = s
                        .features
                        .notes
                        .newest_page(page.offset, page.limit)
                        .map(|e| e.summary.clone())
                        .collect();
                    return Ok(NotePage { notes, total: s.features.notes.len() as i32 });
                }
                return Ok(paginate(
                    s.features.notes.newest_first().filter(|e| matcher.matches(e)),
                    page,
                ));
            };
            ensure_search_cache(s, conn)?;
            let cache = s.features.search.as_ref().ok_or(Error::Locked)?;
            let hits = s
                .features
                .notes
                .newest_first()
                .filter(|e| matcher.matches(e) && cache.matches(&e.summary.id, &terms));
            Ok(paginate(hits, page))
        })
    }

    /// Every tag in use, once each (ignoring case), in alphabetical order: the journal's
    /// tag filter offers these.
    pub fn tags_in_use(&self) -> Result<Vec<String>> {
        self.with_session(|s, _| {
            let mut by_lower: std::collections::BTreeMap<String, String> = Default::default();
            for e in s.features.notes.newest_first() {
                for (tag, lower) in e.summary.tags.iter().zip(&e.tags_lower) {
                    by_lower.entry(lower.clone()).or_insert_with(|| tag.clone());
                }
            }
            Ok(by_lower.into_values().collect())
        })
    }

    /// Decrypts every body for search now, so the first search is as fast as the rest. Apps
    /// call it in the background right after unlock. Decryption runs without the vault's
    /// lock, so lists and the lock state answer meanwhile.
    pub fn prepare_search(&self) -> Result<()> {
        // A note written while the cache was being built makes it stale; try again then,
        // and in the end build it under the lock.
        for _ in 0..3 {
            let sealed = self.with_session(|s, conn| {
                if s.features.search.is_some() {
                    Ok(None)
                } else {
                    sealed_bodies(s, conn).map(Some)
                }
            })?;
            let Some(sealed) = sealed else {
                return Ok(());
            };
            let cache = build_search_cache(&sealed)?;
            let installed = self.with_session(|s, _| {
                if s.features.notes_version != sealed.version
                    || !std::sync::Arc::ptr_eq(&s.shared_keys(), &sealed.keys)
                {
                    return Ok(false);
                }
                s.features.search.get_or_insert(cache);
                Ok(true)
            })?;
            if installed {
                return Ok(());
            }
        }
        self.with_session(|s, conn| ensure_search_cache(s, conn))
    }
}
