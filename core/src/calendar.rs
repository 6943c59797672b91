//! Calendar days in the person's own time zone. The phone already knows its time zone rules
//! (daylight-saving changes included), so the core asks the platform for the UTC offset at an
//! instant instead of carrying a time zone database of its own. Inside the core, days are
//! numbered from the common era (`chrono`'s `num_days_from_ce`), so they compare and subtract
//! simply; the apps see them as [`CalendarDate`]s.

use chrono::{Datelike, NaiveDate};

use crate::clock::Timestamp;
use crate::error::{Error, InputField, InputProblem, Result};

/// A calendar date, local to the person's time zone.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    /// The year, e.g. 2026.
    pub year: i32,
    /// The month, 1 (January) to 12.
    pub month: i32,
    /// The day of the month, 1 to 31.
    pub day: i32,
}

impl CalendarDate {
    /// The date of a day number (days from the common era; 1 is 0001-01-01).
    pub fn from_day_number(day: i32) -> Self {
        let date = date_of(day).unwrap_or_default();
        Self { year: date.year(), month: date.month() as i32, day: date.day() as i32 }
    }

    /// The day number of this date, or an invalid-input error if no such date exists.
    pub fn day_number(&self) -> Result<i32> {
        let bad = Error::invalid(InputField::Date, InputProblem::BadFormat);
        let (month, day) = (u32::try_from(self.month), u32::try_from(self.day));
        let (Ok(month), Ok(day)) = (month, day) else {
            return Err(bad);
        };
        NaiveDate::from_ymd_opt(self.year, month, day).map(|d| d.num_days_from_ce()).ok_or(bad)
    }
}

impl std::fmt::Display for CalendarDate {
    /// The ISO form, `YYYY-MM-DD` (written by hand: chrono's formatting machinery would add
    /// a few hundred kilobytes to the phone library).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A day of the week.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

impl Weekday {
    /// Every day of the week, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// The weekday of a day number (day 1 of the common era was a Monday).
    pub fn of_day(day: i32) -> Self {
        Self::ALL[(day - 1).rem_euclid(7) as usize]
    }

    /// This weekday as one bit of a set, Monday bit 0.
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// The weekdays of a set of bits, Monday first.
    pub fn from_mask(mask: u8) -> Vec<Weekday> {
        Self::ALL.into_iter().filter(|d| mask & d.bit() != 0).collect()
    }
}

/// The rules of one time zone: its offset from UTC at any instant. The platform implements
/// it from its own zone database: Kotlin's `ZoneId.rules`, Swift's `TimeZone`.
#[cfg_attr(feature = "uniffi", uniffi::export(with_foreign))]
pub trait TimeZoneRules: Send + Sync {
    /// Seconds east of UTC at `utc_ms` (milliseconds since the Unix epoch), e.g. 3600 for
    /// Paris in winter and 7200 in summer.
    fn offset_seconds(&self, utc_ms: i64) -> i32;
}

/// A fixed offset, for tests and for places without daylight saving.
#[derive(Debug, Clone, Copy)]
pub struct FixedOffset(pub i32);

impl TimeZoneRules for FixedOffset {
    fn offset_seconds(&self, _utc_ms: i64) -> i32 {
        self.0
    }
}

/// The largest offset any time zone has used, in seconds.
const MAX_OFFSET_SECONDS: i32 = 18 * 3600;
/// Milliseconds in a day without a clock change.
pub const MS_PER_DAY: i64 = 86_400_000;
/// `num_days_from_ce` of 1970-01-01.
pub const UNIX_EPOCH_DAY: i64 = 719_163;

/// The local calendar day at `utc_ms` in `zone`.
pub fn day_at(utc_ms: i64, zone: &dyn TimeZoneRules) -> Result<i32> {
    let offset = zone.offset_seconds(utc_ms);
    if offset.abs() > MAX_OFFSET_SECONDS {
        return Err(Error::out_of_range(
            InputField::TimeZone,
            -i64::from(MAX_OFFSET_SECONDS),
            i64::from(MAX_OFFSET_SECONDS),
        ));
    }
    let local_ms = utc_ms
        .checked_add(i64::from(offset) * 1000)
        .ok_or(Error::invalid(InputField::Time, InputProblem::BadFormat))?;
    i32::try_from(local_ms.div_euclid(MS_PER_DAY) + UNIX_EPOCH_DAY)
        .map_err(|_| Error::invalid(InputField::Time, InputProblem::BadFormat))
}

/// The instant at which the local wall-clock time `local_ms` (ms since the epoch, as if the
/// zone were UTC) happens in `zone`: the first of two when clocks go back, and just after the
/// jump when clocks go forward past it.
pub fn instant_of(local_ms: i64, zone: &dyn TimeZoneRules) -> i64 {
    let before = i64::from(zone.offset_seconds(local_ms - MS_PER_DAY / 2)) * 1000;
    let after = i64::from(zone.offset_seconds(local_ms + MS_PER_DAY / 2)) * 1000;
    let mut candidates: Vec<i64> = [before, after]
        .into_iter()
        .map(|offset| local_ms - offset)
        .filter(|utc| i64::from(zone.offset_seconds(*utc)) * 1000 == local_ms - utc)
        .collect();
    candidates.sort_unstable();
    // In a gap no instant shows this time: use the offset from before the jump, which lands
    // as far past the jump as the time was into the gap.
    candidates.first().copied().unwrap_or(local_ms - before)
}

/// The instant of the next local midnight after `now` in `zone`: when "today" changes.
pub fn next_midnight(now: Timestamp, zone: &dyn TimeZoneRules) -> Result<Timestamp> {
    let today = day_at(now.ms(), zone)?;
    let midnight_local = (i64::from(today) + 1 - UNIX_EPOCH_DAY) * MS_PER_DAY;
    Ok(Timestamp::from_ms(instant_of(midnight_local, zone)))
}

/// The date of a day number.
pub fn date_of(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

/// A day number as an ISO date, `YYYY-MM-DD`.
pub fn iso_date(day: i32) -> String {
    CalendarDate::from_day_number(day).to_string()
}

/// The day number of an ISO date, `YYYY-MM-DD`.
pub fn parse_iso_date(text: &str) -> Result<i32> {
    const BAD: Error =
        Error::InvalidInput { field: InputField::Date, problem: InputProblem::BadFormat };
    let mut parts = text.trim().split('-');
    let mut next = |len: usize| -> Result<u32> {
        let part = parts
            .next()
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .ok_or(BAD)?;
        part.parse().map_err(|_| BAD)
    };
    let (year, month, day) = (next(4)?, next(2)?, next(2)?);
    if parts.next().is_some() {
        return Err(BAD);
    }
    let date = NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(BAD)?;
    Ok(date.num_days_from_ce())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// A real IANA zone, from chrono-tz (a test-only dependency).
    struct Iana(chrono_tz::Tz);

    impl TimeZoneRules for Iana {
        fn offset_seconds(&self, utc_ms: i64) -> i32 {
            use chrono::Offset;
            self.0
                .offset_from_utc_datetime(
                    &chrono::DateTime::from_timestamp_millis(utc_ms).unwrap().naive_utc(),
                )
                .fix()
                .local_minus_utc()
        }
    }

    #[test]
    fn the_day_follows_the_local_midnight_not_utc() {
        // 2026-03-09T03:30:00Z is still 2026-03-08 in New York and already the 9th in Tokyo.
        let utc_ms = 1_773_027_000_000;
        let ny = Iana(chrono_tz::America::New_York);
        assert_eq!(date_of(day_at(utc_ms, &ny).unwrap()).unwrap().to_string(), "2026-03-08");
        let tokyo = Iana(chrono_tz::Asia::Tokyo);
        assert_eq!(date_of(day_at(utc_ms, &tokyo).unwrap()).unwrap().to_string(), "2026-03-09");
        assert_eq!(
            date_of(day_at(utc_ms, &FixedOffset(0)).unwrap()).unwrap().to_string(),
            "2026-03-09"
        );
        // Before the epoch, days still count correctly.
        let utc = chrono::Utc.with_ymd_and_hms(1960, 5, 1, 23, 0, 0).unwrap().timestamp_millis();
        assert_eq!(
            date_of(day_at(utc, &FixedOffset(3600)).unwrap()).unwrap().to_string(),
            "1960-05-02"
        );
        assert!(day_at(utc_ms, &FixedOffset(20 * 3600)).is_err());
    }

    #[test]
    fn calendar_dates_round_trip_and_impossible_ones_are_refused() {
        let day = parse_iso_date("2024-02-29").unwrap();
        let date = CalendarDate::from_day_number(day);
        assert_eq!(date, CalendarDate { year: 2024, month: 2, day: 29 });
        assert_eq!(date.day_number().unwrap(), day);
        for (year, month, day) in [(2023, 2, 29), (2026, 13, 1), (2026, 0, 1), (2026, 4, -1)] {
            assert!(CalendarDate { year, month, day }.day_number().is_err());
        }
    }

    #[test]
    fn iso_dates_round_trip_and_bad_ones_are_refused() {
        let day = parse_iso_date("2026-03-29").unwrap();
        assert_eq!(iso_date(day), "2026-03-29");
        assert_eq!(iso_date(parse_iso_date("0999-01-02").unwrap()), "0999-01-02");
        for bad in
            ["", "2026-3-29", "2026-02-30", "26-03-29", "2026-03-29-1", "2026/03/29", "２026-03-29"]
        {
            assert!(parse_iso_date(bad).is_err(), "{bad}");
        }
    }
}
