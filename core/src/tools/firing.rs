//! When reminders fire. Reminders are kept as local weekdays and times; the next firing
//! instants are computed for the person's time zone from the platform's rules, so they stay
//! right across daylight-saving changes: a time skipped when clocks go forward fires just
//! after the jump, and a time that happens twice when clocks go back fires the first time.
//! Notification texts are neutral and never name a step or the topic.

use super::entry::ToolKind;
use super::reminder::{Reminder, ReminderPurpose};
use super::schedule;
use crate::Vault;
use crate::calendar::{
    self, CalendarDate, MS_PER_DAY, TimeZoneRules, UNIX_EPOCH_DAY, Weekday, instant_of,
};
use crate::clock::Timestamp;
use crate::error::{Error, InputField, Result};
use crate::program::content::Content;
use crate::record::RecordId;

const MS_PER_MINUTE: i64 = 60_000;
/// How far ahead reminders are looked for, in days.
pub const HORIZON_DAYS: i32 = 60;
/// The most firings one call returns.
pub const MAX_FIRINGS: u32 = 500;

/// One upcoming notification, for the platform to schedule.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderFiring {
    /// The reminder it comes from.
    pub reminder_id: RecordId,
    /// When to show it.
    pub at: Timestamp,
    /// The local date it shows on, in the vault's time zone (for schedulers that take a
    /// calendar date rather than an instant).
    pub local_date: CalendarDate,
    /// The local hour it shows at, 0–23 (after a clock change, the time it really shows).
    pub local_hour: i32,
    /// The local minute it shows at, 0–59.
    pub local_minute: i32,
    /// The notification's text: neutral, never naming a step or the topic.
    pub text: String,
}

/// The next firings of `reminders` after `now_ms`, soonest first, at most `limit`.
pub fn upcoming(
    reminders: &[(RecordId, Reminder)],
    content: &Content,
    zone: &dyn TimeZoneRules,
    now_ms: i64,
    limit: u32,
) -> Result<Vec<ReminderFiring>> {
    let today = calendar::day_at(now_ms, zone)?;
    let mut out = Vec::new();
    for day in today..today + HORIZON_DAYS {
        let midnight_local = (i64::from(day) - UNIX_EPOCH_DAY) * MS_PER_DAY;
        let weekday = Weekday::of_day(day);
        for (id, r) in reminders.iter().filter(|(_, r)| r.enabled && r.weekdays.contains(&weekday))
        {
            let at_ms = instant_of(midnight_local + r.minute_of_day() * MS_PER_MINUTE, zone);
            if at_ms > now_ms {
                let text = match r.purpose {
                    ReminderPurpose::CheckIn => &content.notifications.check_in,
                    ReminderPurpose::Practice => &content.notifications.practice,
                };
                // The wall-clock time at that instant: the chosen one, or just after a jump.
                let shown_ms = at_ms + i64::from(zone.offset_seconds(at_ms)) * 1000;
                let minute = shown_ms.rem_euclid(MS_PER_DAY) / MS_PER_MINUTE;
                out.push(ReminderFiring {
                    reminder_id: *id,
                    at: Timestamp::from_ms(at_ms),
                    local_date: CalendarDate::from_day_number(calendar::day_at(at_ms, zone)?),
                    local_hour: (minute / 60) as i32,
                    local_minute: (minute % 60) as i32,
                    text: text.clone(),
                });
            }
        }
    }
    out.sort_by_key(|f| (f.at, f.reminder_id));
    out.truncate(limit as usize);
    Ok(out)
}

impl Vault {
    /// The next `limit` notifications (1–500) of the enabled reminders, in the vault's time
    /// zone, soonest first. Answers while the vault is locked too, from the schedule kept
    /// beside the platform key ([`super::schedule`]), so that a phone can re-arm its
    /// notifications after a restart or a time-zone change; a locked vault with no readable
    /// schedule has none to give.
    pub fn upcoming_reminders(&self, limit: u32) -> Result<Vec<ReminderFiring>> {
        if limit == 0 || limit > MAX_FIRINGS {
            return Err(Error::out_of_range(InputField::Limit, 1, i64::from(MAX_FIRINGS)));
        }
        let content = Content::current()?;
        let reminders = match self.entries(ToolKind::Reminders) {
            Ok(records) => schedule::enabled(records.iter().map(|r| (&r.id, &r.entry))),
            Err(Error::Locked) => match self.device_record(schedule::RECORD)? {
                Some(plain) => schedule::decode(&plain).unwrap_or_default(),
                None => Vec::new(),
            },
            Err(other) => return Err(other),
        };
        upcoming(&reminders, content, &*self.zone(), self.now_ms(), limit)
    }
}
