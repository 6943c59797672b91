//! Every record as named fields, written once for the JSON and the Markdown export (and the
//! therapist summary): the field names are the JSON keys documented in `docs/EXPORT.md`,
//! and the Markdown shows the same fields under their labels.

use crate::calendar::{CalendarDate, TimeZoneRules, Weekday};
use crate::clock::Timestamp;
use crate::program::PracticeOutcome;
use crate::tools::{
    Asker, InvitationAnswer, QuestionKind, QuestionStatus, ReminderPurpose, ToolEntry,
    WorksheetKind,
};

/// A field's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text someone wrote (may be empty).
    Text(String),
    /// A stable word from a fixed set (a status, a kind).
    Word(&'static str),
    /// A whole number.
    Number(i64),
    /// Yes or no.
    Flag(bool),
    /// A calendar date.
    Date(CalendarDate),
    /// An instant, shown in the vault's time zone.
    Time(Timestamp),
    /// Texts in order.
    Texts(Vec<String>),
    /// Words from a fixed set, in order.
    Words(Vec<&'static str>),
    /// Nothing (an optional field left empty).
    Nothing,
}

/// A named field: its JSON key, its Markdown label, its value.
pub type Field = (&'static str, &'static str, Value);

/// The entry's kind (its JSON `kind`) and its fields.
pub fn entry_fields(entry: &ToolEntry) -> (&'static str, Vec<Field>) {
    use Value::*;
    match entry {
        ToolEntry::CheckIn(c) => (
            "check_in",
            vec![
                ("date", "Date", Date(c.date)),
                ("safety", "Safety (0–10)", Number(c.safety.into())),
                ("trust", "Trust (0–10)", Number(c.trust.into())),
                ("connection", "Connection (0–10)", Number(c.connection.into())),
                ("note", "Note", Text(c.note.clone())),
            ],
        ),
        ToolEntry::Trigger(t) => (
            "trigger",
            vec![
                ("at", "When", Time(t.at)),
                ("what", "What set it off", Text(t.what.clone())),
                ("intensity", "Intensity (0–10)", Number(t.intensity.into())),
                ("helped", "What helped", Text(t.helped.clone())),
            ],
        ),
        ToolEntry::Question(q) => (
            "question",
            vec![
                ("text", "Question", Text(q.text.clone())),
                ("asked_by", "Asked by", Word(asker(q.asked_by))),
                ("question_kind", "Kind", Word(question_kind(q.kind))),
                ("answer", "Answer", Text(q.answer.clone())),
                ("status", "Status", Word(question_status(q.status))),
            ],
        ),
        ToolEntry::Contact(c) => (
            "contact",
            vec![
                ("at", "When", Time(c.at)),
                ("channel", "How", Text(c.channel.clone())),
                ("what_happened", "What happened", Text(c.what_happened.clone())),
                ("how_handled", "How it was handled", Text(c.how_handled.clone())),
                ("disclosed_at", "Told partner", c.disclosed_at.map_or(Nothing, Time)),
            ],
        ),
        ToolEntry::Reminder(r) => (
            "reminder",
            vec![
                ("purpose", "For", Word(purpose(r.purpose))),
                ("weekdays", "Days", Words(r.weekdays.iter().map(|d| weekday(*d)).collect())),
                ("hour", "Hour", Number(r.hour.into())),
                ("minute", "Minute", Number(r.minute.into())),
                ("enabled", "On", Flag(r.enabled)),
            ],
        ),
        ToolEntry::Worksheet(w) => (
            "worksheet",
            vec![
                ("worksheet_kind", "Worksheet", Word(worksheet(w.kind))),
                ("sections", "Sections", Texts(w.sections.clone())),
            ],
        ),
        ToolEntry::Boundary(b) => (
            "boundary",
            vec![
                ("is_need", "A need", Flag(b.is_need)),
                ("text", "Text", Text(b.text.clone())),
                ("agreed", "Agreed", Flag(b.agreed)),
            ],
        ),
        ToolEntry::CutTie(c) => (
            "cut_tie",
            vec![("item", "Item", Text(c.item.clone())), ("done", "Done", Flag(c.done))],
        ),
        ToolEntry::TimeTogether(t) => (
            "time_together",
            vec![
                ("at", "When", Time(t.at)),
                ("plan", "Plan", Text(t.plan.clone())),
                ("asked", "Asked", Flag(t.asked)),
                ("answer", "Answer", Word(invitation(t.answer))),
                ("respected", "Answer respected", Flag(t.respected)),
            ],
        ),
    }
}

fn asker(a: Asker) -> &'static str {
    match a {
        Asker::Me => "me",
        Asker::Partner => "partner",
    }
}

fn question_kind(k: QuestionKind) -> &'static str {
    match k {
        QuestionKind::Fact => "fact",
        QuestionKind::Meaning => "meaning",
    }
}

fn question_status(s: QuestionStatus) -> &'static str {
    match s {
        QuestionStatus::Open => "open",
        QuestionStatus::Answered => "answered",
        QuestionStatus::Revisit => "revisit",
    }
}

fn purpose(p: ReminderPurpose) -> &'static str {
    match p {
        ReminderPurpose::CheckIn => "check_in",
        ReminderPurpose::Practice => "practice",
    }
}

fn worksheet(k: WorksheetKind) -> &'static str {
    match k {
        WorksheetKind::RemorseLetter => "remorse_letter",
        WorksheetKind::Story => "story",
        WorksheetKind::ValidationNote => "validation_note",
    }
}

fn invitation(a: InvitationAnswer) -> &'static str {
    match a {
        InvitationAnswer::Pending => "pending",
        InvitationAnswer::Yes => "yes",
        InvitationAnswer::NotNow => "not_now",
        InvitationAnswer::No => "no",
    }
}

fn weekday(d: Weekday) -> &'static str {
    match d {
        Weekday::Monday => "monday",
        Weekday::Tuesday => "tuesday",
        Weekday::Wednesday => "wednesday",
        Weekday::Thursday => "thursday",
        Weekday::Friday => "friday",
        Weekday::Saturday => "saturday",
        Weekday::Sunday => "sunday",
    }
}

/// A practice outcome's stable word.
pub fn outcome(o: PracticeOutcome) -> &'static str {
    match o {
        PracticeOutcome::Shown => "shown",
        PracticeOutcome::Skipped => "skipped",
        PracticeOutcome::Done => "done",
    }
}

/// A date as `YYYY-MM-DD`.
pub fn date(d: CalendarDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// An instant in the vault's zone, ISO 8601 with its offset (`2026-01-05T20:15:00+01:00`).
pub fn time(t: Timestamp, zone: &dyn TimeZoneRules) -> String {
    let offset = i64::from(zone.offset_seconds(t.ms()));
    let local_s = t.ms().div_euclid(1000) + offset;
    let (day, second) = (local_s.div_euclid(86_400), local_s.rem_euclid(86_400));
    // Day 719_163 from the common era is 1970-01-01.
    let Ok(day) = i32::try_from(day + 719_163) else {
        return String::new();
    };
    let (sign, abs) = if offset < 0 { ('-', -offset) } else { ('+', offset) };
    format!(
        "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        date(CalendarDate::from_day_number(day)),
        second / 3600,
        second % 3600 / 60,
        second % 60,
        abs / 3600,
        abs % 3600 / 60
    )
}

/// An instant in the vault's zone for people to read (`2026-01-05 20:15`).
pub fn time_for_people(t: Timestamp, zone: &dyn TimeZoneRules) -> String {
    let mut iso = time(t, zone);
    iso.truncate(16);
    iso.replace('T', " ")
}
