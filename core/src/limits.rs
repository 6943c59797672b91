//! Every limit a screen needs to know before the person types, in one record, so that no
//! app keeps a copy of a rule: passcode length, free attempts, how many other prompts a day
//! offers, text lengths, tags, scores, pages, the reminders' horizon and the auto-lock
//! choices, the backup passphrase's length.

use crate::journal::{MAX_PAGE_LIMIT, note, search};
use crate::program::daily::MAX_ALTERNATIVES;
use crate::program::practice::MAX_RESPONSE_CHARS;
use crate::tools::entry::{MAX_SCORE, MAX_TEXT_CHARS};
use crate::tools::firing::{HORIZON_DAYS, MAX_FIRINGS};
use crate::vault::attempts::FREE_ATTEMPTS;
use crate::vault::settings::AUTO_LOCK_CHOICES;
use crate::vault::{MAX_PASSCODE_BYTES, MIN_PASSCODE_BYTES};

/// The core's limits, as screens show and enforce them.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// The shortest passcode, in bytes of UTF-8.
    pub passcode_min_bytes: i32,
    /// The longest passcode, in bytes of UTF-8.
    pub passcode_max_bytes: i32,
    /// Wrong attempts allowed before each further attempt has to wait.
    pub free_attempts: i32,
    /// Other prompts a person can ask for in one day.
    pub max_alternatives: i32,
    /// The longest note title, in characters.
    pub title_max_chars: i32,
    /// The largest note body, in bytes of UTF-8.
    pub body_max_bytes: i32,
    /// The most tags on a note.
    pub max_tags: i32,
    /// The longest tag, in characters.
    pub tag_max_chars: i32,
    /// The longest text in a tool entry, in characters.
    pub tool_text_max_chars: i32,
    /// The longest written response to a prompt, in characters.
    pub response_max_chars: i32,
    /// The highest check-in score or trigger intensity (the lowest is 0).
    pub max_score: i32,
    /// The number of program steps (numbered from 1).
    pub steps: i32,
    /// The longest search, in characters.
    pub query_max_chars: i32,
    /// The most notes one page may hold.
    pub page_max: i32,
    /// How many days ahead reminders are scheduled.
    pub reminder_horizon_days: i32,
    /// The most reminder firings one call returns.
    pub max_reminder_firings: i32,
    /// The auto-lock delays to choose from, in seconds, shortest first.
    pub auto_lock_choices_seconds: Vec<i32>,
    /// The shortest backup passphrase, in characters.
    pub backup_passphrase_min_chars: i32,
}

/// The core's limits.
pub fn limits() -> Limits {
    let n = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
    Limits {
        passcode_min_bytes: n(MIN_PASSCODE_BYTES),
        passcode_max_bytes: n(MAX_PASSCODE_BYTES),
        free_attempts: n(FREE_ATTEMPTS),
        max_alternatives: n(MAX_ALTERNATIVES),
        title_max_chars: n(note::MAX_TITLE_CHARS),
        body_max_bytes: n(note::MAX_BODY_BYTES),
        max_tags: n(note::MAX_TAGS),
        tag_max_chars: n(note::MAX_TAG_CHARS),
        tool_text_max_chars: n(MAX_TEXT_CHARS),
        response_max_chars: n(MAX_RESPONSE_CHARS),
        max_score: MAX_SCORE,
        steps: note::STEPS,
        query_max_chars: n(search::MAX_QUERY_CHARS),
        page_max: n(MAX_PAGE_LIMIT),
        reminder_horizon_days: HORIZON_DAYS,
        max_reminder_firings: n(MAX_FIRINGS),
        auto_lock_choices_seconds: AUTO_LOCK_CHOICES.iter().map(|&s| n(s)).collect(),
        backup_passphrase_min_chars: n(crate::backup::MIN_PASSPHRASE_CHARS),
    }
}
