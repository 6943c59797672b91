//! One tool entry of any kind, so that storing, indexing and deleting is written once. Each
//! kind lives in its own file with its rules and its encoding; this file tags and dispatches.

use super::boundary::Boundary;
use super::check_in::CheckIn;
use super::contact::Contact;
use super::cut_tie::CutTie;
use super::question::Question;
use super::reminder::Reminder;
use super::time_together::TimeTogether;
use super::trigger::Trigger;
use super::worksheet::{Worksheet, WorksheetKind};
use crate::encoding::{Reader, Writer};
use crate::error::{Error, InputField, Result};
pub use crate::record::ToolKind;
use crate::text::TextRule;

/// The longest free text in a tool entry, in characters.
pub const MAX_TEXT_CHARS: u32 = 4_000;
/// The highest score a check-in or a trigger's intensity can have.
pub const MAX_SCORE: i32 = 10;

/// The rule for a tool entry's free texts.
pub(super) const TEXT: TextRule = TextRule::lines(MAX_TEXT_CHARS);

/// A stored entry that does not decode.
pub(super) const BAD: Error = Error::Damaged("bad tool entry");

/// A stored yes/no byte.
pub(super) fn flag(byte: u8) -> Result<bool> {
    match byte {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(BAD),
    }
}

/// A score from 0 to [`MAX_SCORE`].
pub(super) fn score(field: InputField, value: i32) -> Result<i32> {
    if (0..=MAX_SCORE).contains(&value) {
        Ok(value)
    } else {
        Err(Error::out_of_range(field, 0, i64::from(MAX_SCORE)))
    }
}

/// One tool entry.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToolEntry {
    /// A daily check-in.
    CheckIn(CheckIn),
    /// A trigger.
    Trigger(Trigger),
    /// A question.
    Question(Question),
    /// A contact attempt.
    Contact(Contact),
    /// A reminder.
    Reminder(Reminder),
    /// A written worksheet: a remorse letter, a story worksheet or a validation note.
    Worksheet(Worksheet),
    /// A boundary or a need.
    Boundary(Boundary),
    /// An item of the cut-ties checklist.
    CutTie(CutTie),
    /// Time together.
    TimeTogether(TimeTogether),
}

impl ToolEntry {
    /// The free text a person wrote in it, every field: what the safety check reads.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            ToolEntry::CheckIn(c) => vec![&c.note],
            ToolEntry::Trigger(t) => vec![&t.what, &t.helped],
            ToolEntry::Question(q) => vec![&q.text, &q.answer],
            ToolEntry::Contact(c) => vec![&c.channel, &c.what_happened, &c.how_handled],
            ToolEntry::Reminder(_) => Vec::new(),
            ToolEntry::Worksheet(w) => w.sections.iter().map(String::as_str).collect(),
            ToolEntry::Boundary(b) => vec![&b.text],
            ToolEntry::CutTie(c) => vec![&c.item],
            ToolEntry::TimeTogether(t) => vec![&t.plan],
        }
    }

    /// The tool it belongs to.
    pub fn tool(&self) -> ToolKind {
        match self {
            ToolEntry::CheckIn(_) => ToolKind::CheckIns,
            ToolEntry::Trigger(_) => ToolKind::Triggers,
            ToolEntry::Question(_) => ToolKind::Questions,
            ToolEntry::Contact(_) => ToolKind::Contacts,
            ToolEntry::Reminder(_) => ToolKind::Reminders,
            ToolEntry::Worksheet(w) => match w.kind {
                WorksheetKind::RemorseLetter => ToolKind::RemorseLetters,
                WorksheetKind::Story => ToolKind::Stories,
                WorksheetKind::ValidationNote => ToolKind::ValidationNotes,
            },
            ToolEntry::Boundary(_) => ToolKind::Boundaries,
            ToolEntry::CutTie(_) => ToolKind::CutTies,
            ToolEntry::TimeTogether(_) => ToolKind::TimeTogether,
        }
    }

    /// Checks the entry and returns it tidied (texts trimmed).
    pub fn validated(&self) -> Result<ToolEntry> {
        Ok(match self {
            ToolEntry::CheckIn(e) => ToolEntry::CheckIn(e.validated()?),
            ToolEntry::Trigger(e) => ToolEntry::Trigger(e.validated()?),
            ToolEntry::Question(e) => ToolEntry::Question(e.validated()?),
            ToolEntry::Contact(e) => ToolEntry::Contact(e.validated()?),
            ToolEntry::Reminder(e) => ToolEntry::Reminder(e.validated()?),
            ToolEntry::Worksheet(e) => ToolEntry::Worksheet(e.validated()?),
            ToolEntry::Boundary(e) => ToolEntry::Boundary(e.validated()?),
            ToolEntry::CutTie(e) => ToolEntry::CutTie(e.validated()?),
            ToolEntry::TimeTogether(e) => ToolEntry::TimeTogether(e.validated()?),
        })
    }

    /// Encodes a validated entry for its sealed metadata: a tag byte, then the kind's fields.
    pub fn encode(&self) -> Result<Vec<u8>> {
        let mut w = Writer::new();
        match self {
            ToolEntry::CheckIn(e) => e.encode(w.u8(1))?,
            ToolEntry::Trigger(e) => e.encode(w.u8(2)),
            ToolEntry::Question(e) => e.encode(w.u8(3)),
            ToolEntry::Contact(e) => e.encode(w.u8(4)),
            ToolEntry::Reminder(e) => e.encode(w.u8(5)),
            ToolEntry::Worksheet(e) => e.encode(w.u8(6)),
            ToolEntry::Boundary(e) => e.encode(w.u8(7)),
            ToolEntry::CutTie(e) => e.encode(w.u8(8)),
            ToolEntry::TimeTogether(e) => e.encode(w.u8(9)),
        }
        Ok(w.finish())
    }

    /// Decodes an entry from its sealed metadata.
    pub fn decode(data: &[u8]) -> Result<ToolEntry> {
        let mut r = Reader::new(data);
        let entry = match r.u8()? {
            1 => ToolEntry::CheckIn(CheckIn::decode(&mut r)?),
            2 => ToolEntry::Trigger(Trigger::decode(&mut r)?),
            3 => ToolEntry::Question(Question::decode(&mut r)?),
            4 => ToolEntry::Contact(Contact::decode(&mut r)?),
            5 => ToolEntry::Reminder(Reminder::decode(&mut r)?),
            6 => ToolEntry::Worksheet(Worksheet::decode(&mut r)?),
            7 => ToolEntry::Boundary(Boundary::decode(&mut r)?),
            8 => ToolEntry::CutTie(CutTie::decode(&mut r)?),
            9 => ToolEntry::TimeTogether(TimeTogether::decode(&mut r)?),
            _ => return Err(BAD),
        };
        r.finish()?;
        Ok(entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{CalendarDate, Weekday};
    use crate::clock::Timestamp;
    use crate::error::InputProblem;
    use crate::tools::{Asker, InvitationAnswer, QuestionKind, QuestionStatus, ReminderPurpose};

    fn question(text: &str) -> ToolEntry {
        ToolEntry::Question(Question {
            text: text.into(),
            asked_by: Asker::Partner,
            kind: QuestionKind::Fact,
            answer: String::new(),
            status: QuestionStatus::Open,
        })
    }

    fn samples() -> Vec<ToolEntry> {
        let at = Timestamp::from_ms;
        vec![
            ToolEntry::CheckIn(CheckIn {
                date: CalendarDate { year: 2026, month: 3, day: 29 },
                safety: 3,
                trust: 2,
                connection: 5,
                note: "Hard morning".into(),
            }),
            ToolEntry::Trigger(Trigger {
                at: at(5),
                what: "A song in the café".into(),
                intensity: 8,
                helped: "Walking".into(),
            }),
            question("When did it start?"),
            ToolEntry::Reminder(Reminder {
                purpose: ReminderPurpose::CheckIn,
                weekdays: vec![Weekday::Monday, Weekday::Tuesday, Weekday::Friday],
                hour: 20,
                minute: 30,
                enabled: true,
            }),
            ToolEntry::Worksheet(Worksheet {
                kind: WorksheetKind::RemorseLetter,
                sections: vec![
                    "I lied.".into(),
                    "You stopped sleeping.".into(),
                    "It was my choice.".into(),
                    "I answer every question.".into(),
                ],
            }),
            ToolEntry::Worksheet(Worksheet {
                kind: WorksheetKind::Story,
                sections: vec!["Loneliness".into(), String::new(), "Fear".into()],
            }),
            ToolEntry::Boundary(Boundary {
                is_need: true,
                text: "Space after nine".into(),
                agreed: false,
            }),
            ToolEntry::CutTie(CutTie { item: "Blocked on every app".into(), done: true }),
            ToolEntry::TimeTogether(TimeTogether {
                at: at(3),
                plan: "A walk".into(),
                asked: true,
                answer: InvitationAnswer::NotNow,
                respected: true,
            }),
            ToolEntry::Contact(Contact {
                at: at(9),
                channel: "message".into(),
                what_happened: "They wrote".into(),
                how_handled: "Did not reply; blocked".into(),
                disclosed_at: Some(at(10)),
            }),
        ]
    }

    fn invalid(e: &ToolEntry) -> (InputField, InputProblem) {
        match e.validated() {
            Err(Error::InvalidInput { field, problem }) => (field, problem),
            other => panic!("expected invalid input, got {other:?}"),
        }
    }

    #[test]
    fn entries_round_trip_and_reject_bad_bytes() {
        for e in samples() {
            let bytes = e.encode().unwrap();
            assert_eq!(ToolEntry::decode(&bytes).unwrap(), e);
            let mut bad = bytes.clone();
            bad.push(0);
            assert!(ToolEntry::decode(&bad).is_err());
            assert!(ToolEntry::decode(&bytes[..bytes.len() - 1]).is_err());
        }
        assert!(ToolEntry::decode(&[9]).is_err());
        assert!(ToolEntry::decode(&[0]).is_err());
    }

    #[test]
    fn worksheets_need_their_sections_and_some_words() {
        let short = ToolEntry::Worksheet(Worksheet {
            kind: WorksheetKind::RemorseLetter,
            sections: vec!["one".into(), "two".into()],
        });
        assert_eq!(invalid(&short), (InputField::Sections, InputProblem::BadFormat));
        let blank = ToolEntry::Worksheet(Worksheet {
            kind: WorksheetKind::ValidationNote,
            sections: vec![" ".into(), String::new(), "\n".into()],
        });
        assert_eq!(invalid(&blank), (InputField::Sections, InputProblem::Empty));
        let empty_item = ToolEntry::CutTie(CutTie { item: " ".into(), done: false });
        assert_eq!(invalid(&empty_item), (InputField::Item, InputProblem::Empty));
    }

    #[test]
    fn validation_checks_scores_texts_and_times_and_names_the_limit() {
        let e = ToolEntry::CheckIn(CheckIn {
            date: CalendarDate { year: 2026, month: 1, day: 1 },
            safety: 11,
            trust: 0,
            connection: 0,
            note: String::new(),
        });
        assert_eq!(invalid(&e), (InputField::Safety, InputProblem::OutOfRange { min: 0, max: 10 }));
        let e = ToolEntry::Trigger(Trigger {
            at: Timestamp::from_ms(0),
            what: "  ".into(),
            intensity: -1,
            helped: String::new(),
        });
        assert_eq!(invalid(&e), (InputField::What, InputProblem::Empty));
        let e = question(&"x".repeat(MAX_TEXT_CHARS as usize + 1));
        assert_eq!(
            invalid(&e),
            (
                InputField::Question,
                InputProblem::TooLong {
                    max: MAX_TEXT_CHARS,
                    unit: crate::error::LengthUnit::Characters
                }
            )
        );
        let late = ToolEntry::Reminder(Reminder {
            purpose: ReminderPurpose::Practice,
            weekdays: vec![Weekday::Sunday],
            hour: 24,
            minute: 0,
            enabled: true,
        });
        assert_eq!(
            invalid(&late),
            (InputField::Hour, InputProblem::OutOfRange { min: 0, max: 23 })
        );
        for e in samples() {
            e.validated().unwrap();
        }
    }

    #[test]
    fn reminder_weekdays_are_kept_in_order_without_repeats() {
        let e = ToolEntry::Reminder(Reminder {
            purpose: ReminderPurpose::Practice,
            weekdays: vec![Weekday::Sunday, Weekday::Monday, Weekday::Sunday],
            hour: 7,
            minute: 5,
            enabled: true,
        });
        let ToolEntry::Reminder(r) = e.validated().unwrap() else { unreachable!() };
        assert_eq!(r.weekdays, vec![Weekday::Monday, Weekday::Sunday]);
    }
}
