//! What the vault file's shape tells someone holding a copy: record kinds cannot be told
//! apart by their envelope sizes. Every record is a metadata envelope and a body envelope,
//! padded by the same rule; a short note, a check-in, a trigger, a question, a day's practice
//! and the settings all look alike, and a long letter looks like a long note.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use mend_core::tools::{
    Asker, CheckIn, Question, QuestionKind, QuestionStatus, ToolEntry, Trigger, Worksheet,
    WorksheetKind,
};
use mend_core::{CalendarDate, NoteDraft, Timestamp};

/// The envelope sizes (metadata, body) of the one row `write` adds.
fn sizes_of(f: &Fixture, write: impl FnOnce()) -> (usize, usize) {
    let before = rows(&f.path());
    write();
    let after = rows(&f.path());
    let row = *after.difference(&before).next().expect("a row was added");
    (
        cell(&f.path(), "record", "meta", row).len(),
        cell(&f.path(), "record_body", "body", row).len(),
    )
}

#[test]
fn record_kinds_cannot_be_told_apart_by_envelope_sizes() {
    let f = Fixture::new();
    let settings_row = *rows(&f.path()).iter().next().unwrap();
    let settings = (
        cell(&f.path(), "record", "meta", settings_row).len(),
        cell(&f.path(), "record_body", "body", settings_row).len(),
    );
    let v = &f.vault;
    let short = [
        ("settings", settings),
        (
            "note",
            sizes_of(&f, || {
                v.add_note(&NoteDraft { title: "Evening walk".into(), ..draft("", "") }).unwrap();
            }),
        ),
        (
            "check-in",
            sizes_of(&f, || {
                let date = CalendarDate { year: 2026, month: 1, day: 1 };
                let c = CheckIn { date, safety: 6, trust: 4, connection: 5, note: String::new() };
                v.add_entry(&ToolEntry::CheckIn(c)).unwrap();
            }),
        ),
        (
            "trigger",
            sizes_of(&f, || {
                let t = Trigger {
                    at: Timestamp::from_ms(T0),
                    what: "A song".into(),
                    intensity: 6,
                    helped: String::new(),
                };
                v.add_entry(&ToolEntry::Trigger(t)).unwrap();
            }),
        ),
        (
            "question",
            sizes_of(&f, || {
                let q = Question {
                    text: "When did it start?".into(),
                    asked_by: Asker::Partner,
                    kind: QuestionKind::Fact,
                    answer: String::new(),
                    status: QuestionStatus::Open,
                };
                v.add_entry(&ToolEntry::Question(q)).unwrap();
            }),
        ),
        (
            "practice day",
            sizes_of(&f, || {
                let prompt = v.today_prompt().unwrap().prompt.id;
                v.skip_prompt(&prompt).unwrap();
            }),
        ),
    ];
    for (kind, size) in &short[1..] {
        assert_eq!(*size, short[0].1, "a {kind} differs from the settings record: {short:?}");
    }

    // Long writing: a remorse letter and a note of the same length look alike too (lengths
    // on either side of a size bucket's edge differ, whatever the kind).
    let text = "I am sorry for the nights you waited. ".repeat(68);
    let letter = sizes_of(&f, || {
        let sections = vec![text.clone(), String::new(), String::new(), String::new()];
        let w = Worksheet { kind: WorksheetKind::RemorseLetter, sections };
        v.add_entry(&ToolEntry::Worksheet(w)).unwrap();
    });
    let note = sizes_of(&f, || {
        v.add_note(&NoteDraft { title: "Evening walk".into(), ..draft("", &text) }).unwrap();
    });
    assert_eq!(letter, note);
    assert!(letter.1 > 2_000, "the long text is in the body");
}
