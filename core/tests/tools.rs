//! The step and hurt-partner tools through the vault: entries are sealed, listed newest
//! first, edited, deleted, kept across reopen, and check-ins feed weekly averages.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use std::sync::Arc;

use mend_core::tools::{
    Asker, CheckIn, Contact, Question, QuestionKind, QuestionStatus, ToolEntry, ToolKind as Tool,
    Trigger,
};
use mend_core::{CalendarDate, Error, InputField, NoteId, Timestamp};

fn trigger(at_ms: i64, what: &str) -> ToolEntry {
    ToolEntry::Trigger(Trigger {
        at: Timestamp::from_ms(at_ms),
        what: what.into(),
        intensity: 7,
        helped: "Breathing slowly".into(),
    })
}

#[test]
fn entries_are_listed_newest_first_edited_and_deleted() {
    let f = Fixture::new();
    let a = f.vault.add_entry(&trigger(T0 + 1_000, "A song on the radio")).unwrap();
    let b = f.vault.add_entry(&trigger(T0 + 5_000, "Their street")).unwrap();
    let q = f
        .vault
        .add_entry(&ToolEntry::Question(Question {
            text: "When did it start?".into(),
            asked_by: Asker::Partner,
            kind: QuestionKind::Fact,
            answer: String::new(),
            status: QuestionStatus::Open,
        }))
        .unwrap();
    let listed: Vec<NoteId> =
        f.vault.entries(Tool::Triggers).unwrap().iter().map(|r| r.id).collect();
    assert_eq!(listed, vec![b.record.id, a.record.id]);
    assert_eq!(f.vault.entries(Tool::Questions).unwrap().len(), 1);
    assert!(f.vault.entries(Tool::Contacts).unwrap().is_empty());

    let answered = ToolEntry::Question(Question {
        text: "When did it start?".into(),
        asked_by: Asker::Partner,
        kind: QuestionKind::Fact,
        answer: "In March.".into(),
        status: QuestionStatus::Answered,
    });
    f.clock.advance(60_000);
    let edited = f.vault.edit_entry(&q.record.id, &answered).unwrap();
    assert_eq!(
        (edited.record.created_at, edited.record.updated_at),
        (q.record.created_at, q.record.created_at.plus_ms(60_000))
    );
    assert!(matches!(
        f.vault.edit_entry(&q.record.id, &trigger(0, "x")),
        Err(Error::InvalidInput { field: InputField::Entry, .. })
    ));
    f.vault.delete_entry(&a.record.id).unwrap();
    assert!(matches!(f.vault.delete_entry(&a.record.id), Err(Error::NotFound)));

    f.vault.lock();
    let v = f.reopen();
    v.unlock(PASSCODE).unwrap();
    assert_eq!(
        v.entries(Tool::Triggers).unwrap().iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![b.record.id]
    );
    assert_eq!(v.entries(Tool::Questions).unwrap()[0].entry, answered);
    v.lock();
    assert!(matches!(v.entries(Tool::Questions), Err(Error::Locked)));
    assert!(matches!(v.add_entry(&trigger(0, "x")), Err(Error::Locked)));
}

#[test]
fn check_ins_feed_weekly_averages() {
    let f = Fixture::new();
    f.vault.set_time_zone(Arc::new(zone("Europe/Berlin")));
    let today = f.vault.today_prompt().unwrap().date.day_number().unwrap();
    for (offset, safety) in [(0, 2), (-1, 4), (-7, 6)] {
        f.vault
            .add_entry(&ToolEntry::CheckIn(CheckIn {
                date: CalendarDate::from_day_number(today + offset),
                safety,
                trust: 5,
                connection: 5,
                note: String::new(),
            }))
            .unwrap();
    }
    let p = f.vault.progress().unwrap();
    assert!(!p.check_in_weeks.is_empty());
    let total: i32 = p.check_in_weeks.iter().map(|w| w.count).sum();
    assert_eq!(total, 3);
    let last = p.check_in_weeks.last().unwrap();
    assert!(last.safety >= 2.0 && last.safety <= 4.0);
}

#[test]
fn bad_entries_are_refused_before_anything_is_written() {
    let f = Fixture::new();
    let too_high = ToolEntry::CheckIn(CheckIn {
        date: CalendarDate { year: 2026, month: 1, day: 2 },
        safety: 4,
        trust: 11,
        connection: 4,
        note: String::new(),
    });
    assert!(matches!(
        f.vault.add_entry(&too_high),
        Err(Error::InvalidInput { field: InputField::Trust, .. })
    ));
    let no_channel = ToolEntry::Contact(Contact {
        at: Timestamp::from_ms(T0),
        channel: " ".into(),
        what_happened: String::new(),
        how_handled: String::new(),
        disclosed_at: None,
    });
    assert!(matches!(
        f.vault.add_entry(&no_channel),
        Err(Error::InvalidInput { field: InputField::Channel, .. })
    ));
    assert!(f.vault.entries(Tool::CheckIns).unwrap().is_empty());
}

#[test]
fn tool_entries_never_reach_the_files() {
    let f = Fixture::new();
    let markers =
        ["MARKERTRIGGER5521", "MARKERQUESTION5521", "MARKERCONTACT5521", "MARKERNOTE5521"];
    f.vault.add_entry(&trigger(T0, markers[0])).unwrap();
    f.vault
        .add_entry(&ToolEntry::Question(Question {
            text: markers[1].into(),
            asked_by: Asker::Me,
            kind: QuestionKind::Meaning,
            answer: markers[1].into(),
            status: QuestionStatus::Revisit,
        }))
        .unwrap();
    f.vault
        .add_entry(&ToolEntry::Contact(Contact {
            at: Timestamp::from_ms(T0),
            channel: "message".into(),
            what_happened: markers[2].into(),
            how_handled: markers[2].into(),
            disclosed_at: Some(Timestamp::from_ms(T0)),
        }))
        .unwrap();
    f.vault
        .add_entry(&ToolEntry::CheckIn(CheckIn {
            date: CalendarDate { year: 2026, month: 1, day: 2 },
            safety: 1,
            trust: 1,
            connection: 1,
            note: markers[3].into(),
        }))
        .unwrap();
    f.vault.lock();
    for (file, bytes) in raw_files(&f.path()) {
        for m in markers.iter().chain(["MARKERSHEET5521"].iter()) {
            assert_eq!(count_hits(&bytes, m.as_bytes()), 0, "{m} in {file}");
        }
    }
}

#[test]
fn a_check_in_is_stamped_with_the_local_day_and_one_per_day() {
    let f = Fixture::new();
    // 2026-01-01T23:30Z is still the 1st in New York and already the 2nd in Berlin.
    f.clock.set(T0 + 23 * 3_600_000 + 30 * 60_000);
    f.vault.set_time_zone(Arc::new(zone("Europe/Berlin")));
    assert_eq!(f.vault.todays_check_in().unwrap(), None);
    let first = f.vault.check_in(3, 4, 5, "first").unwrap();
    let ToolEntry::CheckIn(c) = &first.record.entry else { panic!("not a check-in") };
    assert_eq!(c.date, CalendarDate { year: 2026, month: 1, day: 2 });
    // A second check-in the same day replaces the first.
    let second = f.vault.check_in(6, 6, 6, "second").unwrap();
    assert_eq!(second.record.id, first.record.id);
    assert_eq!(f.vault.entries(Tool::CheckIns).unwrap().len(), 1);
    assert_eq!(f.vault.todays_check_in().unwrap().unwrap().entry, second.record.entry);
    // In New York it is still the 1st: today's check-in is not there yet.
    f.vault.set_time_zone(Arc::new(zone("America/New_York")));
    assert_eq!(f.vault.todays_check_in().unwrap(), None);
    let ny = f.vault.check_in(1, 1, 1, "").unwrap();
    let ToolEntry::CheckIn(c) = &ny.record.entry else { panic!("not a check-in") };
    assert_eq!(c.date, CalendarDate { year: 2026, month: 1, day: 1 });
    assert!(matches!(
        f.vault.check_in(11, 1, 1, ""),
        Err(Error::InvalidInput { field: InputField::Safety, .. })
    ));
}
