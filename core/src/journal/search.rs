//! Full-text search over titles, tags and bodies: case-insensitive, every word must match.
//!
//! Bodies are decrypted and lower-cased once, on the first search after unlock, then kept in
//! memory (wiped on lock) and updated as notes change.

use std::collections::HashMap;

use zeroize::Zeroizing;

use super::index::Entry;
use super::note::NoteId;
use crate::error::{Error, InputProblem, Result};

/// The longest query, in characters.
pub const MAX_QUERY_CHARS: usize = 500;
/// The most words in one query.
pub const MAX_QUERY_WORDS: usize = 20;

/// Lower-cased bodies of every note.
#[derive(Default)]
pub struct SearchCache {
    bodies: HashMap<NoteId, Zeroizing<String>>,
}

impl SearchCache {
    /// Adds or replaces a note's body.
    pub fn put(&mut self, id: NoteId, body: &str) {
        self.bodies.insert(id, Zeroizing::new(body.to_lowercase()));
    }

    /// Forgets a note's body.
    pub fn remove(&mut self, id: &NoteId) {
        self.bodies.remove(id);
    }

    /// Whether `entry` contains every term in its title, tags or body.
    pub fn matches(&self, entry: &Entry, terms: &[String]) -> bool {
        let body = self
            .bodies
            .get(&entry.summary.id)
            .map(|b| b.as_str())
            .unwrap_or("");
        terms.iter().all(|term| {
            entry.title_lower.contains(term.as_str())
                || body.contains(term.as_str())
                || entry.tags_lower.iter().any(|t| t.contains(term.as_str()))
        })
    }
}

/// Splits a query into lower-cased words.
pub fn terms(query: &str) -> Result<Vec<String>> {
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(Error::invalid("query", InputProblem::TooLong));
    }
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Err(Error::invalid("query", InputProblem::Empty));
    }
    if words.len() > MAX_QUERY_WORDS {
        return Err(Error::invalid("query", InputProblem::TooMany));
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_become_lower_cased_words() {
        assert_eq!(terms("  Évening  WALK ").unwrap(), vec!["évening", "walk"]);
        assert!(terms("   ").is_err());
        assert!(terms(&"a ".repeat(21)).is_err());
    }
}
