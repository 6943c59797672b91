//! Help in the terminal: the card printed after saving when what was written sounds
//! dangerous, `mend support` (the help page the apps show, the place's lines first), and
//! `mend safety check`, which names the kinds of danger in a text and never repeats it.

use mend_ffi::{
    DangerKind, Help, HelpOffer, HelpResource, ResourceKind, danger_signals, help_resources,
};
use serde_json::{Value, json};

use crate::errors::Failure;
use crate::form;
use crate::output::print_json;

/// A line as one row: its name, how to reach it, and when it was checked.
fn line_text(r: &HelpResource) -> String {
    format!("{}: {} (checked {})", r.name, r.contact, r.checked)
}

/// A line for JSON output.
pub fn line_json(r: &HelpResource) -> Value {
    json!({"country": r.country, "kind": kind_key(r.kind), "name": r.name, "contact": r.contact,
        "call": r.call, "text": r.text, "text_body": r.text_body, "source": r.source,
        "checked": r.checked})
}

fn kind_key(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::Emergency => "emergency",
        ResourceKind::Crisis => "crisis",
        ResourceKind::Abuse => "abuse",
        ResourceKind::Perpetrator => "perpetrator",
        ResourceKind::Directory => "directory",
    }
}

/// The help card for JSON output (`help` beside what was saved).
pub fn offer_json(offer: &Option<HelpOffer>) -> Value {
    match offer {
        None => Value::Null,
        Some(o) => json!({
            "danger": o.danger.iter().map(|k| k.key()).collect::<Vec<_>>(),
            "title": o.title,
            "paragraphs": o.paragraphs,
            "lines": o.lines.iter().map(line_json).collect::<Vec<_>>(),
        }),
    }
}

/// Prints the help card after something was saved, on standard error (what a command
/// prints on standard output stays what scripts read). Nothing when none is offered.
pub fn print_offer(offer: &Option<HelpOffer>) {
    let Some(o) = offer else { return };
    eprintln!();
    eprintln!("{}", o.title);
    for p in &o.paragraphs {
        eprintln!("{p}");
    }
    for r in &o.lines {
        eprintln!("  - {}", line_text(r));
    }
    eprintln!("(`mend support` has more, and advice if someone may check this computer.)");
}

/// `mend support [--region XX]`: the help page, the place's lines first.
pub fn support(region: Option<String>) -> Result<(), Failure> {
    let region = region.or_else(mend_ffi::help_region);
    let h: Help = help_resources(region.clone())?;
    println!("{}", h.intro);
    println!("{}", h.crisis);
    let (here, elsewhere): (Vec<&HelpResource>, Vec<&HelpResource>) =
        h.resources.iter().partition(|r| region.as_deref() == Some(r.country.as_str()));
    println!();
    println!("{}", h.get_help_now);
    if let Some(first) = here.first() {
        println!("{}", first.place);
    }
    for r in &here {
        println!("  - {}", line_text(r));
    }
    println!("{}", h.local_note_offline);
    println!();
    println!("{}", h.red_flags_title);
    for f in &h.red_flags {
        println!("  - {}", f.text);
    }
    println!();
    println!("{}", h.coercion);
    println!();
    println!("{}", h.transparency);
    println!();
    println!("{}", h.searched_title);
    for p in &h.searched {
        println!("  - {p}");
    }
    println!();
    println!("{}", h.therapist);
    println!();
    println!("{}", h.local_note);
    let mut place = "";
    for r in elsewhere {
        if r.place != place {
            place = &r.place;
            println!();
            println!("{place}");
        }
        println!("  - {}", line_text(r));
    }
    Ok(())
}

/// `mend safety check [--json]`: reads a text on standard input and names the kinds of
/// danger in it, never the text.
pub fn check(json_out: bool) -> Result<(), Failure> {
    let text = form::read_text(std::io::stdin().lock())?;
    let kinds: Vec<DangerKind> = danger_signals(text)?;
    if json_out {
        print_json(&json!({"danger": kinds.iter().map(|k| k.key()).collect::<Vec<_>>()}));
    } else if kinds.is_empty() {
        println!("No danger signals found.");
    } else {
        for k in &kinds {
            println!("{}", k.key());
        }
        println!("(`mend support` lists people who can help.)");
    }
    Ok(())
}
