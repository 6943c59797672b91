//! Calendar days in the person's own time zone. Days are numbered from the common era
//! (`chrono`'s `num_days_from_ce`) so they compare and subtract simply.

use chrono::{Datelike, NaiveDate, TimeZone};
use chrono_tz::Tz;

use crate::error::{Error, InputProblem, Result};

/// Parses an IANA time zone name such as `Europe/Paris`.
pub fn zone(name: &str) -> Result<Tz> {
    name.parse::<Tz>().map_err(|_| Error::invalid("time zone", InputProblem::BadFormat))
}

/// The local calendar day at `now_ms` in `tz`.
pub fn day_at(now_ms: i64, tz: Tz) -> Result<i32> {
    let local = tz
        .timestamp_millis_opt(now_ms)
        .single()
        .ok_or(Error::invalid("time", InputProblem::OutOfRange))?;
    Ok(local.date_naive().num_days_from_ce())
}

/// The date of a day number.
pub fn date_of(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_follows_the_local_midnight_not_utc() {
        // 2026-03-08 23:30 in New York is already 2026-03-09 in UTC.
        let ny = zone("America/New_York").unwrap();
        let utc_ms = 1_773_027_000_000; // 2026-03-09T03:30:00Z
        let local = date_of(day_at(utc_ms, ny).unwrap()).unwrap();
        assert_eq!(local.to_string(), "2026-03-08");
        let tokyo = zone("Asia/Tokyo").unwrap();
        assert_eq!(date_of(day_at(utc_ms, tokyo).unwrap()).unwrap().to_string(), "2026-03-09");
        assert!(zone("Mars/Olympus").is_err());
    }
}
