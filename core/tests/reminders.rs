//! Reminders fire at the chosen local times, right across daylight-saving changes, with
//! neutral notification texts.

#![allow(clippy::unwrap_used)]

mod common;

use chrono::{TimeZone, Utc};
use common::*;
use std::sync::Arc;

use mend_core::calendar::{instant_of, next_midnight};
use mend_core::tools::{Reminder, ReminderPurpose, ToolEntry};
use mend_core::{Error, InputField, Timestamp, Weekday};

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap().timestamp_millis()
}

fn at(ms: i64) -> Timestamp {
    Timestamp::from_ms(ms)
}

fn every_day_at(hour: i32, minute: i32, purpose: ReminderPurpose) -> ToolEntry {
    ToolEntry::Reminder(Reminder {
        purpose,
        weekdays: Weekday::ALL.to_vec(),
        hour,
        minute,
        enabled: true,
    })
}

#[test]
fn local_times_become_the_right_instants_across_daylight_saving() {
    let berlin = zone("Europe/Berlin");
    // Winter and summer.
    assert_eq!(instant_of(utc(2026, 1, 15, 8, 0), &berlin), utc(2026, 1, 15, 7, 0));
    assert_eq!(instant_of(utc(2026, 7, 15, 8, 0), &berlin), utc(2026, 7, 15, 6, 0));
    // 2026-03-29 02:30 never happens in Berlin: it fires just after the jump, at 03:30 CEST.
    assert_eq!(instant_of(utc(2026, 3, 29, 2, 30), &berlin), utc(2026, 3, 29, 1, 30));
    // 2026-10-25 02:30 happens twice: it fires the first time (CEST, 00:30 UTC).
    assert_eq!(instant_of(utc(2026, 10, 25, 2, 30), &berlin), utc(2026, 10, 25, 0, 30));
    // New York changes on other dates.
    let ny = zone("America/New_York");
    assert_eq!(instant_of(utc(2026, 3, 8, 8, 0), &ny), utc(2026, 3, 8, 12, 0));
    assert_eq!(instant_of(utc(2026, 3, 7, 8, 0), &ny), utc(2026, 3, 7, 13, 0));
}

#[test]
fn upcoming_reminders_follow_weekdays_and_the_clock_change() {
    let f = Fixture::new();
    f.vault.set_time_zone(Arc::new(zone("Europe/Berlin")));
    // Saturday 2026-03-28, 12:00 UTC.
    f.clock.set(utc(2026, 3, 28, 12, 0));
    let check_in = f.vault.add_entry(&every_day_at(20, 0, ReminderPurpose::CheckIn)).unwrap();
    // Mondays only, 07:30.
    f.vault
        .add_entry(&ToolEntry::Reminder(Reminder {
            purpose: ReminderPurpose::Practice,
            weekdays: vec![Weekday::Monday],
            hour: 7,
            minute: 30,
            enabled: true,
        }))
        .unwrap();
    f.vault
        .add_entry(&ToolEntry::Reminder(Reminder {
            purpose: ReminderPurpose::Practice,
            weekdays: Weekday::ALL.to_vec(),
            hour: 9,
            minute: 0,
            enabled: false,
        }))
        .unwrap();
    let next = f.vault.upcoming_reminders(4).unwrap();
    let times: Vec<Timestamp> = next.iter().map(|n| n.at).collect();
    assert_eq!(
        times,
        vec![
            at(utc(2026, 3, 28, 19, 0)), // Saturday 20:00 CET
            at(utc(2026, 3, 29, 18, 0)), // Sunday 20:00 CEST: an hour earlier in UTC
            at(utc(2026, 3, 30, 5, 30)), // Monday 07:30 CEST
            at(utc(2026, 3, 30, 18, 0)), // Monday 20:00 CEST
        ]
    );
    assert_eq!(next[0].reminder_id, check_in.record.id);
    assert_eq!(next[0].text, "Time for your check-in");
    for n in &next {
        let lower = n.text.to_lowercase();
        for word in ["affair", "cheat", "partner", "honest", "remorse", "step"] {
            assert!(!lower.contains(word), "{}", n.text);
        }
    }
    // Past the last firing of today, today's is no longer listed.
    f.clock.set(utc(2026, 3, 28, 19, 1));
    assert_eq!(f.vault.upcoming_reminders(1).unwrap()[0].at, at(utc(2026, 3, 29, 18, 0)));
}

#[test]
fn the_day_rolls_over_at_local_midnight_even_on_a_short_day() {
    let berlin = zone("Europe/Berlin");
    // Saturday 2026-03-28 23:30 CET: the next day starts at midnight CET.
    let now = at(utc(2026, 3, 28, 22, 30));
    assert_eq!(next_midnight(now, &berlin).unwrap(), at(utc(2026, 3, 28, 23, 0)));
    // Sunday 2026-03-29 has 23 hours: Monday starts at 22:00 UTC.
    let now = at(utc(2026, 3, 29, 12, 0));
    assert_eq!(next_midnight(now, &berlin).unwrap(), at(utc(2026, 3, 29, 22, 0)));
    let f = Fixture::new();
    f.vault.set_time_zone(Arc::new(zone("Asia/Tokyo")));
    f.clock.set(utc(2026, 3, 29, 12, 0)); // 21:00 in Tokyo
    assert_eq!(f.vault.next_day_starts().unwrap(), at(utc(2026, 3, 29, 15, 0)));
}

#[test]
fn bad_reminders_are_refused() {
    let f = Fixture::new();
    let none = ToolEntry::Reminder(Reminder {
        purpose: ReminderPurpose::CheckIn,
        weekdays: vec![],
        hour: 1,
        minute: 0,
        enabled: true,
    });
    assert!(matches!(
        f.vault.add_entry(&none),
        Err(Error::InvalidInput { field: InputField::Weekdays, .. })
    ));
    let late = ToolEntry::Reminder(Reminder {
        purpose: ReminderPurpose::CheckIn,
        weekdays: vec![Weekday::Monday],
        hour: 1,
        minute: 60,
        enabled: true,
    });
    assert!(matches!(
        f.vault.add_entry(&late),
        Err(Error::InvalidInput { field: InputField::Minute, .. })
    ));
    assert!(matches!(
        f.vault.upcoming_reminders(0),
        Err(Error::InvalidInput { field: InputField::Limit, .. })
    ));
}

#[test]
fn a_locked_vault_still_knows_when_its_reminders_fire() {
    let f = Fixture::new();
    f.vault.set_time_zone(Arc::new(zone("Europe/Berlin")));
    f.clock.set(utc(2026, 3, 28, 12, 0));
    let evening = f.vault.add_entry(&every_day_at(20, 0, ReminderPurpose::CheckIn)).unwrap();
    f.vault.add_entry(&every_day_at(7, 30, ReminderPurpose::Practice)).unwrap();
    let unlocked = f.vault.upcoming_reminders(6).unwrap();
    assert_eq!(unlocked.len(), 6);

    // After a restart nobody has typed the passcode, yet the same notifications are due.
    f.vault.lock();
    let reopened = f.reopen();
    reopened.set_time_zone(Arc::new(zone("Europe/Berlin")));
    assert_eq!(reopened.upcoming_reminders(6).unwrap(), unlocked);
    // The phone moves to another zone while locked: local times follow it.
    reopened.set_time_zone(Arc::new(zone("America/New_York")));
    let moved = reopened.upcoming_reminders(1).unwrap();
    assert_eq!(moved[0].at, at(utc(2026, 3, 29, 0, 0))); // 20:00 EDT on Saturday

    // Switching one off, or deleting one, changes what a locked vault gives.
    reopened.unlock(PASSCODE).unwrap();
    let ToolEntry::Reminder(mut off) = evening.record.entry.clone() else { unreachable!() };
    off.enabled = false;
    reopened.edit_entry(&evening.record.id, &ToolEntry::Reminder(off)).unwrap();
    reopened.lock();
    let left = reopened.upcoming_reminders(3).unwrap();
    assert!(
        left.iter().all(
            |n| n.reminder_id != evening.record.id && n.text == "A moment for today's practice"
        )
    );
    reopened.unlock(PASSCODE).unwrap();
    for r in reopened.entries(mend_core::tools::ToolKind::Reminders).unwrap() {
        reopened.delete_entry(&r.id).unwrap();
    }
    reopened.lock();
    assert_eq!(reopened.upcoming_reminders(3).unwrap(), vec![]);
}

#[test]
fn the_locked_schedule_goes_with_the_platform_key() {
    let f = Fixture::new();
    f.vault.add_entry(&every_day_at(9, 0, ReminderPurpose::Practice)).unwrap();
    // A passcode change moves the vault to a new platform key; the schedule moves with it.
    f.vault.change_passcode(PASSCODE, b"736154").unwrap();
    f.vault.lock();
    assert_eq!(f.vault.upcoming_reminders(2).unwrap().len(), 2);
    // A key store that lost its records (a new phone's) has no schedule: nothing fires until
    // the next unlock writes it again.
    f.device.forget_records();
    assert_eq!(f.vault.upcoming_reminders(2).unwrap(), vec![]);
    f.vault.unlock(b"736154").unwrap();
    f.vault.lock();
    assert_eq!(f.vault.upcoming_reminders(2).unwrap().len(), 2);
    // Erased: there is nothing to schedule, and the call says so.
    f.vault.unlock(b"736154").unwrap();
    f.vault.erase().unwrap();
    assert!(matches!(f.vault.upcoming_reminders(1), Err(Error::Closed)));
}

#[test]
fn each_firing_says_its_local_date_and_time_even_after_a_jump() {
    let f = Fixture::new();
    f.vault.set_time_zone(Arc::new(zone("Europe/Berlin")));
    // Saturday 2026-03-28, noon UTC; a reminder at 02:30 every day.
    f.clock.set(utc(2026, 3, 28, 12, 0));
    f.vault.add_entry(&every_day_at(2, 30, ReminderPurpose::CheckIn)).unwrap();
    let next = f.vault.upcoming_reminders(3).unwrap();
    let local: Vec<(i32, i32, i32, i32)> = next
        .iter()
        .map(|n| (n.local_date.month, n.local_date.day, n.local_hour, n.local_minute))
        .collect();
    assert_eq!(
        local,
        vec![
            (3, 29, 3, 30), // 02:30 does not happen on the 29th: it shows just after the jump
            (3, 30, 2, 30),
            (3, 31, 2, 30),
        ]
    );
    assert_eq!(next[0].local_date.year, 2026);
    assert_eq!(next[0].at, at(utc(2026, 3, 29, 1, 30)));
}
