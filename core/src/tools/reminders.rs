//! When reminders fire. Reminders are kept as local weekdays and times; the next firing
//! instants are computed for the person's time zone from the platform's rules, so they stay
//! right across daylight-saving changes: a time skipped when clocks go forward fires just
//! after the jump, and a time that happens twice when clocks go back fires the first time.
//! Notification texts are neutral and never name a step or the topic.

use super::entry::{Entry, Reminder, ReminderPurpose, Tool};
use crate::error::{Error, InputProblem, Result};
use crate::program::calendar::{self, ZoneRules};
use crate::program::content::Content;
use crate::record::RecordId;
use crate::vault::Vault;

const MS_PER_MINUTE: i64 = 60_000;
const MS_PER_DAY: i64 = 86_400_000;
/// `num_days_from_ce` of 1970-01-01.
const UNIX_EPOCH_DAY: i64 = 719_163;
/// How far ahead reminders are looked for.
const HORIZON_DAYS: i32 = 60;
/// The most firings one call returns.
pub const MAX_FIRINGS: u32 = 500;

/// One upcoming notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Firing {
    /// The reminder it comes from.
    pub reminder: RecordId,
    /// When to show it, ms since the epoch.
    pub at_ms: i64,
    /// What the notification says.
    pub text: String,
}

/// The instant at which the local wall-clock time `local_ms` (ms since the epoch, as if the
/// zone were UTC) happens in `zone`: the first of two when clocks go back, and just after the
/// jump when clocks go forward past it.
pub fn instant_of(local_ms: i64, zone: &dyn ZoneRules) -> i64 {
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

fn weekday_bit(day: i32) -> u8 {
    // Day 1 of the common era was a Monday.
    1 << (day - 1).rem_euclid(7)
}

/// The next firings of `reminders` after `now_ms`, soonest first, at most `limit`.
pub fn upcoming(
    reminders: &[(RecordId, Reminder)],
    content: &Content,
    zone: &dyn ZoneRules,
    now_ms: i64,
    limit: u32,
) -> Result<Vec<Firing>> {
    let today = calendar::day_at(now_ms, zone)?;
    let mut out = Vec::new();
    for day in today..today + HORIZON_DAYS {
        let midnight_local = (i64::from(day) - UNIX_EPOCH_DAY) * MS_PER_DAY;
        for (id, r) in
            reminders.iter().filter(|(_, r)| r.enabled && r.weekdays & weekday_bit(day) != 0)
        {
            let at_ms =
                instant_of(midnight_local + i64::from(r.minute_of_day) * MS_PER_MINUTE, zone);
            if at_ms > now_ms {
                let text = match r.purpose {
                    ReminderPurpose::CheckIn => &content.notifications.check_in,
                    ReminderPurpose::Practice => &content.notifications.practice,
                };
                out.push(Firing { reminder: *id, at_ms, text: text.clone() });
            }
        }
    }
    out.sort_by_key(|f| (f.at_ms, f.reminder));
    out.truncate(limit as usize);
    Ok(out)
}

impl Vault {
    /// The next `limit` notifications (1–500) of the enabled reminders, in `zone`.
    pub fn upcoming_reminders(&self, zone: &dyn ZoneRules, limit: u32) -> Result<Vec<Firing>> {
        if limit == 0 || limit > MAX_FIRINGS {
            return Err(Error::invalid("limit", InputProblem::OutOfRange));
        }
        let content = Content::english()?;
        let now = self.now_ms();
        let reminders: Vec<(RecordId, Reminder)> = self
            .entries(Tool::Reminders)?
            .into_iter()
            .filter_map(|r| match r.entry {
                Entry::Reminder(rem) => Some((r.id, rem)),
                _ => None,
            })
            .collect();
        upcoming(&reminders, content, zone, now, limit)
    }
}
