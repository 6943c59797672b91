//! Calendar days in the person's own time zone. The phone already knows its time zone rules
//! (daylight-saving changes included), so the core asks the platform for the UTC offset at an
//! instant instead of carrying a time zone database of its own. Days are numbered from the
//! common era (`chrono`'s `num_days_from_ce`), so they compare and subtract simply.

use chrono::NaiveDate;

use crate::error::{Error, InputProblem, Result};

/// The rules of one time zone: its offset from UTC at any instant.
pub trait ZoneRules: Send + Sync {
    /// Seconds east of UTC at `utc_ms` (milliseconds since the Unix epoch), e.g. 3600 for
    /// Paris in winter and 7200 in summer.
    fn offset_seconds(&self, utc_ms: i64) -> i32;
}

/// A fixed offset, for tests and for places without daylight saving.
#[derive(Debug, Clone, Copy)]
pub struct FixedOffset(pub i32);

impl ZoneRules for FixedOffset {
    fn offset_seconds(&self, _utc_ms: i64) -> i32 {
        self.0
    }
}

/// The largest offset any time zone has used, in seconds.
const MAX_OFFSET_SECONDS: i32 = 18 * 3600;
const MS_PER_DAY: i64 = 86_400_000;
/// `num_days_from_ce` of 1970-01-01.
const UNIX_EPOCH_DAY: i64 = 719_163;

/// The local calendar day at `utc_ms` in `zone`.
pub fn day_at(utc_ms: i64, zone: &dyn ZoneRules) -> Result<i32> {
    let offset = zone.offset_seconds(utc_ms);
    if offset.abs() > MAX_OFFSET_SECONDS {
        return Err(Error::invalid("time zone", InputProblem::OutOfRange));
    }
    let local_ms = utc_ms
        .checked_add(i64::from(offset) * 1000)
        .ok_or(Error::invalid("time", InputProblem::OutOfRange))?;
    i32::try_from(local_ms.div_euclid(MS_PER_DAY) + UNIX_EPOCH_DAY)
        .map_err(|_| Error::invalid("time", InputProblem::OutOfRange))
}

/// The date of a day number.
pub fn date_of(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

/// A day number as an ISO date, `YYYY-MM-DD` (written by hand: chrono's formatting machinery
/// would add a few hundred kilobytes to the phone library).
pub fn iso_date(day: i32) -> String {
    use chrono::Datelike;
    date_of(day)
        .map(|d| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
        .unwrap_or_default()
}

/// The day number of an ISO date, `YYYY-MM-DD`.
pub fn parse_iso_date(text: &str) -> Result<i32> {
    use chrono::Datelike;
    const BAD: Error = Error::InvalidInput { field: "date", problem: InputProblem::BadFormat };
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

    impl ZoneRules for Iana {
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
