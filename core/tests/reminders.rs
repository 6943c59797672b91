//! Reminders fire at the chosen local times, right across daylight-saving changes, with
//! neutral notification texts.

#![allow(clippy::unwrap_used)]

mod common;

use chrono::{TimeZone, Utc};
use common::*;
use mend_core::Error;
use mend_core::tools::reminders::instant_of;
use mend_core::tools::{Entry, Reminder, ReminderPurpose};

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap().timestamp_millis()
}

fn every_day_at(hour: u16, minute: u16, purpose: ReminderPurpose) -> Entry {
    Entry::Reminder(Reminder {
        purpose,
        weekdays: 0x7f,
        minute_of_day: hour * 60 + minute,
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
    let berlin = zone("Europe/Berlin");
    // Saturday 2026-03-28, 12:00 UTC.
    f.clock.set(utc(2026, 3, 28, 12, 0));
    let check_in = f.vault.add_entry(&every_day_at(20, 0, ReminderPurpose::CheckIn)).unwrap();
    // Mondays only, 07:30.
    f.vault
        .add_entry(&Entry::Reminder(Reminder {
            purpose: ReminderPurpose::Practice,
            weekdays: 1,
            minute_of_day: 7 * 60 + 30,
            enabled: true,
        }))
        .unwrap();
    f.vault
        .add_entry(&Entry::Reminder(Reminder {
            purpose: ReminderPurpose::Practice,
            weekdays: 0x7f,
            minute_of_day: 9 * 60,
            enabled: false,
        }))
        .unwrap();
    let next = f.vault.upcoming_reminders(&berlin, 4).unwrap();
    let times: Vec<i64> = next.iter().map(|n| n.at_ms).collect();
    assert_eq!(
        times,
        vec![
            utc(2026, 3, 28, 19, 0), // Saturday 20:00 CET
            utc(2026, 3, 29, 18, 0), // Sunday 20:00 CEST: an hour earlier in UTC
            utc(2026, 3, 30, 5, 30), // Monday 07:30 CEST
            utc(2026, 3, 30, 18, 0), // Monday 20:00 CEST
        ]
    );
    assert_eq!(next[0].reminder, check_in.id);
    assert_eq!(next[0].text, "Time for your check-in");
    for n in &next {
        let lower = n.text.to_lowercase();
        for word in ["affair", "cheat", "partner", "honest", "remorse", "step"] {
            assert!(!lower.contains(word), "{}", n.text);
        }
    }
    // Past the last firing of today, today's is no longer listed.
    f.clock.set(utc(2026, 3, 28, 19, 1));
    assert_eq!(f.vault.upcoming_reminders(&berlin, 1).unwrap()[0].at_ms, utc(2026, 3, 29, 18, 0));
}

#[test]
fn bad_reminders_are_refused() {
    let f = Fixture::new();
    let none = Entry::Reminder(Reminder {
        purpose: ReminderPurpose::CheckIn,
        weekdays: 0,
        minute_of_day: 60,
        enabled: true,
    });
    assert!(matches!(f.vault.add_entry(&none), Err(Error::InvalidInput { field: "weekdays", .. })));
    let late = Entry::Reminder(Reminder {
        purpose: ReminderPurpose::CheckIn,
        weekdays: 1,
        minute_of_day: 1440,
        enabled: true,
    });
    assert!(matches!(
        f.vault.add_entry(&late),
        Err(Error::InvalidInput { field: "time of day", .. })
    ));
    assert!(matches!(
        f.vault.upcoming_reminders(&zone("UTC"), 0),
        Err(Error::InvalidInput { field: "limit", .. })
    ));
}
