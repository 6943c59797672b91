//! The day's prompt through the vault: stable all day in the person's time zone, other
//! prompts on request, done or skipped with a sealed response, surviving lock and reopen.

#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Arc;

use common::*;
use mend_core::program::daily::MAX_ALTERNATIVES;
use mend_core::program::{Focus, PracticeOutcome};
use mend_core::{CalendarDate, Error, InputField, ManualClock, MemoryKeyStore, Role, Vault};

const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;

/// A vault counting days in Berlin.
fn berlin() -> Fixture {
    let f = Fixture::new();
    f.vault.set_time_zone(Arc::new(zone("Europe/Berlin")));
    f
}

#[test]
fn the_days_prompt_is_stable_all_day_and_changes_with_the_day() {
    let f = berlin();
    // T0 is midnight UTC, 01:00 in Berlin.
    let first = f.vault.today_prompt().unwrap();
    assert_eq!(first.outcome, PracticeOutcome::Shown);
    assert!(!first.is_alternative);
    assert!(first.more_available);
    assert!(matches!(first.prompt.focus, Focus::Step { .. }));
    assert_eq!(first.prompt.role, Role::Repairing);
    f.clock.advance(20 * HOUR); // 21:00 in Berlin, same day
    assert_eq!(f.vault.today_prompt().unwrap().prompt.id, first.prompt.id);
    f.vault.complete_prompt(&first.prompt.id, None).unwrap();
    assert_eq!(
        f.vault.today_prompt().unwrap().prompt.id,
        first.prompt.id,
        "acting today never changes today"
    );
    f.clock.advance(3 * HOUR); // past midnight in Berlin, still the same UTC day
    let next = f.vault.today_prompt().unwrap();
    assert_ne!(next.date, first.date);
    assert_ne!(next.prompt.id, first.prompt.id, "a prompt rests for 30 days");
    // In another time zone it is still the first day there.
    f.vault.set_time_zone(Arc::new(zone("America/Los_Angeles")));
    let la = f.vault.today_prompt().unwrap();
    assert_eq!(la.date, first.date, "in Los Angeles it is still the first day");
    assert_eq!(first.date, CalendarDate { year: 2026, month: 1, day: 1 });
}

#[test]
fn other_prompts_come_in_turn_until_none_is_left_and_leave_todays_alone() {
    let f = berlin();
    let today = f.vault.today_prompt().unwrap();
    let one = f.vault.another_prompt().unwrap();
    let two = f.vault.another_prompt().unwrap();
    assert!(one.is_alternative && two.is_alternative);
    assert_ne!(one.prompt.id, today.prompt.id);
    assert_ne!(two.prompt.id, one.prompt.id);
    assert_eq!(f.vault.today_prompt().unwrap().prompt.id, today.prompt.id);
    // An alternative can be done instead of the day's prompt.
    let done = f.vault.complete_prompt(&one.prompt.id, Some("We walked.")).unwrap();
    assert_eq!((done.prompt.outcome, done.prompt.is_alternative), (PracticeOutcome::Done, true));
    // Asking again and again ends with "no more", and then a typed error.
    let mut seen = vec![today.prompt.id, one.prompt.id, two.prompt.id.clone()];
    let mut last = two;
    while last.more_available {
        last = f.vault.another_prompt().unwrap();
        assert!(!seen.contains(&last.prompt.id), "each other prompt is new today");
        seen.push(last.prompt.id.clone());
    }
    assert_eq!(seen.len(), 1 + MAX_ALTERNATIVES as usize);
    assert!(matches!(
        f.vault.another_prompt(),
        Err(Error::InvalidInput { field: InputField::Prompt, .. })
    ));
    // The same day, after a reopen, the count carries on from what was offered.
    f.vault.lock();
    let v = f.reopen();
    v.set_time_zone(Arc::new(zone("Europe/Berlin")));
    v.unlock(PASSCODE).unwrap();
    assert!(!v.today_prompt().unwrap().more_available);
}

#[test]
fn done_and_skipped_are_kept_sealed_with_the_response_across_reopen() {
    let f = berlin();
    let today = f.vault.today_prompt().unwrap();
    let skipped = f.vault.skip_prompt(&today.prompt.id).unwrap();
    assert_eq!(skipped.outcome, PracticeOutcome::Skipped);
    let done = f
        .vault
        .complete_prompt(&today.prompt.id, Some("  I listened without defending myself. 🙏 \n"))
        .unwrap();
    assert_eq!(done.prompt.outcome, PracticeOutcome::Done);
    assert_eq!(done.prompt.response.as_deref(), Some("I listened without defending myself. 🙏"));
    // Skipping after doing changes nothing.
    assert_eq!(f.vault.skip_prompt(&today.prompt.id).unwrap().outcome, PracticeOutcome::Done);
    f.vault.lock();
    let v = f.reopen();
    v.set_time_zone(Arc::new(zone("Europe/Berlin")));
    v.unlock(PASSCODE).unwrap();
    let again = v.today_prompt().unwrap();
    assert_eq!(again.prompt.id, today.prompt.id);
    assert_eq!(again.outcome, PracticeOutcome::Done);
    assert_eq!(again.response.as_deref(), Some("I listened without defending myself. 🙏"));
}

#[test]
fn bad_requests_are_refused_with_typed_errors() {
    let f = berlin();
    let today = f.vault.today_prompt().unwrap();
    assert!(matches!(f.vault.complete_prompt("no-such-prompt", None), Err(Error::NotFound)));
    let unseen = if today.prompt.id == "story-01" { "story-02" } else { "story-01" };
    assert!(matches!(f.vault.complete_prompt(unseen, None), Err(Error::NotFound)));
    let long = "x".repeat(10_001);
    assert!(matches!(
        f.vault.complete_prompt(&today.prompt.id, Some(&long)),
        Err(Error::InvalidInput { field: InputField::Response, .. })
    ));
    f.vault.set_time_zone(Arc::new(mend_core::calendar::FixedOffset(25 * 3600)));
    assert!(matches!(
        f.vault.today_prompt(),
        Err(Error::InvalidInput { field: InputField::TimeZone, .. })
    ));
    f.vault.set_time_zone(Arc::new(zone("Europe/Berlin")));
    f.vault.lock();
    assert!(matches!(f.vault.today_prompt(), Err(Error::Locked)));
    assert!(matches!(f.vault.skip_prompt(&today.prompt.id), Err(Error::Locked)));
}

#[test]
fn the_hurt_partner_gets_their_own_prompts() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = Vault::create(
        &dir.path().join("v.db"),
        PASSCODE,
        Role::Hurt,
        TEST_KDF,
        Arc::new(MemoryKeyStore::new()),
        Arc::new(ManualClock::new(T0)),
    )
    .unwrap();
    let p = v.today_prompt().unwrap().prompt;
    assert_eq!(p.role, Role::Hurt);
    assert!(matches!(p.focus, Focus::Theme { .. }));
}

#[test]
fn practice_responses_never_reach_the_files() {
    let f = berlin();
    let marker = "MARKERRESPONSE4419";
    let mut ids = Vec::new();
    for _ in 0..5 {
        let today = f.vault.today_prompt().unwrap();
        f.vault.complete_prompt(&today.prompt.id, Some(marker)).unwrap();
        ids.push(today.prompt.id);
        f.clock.advance(DAY);
    }
    f.vault.lock();
    for (file, bytes) in raw_files(&f.path()) {
        assert_eq!(count_hits(&bytes, marker.as_bytes()), 0, "marker in {file}");
        for id in &ids {
            assert_eq!(count_hits(&bytes, id.as_bytes()), 0, "prompt id {id} in {file}");
        }
    }
}

/// Does today's prompt at `utc_ms`.
fn practise_at(f: &Fixture, utc_ms: i64) {
    f.clock.set(utc_ms);
    let p = f.vault.today_prompt().unwrap();
    f.vault.complete_prompt(&p.prompt.id, None).unwrap();
}

#[test]
fn progress_counts_local_days_across_midnight_and_a_daylight_saving_change() {
    // Europe/Berlin moves to summer time at 2026-03-29 02:00 local (01:00 UTC).
    let f = berlin(); // started 2026-01-01 01:00 Berlin
    practise_at(&f, 1_774_738_200_000); // 2026-03-28 23:50 CET  (22:50 UTC)
    practise_at(&f, 1_774_739_400_000); // 2026-03-29 00:10 CET  (23:10 UTC, Mar 28)
    practise_at(&f, 1_774_819_800_000); // 2026-03-29 23:30 CEST (21:30 UTC)
    practise_at(&f, 1_774_825_200_000); // 2026-03-30 01:00 CEST (23:00 UTC, Mar 29)
    let p = f.vault.progress().unwrap();
    assert_eq!(p.days_practised, 3, "Mar 28, Mar 29 (twice), Mar 30 in Berlin");
    assert_eq!(p.days_practised_last_7, 3);
    assert_eq!(p.weeks_since_start, 12, "Jan 1 to Mar 30 is 88 days");
    // Twice on Mar 29 is the same prompt of the same day: one practice.
    assert_eq!(p.focuses.iter().map(|s| s.times_practised).sum::<i32>(), 3);
    assert!(p.milestones.iter().any(|m| m.key == "first-practice"));
    assert!(p.milestones.iter().any(|m| m.key == "twelve-weeks"));
    // Seen from New York (six hours behind), the same moments fall on two local days only:
    // Mar 28 16:50 and 17:10, Mar 29 17:30 and 19:00.
    f.vault.set_time_zone(Arc::new(zone("America/New_York")));
    assert_eq!(f.vault.progress().unwrap().days_practised, 2);
    // A week later, the forgiving streak has moved on.
    f.vault.set_time_zone(Arc::new(zone("Europe/Berlin")));
    f.clock.advance(7 * DAY);
    assert_eq!(f.vault.progress().unwrap().days_practised_last_7, 0);
    assert_eq!(f.vault.progress().unwrap().days_practised_last_28, 3);
}

#[test]
fn looking_at_the_days_prompt_writes_nothing_to_the_file() {
    let f = berlin();
    f.vault.lock();
    f.vault.unlock(PASSCODE).unwrap();
    f.vault.lock();
    let before = raw_files(&f.path());
    f.vault.unlock(PASSCODE).unwrap();
    // A week of opening the app and looking, without doing anything.
    for _ in 0..7 {
        f.vault.today_prompt().unwrap();
        f.clock.advance(DAY);
    }
    f.vault.lock();
    let db_size = |files: &[(String, Vec<u8>)]| {
        files.iter().find(|(name, _)| name.ends_with(".db")).map(|(_, b)| b.len())
    };
    let after = raw_files(&f.path());
    assert_eq!(db_size(&after), db_size(&before), "the file grew from looking");
    // Only the attempt state changed (each unlock seals a new one); no record row did.
    let conn = rusqlite::Connection::open(f.path()).unwrap();
    let count: i64 = conn.query_row("SELECT count(*) FROM record", [], |r| r.get(0)).unwrap();
    assert_eq!(count, 1, "only the settings record");
}
