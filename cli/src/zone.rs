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
