//! The entries of the step tools and the hurt partner's tools, each a sealed record:
//! check-ins, triggers, questions and contact attempts. One enum holds them so that storing,
//! indexing and deleting is written once; each kind validates its own fields.

use crate::encoding::{Reader, Writer};
use crate::error::{Error, InputProblem, Result};

/// The longest free text in a tool entry, in characters.
pub const MAX_TEXT_CHARS: usize = 4_000;

/// Who asked a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asker {
    /// The vault's owner.
    Me,
    /// Their partner.
    Partner,
}

/// Whether a question is about facts (what, when, who) or meaning (why, what it says).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// What, when, who.
    Fact,
    /// Why, and what it means.
    Meaning,
}

/// Where a question stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionStatus {
    /// Not answered yet.
    Open,
    /// Answered.
    Answered,
    /// Answered, but worth coming back to.
    Revisit,
}

/// A daily check-in: how safe, trusting and connected the hurt partner feels (0–10).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckIn {
    /// The local day it is for.
    pub day: i32,
    /// Safety, 0–10.
    pub safety: u8,
    /// Trust, 0–10.
    pub trust: u8,
    /// Connection, 0–10.
    pub connection: u8,
    /// A note.
    pub note: String,
}

/// A trigger: what set it off, how strong it was, and what helped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// When, ms since the epoch.
    pub at_ms: i64,
    /// What set it off.
    pub what: String,
    /// How strong, 0–10.
    pub intensity: u8,
    /// What helped, if anything.
    pub helped: String,
}

/// A question asked, or wanted, and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The question.
    pub text: String,
    /// Who asked it (or wants to).
    pub asked_by: Asker,
    /// Fact or meaning.
    pub kind: QuestionKind,
    /// The answer, once given.
    pub answer: String,
    /// Open, answered, or worth revisiting.
    pub status: QuestionStatus,
}

/// A contact attempt by the affair partner, and how it was handled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// When, ms since the epoch.
    pub at_ms: i64,
    /// How: a message, a call, in person…
    pub channel: String,
    /// What happened.
    pub what_happened: String,
    /// How it was handled.
    pub how_handled: String,
    /// When it was told to the partner, if it has been.
    pub disclosed_at_ms: Option<i64>,
}

/// What a reminder is for; its notification text is always neutral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderPurpose {
    /// The daily check-in.
    CheckIn,
    /// Today's practice.
    Practice,
}

/// A reminder: on which weekdays, at what local time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    /// What it is for.
    pub purpose: ReminderPurpose,
    /// Weekdays as bits: Monday is bit 0, Sunday bit 6.
    pub weekdays: u8,
    /// Local time of day, in minutes after midnight (0–1439).
    pub minute_of_day: u16,
    /// Whether it fires.
    pub enabled: bool,
}

/// The written tools made of named sections (the section titles are in the content).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Worksheet {
    /// A remorse letter: what I did, the harm I see, my responsibility, what I'm changing.
    RemorseLetter,
    /// A story worksheet: unmet needs, why I didn't ask, why I hid it.
    Story,
    /// A validation practice note: what they felt, what I said, what I wish I'd said.
    ValidationNote,
}

impl Worksheet {
    /// How many sections it has.
    pub fn sections(self) -> usize {
        match self {
            Worksheet::RemorseLetter => 4,
            Worksheet::Story | Worksheet::ValidationNote => 3,
        }
    }

    fn id(self) -> u8 {
        match self {
            Worksheet::RemorseLetter => 1,
            Worksheet::Story => 2,
            Worksheet::ValidationNote => 3,
        }
    }

    fn from_id(id: u8) -> Result<Self> {
        match id {
            1 => Ok(Worksheet::RemorseLetter),
            2 => Ok(Worksheet::Story),
            3 => Ok(Worksheet::ValidationNote),
            _ => Err(Error::Damaged("bad tool entry")),
        }
    }
}

/// A boundary agreed between partners, or a need of one's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Boundary {
    /// A need rather than a boundary.
    pub is_need: bool,
    /// In one sentence.
    pub text: String,
    /// Agreed together (for boundaries), or met lately (for needs).
    pub agreed: bool,
}

/// The partner's answer to an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Not asked yet, or no answer yet.
    Pending,
    /// Yes.
    Yes,
    /// Not now.
    NotNow,
    /// No.
    No,
}

/// Time together: a plan, whether permission was asked, the answer, and whether it was respected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeTogether {
    /// When, ms since the epoch.
    pub at_ms: i64,
    /// What was offered.
    pub plan: String,
    /// Whether permission was asked first.
    pub asked: bool,
    /// The answer.
    pub answer: Answer,
    /// Whether the answer was respected.
    pub respected: bool,
}

/// One tool entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
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
    Sections(Worksheet, Vec<String>),
    /// A boundary or a need.
    Boundary(Boundary),
    /// An item of the cut-ties checklist, and whether it is done.
    CutTie(String, bool),
    /// Time together.
    TimeTogether(TimeTogether),
}

/// Which tool an entry belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tool {
    /// Daily check-ins.
    CheckIns,
    /// The trigger log.
    Triggers,
    /// The question log.
    Questions,
    /// The no-contact log.
    Contacts,
    /// Reminders.
    Reminders,
    /// Remorse letter drafts.
    RemorseLetters,
    /// Story worksheets.
    Stories,
    /// Validation practice notes.
    ValidationNotes,
    /// Agreed boundaries, and needs.
    Boundaries,
    /// The cut-ties checklist.
    CutTies,
    /// Time-together plans and check-ins.
    TimeTogether,
}

fn text(field: &'static str, value: &str, required: bool) -> Result<String> {
    let value = value.trim();
    if required && value.is_empty() {
        return Err(Error::invalid(field, InputProblem::Empty));
    }
    if value.chars().count() > MAX_TEXT_CHARS {
        return Err(Error::invalid(field, InputProblem::TooLong));
    }
    if value.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return Err(Error::invalid(field, InputProblem::BadCharacters));
    }
    Ok(value.to_owned())
}

fn flag(byte: u8) -> Result<bool> {
    match byte {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(Error::Damaged("bad tool entry")),
    }
}

fn score(field: &'static str, value: u8) -> Result<u8> {
    if value > 10 { Err(Error::invalid(field, InputProblem::OutOfRange)) } else { Ok(value) }
}

impl Entry {
    /// The tool it belongs to.
    pub fn tool(&self) -> Tool {
        match self {
            Entry::CheckIn(_) => Tool::CheckIns,
            Entry::Trigger(_) => Tool::Triggers,
            Entry::Question(_) => Tool::Questions,
            Entry::Contact(_) => Tool::Contacts,
            Entry::Reminder(_) => Tool::Reminders,
            Entry::Sections(Worksheet::RemorseLetter, _) => Tool::RemorseLetters,
            Entry::Sections(Worksheet::Story, _) => Tool::Stories,
            Entry::Sections(Worksheet::ValidationNote, _) => Tool::ValidationNotes,
            Entry::Boundary(_) => Tool::Boundaries,
            Entry::CutTie(..) => Tool::CutTies,
            Entry::TimeTogether(_) => Tool::TimeTogether,
        }
    }

    /// Checks the entry and returns it tidied (texts trimmed).
    pub fn validated(&self) -> Result<Entry> {
        Ok(match self {
            Entry::CheckIn(c) => Entry::CheckIn(CheckIn {
                day: c.day,
                safety: score("safety", c.safety)?,
                trust: score("trust", c.trust)?,
                connection: score("connection", c.connection)?,
                note: text("note", &c.note, false)?,
            }),
            Entry::Trigger(t) => Entry::Trigger(Trigger {
                at_ms: t.at_ms,
                what: text("what", &t.what, true)?,
                intensity: score("intensity", t.intensity)?,
                helped: text("helped", &t.helped, false)?,
            }),
            Entry::Question(q) => Entry::Question(Question {
                text: text("question", &q.text, true)?,
                asked_by: q.asked_by,
                kind: q.kind,
                answer: text("answer", &q.answer, false)?,
                status: q.status,
            }),
            Entry::Contact(c) => Entry::Contact(Contact {
                at_ms: c.at_ms,
                channel: text("channel", &c.channel, true)?,
                what_happened: text("what happened", &c.what_happened, false)?,
                how_handled: text("how handled", &c.how_handled, false)?,
                disclosed_at_ms: c.disclosed_at_ms,
            }),
            Entry::Reminder(r) => {
                if r.weekdays == 0 || r.weekdays > 0x7f {
                    return Err(Error::invalid("weekdays", InputProblem::OutOfRange));
                }
                if r.minute_of_day >= 24 * 60 {
                    return Err(Error::invalid("time of day", InputProblem::OutOfRange));
                }
                Entry::Reminder(r.clone())
            }
            Entry::Sections(kind, sections) => {
                if sections.len() != kind.sections() {
                    return Err(Error::invalid("sections", InputProblem::BadFormat));
                }
                let tidy = sections
                    .iter()
                    .map(|t| text("section", t, false))
                    .collect::<Result<Vec<_>>>()?;
                if tidy.iter().all(String::is_empty) {
                    return Err(Error::invalid("sections", InputProblem::Empty));
                }
                Entry::Sections(*kind, tidy)
            }
            Entry::Boundary(b) => Entry::Boundary(Boundary {
                is_need: b.is_need,
                text: text("boundary", &b.text, true)?,
                agreed: b.agreed,
            }),
            Entry::CutTie(item, done) => Entry::CutTie(text("item", item, true)?, *done),
            Entry::TimeTogether(t) => Entry::TimeTogether(TimeTogether {
                at_ms: t.at_ms,
                plan: text("plan", &t.plan, true)?,
                asked: t.asked,
                answer: t.answer,
                respected: t.respected,
            }),
        })
    }

    /// Encodes the entry for its sealed metadata.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        match self {
            Entry::CheckIn(c) => {
                w.u8(1)
                    .i64(i64::from(c.day))
                    .u8(c.safety)
                    .u8(c.trust)
                    .u8(c.connection)
                    .str(&c.note);
            }
            Entry::Trigger(t) => {
                w.u8(2).i64(t.at_ms).str(&t.what).u8(t.intensity).str(&t.helped);
            }
            Entry::Question(q) => {
                let asked = match q.asked_by {
                    Asker::Me => 1,
                    Asker::Partner => 2,
                };
                let kind = match q.kind {
                    QuestionKind::Fact => 1,
                    QuestionKind::Meaning => 2,
                };
                let status = match q.status {
                    QuestionStatus::Open => 1,
                    QuestionStatus::Answered => 2,
                    QuestionStatus::Revisit => 3,
                };
                w.u8(3).str(&q.text).u8(asked).u8(kind).str(&q.answer).u8(status);
            }
            Entry::Contact(c) => {
                w.u8(4).i64(c.at_ms).str(&c.channel).str(&c.what_happened).str(&c.how_handled);
                match c.disclosed_at_ms {
                    Some(at) => w.u8(1).i64(at),
                    None => w.u8(0),
                };
            }
            Entry::Reminder(r) => {
                let purpose = match r.purpose {
                    ReminderPurpose::CheckIn => 1,
                    ReminderPurpose::Practice => 2,
                };
                w.u8(5)
                    .u8(purpose)
                    .u8(r.weekdays)
                    .u32(u32::from(r.minute_of_day))
                    .u8(u8::from(r.enabled));
            }
            Entry::Sections(kind, sections) => {
                w.u8(6).u8(kind.id()).u32(sections.len() as u32);
                for section in sections {
                    w.str(section);
                }
            }
            Entry::Boundary(b) => {
                w.u8(7).u8(u8::from(b.is_need)).str(&b.text).u8(u8::from(b.agreed));
            }
            Entry::CutTie(item, done) => {
                w.u8(8).str(item).u8(u8::from(*done));
            }
            Entry::TimeTogether(t) => {
                let answer = match t.answer {
                    Answer::Pending => 0,
                    Answer::Yes => 1,
                    Answer::NotNow => 2,
                    Answer::No => 3,
                };
                w.u8(9)
                    .i64(t.at_ms)
                    .str(&t.plan)
                    .u8(u8::from(t.asked))
                    .u8(answer)
                    .u8(u8::from(t.respected));
            }
        }
        w.finish()
    }

    /// Decodes an entry from its sealed metadata.
    pub fn decode(data: &[u8]) -> Result<Entry> {
        const BAD: Error = Error::Damaged("bad tool entry");
        let mut r = Reader::new(data);
        let entry = match r.u8()? {
            1 => Entry::CheckIn(CheckIn {
                day: i32::try_from(r.i64()?).map_err(|_| BAD)?,
                safety: r.u8()?,
                trust: r.u8()?,
                connection: r.u8()?,
                note: r.str()?.to_owned(),
            }),
            2 => Entry::Trigger(Trigger {
                at_ms: r.i64()?,
                what: r.str()?.to_owned(),
                intensity: r.u8()?,
                helped: r.str()?.to_owned(),
            }),
            3 => Entry::Question(Question {
                text: r.str()?.to_owned(),
                asked_by: match r.u8()? {
                    1 => Asker::Me,
                    2 => Asker::Partner,
                    _ => return Err(BAD),
                },
                kind: match r.u8()? {
                    1 => QuestionKind::Fact,
                    2 => QuestionKind::Meaning,
                    _ => return Err(BAD),
                },
                answer: r.str()?.to_owned(),
                status: match r.u8()? {
                    1 => QuestionStatus::Open,
                    2 => QuestionStatus::Answered,
                    3 => QuestionStatus::Revisit,
                    _ => return Err(BAD),
                },
            }),
            4 => Entry::Contact(Contact {
                at_ms: r.i64()?,
                channel: r.str()?.to_owned(),
                what_happened: r.str()?.to_owned(),
                how_handled: r.str()?.to_owned(),
                disclosed_at_ms: match r.u8()? {
                    0 => None,
                    1 => Some(r.i64()?),
                    _ => return Err(BAD),
                },
            }),
            5 => Entry::Reminder(Reminder {
                purpose: match r.u8()? {
                    1 => ReminderPurpose::CheckIn,
                    2 => ReminderPurpose::Practice,
                    _ => return Err(BAD),
                },
                weekdays: r.u8()?,
                minute_of_day: u16::try_from(r.u32()?).map_err(|_| BAD)?,
                enabled: match r.u8()? {
                    0 => false,
                    1 => true,
                    _ => return Err(BAD),
                },
            }),
            6 => {
                let kind = Worksheet::from_id(r.u8()?)?;
                let n = r.u32()? as usize;
                if n != kind.sections() {
                    return Err(BAD);
                }
                let sections =
                    (0..n).map(|_| r.str().map(str::to_owned)).collect::<Result<Vec<_>>>()?;
                Entry::Sections(kind, sections)
            }
            7 => Entry::Boundary(Boundary {
                is_need: flag(r.u8()?)?,
                text: r.str()?.to_owned(),
                agreed: flag(r.u8()?)?,
            }),
            8 => Entry::CutTie(r.str()?.to_owned(), flag(r.u8()?)?),
            9 => Entry::TimeTogether(TimeTogether {
                at_ms: r.i64()?,
                plan: r.str()?.to_owned(),
                asked: flag(r.u8()?)?,
                answer: match r.u8()? {
                    0 => Answer::Pending,
                    1 => Answer::Yes,
                    2 => Answer::NotNow,
                    3 => Answer::No,
                    _ => return Err(BAD),
                },
                respected: flag(r.u8()?)?,
            }),
            _ => return Err(BAD),
        };
        r.finish()?;
        Ok(entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples() -> Vec<Entry> {
        vec![
            Entry::CheckIn(CheckIn {
                day: 739_000,
                safety: 3,
                trust: 2,
                connection: 5,
                note: "Hard morning".into(),
            }),
            Entry::Trigger(Trigger {
                at_ms: 5,
                what: "A song in the café".into(),
                intensity: 8,
                helped: "Walking".into(),
            }),
            Entry::Question(Question {
                text: "When did it start?".into(),
                asked_by: Asker::Partner,
                kind: QuestionKind::Fact,
                answer: String::new(),
                status: QuestionStatus::Open,
            }),
            Entry::Reminder(Reminder {
                purpose: ReminderPurpose::CheckIn,
                weekdays: 0b0011111,
                minute_of_day: 20 * 60 + 30,
                enabled: true,
            }),
            Entry::Sections(
                Worksheet::RemorseLetter,
                vec![
                    "I lied.".into(),
                    "You stopped sleeping.".into(),
                    "It was my choice.".into(),
                    "I answer every question.".into(),
                ],
            ),
            Entry::Sections(
                Worksheet::Story,
                vec!["Loneliness".into(), String::new(), "Fear".into()],
            ),
            Entry::Boundary(Boundary {
                is_need: true,
                text: "Space after nine".into(),
                agreed: false,
            }),
            Entry::CutTie("Blocked on every app".into(), true),
            Entry::TimeTogether(TimeTogether {
                at_ms: 3,
                plan: "A walk".into(),
                asked: true,
                answer: Answer::NotNow,
                respected: true,
            }),
            Entry::Contact(Contact {
                at_ms: 9,
                channel: "message".into(),
                what_happened: "They wrote".into(),
                how_handled: "Did not reply; blocked".into(),
                disclosed_at_ms: Some(10),
            }),
        ]
    }

    #[test]
    fn entries_round_trip_and_reject_bad_bytes() {
        for e in samples() {
            assert_eq!(Entry::decode(&e.encode()).unwrap(), e);
            let mut bad = e.encode();
            bad.push(0);
            assert!(Entry::decode(&bad).is_err());
        }
        assert!(Entry::decode(&[9]).is_err());
    }

    #[test]
    fn worksheets_need_their_sections_and_some_words() {
        let short = Entry::Sections(Worksheet::RemorseLetter, vec!["one".into(), "two".into()]);
        assert!(matches!(short.validated(), Err(Error::InvalidInput { field: "sections", .. })));
        let blank = Entry::Sections(
            Worksheet::ValidationNote,
            vec![" ".into(), String::new(), "\n".into()],
        );
        assert!(matches!(
            blank.validated(),
            Err(Error::InvalidInput { field: "sections", problem: InputProblem::Empty })
        ));
        let empty_item = Entry::CutTie(" ".into(), false);
        assert!(matches!(empty_item.validated(), Err(Error::InvalidInput { field: "item", .. })));
    }

    #[test]
    fn validation_checks_scores_and_texts() {
        let e = Entry::CheckIn(CheckIn {
            day: 1,
            safety: 11,
            trust: 0,
            connection: 0,
            note: String::new(),
        });
        assert!(matches!(e.validated(), Err(Error::InvalidInput { field: "safety", .. })));
        let e = Entry::Trigger(Trigger {
            at_ms: 0,
            what: "  ".into(),
            intensity: 3,
            helped: String::new(),
        });
        assert!(matches!(
            e.validated(),
            Err(Error::InvalidInput { field: "what", problem: InputProblem::Empty })
        ));
        let e = Entry::Question(Question {
            text: "x".repeat(MAX_TEXT_CHARS + 1),
            asked_by: Asker::Me,
            kind: QuestionKind::Meaning,
            answer: String::new(),
            status: QuestionStatus::Open,
        });
        assert!(matches!(
            e.validated(),
            Err(Error::InvalidInput { field: "question", problem: InputProblem::TooLong })
        ));
        for e in samples() {
            e.validated().unwrap();
        }
    }
}
