//! The question log: questions the hurt partner asks (or wants to), and their answers.

use super::entry::{BAD, TEXT};
use crate::encoding::{Reader, Writer};
use crate::error::{InputField, Result};

/// Who asked a question.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asker {
    /// The vault's owner.
    Me,
    /// Their partner.
    Partner,
}

/// Whether a question is about facts (what, when, who) or meaning (why, what it says).
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// What, when, who.
    Fact,
    /// Why, and what it means.
    Meaning,
}

/// Where a question stands.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionStatus {
    /// Not answered yet.
    Open,
    /// Answered.
    Answered,
    /// Answered, but worth coming back to.
    Revisit,
}

/// A question asked, or wanted, and its answer.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

impl Question {
    pub(super) fn validated(&self) -> Result<Self> {
        Ok(Self {
            text: TEXT.required().tidy(InputField::Question, &self.text)?,
            answer: TEXT.tidy(InputField::Answer, &self.answer)?,
            ..self.clone()
        })
    }

    pub(super) fn encode(&self, w: &mut Writer) {
        let asked = match self.asked_by {
            Asker::Me => 1,
            Asker::Partner => 2,
        };
        let kind = match self.kind {
            QuestionKind::Fact => 1,
            QuestionKind::Meaning => 2,
        };
        let status = match self.status {
            QuestionStatus::Open => 1,
            QuestionStatus::Answered => 2,
            QuestionStatus::Revisit => 3,
        };
        w.str(&self.text).u8(asked).u8(kind).str(&self.answer).u8(status);
    }

    pub(super) fn decode(r: &mut Reader) -> Result<Self> {
        Ok(Self {
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
        })
    }
}
