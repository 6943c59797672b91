//! Time together: what was offered, whether permission was asked first, the answer, and
//! whether the answer was respected.

use super::entry::{BAD, TEXT, flag};
use crate::clock::Timestamp;
use crate::encoding::{Reader, Writer};
use crate::error::{InputField, Result};

/// The partner's answer to an invitation.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationAnswer {
    /// Not asked yet, or no answer yet.
    Pending,
    /// Yes.
    Yes,
    /// Not now.
    NotNow,
    /// No.
    No,
}

/// Time together offered to the partner.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeTogether {
    /// When.
    pub at: Timestamp,
    /// What was offered.
    pub plan: String,
    /// Whether permission was asked first.
    pub asked: bool,
    /// The answer.
    pub answer: InvitationAnswer,
    /// Whether the answer was respected.
    pub respected: bool,
}

impl TimeTogether {
    pub(super) fn validated(&self) -> Result<Self> {
        Ok(Self { plan: TEXT.required().tidy(InputField::Plan, &self.plan)?, ..self.clone() })
    }

    pub(super) fn encode(&self, w: &mut Writer) {
        let answer = match self.answer {
            InvitationAnswer::Pending => 0,
            InvitationAnswer::Yes => 1,
            InvitationAnswer::NotNow => 2,
            InvitationAnswer::No => 3,
        };
        w.i64(self.at.ms())
            .str(&self.plan)
            .u8(u8::from(self.asked))
            .u8(answer)
            .u8(u8::from(self.respected));
    }

    pub(super) fn decode(r: &mut Reader) -> Result<Self> {
        Ok(Self {
            at: Timestamp::from_ms(r.i64()?),
            plan: r.str()?.to_owned(),
            asked: flag(r.u8()?)?,
            answer: match r.u8()? {
                0 => InvitationAnswer::Pending,
                1 => InvitationAnswer::Yes,
                2 => InvitationAnswer::NotNow,
                3 => InvitationAnswer::No,
                _ => return Err(BAD),
            },
            respected: flag(r.u8()?)?,
        })
    }
}
