//! The trigger log: what set a wave of pain off, how strong it was, and what helped.

use super::entry::{TEXT, score};
use crate::clock::Timestamp;
use crate::encoding::{Reader, Writer};
use crate::error::{InputField, Result};

/// A trigger.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// When it happened.
    pub at: Timestamp,
    /// What set it off.
    pub what: String,
    /// How strong, 0–10.
    pub intensity: i32,
    /// What helped, if anything.
    pub helped: String,
}

impl Trigger {
    pub(super) fn validated(&self) -> Result<Self> {
        Ok(Self {
            at: self.at,
            what: TEXT.required().tidy(InputField::What, &self.what)?,
            intensity: score(InputField::Intensity, self.intensity)?,
            helped: TEXT.tidy(InputField::Helped, &self.helped)?,
        })
    }

    pub(super) fn encode(&self, w: &mut Writer) {
        w.i64(self.at.ms()).str(&self.what).u8(self.intensity as u8).str(&self.helped);
    }

    pub(super) fn decode(r: &mut Reader) -> Result<Self> {
        Ok(Self {
            at: Timestamp::from_ms(r.i64()?),
            what: r.str()?.to_owned(),
            intensity: i32::from(r.u8()?),
            helped: r.str()?.to_owned(),
        })
    }
}
