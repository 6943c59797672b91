//! Journal notes: what a person writes, the rules it must meet, and its sealed fields.

use crate::clock::Timestamp;
use crate::encoding::{Reader, Writer};
use crate::error::{Error, InputField, InputProblem, Result};
use crate::record::RecordId;
use crate::text::TextRule;

/// A note's id.
pub type NoteId = RecordId;

/// The longest title, in characters.
pub const MAX_TITLE_CHARS: u32 = 200;
/// The largest body, in bytes of UTF-8.
pub const MAX_BODY_BYTES: u32 = 1024 * 1024;
/// The most tags on one note.
pub const MAX_TAGS: u32 = 20;
/// The longest tag, in characters.
pub const MAX_TAG_CHARS: u32 = 40;
/// The highest step number.
pub const STEPS: i32 = 6;

const TITLE: TextRule = TextRule::line(MAX_TITLE_CHARS);
const BODY: TextRule = TextRule::lines(MAX_BODY_BYTES).in_bytes();
const TAG: TextRule = TextRule::line(MAX_TAG_CHARS);

/// What a person writes or edits.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NoteDraft {
    /// A short title; may be empty when the body is not.
    pub title: String,
    /// The note itself.
    pub body: String,
    /// The program step (1–6) the note belongs to, if any.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub step: Option<i32>,
    /// Free tags.
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub tags: Vec<String>,
}

/// A note as listed: everything but the body.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteSummary {
    /// The note's id.
    pub id: NoteId,
    /// Its title.
    pub title: String,
    /// Its step, if any.
    pub step: Option<i32>,
    /// Its tags, as first written.
    pub tags: Vec<String>,
    /// When it was written.
    pub created_at: Timestamp,
    /// When it was last edited.
    pub updated_at: Timestamp,
    /// Whether it was edited after it was written.
    pub edited: bool,
}

/// A whole note.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Everything but the body.
    pub summary: NoteSummary,
    /// The body.
    pub body: String,
}

/// The tidy form of a draft's tags: trimmed, no empties, no duplicates (ignoring case).
pub fn tidy_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = TAG.tidy(InputField::Tag, tag)?;
        if tag.is_empty() {
            continue;
        }
        let lower = tag.to_lowercase();
        if !out.iter().any(|t| t.to_lowercase() == lower) {
            out.push(tag);
        }
    }
    if out.len() > MAX_TAGS as usize {
        return Err(Error::invalid(InputField::Tags, InputProblem::TooMany { max: MAX_TAGS }));
    }
    Ok(out)
}

/// Checks a step number.
pub fn validate_step(step: Option<i32>) -> Result<()> {
    match step {
        Some(s) if !(1..=STEPS).contains(&s) => {
            Err(Error::out_of_range(InputField::Step, 1, i64::from(STEPS)))
        }
        _ => Ok(()),
    }
}

impl NoteDraft {
    /// Checks the draft and returns it tidied (title trimmed, tags tidied).
    pub fn validated(&self) -> Result<NoteDraft> {
        let title = TITLE.tidy(InputField::Title, &self.title)?;
        BODY.check(InputField::Body, &self.body)?;
        if title.is_empty() && self.body.trim().is_empty() {
            return Err(Error::invalid(InputField::Note, InputProblem::Empty));
        }
        validate_step(self.step)?;
        Ok(NoteDraft {
            title,
            body: self.body.clone(),
            step: self.step,
            tags: tidy_tags(&self.tags)?,
        })
    }
}

/// A note's sealed metadata fields: title, step, tags.
pub fn encode_fields(title: &str, step: Option<i32>, tags: &[String]) -> Vec<u8> {
    let mut w = Writer::new();
    // Validated steps are 1–6; 0 stands for none.
    w.str(title).u8(step.map_or(0, |s| s as u8)).u32(tags.len() as u32);
    for tag in tags {
        w.str(tag);
    }
    w.finish()
}

/// Decodes a note's sealed metadata fields.
pub fn decode_fields(data: &[u8]) -> Result<(String, Option<i32>, Vec<String>)> {
    let mut r = Reader::new(data);
    let title = r.str()?.to_owned();
    let step = match i32::from(r.u8()?) {
        0 => None,
        s if s <= STEPS => Some(s),
        _ => return Err(Error::Damaged("bad step")),
    };
    let count = r.u32()? as usize;
    if count > MAX_TAGS as usize {
        return Err(Error::Damaged("too many tags"));
    }
    let tags = (0..count).map(|_| r.str().map(str::to_owned)).collect::<Result<Vec<_>>>()?;
    r.finish()?;
    Ok((title, step, tags))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::LengthUnit;

    fn draft(title: &str, body: &str) -> NoteDraft {
        NoteDraft { title: title.into(), body: body.into(), ..Default::default() }
    }

    #[test]
    fn limits_are_enforced_with_typed_errors_that_name_the_limit() {
        let chars = LengthUnit::Characters;
        let long_title = "t".repeat(MAX_TITLE_CHARS as usize + 1);
        let cases = [
            (
                draft(&long_title, "b"),
                InputField::Title,
                InputProblem::TooLong { max: MAX_TITLE_CHARS, unit: chars },
            ),
            (draft("a\u{7}", "b"), InputField::Title, InputProblem::ControlCharacters),
            (
                draft("t", &"b".repeat(MAX_BODY_BYTES as usize + 1)),
                InputField::Body,
                InputProblem::TooLong { max: MAX_BODY_BYTES, unit: LengthUnit::Bytes },
            ),
            (draft(" ", "\n "), InputField::Note, InputProblem::Empty),
            (
                NoteDraft { step: Some(7), ..draft("t", "") },
                InputField::Step,
                InputProblem::OutOfRange { min: 1, max: 6 },
            ),
            (
                NoteDraft { step: Some(0), ..draft("t", "") },
                InputField::Step,
                InputProblem::OutOfRange { min: 1, max: 6 },
            ),
            (
                NoteDraft { tags: (0..21).map(|i| i.to_string()).collect(), ..draft("t", "") },
                InputField::Tags,
                InputProblem::TooMany { max: MAX_TAGS },
            ),
            (
                NoteDraft { tags: vec!["x".repeat(MAX_TAG_CHARS as usize + 1)], ..draft("t", "") },
                InputField::Tag,
                InputProblem::TooLong { max: MAX_TAG_CHARS, unit: chars },
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
            title: "é".repeat(MAX_TITLE_CHARS as usize),
            body: "b".repeat(MAX_BODY_BYTES as usize),
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
