//! The step and hurt-partner tools through the vault: entries are sealed, listed newest
//! first, edited, deleted, kept across reopen, and check-ins feed weekly averages.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use mend_core::tools::{
    Asker, CheckIn, Contact, Entry, Question, QuestionKind, QuestionStatus, Tool, Trigger,
};
use mend_core::{Error, NoteId};

fn trigger(at_ms: i64, what: &str) -> Entry {
    Entry::Trigger(Trigger {
        at_ms,
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
        .add_entry(&Entry::Question(Question {
            text: "When did it start?".into(),
            asked_by: Asker::Partner,
            kind: QuestionKind::Fact,
            answer: String::new(),
            status: QuestionStatus::Open,
        }))
        .unwrap();
    let listed: Vec<NoteId> =
        f.vault.entries(Tool::Triggers).unwrap().iter().map(|r| r.id).collect();
    assert_eq!(listed, vec![b.id, a.id]);
    assert_eq!(f.vault.entries(Tool::Questions).unwrap().len(), 1);
    assert!(f.vault.entries(Tool::Contacts).unwrap().is_empty());

    let answered = Entry::Question(Question {
        text: "When did it start?".into(),
        asked_by: Asker::Partner,
        kind: QuestionKind::Fact,
        answer: "In March.".into(),
        status: QuestionStatus::Answered,
    });
    f.clock.advance(60_000);
    let edited = f.vault.edit_entry(&q.id, &answered).unwrap();
    assert_eq!((edited.created_ms, edited.updated_ms), (q.created_ms, q.created_ms + 60_000));
    assert!(matches!(
        f.vault.edit_entry(&q.id, &trigger(0, "x")),
        Err(Error::InvalidInput { field: "entry", .. })
    ));
    f.vault.delete_entry(&a.id).unwrap();
    assert!(matches!(f.vault.delete_entry(&a.id), Err(Error::NotFound)));

    f.vault.lock();
    let v = f.reopen();
    v.unlock(PASSCODE).unwrap();
    assert_eq!(
        v.entries(Tool::Triggers).unwrap().iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![b.id]
    );
    assert_eq!(v.entries(Tool::Questions).unwrap()[0].entry, answered);
    v.lock();
    assert!(matches!(v.entries(Tool::Questions), Err(Error::Locked)));
    assert!(matches!(v.add_entry(&trigger(0, "x")), Err(Error::Locked)));
}

#[test]
fn check_ins_feed_weekly_averages() {
    let f = Fixture::new();
    let berlin = zone("Europe/Berlin");
    let today = f.vault.today(&berlin).unwrap().day;
    for (offset, safety) in [(0, 2u8), (-1, 4), (-7, 6)] {
        f.vault
            .add_entry(&Entry::CheckIn(CheckIn {
                day: today + offset,
                safety,
                trust: 5,
                connection: 5,
                note: String::new(),
            }))
            .unwrap();
    }
    let p = f.vault.progress(&berlin).unwrap();
    assert!(!p.check_in_weeks.is_empty());
    let total: u32 = p.check_in_weeks.iter().map(|w| w.count).sum();
    assert_eq!(total, 3);
    let last = p.check_in_weeks.last().unwrap();
    assert!(last.safety >= 2.0 && last.safety <= 4.0);
}

#[test]
fn bad_entries_are_refused_before_anything_is_written() {
    let f = Fixture::new();
    let too_high = Entry::CheckIn(CheckIn {
        day: 1,
        safety: 4,
        trust: 11,
        connection: 4,
        note: String::new(),
    });
    assert!(matches!(
        f.vault.add_entry(&too_high),
        Err(Error::InvalidInput { field: "trust", .. })
    ));
    let no_channel = Entry::Contact(Contact {
        at_ms: T0,
        channel: " ".into(),
        what_happened: String::new(),
        how_handled: String::new(),
        disclosed_at_ms: None,
    });
    assert!(matches!(
        f.vault.add_entry(&no_channel),
        Err(Error::InvalidInput { field: "channel", .. })
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
        .add_entry(&Entry::Question(Question {
            text: markers[1].into(),
            asked_by: Asker::Me,
            kind: QuestionKind::Meaning,
            answer: markers[1].into(),
            status: QuestionStatus::Revisit,
        }))
        .unwrap();
    f.vault
        .add_entry(&Entry::Contact(Contact {
            at_ms: T0,
            channel: "message".into(),
            what_happened: markers[2].into(),
            how_handled: markers[2].into(),
            disclosed_at_ms: Some(T0),
        }))
        .unwrap();
    f.vault
        .add_entry(&Entry::CheckIn(CheckIn {
            day: 1,
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
