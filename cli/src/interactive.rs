//! The interactive client: onboarding on the first run, then unlock and a simple menu.
//! Input is read line by line, so it also works when driven by another program.

use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::Arc;

use mend_ffi::{
    MendError, MendVault, NoteDraft, NoteQuery, NoteSummary, RecordId, Role, Timestamp,
    default_kdf_params, limits, vault_exists,
};

use crate::errors::{EXIT_NOT_FOUND, Failure, wait_words};
use crate::{commands, output, paths, secrets};

const PAGE: i32 = 20;

/// Reads one line after showing `prompt`; `None` at the end of input.
fn ask(prompt: &str) -> Result<Option<String>, Failure> {
    print!("{prompt}");
    std::io::stdout().flush()?;
    let mut line = String::new();
    if std::io::stdin().lock().read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim_end_matches(['\n', '\r']).to_owned()))
}

/// Reads lines until one holding only a dot, or the end of input.
fn ask_body() -> Result<String, Failure> {
    println!("Write your note. When you're done, type a line with only a dot (.) on it.");
    let mut lines = Vec::new();
    while let Some(line) = ask("")? {
        if line == "." {
            break;
        }
        lines.push(line);
    }
    Ok(lines.join("\n"))
}

fn yes(answer: Option<String>) -> bool {
    matches!(answer.as_deref().map(str::trim), Some("y" | "Y" | "yes" | "Yes"))
}

/// Runs the interactive client on the vault in `dir`, with days in the time zone `tz`.
pub fn run(dir: &Path, tz: &str) -> Result<(), Failure> {
    if !vault_exists(paths::database(dir)) && !onboard(dir)? {
        return Ok(());
    }
    let vault = commands::open(dir, tz)?;
    if !unlock(&vault)? {
        return Ok(());
    }
    if !vault.recovery_code_confirmed()? && !replace_unseen_recovery_code(&vault)? {
        vault.lock();
        return Ok(());
    }
    let result = Menu { vault: vault.clone(), last_list: Vec::new(), on_screen: None }.run();
    vault.lock();
    println!("Locked. Take care of yourself.");
    result
}

fn onboard(dir: &Path) -> Result<bool, Failure> {
    println!("Welcome to Mend.");
    println!();
    println!("This is a private place to keep your notes while you and your partner work");
    println!("through what happened. Everything stays on this computer, encrypted with a");
    println!("passcode only you know.");
    println!();
    println!("Who is this vault for?");
    println!("  1  I had the affair, and I want to help my partner heal");
    println!("  2  My partner had the affair");
    let role = loop {
        match ask("Choose 1 or 2: ")?.as_deref().map(str::trim) {
            None => return Ok(false),
            Some("1") => break Role::Repairing,
            Some("2") => break Role::Hurt,
            Some(_) => println!("Please type 1 or 2."),
        }
    };
    let vault = commands::create(dir, role, default_kdf_params())?;
    println!();
    if ask("Press Enter once you have written the recovery code down.")?.is_none() {
        vault.lock();
        return Ok(false);
    }
    vault.confirm_recovery_code()?;
    vault.lock();
    Ok(true)
}

/// The last recovery code was never confirmed as kept (the client stopped before it was
/// shown, or before the person said so): make and show a new one. `false` if they gave up.
fn replace_unseen_recovery_code(vault: &MendVault) -> Result<bool, Failure> {
    println!();
    println!("Your recovery code was not confirmed last time, so here is a new one.");
    println!("The earlier code no longer works.");
    commands::show_recovery_code(&vault.new_recovery_code()?);
    println!();
    if ask("Press Enter once you have written the recovery code down.")?.is_none() {
        return Ok(false);
    }
    vault.confirm_recovery_code()?;
    Ok(true)
}

/// Asks for the passcode until it opens the vault. `false` if the person gave up.
fn unlock(vault: &Arc<MendVault>) -> Result<bool, Failure> {
    let from_env = std::env::var_os("MEND_PASSCODE").is_some();
    loop {
        if let Some(at) = vault.unlock_status()?.retry_at {
            return Err(Failure::from(format!(
                "too many tries for now; please wait {} and try again",
                wait_words(at)
            )));
        }
        let passcode = secrets::passcode("Passcode: ")?;
        match vault.unlock(passcode.as_bytes().to_vec()) {
            Ok(()) => {
                for line in crate::commands::check_lines(&vault.check()?) {
                    println!("{line}");
                }
                return Ok(true);
            }
            Err(e @ MendError::WrongPasscode { .. }) if !from_env => {
                println!("{}", Failure::from(e).message);
            }
            Err(e) => return Err(e.into()),
        }
    }
}

struct Menu {
    vault: Arc<MendVault>,
    last_list: Vec<NoteSummary>,
    /// The id of the prompt on screen, when it is another than the day's own.
    on_screen: Option<String>,
}

impl Menu {
    fn run(&mut self) -> Result<(), Failure> {
        println!();
        let notes = self.vault.note_count()?;
        println!("Unlocked. You have {}.", crate::errors::count(notes.into(), "note", "notes"));
        let damaged = self.vault.damaged_record_count()?;
        if damaged > 0 {
            println!(
                "{} failed an integrity check and {} left out of every list.",
                crate::errors::count(damaged.into(), "record", "records"),
                if damaged == 1 { "is" } else { "are" }
            );
        }
        println!();
        self.show_today()?;
        loop {
            println!();
            println!(
                "  t  Today's prompt      d  Mark it done      s  Skip it      a  Another one"
            );
            println!("  1  Write a note        4  Read a note       p  Progress");
            println!("  2  Browse notes        5  Edit a note       x  The six steps");
            println!("  3  Search notes        6  Delete a note     h  Help");
            println!("  7  Change passcode     c  Check in          l  Logs and worksheets");
            println!("  q  Lock and quit");
            let Some(choice) = ask("> ")? else {
                return Ok(());
            };
            let outcome = match choice.trim() {
                "t" => self.show_today(),
                "d" => self.settle(true),
                "s" => self.settle(false),
                "a" => self.another(),
                "p" => crate::program::progress_for(&self.vault),
                "x" => self.steps(),
                "h" => crate::safety::support(None),
                "c" => self.check_in(),
                "l" => self.tools(),
                "1" => self.write(),
                "2" => self.browse(),
                "3" => self.search(),
                "4" => self.read(),
                "5" => self.edit(),
                "6" => self.delete(),
                "7" => self.change_passcode(),
                "q" | "Q" | "quit" => return Ok(()),
                "" => Ok(()),
                _ => {
                    println!("Please choose one of the letters or numbers above.");
                    Ok(())
                }
            };
            match outcome {
                Ok(()) => {}
                Err(f) if f.is_for_the_person() => println!("{}", f.message),
                Err(f) => return Err(f),
            }
        }
    }

    fn show_today(&mut self) -> Result<(), Failure> {
        self.on_screen = None;
        let d = self.vault.today_prompt()?;
        crate::program::print_daily(&d);
        Ok(())
    }

    fn another(&mut self) -> Result<(), Failure> {
        let current = match &self.on_screen {
            Some(_) => None,
            None => Some(self.vault.today_prompt()?),
        };
        if current.is_some_and(|d| !d.more_available) {
            println!("That was the last one for today. Tomorrow brings a new one.");
            return Ok(());
        }
        let d = self.vault.another_prompt()?;
        self.on_screen = Some(d.prompt.id.clone());
        crate::program::print_daily(&d);
        if !d.more_available {
            println!("\n(That is the last other prompt for today.)");
        }
        Ok(())
    }

    /// Marks the prompt on screen as done (with an optional response) or skipped.
    fn settle(&mut self, done: bool) -> Result<(), Failure> {
        let id = match &self.on_screen {
            Some(id) => id.clone(),
            None => self.vault.today_prompt()?.prompt.id,
        };
        if done {
            let response = ask("Anything you want to remember about it? (Enter to skip): ")?
                .filter(|r| !r.trim().is_empty());
            let saved = self.vault.complete_prompt(id, response)?;
            println!("Marked as done. Thank you for showing up today.");
            crate::safety::print_offer(&saved.help);
        } else {
            self.vault.skip_prompt(id)?;
            println!("Skipped for today. It will come round again.");
        }
        Ok(())
    }

    /// The logs and worksheets: pick one, see its entries, add one.
    fn tools(&mut self) -> Result<(), Failure> {
        use mend_ffi::{InvitationAnswer, ToolEntry, ToolKind, WorksheetKind};
        for (i, (_, name)) in crate::tools::MENU.iter().enumerate() {
            println!("  {:>2}  {name}", i + 1);
        }
        let Some(choice) = ask("Which one? (number, or Enter to go back): ")? else {
            return Ok(());
        };
        let Some((tool, name)) = choice
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|n| crate::tools::MENU.get(n.wrapping_sub(1)))
        else {
            return Ok(());
        };
        println!();
        println!("{name}");
        crate::tools::print_all(&self.vault.entries(*tool)?);
        if !yes(ask("Add one? (y/N): ")?) {
            return Ok(());
        }
        let line = |label: &str| -> Result<String, Failure> { Ok(ask(label)?.unwrap_or_default()) };
        let now = Timestamp::from_ms(chrono::Utc::now().timestamp_millis());
        let worksheet = |kind: WorksheetKind| -> Result<ToolEntry, Failure> {
            let info = mend_ffi::worksheet_info(kind)?;
            println!("{}", info.title);
            let sections = info
                .sections
                .iter()
                .map(|heading| line(&format!("{heading}: ")))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(ToolEntry::Worksheet(mend_ffi::Worksheet { kind, sections }))
        };
        let entry = match tool {
            ToolKind::Questions => ToolEntry::Question(mend_ffi::Question {
                text: line("The question: ")?,
                asked_by: if yes(ask("Did your partner ask it? (y/N): ")?) {
                    mend_ffi::Asker::Partner
                } else {
                    mend_ffi::Asker::Me
                },
                kind: if yes(ask("Is it about why, or what it means? (y/N): ")?) {
                    mend_ffi::QuestionKind::Meaning
                } else {
                    mend_ffi::QuestionKind::Fact
                },
                answer: String::new(),
                status: mend_ffi::QuestionStatus::Open,
            }),
            ToolKind::Contacts => ToolEntry::Contact(mend_ffi::Contact {
                at: now,
                channel: line("How (message, call, in person…): ")?,
                what_happened: line("What happened: ")?,
                how_handled: line("How you handled it: ")?,
                disclosed_at: yes(ask("Have you told your partner? (y/N): ")?).then_some(now),
            }),
            ToolKind::CutTies => ToolEntry::CutTie(mend_ffi::CutTie {
                item: line("What to cut: ")?,
                done: yes(ask("Done already? (y/N): ")?),
            }),
            ToolKind::Boundaries => ToolEntry::Boundary(mend_ffi::Boundary {
                is_need: yes(ask(
                    "Is this a need of yours rather than a shared boundary? (y/N): ",
                )?),
                text: line("In one sentence: ")?,
                agreed: yes(ask("Agreed together (or met lately)? (y/N): ")?),
            }),
            ToolKind::RemorseLetters => worksheet(WorksheetKind::RemorseLetter)?,
            ToolKind::Stories => worksheet(WorksheetKind::Story)?,
            ToolKind::ValidationNotes => worksheet(WorksheetKind::ValidationNote)?,
            ToolKind::TimeTogether => ToolEntry::TimeTogether(mend_ffi::TimeTogether {
                at: now,
                plan: line("What you offered: ")?,
                asked: yes(ask("Did you ask first? (y/N): ")?),
                answer: match line("Their answer (yes / not now / no / not yet): ")?
                    .trim()
                    .to_lowercase()
                    .as_str()
                {
                    "yes" => InvitationAnswer::Yes,
                    "not now" => InvitationAnswer::NotNow,
                    "no" => InvitationAnswer::No,
                    _ => InvitationAnswer::Pending,
                },
                respected: yes(ask("Did you respect the answer? (y/N): ")?),
            }),
            ToolKind::Triggers => ToolEntry::Trigger(mend_ffi::Trigger {
                at: now,
                what: line("What set it off: ")?,
                intensity: line("How strong, 0 to 10: ")?.trim().parse().unwrap_or(-1),
                helped: line("What helped, if anything: ")?,
            }),
            ToolKind::CheckIns | ToolKind::Reminders => return self.check_in(),
        };
        if let ToolEntry::Worksheet(mend_ffi::Worksheet { sections, .. }) = &entry {
            // Every written worksheet is checked before it is saved; danger is answered
            // after saving, by the save itself.
            let check = mend_ffi::check_letter_phrasing(sections.join("\n"))?;
            if check.help.is_none() && !check.flags.is_empty() {
                crate::program::print_letter_check(&check);
            }
        }
        let saved = self.vault.add_entry(entry)?;
        println!("Saved.");
        crate::safety::print_offer(&saved.help);
        Ok(())
    }

    /// Asks for today's three scores (0–10) and a note, and saves the check-in.
    fn check_in(&mut self) -> Result<(), Failure> {
        let max = limits().max_score;
        let mut scores = [0i32; 3];
        for (score, label) in scores.iter_mut().zip(["safe", "trusting", "connected"]) {
            loop {
                let Some(answer) =
                    ask(&format!("How {label} do you feel today, from 0 to {max}? "))?
                else {
                    return Ok(());
                };
                match answer.trim().parse::<i32>() {
                    Ok(n) if (0..=max).contains(&n) => {
                        *score = n;
                        break;
                    }
                    _ => println!("Please type a number from 0 to {max}."),
                }
            }
        }
        let note = ask("Anything you want to note? (Enter to skip): ")?.unwrap_or_default();
        let saved = self.vault.check_in(scores[0], scores[1], scores[2], note)?;
        println!("Saved. Thank you for checking in.");
        crate::safety::print_offer(&saved.help);
        Ok(())
    }

    fn steps(&mut self) -> Result<(), Failure> {
        crate::program::steps(false)?;
        let Some(answer) = ask("Read a step in full? Type its number, or Enter to go back: ")?
        else {
            return Ok(());
        };
        match answer.trim().parse::<i32>() {
            Ok(n) if (1..=limits().steps).contains(&n) => {
                crate::program::step(crate::args::StepArgs { number: n, json: false })
            }
            _ => Ok(()),
        }
    }

    fn ask_step(current: Option<i32>) -> Result<Option<i32>, Failure> {
        let steps = limits().steps;
        loop {
            let hint = current.map(|s| format!(" [{s}]")).unwrap_or_default();
            let answer =
                ask(&format!("Step 1–{steps}, or Enter for none{hint}: "))?.unwrap_or_default();
            match answer.trim() {
                "" => return Ok(current),
                "-" => return Ok(None),
                s => match s.parse::<i32>() {
                    Ok(n) if (1..=steps).contains(&n) => return Ok(Some(n)),
                    _ => println!("Please type a number from 1 to {steps}."),
                },
            }
        }
    }

    fn ask_tags(current: &[String]) -> Result<Vec<String>, Failure> {
        let hint =
            if current.is_empty() { String::new() } else { format!(" [{}]", current.join(", ")) };
        let answer = ask(&format!("Tags, separated by commas{hint}: "))?.unwrap_or_default();
        if answer.trim().is_empty() {
            return Ok(current.to_vec());
        }
        Ok(answer.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect())
    }

    fn write(&mut self) -> Result<(), Failure> {
        let title = ask("Title: ")?.unwrap_or_default();
        let step = Self::ask_step(None)?;
        let tags = Self::ask_tags(&[])?;
        let body = ask_body()?;
        let saved = self.vault.add_note(NoteDraft { title, body, step, tags })?;
        println!("Saved.");
        crate::safety::print_offer(&saved.help);
        Ok(())
    }

    fn show_list(
        &mut self,
        mut fetch: impl FnMut(i32) -> Result<mend_ffi::NotePage, MendError>,
    ) -> Result<(), Failure> {
        let mut offset = 0;
        self.last_list.clear();
        loop {
            let page = fetch(offset)?;
            output::page_text(&page, offset as usize + 1, false);
            self.last_list.extend(page.notes.iter().cloned());
            offset += page.notes.len() as i32;
            if offset >= page.total || page.notes.is_empty() {
                return Ok(());
            }
            if ask("Press n for more, or Enter to go back: ")?.as_deref().map(str::trim)
                != Some("n")
            {
                return Ok(());
            }
        }
    }

    fn browse(&mut self) -> Result<(), Failure> {
        let vault = self.vault.clone();
        self.show_list(|offset| vault.notes(NoteQuery::default(), offset, PAGE))
    }

    fn search(&mut self) -> Result<(), Failure> {
        let Some(words) = ask("Words to find: ")? else {
            return Ok(());
        };
        let vault = self.vault.clone();
        let query = NoteQuery { words: Some(words), ..NoteQuery::default() };
        self.show_list(|offset| vault.notes(query.clone(), offset, PAGE))
    }

    /// Asks which note: a number from the last list, or an id.
    fn pick(&self) -> Result<Option<RecordId>, Failure> {
        let Some(answer) = ask("Which note? (its number from the last list, or its id): ")? else {
            return Ok(None);
        };
        let answer = answer.trim();
        if answer.is_empty() {
            return Ok(None);
        }
        if let Ok(n) = answer.parse::<usize>() {
            return match self.last_list.get(n.wrapping_sub(1)) {
                Some(s) => Ok(Some(s.id)),
                None => Err(Failure::new(
                    EXIT_NOT_FOUND,
                    "no note has that number; browse or search first",
                )),
            };
        }
        Ok(Some(commands::record_id(answer)?))
    }

    fn read(&mut self) -> Result<(), Failure> {
        if let Some(id) = self.pick()? {
            println!();
            output::note_text(&self.vault.note(id)?);
        }
        Ok(())
    }

    fn edit(&mut self) -> Result<(), Failure> {
        let Some(id) = self.pick()? else {
            return Ok(());
        };
        let current = self.vault.note(id)?;
        println!("Press Enter to keep what is there.");
        let title = ask(&format!("Title [{}]: ", current.summary.title))?
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(current.summary.title.clone());
        let step = Self::ask_step(current.summary.step)?;
        let tags = Self::ask_tags(&current.summary.tags)?;
        let body =
            if yes(ask("Rewrite the note itself? (y/N): ")?) { ask_body()? } else { current.body };
        let saved = self.vault.edit_note(id, NoteDraft { title, body, step, tags })?;
        println!("Saved.");
        crate::safety::print_offer(&saved.help);
        Ok(())
    }

    fn delete(&mut self) -> Result<(), Failure> {
        let Some(id) = self.pick()? else {
            return Ok(());
        };
        let note = self.vault.note(id)?;
        let title = if note.summary.title.is_empty() { "this note" } else { &note.summary.title };
        if yes(ask(&format!("Delete \"{title}\" for good? This cannot be undone. (y/N): "))?) {
            self.vault.delete_note(id)?;
            self.last_list.clear();
            println!("Deleted.");
        }
        Ok(())
    }

    fn change_passcode(&mut self) -> Result<(), Failure> {
        let current = secrets::passcode("Current passcode: ")?;
        let new = secrets::new_passcode("MEND_NEW_PASSCODE")?;
        let code =
            self.vault.change_passcode(current.as_bytes().to_vec(), new.as_bytes().to_vec())?;
        println!("Your passcode has been changed, and your vault has new keys: copies made");
        println!("before today no longer open here. Your old recovery code no longer works.");
        crate::commands::show_recovery_code(&code);
        self.vault.confirm_recovery_code()?;
        Ok(())
    }
}
