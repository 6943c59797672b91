//! The terminal's locale, as the POSIX variables give it (`en_GB.UTF-8`): the program's
//! language follows it where the core has that language, and help lists its region's lines
//! first (through the core's `set_place`).

/// The locale tag in use (`LC_ALL`, then `LC_MESSAGES`, then `LANG`), without its encoding.
pub fn tag() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| v.split(['.', '@']).next().map(str::to_owned))
        .filter(|t| !t.is_empty())
}
