//! The tools in the terminal: check-ins, the trigger log, the question log, the no-contact log
//! and reminders.

use std::path::Path;

use mend_ffi::{
    Asker, Boundary, CheckIn, Contact, CutTie, EntrySaved, Question, QuestionKind, QuestionStatus,
    Reminder, ReminderPurpose, TimeTogether, Timestamp, ToolEntry, ToolKind, ToolRecord, Trigger,
    Weekday, Worksheet,
};
use serde_json::json;

use crate::args::{
    AskerArg, CheckinArgs, ContactCommand, QuestionCommand, QuestionKindArg, ReminderCommand,
    ReminderPurposeArg, ToolArgs, TriggerCommand,
};
use crate::commands::{open_unlocked, record_id};
use crate::errors::{EXIT_NOT_FOUND, Failure};
use crate::form::{self, Field};
use crate::output::{local_time, print_json};

fn entry_json(r: &ToolRecord) -> serde_json::Value {
    let mut v = match &r.entry {
        ToolEntry::CheckIn(CheckIn { date, safety, trust, connection, note }) => {
            json!({"tool": "check-in", "date": date.to_string(), "safety": safety, "trust": trust, "connection": connection, "note": note})
        }
        ToolEntry::Trigger(Trigger { at, what, intensity, helped }) => {
            json!({"tool": "trigger", "at_ms": at.ms(), "what": what, "intensity": intensity, "helped": helped})
        }
        ToolEntry::Question(Question { text, asked_by, kind, answer, status }) => json!({
            "tool": "question", "text": text, "asked_by": format!("{asked_by:?}").to_lowercase(),
            "kind": format!("{kind:?}").to_lowercase(), "answer": answer, "status": format!("{status:?}").to_lowercase(),
        }),
        ToolEntry::Contact(Contact { at, channel, what_happened, how_handled, disclosed_at }) => {
            json!({
                "tool": "contact", "at_ms": at.ms(), "channel": channel, "what_happened": what_happened,
                "how_handled": how_handled, "disclosed_at_ms": disclosed_at.map(|t| t.ms()),
            })
        }
        ToolEntry::Reminder(Reminder { purpose, weekdays, hour, minute, enabled }) => json!({
            "tool": "reminder", "purpose": format!("{purpose:?}").to_lowercase(),
            "weekdays": weekdays.iter().map(|d| *d as u8 + 1).collect::<Vec<_>>(),
            "time": format!("{hour:02}:{minute:02}"), "enabled": enabled,
        }),
        ToolEntry::Worksheet(Worksheet { kind, sections }) => {
            json!({"tool": "worksheet", "kind": format!("{kind:?}").to_lowercase(), "sections": sections})
        }
        ToolEntry::Boundary(Boundary { is_need, text, agreed }) => {
            json!({"tool": if *is_need { "need" } else { "boundary" }, "text": text, "agreed": agreed})
        }
        ToolEntry::CutTie(CutTie { item, done }) => {
            json!({"tool": "cut-tie", "item": item, "done": done})
        }
        ToolEntry::TimeTogether(TimeTogether { at, plan, asked, answer, respected }) => json!({
            "tool": "time-together", "at_ms": at.ms(), "plan": plan, "asked": asked,
            "answer": format!("{answer:?}").to_lowercase(), "respected": respected,
        }),
    };
    v["id"] = json!(r.id.to_string());
    v["created_at_ms"] = json!(r.created_at.ms());
    v
}

fn print_entry(r: &ToolRecord) {
    match &r.entry {
        ToolEntry::CheckIn(CheckIn { date, safety, trust, connection, note }) => {
            println!(
                "{date}  safety {safety}/10 · trust {trust}/10 · connection {connection}/10  {note}"
            );
        }
        ToolEntry::Trigger(Trigger { at, what, intensity, helped }) => {
            let helped =
                if helped.is_empty() { String::new() } else { format!(" · helped: {helped}") };
            println!("{}  {what} ({intensity}/10){helped}", local_time(at.ms()));
        }
        ToolEntry::Question(Question { text, asked_by, kind, answer, status }) => {
            let who = if *asked_by == Asker::Me { "you" } else { "your partner" };
            println!("{}  [{status:?}, {kind:?}, asked by {who}] {text}", r.id);
            if !answer.is_empty() {
                println!("    answer: {answer}");
            }
        }
        ToolEntry::Contact(Contact { at, channel, what_happened, how_handled, disclosed_at }) => {
            let told = if disclosed_at.is_some() { "told your partner" } else { "not yet told" };
            println!(
                "{}  {channel}: {what_happened} · handled: {how_handled} · {told}",
                local_time(at.ms())
            );
        }
        ToolEntry::Reminder(Reminder { purpose, weekdays, hour, minute, enabled }) => {
            let days: Vec<String> =
                weekdays.iter().map(|d| format!("{d:?}")[..3].to_owned()).collect();
            let off = if *enabled { "" } else { " (off)" };
            println!("{}  {purpose:?} at {hour:02}:{minute:02} on {}{off}", r.id, days.join(", "));
        }
        ToolEntry::Worksheet(Worksheet { kind, sections }) => {
            let headings = mend_ffi::worksheet_info(*kind).map(|w| w.sections).unwrap_or_default();
            println!("{}  {}", r.id, local_time(r.created_at.ms()));
            for (heading, text) in headings.iter().zip(sections) {
                if !text.is_empty() {
                    println!("    {heading}: {text}");
                }
            }
        }
        ToolEntry::Boundary(Boundary { is_need, text, agreed }) => {
            let what = if *is_need { "Need" } else { "Boundary" };
            let state = match (is_need, agreed) {
                (false, true) => " (agreed)",
                (true, true) => " (met lately)",
                _ => "",
            };
            println!("{}  {what}: {text}{state}", r.id);
        }
        ToolEntry::CutTie(CutTie { item, done }) => {
            println!("{}  [{}] {item}", r.id, if *done { "x" } else { " " });
        }
        ToolEntry::TimeTogether(TimeTogether { at, plan, asked, answer, respected }) => {
            let asked = if *asked { "asked first" } else { "not asked first" };
            let kept = if *respected { "answer respected" } else { "answer not respected" };
            println!("{}  {plan} · {asked} · answer: {answer:?} · {kept}", local_time(at.ms()));
        }
    }
}

fn list(dir: &Path, tz: &str, tool: ToolKind, json_out: bool, empty: &str) -> Result<(), Failure> {
    let records = open_unlocked(dir, tz)?.entries(tool)?;
    if json_out {
        print_json(&records.iter().map(entry_json).collect::<Vec<_>>());
    } else if records.is_empty() {
        println!("{empty}");
    } else {
        records.iter().for_each(print_entry);
    }
    Ok(())
}

/// Reports a saved entry, with the help card when one is offered.
fn saved(s: &EntrySaved, json_out: bool) {
    if json_out {
        let mut value = entry_json(&s.record);
        if s.help.is_some() {
            value["help"] = crate::safety::offer_json(&s.help);
        }
        print_json(&value)
    } else {
        println!("Saved.");
        crate::safety::print_offer(&s.help);
    }
}

/// `mend checkin`.
pub fn checkin(dir: &Path, tz: &str, args: CheckinArgs) -> Result<(), Failure> {
    let (Some(safety), Some(trust), Some(connection)) = (args.safety, args.trust, args.connection)
    else {
        return list(dir, tz, ToolKind::CheckIns, args.json, "No check-ins yet.");
    };
    let note = form::read(&[Field::line("note", "A note (Enter to skip)")])?.text("note");
    let vault = open_unlocked(dir, tz)?;
    saved(&vault.check_in(safety, trust, connection, note.unwrap_or_default())?, args.json);
    Ok(())
}

fn now() -> Timestamp {
    Timestamp::from_ms(chrono::Utc::now().timestamp_millis())
}

/// `mend triggers`.
pub fn triggers(dir: &Path, tz: &str, args: ToolArgs<TriggerCommand>) -> Result<(), Failure> {
    match args.command {
        None => list(dir, tz, ToolKind::Triggers, args.json, "No triggers logged."),
        Some(TriggerCommand::Add { intensity }) => {
            let f = form::read(&[
                Field::line("what", "What set it off"),
                Field::line("helped", "What helped, if anything"),
            ])?;
            let (what, helped) = (f.text("what").unwrap_or_default(), f.text("helped"));
            let entry = ToolEntry::Trigger(Trigger {
                at: now(),
                what,
                intensity,
                helped: helped.unwrap_or_default(),
            });
            saved(&open_unlocked(dir, tz)?.add_entry(entry)?, args.json);
            Ok(())
        }
    }
}

/// `mend questions`.
pub fn questions(dir: &Path, tz: &str, args: ToolArgs<QuestionCommand>) -> Result<(), Failure> {
    match args.command {
        None => list(dir, tz, ToolKind::Questions, args.json, "No questions yet."),
        Some(QuestionCommand::Add { asked_by, kind }) => {
            let text = form::read(&[Field::line("text", "The question")])?.text("text");
            let entry = ToolEntry::Question(Question {
                text: text.unwrap_or_default(),
                asked_by: if asked_by == AskerArg::Me { Asker::Me } else { Asker::Partner },
                kind: if kind == QuestionKindArg::Fact {
                    QuestionKind::Fact
                } else {
                    QuestionKind::Meaning
                },
                answer: String::new(),
                status: QuestionStatus::Open,
            });
            saved(&open_unlocked(dir, tz)?.add_entry(entry)?, args.json);
            Ok(())
        }
        Some(QuestionCommand::Answer { id, revisit }) => {
            let id = record_id(&id)?;
            let answer = form::read(&[Field::lines("answer", "The answer")])?.text("answer");
            let answer = answer.unwrap_or_default();
            let vault = open_unlocked(dir, tz)?;
            let current = vault
                .entries(ToolKind::Questions)?
                .into_iter()
                .find(|r| r.id == id)
                .ok_or(Failure::new(EXIT_NOT_FOUND, "no question has that id"))?;
            let ToolEntry::Question(question) = current.entry else {
                return Err(Failure::new(EXIT_NOT_FOUND, "no question has that id"));
            };
            let status = if revisit { QuestionStatus::Revisit } else { QuestionStatus::Answered };
            let entry = ToolEntry::Question(Question { answer, status, ..question });
            saved(&vault.edit_entry(id, entry)?, args.json);
            Ok(())
        }
    }
}

/// `mend contacts`.
pub fn contacts(dir: &Path, tz: &str, args: ToolArgs<ContactCommand>) -> Result<(), Failure> {
    match args.command {
        None => list(dir, tz, ToolKind::Contacts, args.json, "No contact attempts logged."),
        Some(ContactCommand::Add { disclosed }) => {
            let f = form::read(&[
                Field::line("channel", "How they made contact (a message, a call…)"),
                Field::line("what", "What happened"),
                Field::line("handled", "How you handled it"),
            ])?;
            let at = now();
            let entry = ToolEntry::Contact(Contact {
                at,
                channel: f.text("channel").unwrap_or_default(),
                what_happened: f.text("what").unwrap_or_default(),
                how_handled: f.text("handled").unwrap_or_default(),
                disclosed_at: disclosed.then_some(at),
            });
            saved(&open_unlocked(dir, tz)?.add_entry(entry)?, args.json);
            Ok(())
        }
    }
}

/// `mend reminders`.
pub fn reminders(dir: &Path, tz: &str, args: ToolArgs<ReminderCommand>) -> Result<(), Failure> {
    match args.command {
        None => {
            let vault = open_unlocked(dir, tz)?;
            let records = vault.entries(ToolKind::Reminders)?;
            let upcoming =
                if records.is_empty() { Vec::new() } else { vault.upcoming_reminders(5)? };
            if args.json {
                print_json(&json!({
                    "reminders": records.iter().map(entry_json).collect::<Vec<_>>(),
                    "upcoming": upcoming.iter().map(|f| json!({"reminder_id": f.reminder_id.to_string(), "at_ms": f.at.ms(), "text": f.text})).collect::<Vec<_>>(),
                }));
            } else if records.is_empty() {
                println!("No reminders yet.");
            } else {
                records.iter().for_each(print_entry);
                println!();
                for f in &upcoming {
                    println!("  next: {}  {}", crate::zone::local_time_in(tz, f.at.ms()), f.text);
                }
            }
            Ok(())
        }
        Some(ReminderCommand::Add { purpose, days, at }) => {
            let (hour, minute) = at
                .split_once(':')
                .and_then(|(h, m)| Some((h.parse::<i32>().ok()?, m.parse::<i32>().ok()?)))
                .ok_or(Failure::new(
                    crate::errors::EXIT_INVALID,
                    "the time must look like 20:30",
                ))?;
            let weekdays = parse_days(&days)?;
            let entry = ToolEntry::Reminder(Reminder {
                purpose: if purpose == ReminderPurposeArg::Checkin {
                    ReminderPurpose::CheckIn
                } else {
                    ReminderPurpose::Practice
                },
                weekdays,
                hour,
                minute,
                enabled: true,
            });
            saved(&open_unlocked(dir, tz)?.add_entry(entry)?, args.json);
            Ok(())
        }
        Some(ReminderCommand::Delete { id }) => {
            open_unlocked(dir, tz)?.delete_entry(record_id(&id)?)?;
            println!("Deleted.");
            Ok(())
        }
    }
}

/// Reads `mon,tue,...`, `weekdays`, `weekends` or `daily`.
fn parse_days(text: &str) -> Result<Vec<Weekday>, Failure> {
    const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    match text.trim().to_lowercase().as_str() {
        "daily" | "every" => return Ok(Weekday::ALL.to_vec()),
        "weekdays" => return Ok(Weekday::ALL[..5].to_vec()),
        "weekends" => return Ok(Weekday::ALL[5..].to_vec()),
        _ => {}
    }
    text.split(',')
        .map(|d| {
            let d = d.trim().to_lowercase();
            NAMES.iter().position(|n| d.starts_with(n)).map(|i| Weekday::ALL[i]).ok_or(
                Failure::new(
                    crate::errors::EXIT_INVALID,
                    "days must look like mon,wed,fri or daily",
                ),
            )
        })
        .collect()
}

/// The tools the interactive client offers, with their names for people.
pub const MENU: [(ToolKind, &str); 10] = [
    (ToolKind::Questions, "Questions"),
    (ToolKind::Contacts, "Contact attempts (no-contact log)"),
    (ToolKind::CutTies, "Cut-ties checklist"),
    (ToolKind::Boundaries, "Boundaries and needs"),
    (ToolKind::RemorseLetters, "Remorse letter drafts"),
    (ToolKind::Stories, "Story worksheets"),
    (ToolKind::ValidationNotes, "Validation practice notes"),
    (ToolKind::TimeTogether, "Time together"),
    (ToolKind::Triggers, "Triggers"),
    (ToolKind::CheckIns, "Check-ins"),
];

/// Prints a tool's entries for people.
pub fn print_all(records: &[ToolRecord]) {
    if records.is_empty() {
        println!("Nothing here yet.");
    }
    records.iter().for_each(print_entry);
}
