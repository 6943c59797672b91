//! Journal notes: what a person writes, the rules it must meet, and its sealed fields.

use crate::encoding::{Reader, Writer};
use crate::error::{Error, InputProblem, Result};
use crate::record::RecordId;

/// A note's id.
pub type NoteId = RecordId;

/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// The largest body, in bytes of UTF-8.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// The most tags on one note.
pub const MAX_TAGS: usize = 20;
/// The longest tag, in characters.
pub const MAX_TAG_CHARS: usize = 40;
/// The highest step number.
pub const STEPS: u8 = 6;

/// What a person writes or edits.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NoteDraft {
    /// A short title; may be empty when the body is not.
    pub title: String,
    /// The note itself.
    pub body: String,
    /// The program step (1–6) the note belongs to, if any.
    pub step: Option<u8>,
    /// Free tags.
    pub tags: Vec<String>,
}

/// A note as listed: everything but the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteSummary {
    /// The note's id.
    pub id: NoteId,
    /// Its title.
    pub title: String,
    /// Its step, if any.
    pub step: Option<u8>,
    /// Its tags, as first written.
    pub tags: Vec<String>,
    /// When it was written, ms since the epoch.
    pub created_ms: i64,
    /// When it was last edited, ms since the epoch.
    pub updated_ms: i64,
}

/// A whole note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Everything but the body.
    pub summary: NoteSummary,
    /// The body.
    pub body: String,
}

fn has_control(text: &str, allow_newlines: bool) -> bool {
    text.chars().any(|c| c.is_control() && !(allow_newlines && matches!(c, '\n' | '\r' | '\t')))
}

/// The tidy form of a draft's tags: trimmed, no empties, no duplicates (ignoring case).
pub fn tidy_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim();
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > MAX_TAG_CHARS {
            return Err(Error::invalid("tag", InputProblem::TooLong));
        }
        if has_control(tag, false) {
            return Err(Error::invalid("tag", InputProblem::BadCharacters));
        }
        let lower = tag.to_lowercase();
        if !out.iter().any(|t| t.to_lowercase() == lower) {
            out.push(tag.to_owned());
        }
    }
    if out.len() > MAX_TAGS {
        return Err(Error::invalid("tags", InputProblem::TooMany));
    }
    Ok(out)
}

/// Checks a step number.
pub fn validate_step(step: Option<u8>) -> Result<()> {
    match step {
        Some(s) if !(1..=STEPS).contains(&s) => {
            Err(Error::invalid("step", InputProblem::OutOfRange))
        }
        _ => Ok(()),
    }
}

impl NoteDraft {
    /// Checks the draft and returns it tidied (title trimmed, tags tidied).
    pub fn validated(&self) -> Result<NoteDraft> {
        let title = self.title.trim();
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(Error::invalid("title", InputProblem::TooLong));
        }
        if has_control(title, false) {
            return Err(Error::invalid("title", InputProblem::BadCharacters));
        }
        if self.body.len() > MAX_BODY_BYTES {
            return Err(Error::invalid("body", InputProblem::TooLong));
        }
        if has_control(&self.body, true) {
            return Err(Error::invalid("body", InputProblem::BadCharacters));
        }
        if title.is_empty() && self.body.trim().is_empty() {
            return Err(Error::invalid("note", InputProblem::Empty));
        }
        validate_step(self.step)?;
        Ok(NoteDraft {
            title: title.to_owned(),
            body: self.body.clone(),
            step: self.step,
            tags: tidy_tags(&self.tags)?,
        })
    }
}

/// A note's sealed metadata fields: title, step, tags.
pub fn encode_fields(title: &str, step: Option<u8>, tags: &[String]) -> Vec<u8> {
    let mut w = Writer::new();
    w.str(title).u8(step.unwrap_or(0)).u32(tags.len() as u32);
    for tag in tags {
        w.str(tag);
    }
    w.finish()
}

/// Decodes a note's sealed metadata fields.
pub fn decode_fields(data: &[u8]) -> Result<(String, Option<u8>, Vec<String>)> {
    let mut r = Reader::new(data);
    let title = r.str()?.to_owned();
    let step = match r.u8()? {
        0 => None,
        s if s <= STEPS => Some(s),
        _ => return Err(Error::Damaged("bad step")),
    };
    let count = r.u32()? as usize;
    if count > MAX_TAGS {
        return Err(Error::Damaged("too many tags"));
    }
    let tags = (0..count).map(|_| r.str().map(str::to_owned)).collect::<Result<Vec<_>>>()?;
    r.finish()?;
    Ok((title, step, tags))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(title: &str, body: &str) -> NoteDraft {
        NoteDraft { title: title.into(), body: body.into(), ..Default::default() }
    }

    #[test]
    fn limits_are_enforced_with_typed_errors() {
        let long_title = "t".repeat(MAX_TITLE_CHARS + 1);
        let cases = [
            (draft(&long_title, "b"), "title", InputProblem::TooLong),
            (draft("a\u{7}", "b"), "title", InputProblem::BadCharacters),
            (draft("t", &"b".repeat(MAX_BODY_BYTES + 1)), "body", InputProblem::TooLong),
            (draft(" ", "\n "), "note", InputProblem::Empty),
            (NoteDraft { step: Some(7), ..draft("t", "") }, "step", InputProblem::OutOfRange),
            (NoteDraft { step: Some(0), ..draft("t", "") }, "step", InputProblem::OutOfRange),
            (
                NoteDraft { tags: (0..21).map(|i| i.to_string()).collect(), ..draft("t", "") },
                "tags",
                InputProblem::TooMany,
            ),
            (
                NoteDraft { tags: vec!["x".repeat(MAX_TAG_CHARS + 1)], ..draft("t", "") },
                "tag",
                InputProblem::TooLong,
            ),
        ];
        for (d, field, problem) in cases {
            match d.validated() {
                Err(Error::InvalidInput { field: f, problem: p }) => {
                    assert_eq!((f, p), (field, problem))
                }
                other => panic!("expected {field} {problem:?}, got {other:?}"),
            }
        }
    }

    #[test]
    fn limits_themselves_are_allowed() {
        let d = NoteDraft {
            title: "é".repeat(MAX_TITLE_CHARS),
            body: "b".repeat(MAX_BODY_BYTES),
            step: Some(6),
            tags: (0..20).map(|i| format!("{i}")).collect(),
        };
        d.validated().unwrap();
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated_ignoring_case() {
        let tags = ["Trust ", "trust", "", " Évening", "ÉVENING"].map(String::from);
        assert_eq!(tidy_tags(&tags).unwrap(), vec!["Trust", "Évening"]);
    }

    #[test]
    fn fields_round_trip() {
        let tags = vec!["a".to_owned(), "ß".to_owned()];
        let enc = encode_fields("Title", Some(3), &tags);
        assert_eq!(decode_fields(&enc).unwrap(), ("Title".to_owned(), Some(3), tags));
    }
}
