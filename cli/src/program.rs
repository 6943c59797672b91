//! The recovery program in the terminal: today's prompt, practice, the steps, progress and
//! the remorse-letter phrasing check.

use std::path::Path;

use mend_ffi::{
    DailyPrompt, Focus, MendVault, PracticeOutcome, ProgramProgress, PromptKind, Step,
    check_letter_phrasing, program_modules, program_step, program_steps, program_themes,
};
use serde_json::json;

use crate::args::{DoneArgs, SkipArgs, StepArgs, TodayArgs};
use crate::commands::open_unlocked;
use crate::errors::Failure;
use crate::form::{self, Field};
use crate::output::print_json;

/// A step's number or a theme's key.
fn focus_parts(focus: &Focus) -> (Option<i32>, Option<&str>) {
    match focus {
        Focus::Step { number } => (Some(*number), None),
        Focus::Theme { key } => (None, Some(key)),
    }
}

/// A step's or theme's name for people.
fn focus_name(focus: &Focus) -> String {
    match focus {
        Focus::Step { number } => {
            program_step(*number).map(|s| format!("Step {number}: {}", s.title)).unwrap_or_default()
        }
        Focus::Theme { key } => program_themes()
            .ok()
            .and_then(|themes| themes.into_iter().find(|t| &t.key == key))
            .map_or_else(|| key.replace('-', " "), |t| t.title),
    }
}

fn kind_words(kind: PromptKind) -> &'static str {
    match kind {
        PromptKind::Action => "something to do",
        PromptKind::Conversation => "something to talk about",
        PromptKind::Reflection => "something to reflect on",
        PromptKind::Learn => "something to read",
        PromptKind::Minute => "a one-minute practice",
        PromptKind::SitWith => "a question to carry through the day",
    }
}

fn daily_json(d: &DailyPrompt) -> serde_json::Value {
    let (step, theme) = focus_parts(&d.prompt.focus);
    json!({
        "date": d.date.to_string(),
        "id": d.prompt.id,
        "step": step,
        "theme": theme,
        "kind": d.prompt.kind.key(),
        "stage": d.prompt.stage.key(),
        "module": d.prompt.module,
        "caution": d.caution,
        "minutes": d.prompt.minutes,
        "text": d.prompt.text,
        "follow_up": d.prompt.follow_up,
        "alternative": d.is_alternative,
        "more_available": d.more_available,
        "outcome": format!("{:?}", d.outcome).to_lowercase(),
        "response": d.response,
    })
}

/// Prints a prompt for people.
pub fn print_daily(d: &DailyPrompt) {
    let focus = focus_name(&d.prompt.focus);
    let heading = if d.is_alternative { "Another for today" } else { "Today" };
    let time = match d.prompt.minutes {
        1 => "about a minute".to_owned(),
        m => format!("about {m} minutes"),
    };
    println!("{heading} · {focus} · {} · {time}", kind_words(d.prompt.kind));
    println!();
    if let Some(caution) = &d.caution {
        println!("Before you start: {caution}");
        println!("(mend support lists people who can help.)");
        println!();
    }
    println!("{}", d.prompt.text);
    if let Some(f) = &d.prompt.follow_up {
        println!();
        println!("Afterwards: {f}");
    }
    match d.outcome {
        PracticeOutcome::Done => println!("\nDone today."),
        PracticeOutcome::Skipped => println!("\nSkipped today. That's all right."),
        PracticeOutcome::Shown => {}
    }
    if let Some(r) = &d.response {
        println!("\nYou wrote: {r}");
    }
}

/// `mend today`.
pub fn today(dir: &Path, tz: &str, args: TodayArgs) -> Result<(), Failure> {
    let vault = open_unlocked(dir, tz)?;
    let d = if args.another { vault.another_prompt()? } else { vault.today_prompt()? };
    if args.json {
        print_json(&daily_json(&d))
    } else {
        print_daily(&d)
    }
    Ok(())
}

/// `mend done`.
pub fn done(dir: &Path, tz: &str, args: DoneArgs) -> Result<(), Failure> {
    let response =
        form::read(&[Field::lines("response", "Anything you want to remember about it")])?
            .text("response");
    let vault = open_unlocked(dir, tz)?;
    let id = match args.prompt {
        Some(id) => id,
        None => vault.today_prompt()?.prompt.id,
    };
    let saved = vault.complete_prompt(id, response)?;
    if args.json {
        let mut value = daily_json(&saved.prompt);
        if saved.help.is_some() {
            value["help"] = crate::safety::offer_json(&saved.help);
        }
        print_json(&value)
    } else {
        println!("Marked as done. Thank you for showing up today.");
        crate::safety::print_offer(&saved.help);
    }
    Ok(())
}

/// `mend skip`.
pub fn skip(dir: &Path, tz: &str, args: SkipArgs) -> Result<(), Failure> {
    let vault = open_unlocked(dir, tz)?;
    let id = match args.prompt {
        Some(id) => id,
        None => vault.today_prompt()?.prompt.id,
    };
    let d = vault.skip_prompt(id)?;
    if args.json {
        print_json(&daily_json(&d))
    } else {
        println!("Skipped for today. It will come round again.")
    }
    Ok(())
}

fn step_json(s: &Step) -> serde_json::Value {
    json!({
        "number": s.number, "key": s.key, "title": s.title, "summary": s.summary, "why": s.why,
        "practices": s.practices, "phrases": s.phrases, "cautions": s.cautions, "reflections": s.reflections,
    })
}

/// `mend steps`.
pub fn steps(json: bool) -> Result<(), Failure> {
    let steps = program_steps()?;
    if json {
        print_json(&steps.iter().map(step_json).collect::<Vec<_>>());
        return Ok(());
    }
    for s in &steps {
        println!("{}. {}", s.number, s.title);
        println!("   {}", s.summary);
    }
    Ok(())
}

/// Prints a list under a heading.
fn section(heading: &str, items: &[String]) {
    println!();
    println!("{heading}");
    for item in items {
        println!("  - {item}");
    }
}

/// `mend step N`.
pub fn step(args: StepArgs) -> Result<(), Failure> {
    let s = program_step(args.number)?;
    if args.json {
        print_json(&step_json(&s));
        return Ok(());
    }
    println!("Step {}: {}", s.number, s.title);
    println!();
    println!("{}", s.summary);
    println!();
    println!("Why it matters: {}", s.why);
    section("Practices", &s.practices);
    section("Things you might say, in your own words", &s.phrases);
    section("Take care", &s.cautions);
    section("To reflect on", &s.reflections);
    for m in program_modules()?.iter().filter(|m| m.step == s.number) {
        println!();
        println!("Going deeper: {}", m.title);
        println!();
        println!("{}", m.summary);
        section("Practices", &m.practices);
        section("Things you might say, in your own words", &m.phrases);
        section("Take care", &m.cautions);
        section("To reflect on", &m.reflections);
    }
    Ok(())
}

fn progress_json(p: &ProgramProgress) -> serde_json::Value {
    json!({
        "today": p.today.to_string(), "started": p.started.to_string(),
        "weeks_since_start": p.weeks_since_start,
        "days_practised_last_7": p.days_practised_last_7, "days_practised_last_28": p.days_practised_last_28,
        "days_practised": p.days_practised,
        "focuses": p.focuses.iter().map(|f| {
            let (step, theme) = focus_parts(&f.focus);
            json!({
                "step": step, "theme": theme, "times_practised": f.times_practised,
                "last_practised": f.last_practised.map(|d| d.to_string()),
            })
        }).collect::<Vec<_>>(),
        "milestones": p.milestones.iter().map(|m| json!({
            "key": m.key, "title": m.title, "reached": m.reached.to_string(),
        })).collect::<Vec<_>>(),
        "check_in_weeks": p.check_in_weeks.iter().map(|w| json!({
            "monday": w.monday.to_string(), "count": w.count, "safety": w.safety, "trust": w.trust,
            "connection": w.connection,
        })).collect::<Vec<_>>(),
    })
}

/// `mend progress`.
pub fn progress(dir: &Path, tz: &str, json: bool) -> Result<(), Failure> {
    let vault = open_unlocked(dir, tz)?;
    if json {
        print_json(&progress_json(&vault.progress()?));
        return Ok(());
    }
    progress_for(&vault)
}

/// Prints progress for people.
pub fn progress_for(vault: &MendVault) -> Result<(), Failure> {
    let p = vault.progress()?;
    println!("Week {} since you started ({}).", p.weeks_since_start + 1, p.started);
    println!(
        "You practised on {} of the last 7 days, and {} of the last 28.",
        p.days_practised_last_7, p.days_practised_last_28
    );
    println!();
    for f in &p.focuses {
        let name = focus_name(&f.focus);
        let times = match f.times_practised {
            0 => "not practised".to_owned(),
            1 => "practised once".to_owned(),
            n => format!("practised {n} times"),
        };
        let last = f.last_practised.map(|d| format!(", last on {d}")).unwrap_or_default();
        println!("  {name}: {times}{last}");
    }
    if !p.check_in_weeks.is_empty() {
        println!();
        println!("Check-ins, week by week (average out of 10):");
        for w in &p.check_in_weeks {
            println!(
                "  week of {}: safety {:.1}, trust {:.1}, connection {:.1} ({} check-ins)",
                w.monday, w.safety, w.trust, w.connection, w.count
            );
        }
    }
    if !p.milestones.is_empty() {
        println!();
        for m in &p.milestones {
            println!("  {} ({}): {}", m.title, m.reached, m.text);
        }
    }
    Ok(())
}

/// `mend letter check`: reads a draft from standard input; danger is answered first, with
/// help, then phrasing to revisit, or what it means that nothing was flagged.
pub fn check_letter(json: bool) -> Result<(), Failure> {
    let text = form::read_text(std::io::stdin().lock())?;
    let check = check_letter_phrasing(text)?;
    if json {
        let flags: Vec<_> = check
            .flags
            .iter()
            .map(|f| {
                json!({"start": f.start, "end": f.end, "excerpt": f.excerpt,
                    "reason": f.reason.key(), "label": f.label, "suggestion": f.suggestion})
            })
            .collect();
        print_json(&json!({"help": crate::safety::offer_json(&check.help), "flags": flags,
            "nothing_found": check.nothing_found}));
        return Ok(());
    }
    print_letter_check(&check);
    Ok(())
}

/// Prints a letter check for people: the help card first when one is offered, then each
/// flagged phrase with its label and rewrite, or the words for when nothing was flagged.
pub fn print_letter_check(check: &mend_ffi::LetterCheck) {
    if let Some(offer) = &check.help {
        println!("{}", offer.title);
        offer.paragraphs.iter().skip(1).for_each(|p| println!("{p}"));
        for r in &offer.lines {
            println!("  - {}: {}", r.name, r.contact);
        }
        println!();
    }
    if !check.nothing_found.is_empty() {
        println!("{}", check.nothing_found);
        return;
    }
    if check.flags.is_empty() {
        return;
    }
    println!("A few places worth another look:");
    for f in &check.flags {
        println!("  \"{}\": {}", f.excerpt, f.label);
        println!("    {}", f.suggestion);
    }
}
