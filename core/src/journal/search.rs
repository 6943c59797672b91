//! Full-text search over titles, tags and bodies: case-insensitive, every word must match.
//!
//! On the first search after unlock every body is decrypted in one pass over the body table
//! and kept, lower-cased with its title and tags, in memory (wiped on lock); edits and
//! deletes keep it up to date.

use std::collections::HashMap;

use zeroize::Zeroizing;

use super::note::NoteId;
use crate::error::{Error, InputField, InputProblem, Result};
use crate::text::TextRule;

/// The longest query, in characters.
pub const MAX_QUERY_CHARS: u32 = 500;
/// The most words in one query.
pub const MAX_QUERY_WORDS: u32 = 20;

/// Each note's searchable text, lower-cased.
#[derive(Default)]
pub struct SearchCache {
    texts: HashMap<NoteId, Zeroizing<String>>,
}

impl SearchCache {
    /// An empty cache with room for `n` notes.
    pub fn with_capacity(n: usize) -> Self {
        Self { texts: HashMap::with_capacity(n) }
    }

    /// Adds or replaces a note's text. Fields are joined by newlines, which no search term
    /// contains, so a term never matches across two fields.
    pub fn put(&mut self, id: NoteId, title: &str, tags: &[String], body: &str) {
        let mut text = Zeroizing::new(String::with_capacity(title.len() + body.len() + 16));
        push_lowercase(&mut text, title);
        for tag in tags {
            text.push('\n');
            push_lowercase(&mut text, tag);
        }
        text.push('\n');
        push_lowercase(&mut text, body);
        self.texts.insert(id, text);
    }

    /// Forgets a note.
    pub fn remove(&mut self, id: &NoteId) {
        self.texts.remove(id);
    }

    /// Whether the note's text contains every term.
    pub fn matches(&self, id: &NoteId, terms: &[String]) -> bool {
        self.texts.get(id).is_some_and(|text| terms.iter().all(|t| text.contains(t.as_str())))
    }
}

/// Appends `part` lower-cased character by character (so text and queries compare alike),
/// without an intermediate copy when it is plain ASCII.
fn push_lowercase(out: &mut String, part: &str) {
    if part.is_ascii() {
        let start = out.len();
        out.push_str(part);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend(part.chars().flat_map(char::to_lowercase));
    }
}

/// Splits a query into lower-cased words.
pub fn terms(query: &str) -> Result<Vec<String>> {
    TextRule::line(MAX_QUERY_CHARS).check(InputField::Query, query)?;
    let words: Vec<String> = query
        .split_whitespace()
        .map(|w| {
            let mut out = String::with_capacity(w.len());
            push_lowercase(&mut out, w);
            out
        })
        .collect();
    if words.is_empty() {
        return Err(Error::invalid(InputField::Query, InputProblem::Empty));
    }
    if words.len() > MAX_QUERY_WORDS as usize {
        return Err(Error::invalid(
            InputField::Query,
            InputProblem::TooMany { max: MAX_QUERY_WORDS },
        ));
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_lower_cased_character_by_character() {
        for part in ["Plain ASCII", "Évening ÇA", "ΣΊΣΥΦΟΣ", "İstanbul", "straße 🙏"] {
            let mut out = String::new();
            push_lowercase(&mut out, part);
            let expected: String = part.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(out, expected, "{part}");
        }
        let mut text = SearchCache::default();
        let id = NoteId::generate().unwrap();
        text.put(id, "ΣΊΣΥΦΟΣ", &[], "");
        assert!(text.matches(&id, &terms("σίσυφοΣ").unwrap()));
    }

    #[test]
    fn queries_become_lower_cased_words() {
        assert_eq!(terms("  Évening  WALK ").unwrap(), vec!["évening", "walk"]);
        assert!(terms("   ").is_err());
        assert!(terms(&"a ".repeat(21)).is_err());
    }
}
