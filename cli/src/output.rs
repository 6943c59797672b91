//! How notes are printed: human text for people, stable JSON for scripts.

use chrono::{Local, TimeZone, Utc};
use mend_ffi::{Note, NotePage, NoteSummary};
use serde::Serialize;

/// A note summary in `--json` output. Field names are stable.
#[derive(Serialize)]
pub struct SummaryJson<'a> {
    id: String,
    title: &'a str,
    step: Option<i32>,
    tags: &'a [String],
    created_at: String,
    updated_at: String,
}

/// A whole note in `--json` output.
#[derive(Serialize)]
pub struct NoteJson<'a> {
    #[serde(flatten)]
    summary: SummaryJson<'a>,
    body: &'a str,
}

/// A page of notes in `--json` output.
#[derive(Serialize)]
pub struct PageJson<'a> {
    notes: Vec<SummaryJson<'a>>,
    total: i32,
}

fn rfc3339(ms: i64) -> String {
    Utc.timestamp_millis_opt(ms).single().map(|t| t.to_rfc3339()).unwrap_or_default()
}

/// A local date and time for people.
pub fn local_time(ms: i64) -> String {
    Local
        .timestamp_millis_opt(ms)
        .single()
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

impl<'a> From<&'a NoteSummary> for SummaryJson<'a> {
    fn from(s: &'a NoteSummary) -> Self {
        Self {
            id: s.id.to_string(),
            title: &s.title,
            step: s.step,
            tags: &s.tags,
            created_at: rfc3339(s.created_at.ms()),
            updated_at: rfc3339(s.updated_at.ms()),
        }
    }
}

/// Prints a value as one line of JSON.
pub fn print_json(value: &impl Serialize) {
    // Serialising these plain structs cannot fail.
    println!("{}", serde_json::to_string(value).unwrap_or_default());
}

/// Prints one summary as JSON.
/// Prints a saved note's summary as JSON, with `help` when the help card is offered.
pub fn summary_json(s: &NoteSummary, help: &Option<mend_ffi::HelpOffer>) {
    let mut value = serde_json::to_value(SummaryJson::from(s)).unwrap_or_default();
    if help.is_some() {
        value["help"] = crate::safety::offer_json(help);
    }
    print_json(&value);
}

/// Prints a note as JSON.
pub fn note_json(n: &Note) {
    print_json(&NoteJson { summary: SummaryJson::from(&n.summary), body: &n.body });
}

/// Prints a page as JSON.
pub fn page_json(p: &NotePage) {
    print_json(&PageJson {
        notes: p.notes.iter().map(SummaryJson::from).collect(),
        total: p.total,
    });
}

fn label(s: &NoteSummary) -> String {
    let title = if s.title.is_empty() { "(untitled)" } else { &s.title };
    let step = s.step.map(|n| format!("  · step {n}")).unwrap_or_default();
    let tags =
        if s.tags.is_empty() { String::new() } else { format!("  · {}", s.tags.join(", ")) };
    format!("{}  {title}{step}{tags}", local_time(s.created_at.ms()))
}

/// Prints a page for people, numbered from `first_number`.
pub fn page_text(p: &NotePage, first_number: usize, with_ids: bool) {
    if p.notes.is_empty() {
        println!("No notes here yet.");
        return;
    }
    for (i, s) in p.notes.iter().enumerate() {
        if with_ids {
            println!("{}  {}", s.id, label(s));
        } else {
            println!("{:>3}. {}", first_number + i, label(s));
        }
    }
    if p.total as usize > p.notes.len() {
        println!("({} of {} shown)", p.notes.len(), p.total);
    }
}

/// Prints a whole note for people.
pub fn note_text(n: &Note) {
    println!("{}", label(&n.summary));
    if n.summary.edited {
        println!("(edited {})", local_time(n.summary.updated_at.ms()));
    }
    println!();
    println!("{}", n.body);
}
