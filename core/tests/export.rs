//! Plain exports and the therapist summary: everything is in an export under its documented
//! name; a summary holds only what was picked, in the dates picked, and its file name names
//! nothing but the dates.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use mend_core::export::ExportFormat;
use mend_core::summary::{SummaryFormat, SummaryRequest, summary_file_name};
use mend_core::tools::{
    Asker, Question, QuestionKind, QuestionStatus, ToolEntry, ToolKind, Trigger, Worksheet,
    WorksheetKind,
};
use mend_core::{CalendarDate, Error, InputField, NoteDraft, Timestamp};

fn day(d: i32) -> CalendarDate {
    CalendarDate { year: 2026, month: 1, day: d }
}

/// Notes on 1 and 10 January, practice on the 1st and 2nd, a check-in a day for three days,
/// a trigger, an answered and an open question, a remorse letter.
fn filled() -> Fixture {
    let f = Fixture::new();
    let v = &f.vault;
    v.add_note(&NoteDraft {
        title: "PICKED-NOTE".into(),
        body: "picked body with <b>markup</b> & \"quotes\"".into(),
        step: Some(2),
        tags: vec!["talk".into()],
    })
    .unwrap();
    for d in 0..3 {
        let p = v.today_prompt().unwrap();
        v.complete_prompt(&p.prompt.id, Some(&format!("RESPONSE-{d}"))).unwrap();
        v.check_in(4 + d, 5, 6, "CHECKIN-NOTE").unwrap();
        f.clock.advance(86_400_000);
    }
    v.add_entry(&ToolEntry::Trigger(Trigger {
        at: Timestamp::from_ms(T0),
        what: "TRIGGER-WHAT".into(),
        intensity: 6,
        helped: "a walk".into(),
    }))
    .unwrap();
    for (text, status) in
        [("ANSWERED-Q", QuestionStatus::Answered), ("OPEN-Q", QuestionStatus::Open)]
    {
        v.add_entry(&ToolEntry::Question(Question {
            text: text.into(),
            asked_by: Asker::Partner,
            kind: QuestionKind::Fact,
            answer: format!("{text}-ANSWER"),
            status,
        }))
        .unwrap();
    }
    v.add_entry(&ToolEntry::Worksheet(Worksheet {
        kind: WorksheetKind::RemorseLetter,
        sections: vec![
            "LETTER-ONE".into(),
            "LETTER-TWO".into(),
            String::new(),
            "LETTER-FOUR".into(),
        ],
    }))
    .unwrap();
    f.clock.advance(6 * 86_400_000);
    v.add_note(&draft("UNPICKED-NOTE", "not for the therapist")).unwrap();
    f
}

#[test]
fn the_json_export_holds_everything_under_its_documented_names() {
    let f = filled();
    let dest = f.dir.path().join("export.json");
    f.vault.export(ExportFormat::Json, &dest).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&dest).unwrap()).unwrap();
    assert_eq!(json["format"], "mend-export");
    assert_eq!(json["version"], 1);
    assert_eq!(json["role"], "repairing");
    assert_eq!(json["started_at"], "2026-01-01T00:00:00+00:00");
    let notes = json["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    let picked = notes.iter().find(|n| n["title"] == "PICKED-NOTE").unwrap();
    assert_eq!(picked["body"], "picked body with <b>markup</b> & \"quotes\"");
    assert_eq!(picked["step"], 2);
    assert_eq!(picked["tags"][0], "talk");
    assert_eq!(picked["id"].as_str().unwrap().len(), 32);
    let practice = json["practice"].as_array().unwrap();
    assert_eq!(practice.len(), 3);
    assert_eq!(practice[0]["date"], "2026-01-01");
    assert_eq!(practice[0]["prompts"][0]["outcome"], "done");
    assert_eq!(practice[0]["prompts"][0]["response"], "RESPONSE-0");
    assert!(practice[0]["prompts"][0]["prompt_text"].as_str().unwrap().len() > 10);
    let tools = json["tools"].as_array().unwrap();
    let kinds: Vec<&str> = tools.iter().map(|t| t["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "check_in").count(), 3);
    let check_in = tools.iter().find(|t| t["kind"] == "check_in").unwrap();
    assert_eq!(check_in["note"], "CHECKIN-NOTE");
    assert!(check_in["date"].as_str().unwrap().starts_with("2026-01-0"));
    let trigger = tools.iter().find(|t| t["kind"] == "trigger").unwrap();
    assert_eq!(
        (trigger["what"].as_str(), trigger["intensity"].as_i64()),
        (Some("TRIGGER-WHAT"), Some(6))
    );
    let letter = tools.iter().find(|t| t["kind"] == "worksheet").unwrap();
    assert_eq!(letter["worksheet_kind"], "remorse_letter");
    assert_eq!(letter["sections"][3], "LETTER-FOUR");
    let question = tools.iter().find(|t| t["text"] == "OPEN-Q").unwrap();
    assert_eq!(
        (question["status"].as_str(), question["asked_by"].as_str()),
        (Some("open"), Some("partner"))
    );

    // Never over a file that is there; readable by its owner only.
    assert!(matches!(f.vault.export(ExportFormat::Json, &dest), Err(Error::AlreadyExists)));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&dest).unwrap().permissions().mode() & 0o777, 0o600);
    }
    f.vault.lock();
    let locked = f.dir.path().join("locked.json");
    assert!(matches!(f.vault.export(ExportFormat::Json, &locked), Err(Error::Locked)));
    assert!(!locked.exists());
}

#[test]
fn the_markdown_export_reads_as_a_document() {
    let f = filled();
    let dest = f.dir.path().join("export.md");
    f.vault.export(ExportFormat::Markdown, &dest).unwrap();
    let text = std::fs::read_to_string(&dest).unwrap();
    assert!(text.starts_with("# Everything in Mend\n"));
    assert!(text.contains("not protected"));
    for expected in [
        "### PICKED-NOTE",
        "step 2 · tags: talk",
        "What I wrote: RESPONSE-1",
        "### Check-ins",
        "  - Note: CHECKIN-NOTE",
        "  - What set it off: TRIGGER-WHAT",
        "  - Status: answered",
        "LETTER-ONE\n\n  LETTER-TWO",
    ] {
        assert!(text.contains(expected), "{expected} missing");
    }
}

fn request() -> SummaryRequest {
    SummaryRequest {
        first_day: day(1),
        last_day: day(5),
        practice: false,
        check_ins: false,
        answered_questions: false,
        note_ids: vec![],
        letter_ids: vec![],
    }
}

#[test]
fn a_summary_holds_only_what_was_picked() {
    let f = filled();
    let picked = f.vault.notes(&Default::default(), 0, 10).unwrap();
    let picked = picked.notes.iter().find(|n| n.title == "PICKED-NOTE").unwrap().id;
    let letter = f.vault.entries(ToolKind::RemorseLetters).unwrap()[0].id;

    let only_notes = SummaryRequest { note_ids: vec![picked], ..request() };
    let s = f.vault.summary(&only_notes).unwrap();
    assert_eq!(s.sections.len(), 1);
    let html = mend_core::summary::render_summary(&s, SummaryFormat::Html);
    assert!(html.contains("PICKED-NOTE"));
    assert!(html.contains("&lt;b&gt;markup&lt;/b&gt; &amp; &quot;quotes&quot;"), "escaped");
    for absent in ["UNPICKED", "RESPONSE", "CHECKIN", "TRIGGER", "ANSWERED-Q", "OPEN-Q", "LETTER"] {
        assert!(!html.contains(absent), "{absent} is in a summary that did not pick it");
    }

    let everything = SummaryRequest {
        practice: true,
        check_ins: true,
        answered_questions: true,
        note_ids: vec![picked],
        letter_ids: vec![letter],
        ..request()
    };
    let s = f.vault.summary(&everything).unwrap();
    let headings: Vec<&str> = s.sections.iter().map(|x| x.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Practice and progress",
            "Check-ins",
            "Answered questions",
            "Notes",
            "Letters and worksheets"
        ]
    );
    let md = mend_core::summary::render_summary(&s, SummaryFormat::Markdown);
    assert!(md.contains("Practised on 3 of 5 days"), "{md}");
    assert!(md.contains("Safety 5.0 · Trust 5.0 · Connection 6.0"), "{md}");
    assert!(md.contains("ANSWERED-Q-ANSWER") && !md.contains("OPEN-Q"));
    assert!(md.contains("LETTER-FOUR") && !md.contains("UNPICKED"));
    // Prompts' responses are the person's practice notes: a summary counts practice only.
    assert!(!md.contains("RESPONSE"));

    // The dates cut: a range after everything holds nothing of it.
    let later = SummaryRequest { first_day: day(20), last_day: day(25), ..everything.clone() };
    let s = f.vault.summary(&later).unwrap();
    assert!(s.sections[1].items.is_empty() && s.sections[2].items.is_empty());

    let name = summary_file_name(&everything, SummaryFormat::Html);
    assert_eq!(name, "summary-2026-01-01-to-2026-01-05.html");
    let dest = f.dir.path().join(&name);
    f.vault.write_summary(&everything, SummaryFormat::Html, &dest).unwrap();
    assert!(std::fs::read_to_string(&dest).unwrap().starts_with("<!DOCTYPE html>"));
}

#[test]
fn a_summary_with_nothing_picked_bad_dates_or_unknown_ids_is_refused() {
    let f = filled();
    let err = f.vault.summary(&request()).unwrap_err();
    assert!(matches!(err, Error::InvalidInput { field: InputField::Sections, .. }), "{err:?}");
    let backwards =
        SummaryRequest { first_day: day(5), last_day: day(1), practice: true, ..request() };
    assert!(matches!(
        f.vault.summary(&backwards),
        Err(Error::InvalidInput { field: InputField::Date, .. })
    ));
    let bad_date = SummaryRequest {
        last_day: CalendarDate { year: 2026, month: 2, day: 30 },
        practice: true,
        ..request()
    };
    assert!(matches!(
        f.vault.summary(&bad_date),
        Err(Error::InvalidInput { field: InputField::Date, .. })
    ));
    let unknown = mend_core::RecordId::generate().unwrap();
    let missing = SummaryRequest { note_ids: vec![unknown], ..request() };
    assert!(matches!(f.vault.summary(&missing), Err(Error::NotFound)));
    let not_a_letter = SummaryRequest { letter_ids: vec![unknown], ..request() };
    assert!(matches!(f.vault.summary(&not_a_letter), Err(Error::NotFound)));
}

#[test]
fn the_suggested_export_name_is_the_date_and_plain_in_discreet_mode() {
    let f = Fixture::new();
    assert_eq!(
        f.vault.export_file_name(ExportFormat::Json).unwrap(),
        "mend-export-2026-01-01.json"
    );
    f.vault.set_discreet_mode(true).unwrap();
    assert_eq!(f.vault.export_file_name(ExportFormat::Markdown).unwrap(), "notes-2026-01-01.md");
}

#[test]
fn the_periods_offered_end_today_and_never_reach_before_the_start() {
    let f = Fixture::new();
    f.clock.advance(40 * 86_400_000);
    let periods = f.vault.summary_periods().unwrap();
    let weeks: Vec<i32> = periods.iter().map(|p| p.weeks).collect();
    assert_eq!(weeks, [2, 4, 12, 0]);
    assert!(periods.iter().all(|p| p.last_day == CalendarDate { year: 2026, month: 2, day: 10 }));
    assert_eq!(periods[0].first_day, CalendarDate { year: 2026, month: 1, day: 28 });
    assert_eq!(periods[1].first_day, CalendarDate { year: 2026, month: 1, day: 14 });
    assert_eq!(periods[2].first_day, day(1), "not before the start");
    assert_eq!(periods[3].first_day, day(1));
}
