//! Reminders: on which weekdays, at what local time, and for what. When they fire is
//! worked out in [`super::firing`].

use super::entry::{BAD, flag};
use crate::calendar::Weekday;
use crate::encoding::{Reader, Writer};
use crate::error::{Error, InputField, InputProblem, Result};

/// What a reminder is for; its notification text is always neutral.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderPurpose {
    /// The daily check-in.
    CheckIn,
    /// Today's practice.
    Practice,
}

/// A reminder on some weekdays at a local time.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    /// What it is for.
    pub purpose: ReminderPurpose,
    /// The weekdays it fires on, Monday first.
    pub weekdays: Vec<Weekday>,
    /// Local hour, 0–23.
    pub hour: i32,
    /// Local minute, 0–59.
    pub minute: i32,
    /// Whether it fires.
    pub enabled: bool,
}

impl Reminder {
    /// The weekdays as bits, Monday bit 0.
    pub(crate) fn weekday_mask(&self) -> u8 {
        self.weekdays.iter().fold(0, |mask, d| mask | d.bit())
    }

    /// Minutes after local midnight.
    pub(crate) fn minute_of_day(&self) -> i64 {
        i64::from(self.hour) * 60 + i64::from(self.minute)
    }

    pub(super) fn validated(&self) -> Result<Self> {
        if self.weekdays.is_empty() {
            return Err(Error::invalid(InputField::Weekdays, InputProblem::Empty));
        }
        if !(0..24).contains(&self.hour) {
            return Err(Error::out_of_range(InputField::Hour, 0, 23));
        }
        if !(0..60).contains(&self.minute) {
            return Err(Error::out_of_range(InputField::Minute, 0, 59));
        }
        Ok(Self { weekdays: Weekday::from_mask(self.weekday_mask()), ..self.clone() })
    }

    pub(super) fn encode(&self, w: &mut Writer) {
        let purpose = match self.purpose {
            ReminderPurpose::CheckIn => 1,
            ReminderPurpose::Practice => 2,
        };
        w.u8(purpose)
            .u8(self.weekday_mask())
            .u32(self.minute_of_day() as u32)
            .u8(u8::from(self.enabled));
    }

    pub(super) fn decode(r: &mut Reader) -> Result<Self> {
        let purpose = match r.u8()? {
            1 => ReminderPurpose::CheckIn,
            2 => ReminderPurpose::Practice,
            _ => return Err(BAD),
        };
        let mask = r.u8()?;
        let minute_of_day = r.u32()?;
        if mask == 0 || mask > 0x7f || minute_of_day >= 24 * 60 {
            return Err(BAD);
        }
        Ok(Self {
            purpose,
            weekdays: Weekday::from_mask(mask),
            hour: (minute_of_day / 60) as i32,
            minute: (minute_of_day % 60) as i32,
            enabled: flag(r.u8()?)?,
        })
    }
}
