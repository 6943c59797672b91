//! The Markdown export: everything, for a person to read or print, under plain headings.

use super::Contents;
use super::fields::{self, Value};
use crate::calendar::TimeZoneRules;
use crate::program::Focus;
use crate::vault::Role;

/// The heading of each tool's entries, by the entry's kind (as [`fields::entry_fields`]
/// names it).
fn tool_heading(kind: &str) -> &'static str {
    match kind {
        "check_in" => "Check-ins",
        "trigger" => "Triggers",
        "question" => "Questions",
        "contact" => "Contacts from the affair partner",
        "reminder" => "Reminders",
        "worksheet" => "Letters and worksheets",
        "boundary" => "Boundaries and needs",
        "cut_tie" => "Cutting ties",
        "time_together" => "Time together",
        _ => "Other entries",
    }
}

/// A value as people read it.
pub fn show(v: &Value, zone: &dyn TimeZoneRules) -> String {
    match v {
        Value::Text(t) => t.clone(),
        Value::Word(w) => w.replace('_', " "),
        Value::Number(n) => n.to_string(),
        Value::Flag(b) => (if *b { "yes" } else { "no" }).to_owned(),
        Value::Date(d) => fields::date(*d),
        Value::Time(t) => fields::time_for_people(*t, zone),
        Value::Texts(ts) => ts.join("\n\n"),
        Value::Words(ws) => ws.join(", "),
        Value::Nothing => "—".to_owned(),
    }
}

/// Indents every line after the first so a multi-line value stays inside its list item.
fn indented(text: &str) -> String {
    let mut lines = text.split('\n');
    let mut out = lines.next().unwrap_or_default().to_owned();
    for line in lines {
        out.push('\n');
        if !line.is_empty() {
            out.push_str("  ");
            out.push_str(line);
        }
    }
    out
}

/// Renders the export as Markdown.
pub fn render(c: &Contents, zone: &dyn TimeZoneRules) -> String {
    let mut out = String::new();
    let role = match c.role {
        Role::Repairing => "the partner repairing the harm",
        Role::Hurt => "the partner who was hurt",
    };
    out.push_str("# Everything in Mend\n\n");
    out.push_str("This file is not protected: anyone who opens it can read it.\n\n");
    out.push_str(&format!(
        "Exported {}. The space of {role}, started {}.\n\n",
        fields::time_for_people(c.exported_at, zone),
        fields::time_for_people(c.started_at, zone)
    ));

    out.push_str(&format!("## Notes ({})\n\n", c.notes.len()));
    for note in &c.notes {
        let s = &note.summary;
        out.push_str(&format!("### {}\n\n", s.title));
        let mut about = vec![fields::time_for_people(s.created_at, zone)];
        if let Some(step) = s.step {
            about.push(format!("step {step}"));
        }
        if !s.tags.is_empty() {
            about.push(format!("tags: {}", s.tags.join(", ")));
        }
        out.push_str(&format!("*{}*\n\n{}\n\n", about.join(" · "), note.body));
    }

    out.push_str(&format!("## Practice ({} days)\n\n", c.practice.len()));
    for day in &c.practice {
        out.push_str(&format!("### {}\n\n", fields::date(day.date)));
        for p in &day.prompts {
            let text = p.prompt.as_ref().map_or(p.prompt_id.as_str(), |x| x.text.as_str());
            let focus = p.prompt.as_ref().map(|x| match &x.focus {
                Focus::Step { number } => format!(" (step {number})"),
                Focus::Theme { key } => format!(" ({})", key.replace('-', " ")),
            });
            out.push_str(&format!(
                "- **{}**{}: {}\n",
                fields::outcome(p.outcome),
                focus.unwrap_or_default(),
                indented(text)
            ));
            if let Some(response) = &p.response {
                out.push_str(&format!("  - What I wrote: {}\n", indented(response)));
            }
        }
        out.push('\n');
    }

    out.push_str("## Tools\n\n");
    let mut last_kind = "";
    for record in &c.tools {
        let (kind, entry_fields) = fields::entry_fields(&record.entry);
        if kind != last_kind {
            out.push_str(&format!("### {}\n\n", tool_heading(kind)));
            last_kind = kind;
        }
        out.push_str(&format!("- Written {}\n", fields::time_for_people(record.created_at, zone)));
        for (_, label, value) in entry_fields {
            out.push_str(&format!("  - {label}: {}\n", indented(&show(&value, zone))));
        }
        out.push('\n');
    }
    out
}
