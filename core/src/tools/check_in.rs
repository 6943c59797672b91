//! The daily check-in: how safe, trusting and connected the hurt partner feels, 0 to 10.

use super::entry::{TEXT, score};
use crate::calendar::CalendarDate;
use crate::encoding::{Reader, Writer};
use crate::error::{Error, InputField, Result};

/// A daily check-in, one per local day.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckIn {
    /// The local day it is for (stamped by the core when a check-in is made).
    pub date: CalendarDate,
    /// Safety, 0–10.
    pub safety: i32,
    /// Trust, 0–10.
    pub trust: i32,
    /// Connection, 0–10.
    pub connection: i32,
    /// A note.
    pub note: String,
}

impl CheckIn {
    pub(super) fn validated(&self) -> Result<Self> {
        self.date.day_number()?;
        Ok(Self {
            date: self.date,
            safety: score(InputField::Safety, self.safety)?,
            trust: score(InputField::Trust, self.trust)?,
            connection: score(InputField::Connection, self.connection)?,
            note: TEXT.tidy(InputField::Note, &self.note)?,
        })
    }

    pub(super) fn encode(&self, w: &mut Writer) -> Result<()> {
        w.i64(i64::from(self.date.day_number()?))
            .u8(self.safety as u8)
            .u8(self.trust as u8)
            .u8(self.connection as u8)
            .str(&self.note);
        Ok(())
    }

    pub(super) fn decode(r: &mut Reader) -> Result<Self> {
        let day = i32::try_from(r.i64()?).map_err(|_| Error::Damaged("bad tool entry"))?;
        Ok(Self {
            date: CalendarDate::from_day_number(day),
            safety: i32::from(r.u8()?),
            trust: i32::from(r.u8()?),
            connection: i32::from(r.u8()?),
            note: r.str()?.to_owned(),
        })
    }
}
