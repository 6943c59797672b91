//! This computer's time zone as an IANA name, for prompts and progress by local day.

/// The IANA name of the local time zone: `TZ` if it names one, else /etc/timezone, else
/// where /etc/localtime points, else UTC.
pub fn local() -> String {
    if let Ok(tz) = std::env::var("TZ") {
        let tz = tz.trim_start_matches(':');
        if tz.contains('/') && !tz.starts_with('/') {
            return tz.to_owned();
        }
    }
    if let Ok(name) = std::fs::read_to_string("/etc/timezone") {
        let name = name.trim();
        if !name.is_empty() {
            return name.to_owned();
        }
    }
    if let Ok(target) = std::fs::read_link("/etc/localtime") {
        let target = target.to_string_lossy();
        if let Some((_, name)) = target.split_once("zoneinfo/") {
            return name.to_owned();
        }
    }
    "UTC".to_owned()
}

/// A time zone's rules from the IANA database (chrono-tz), for the core.
struct Iana(chrono_tz::Tz);

impl mend_ffi::TimeZoneRules for Iana {
    fn offset_seconds(&self, utc_ms: i64) -> i32 {
        use chrono::{Offset, TimeZone};
        let Some(utc) = chrono::DateTime::from_timestamp_millis(utc_ms) else { return 0 };
        self.0.offset_from_utc_datetime(&utc.naive_utc()).fix().local_minus_utc()
    }
}

/// The rules of the time zone named `name`, e.g. `Europe/Paris`.
pub fn rules(
    name: &str,
) -> Result<std::sync::Arc<dyn mend_ffi::TimeZoneRules>, crate::errors::Failure> {
    let tz: chrono_tz::Tz = name.parse().map_err(|_| {
        crate::errors::Failure::new(
            crate::errors::EXIT_INVALID,
            "the time zone is not a known IANA name such as Europe/Paris",
        )
    })?;
    Ok(std::sync::Arc::new(Iana(tz)))
}

/// `utc_ms` as a local date and time in the zone named `name` (UTC if the name is unknown).
pub fn local_time_in(name: &str, utc_ms: i64) -> String {
    use chrono::TimeZone;
    let tz: chrono_tz::Tz = name.parse().unwrap_or(chrono_tz::UTC);
    tz.timestamp_millis_opt(utc_ms)
        .single()
        .map(|t| t.format("%a %Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}
