//! The subcommands: each opens the vault, does one thing and prints the result.

use std::path::Path;
use std::sync::Arc;

use mend_ffi::{
    KdfParams, MendError, MendVault, NoteDraft, NoteQuery, RecordId, Role, create_vault,
    default_kdf_params, vault_exists,
};

use crate::args::{Command, InitArgs, NoteCommand, PasscodeCommand, RoleArg};
use crate::errors::Failure;
use crate::form::{self, Field};
use crate::{output, paths, program, secrets, tools};

const NOTE: [Field; 3] =
    [Field::line("title", "Title"), Field::lines("body", "Your note"), Field::list("tags", "Tags")];
const SEARCH: [Field; 2] =
    [Field::line("words", "Words to find"), Field::line("tag", "Only this tag")];

/// Opens the vault in `dir`, locked, counting days in the time zone `tz`.
pub fn open(dir: &Path, tz: &str) -> Result<Arc<MendVault>, Failure> {
    let zone = crate::zone::rules(tz)?;
    paths::check_device_key(dir)?;
    let vault = MendVault::open(paths::database(dir), paths::key_store(dir))?;
    vault.set_time_zone(zone);
    Ok(vault)
}

/// Opens the vault in `dir` and unlocks it with the passcode, saying on standard error
/// when the unlock found damaged, unmatched or older records.
pub fn open_unlocked(dir: &Path, tz: &str) -> Result<Arc<MendVault>, Failure> {
    let vault = open(dir, tz)?;
    let passcode = secrets::passcode("Passcode: ")?;
    vault.unlock(passcode.as_bytes().to_vec())?;
    for line in check_lines(&vault.check()?) {
        eprintln!("{line}");
    }
    Ok(vault)
}

/// What a person should know about the vault's records after an unlock, if anything.
pub fn check_lines(check: &mend_ffi::VaultCheck) -> Vec<String> {
    let mut lines = Vec::new();
    if check.older_copy {
        lines.push(
            "This looks like an older copy of your vault (restored from a backup or copied \
             back): it can be read but not changed. If you restored it on purpose, \
             `mend keep` makes it your vault again."
                .to_owned(),
        );
    }
    if check.settings_lost {
        lines.push(
            "Your vault's settings could not be read, so Mend does not know whose vault this \
             is. Your notes are safe. Run `mend role --role repairing` or `mend role --role \
             hurt` to say again."
                .to_owned(),
        );
    }
    if check.records_unmatched {
        lines.push(
            "Some records are not the ones this vault last saved: some may be missing, \
             older, or back after being deleted. What can be read is shown; \
             `mend keep` accepts the records as they are."
                .to_owned(),
        );
    }
    if check.damaged_records > 0 {
        lines.push(format!(
            "{} could not be read and {} left out.",
            crate::errors::count(check.damaged_records.into(), "record", "records"),
            if check.damaged_records == 1 { "is" } else { "are" }
        ));
    }
    lines
}

/// A record id as typed.
pub fn record_id(text: &str) -> Result<RecordId, Failure> {
    Ok(RecordId::parse(text).map_err(MendError::from)?)
}

/// Prints the recovery code with what the person needs to know about it.
pub fn show_recovery_code(code: &str) {
    println!();
    println!("Your recovery code:");
    println!();
    println!("    {code}");
    println!();
    println!("Write it down and keep it somewhere only you can reach. It is the only way back in");
    println!("if you forget your passcode, and it will not be shown again.");
}

/// Creates a vault in `dir`.
/// The role a command-line choice names.
fn role_of(arg: RoleArg) -> Role {
    match arg {
        RoleArg::Repairing => Role::Repairing,
        RoleArg::Hurt => Role::Hurt,
    }
}

pub fn init(dir: &Path, args: &InitArgs) -> Result<(), Failure> {
    let role = role_of(args.role);
    let defaults = default_kdf_params();
    let kdf = KdfParams {
        memory_kib: args.kdf_memory_kib.unwrap_or(defaults.memory_kib),
        iterations: args.kdf_iterations.unwrap_or(defaults.iterations),
        parallelism: defaults.parallelism,
    };
    let vault = create(dir, role, kdf)?;
    // Printed to standard output: that is as shown as it gets for a script.
    vault.confirm_recovery_code()?;
    vault.lock();
    Ok(())
}

/// Creates a vault in `dir` and shows its recovery code; shared with onboarding. Returns
/// the vault unlocked, its recovery code not yet confirmed.
pub fn create(dir: &Path, role: Role, kdf: KdfParams) -> Result<Arc<MendVault>, Failure> {
    if vault_exists(paths::database(dir)) {
        return Err(MendError::AlreadyExists.into());
    }
    paths::create_dir(dir)?;
    let passcode = secrets::new_passcode("MEND_PASSCODE")?;
    let created = create_vault(
        paths::database(dir),
        passcode.as_bytes().to_vec(),
        role,
        kdf,
        paths::key_store(dir),
    )?;
    println!("Your vault is ready.");
    show_recovery_code(&created.recovery_code);
    eprintln!();
    eprintln!("{}", paths::DEVICE_KEY_NOTE);
    Ok(created.vault)
}

fn query(step: Option<i32>, tag: Option<String>, words: Option<String>) -> NoteQuery {
    NoteQuery { step, tag, words }
}

/// Runs a subcommand; `tz` is the person's time zone.
pub fn run(dir: &Path, tz: &str, command: Command) -> Result<(), Failure> {
    match command {
        Command::Today(args) => program::today(dir, tz, args),
        Command::Done(args) => program::done(dir, tz, args),
        Command::Skip(args) => program::skip(dir, tz, args),
        Command::Steps(flag) => program::steps(flag.json),
        Command::Step(args) => program::step(args),
        Command::Progress(flag) => program::progress(dir, tz, flag.json),
        Command::Support(args) => crate::safety::support(args.region),
        Command::Safety(crate::args::SafetyCommand::Check(flag)) => crate::safety::check(flag.json),
        Command::Letter(crate::args::LetterCommand::Check(flag)) => {
            program::check_letter(flag.json)
        }
        Command::Checkin(args) => tools::checkin(dir, tz, args),
        Command::Triggers(args) => tools::triggers(dir, tz, args),
        Command::Questions(args) => tools::questions(dir, tz, args),
        Command::Reminders(args) => tools::reminders(dir, tz, args),
        Command::Backup(command) => crate::sharing::backup(dir, tz, command),
        Command::Export(args) => crate::sharing::export(dir, tz, args),
        Command::Summary(args) => crate::sharing::summary(dir, tz, args),
        Command::Contacts(args) => tools::contacts(dir, tz, args),
        Command::Init(args) => init(dir, &args),
        Command::Note(note) => run_note(dir, tz, note),
        Command::Passcode(PasscodeCommand::Change) => {
            let vault = open(dir, tz)?;
            let current = secrets::passcode("Current passcode: ")?;
            let new = secrets::new_passcode("MEND_NEW_PASSCODE")?;
            let code =
                vault.change_passcode(current.as_bytes().to_vec(), new.as_bytes().to_vec())?;
            println!("Your passcode has been changed, and your vault has new keys: copies made");
            println!("before today no longer open here. Your old recovery code no longer works.");
            show_recovery_code(&code);
            vault.confirm_recovery_code()?;
            vault.lock();
            Ok(())
        }
        Command::Recover => {
            let vault = open(dir, tz)?;
            let code = secrets::recovery_code()?;
            let new = secrets::new_passcode("MEND_NEW_PASSCODE")?;
            let new_code = vault.recover(code.to_string(), new.as_bytes().to_vec())?;
            println!("Your new passcode is set. Your old recovery code no longer works.");
            show_recovery_code(&new_code);
            vault.confirm_recovery_code()?;
            vault.lock();
            Ok(())
        }
        Command::Status(flag) => status(dir, tz, flag.json),
        Command::Role(choice) => {
            let vault = open_unlocked(dir, tz)?;
            vault.choose_role_again(role_of(choice.role))?;
            println!("Thank you. Your vault's settings are written again. Whether you kept your");
            println!(
                "recovery code was in them too, so here is a new one; the old one no longer works."
            );
            show_recovery_code(&vault.new_recovery_code()?);
            vault.confirm_recovery_code()?;
            vault.lock();
            Ok(())
        }
        Command::Keep => {
            let vault = open_unlocked(dir, tz)?;
            vault.keep_records_as_they_are()?;
            println!("Your vault's records are kept as they are now.");
            Ok(())
        }
        Command::Erase(args) => {
            if !args.yes {
                return Err("erasing cannot be undone; add --yes to confirm".into());
            }
            let vault = open(dir, tz)?;
            vault.erase()?;
            // Leave no empty folder behind if nothing else is in it.
            let _ = std::fs::remove_dir(dir);
            println!("Everything in this vault has been erased.");
            Ok(())
        }
    }
}

/// What `status` finds: no vault (`None`), a locked vault's attempt state, or the failure
/// every command would report for it.
fn vault_state(dir: &Path, tz: &str) -> Result<Option<mend_ffi::UnlockStatus>, Failure> {
    if !Path::new(&paths::database(dir)).exists() {
        return Ok(None);
    }
    Ok(Some(open(dir, tz)?.unlock_status()?))
}

fn status(dir: &Path, tz: &str, json: bool) -> Result<(), Failure> {
    let found = vault_state(dir, tz);
    if json {
        let status = found.as_ref().ok().copied().flatten();
        let state = match &found {
            Ok(None) => "no-vault",
            Ok(Some(_)) => "locked",
            Err(f) => f.kind,
        };
        output::print_json(&serde_json::json!({
            "state": state,
            "exists": state != "no-vault",
            "failed_attempts": status.map(|s| s.failed_attempts),
            "attempts_left": status.map(|s| s.attempts_left),
            "retry_at_ms": status.and_then(|s| s.retry_at).map(|t| t.ms()),
            "last_attempt_interrupted": status.map(|s| s.last_attempt_interrupted),
        }));
        return Ok(());
    }
    let Some(s) = found? else {
        println!("There is no vault here yet. Run `mend init` to create one.");
        return Ok(());
    };
    let why = if s.last_attempt_interrupted {
        " An earlier unlock was interrupted before it finished; it counted as a try."
    } else {
        ""
    };
    let next = match s.retry_at {
        Some(at) => format!("Please wait {} before the next try.", crate::errors::wait_words(at)),
        None => format!(
            "{} left before a short wait.",
            crate::errors::count(s.attempts_left.into(), "try", "tries")
        ),
    };
    println!("Locked.{why} {next}");
    Ok(())
}

fn run_note(dir: &Path, tz: &str, command: NoteCommand) -> Result<(), Failure> {
    match command {
        NoteCommand::Add(a) => {
            let f = form::read(&NOTE)?;
            let vault = open_unlocked(dir, tz)?;
            let saved = vault.add_note(NoteDraft {
                title: f.text("title").unwrap_or_default(),
                body: f.text("body").unwrap_or_default(),
                step: a.step,
                tags: f.list("tags").unwrap_or_default(),
            })?;
            if a.json {
                output::summary_json(&saved.note, &saved.help)
            } else {
                println!("{}", saved.note.id);
                crate::safety::print_offer(&saved.help);
            }
            Ok(())
        }
        NoteCommand::List(a) => {
            let vault = open_unlocked(dir, tz)?;
            let page = vault.notes(query(a.step, None, None), a.offset, a.limit)?;
            if a.json {
                output::page_json(&page)
            } else {
                output::page_text(&page, 1, true)
            }
            Ok(())
        }
        NoteCommand::Show(a) => {
            let vault = open_unlocked(dir, tz)?;
            let note = vault.note(record_id(&a.id)?)?;
            if a.json {
                output::note_json(&note)
            } else {
                output::note_text(&note)
            }
            Ok(())
        }
        NoteCommand::Edit(a) => {
            let id = record_id(&a.id)?;
            let f = form::read(&NOTE)?;
            let vault = open_unlocked(dir, tz)?;
            let current = vault.note(id)?;
            let draft = NoteDraft {
                title: f.text("title").unwrap_or(current.summary.title),
                body: f.text("body").unwrap_or(current.body),
                step: if a.no_step { None } else { a.step.or(current.summary.step) },
                tags: if a.clear_tags {
                    vec![]
                } else {
                    f.list("tags").unwrap_or(current.summary.tags)
                },
            };
            let saved = vault.edit_note(id, draft)?;
            if a.json {
                output::summary_json(&saved.note, &saved.help)
            } else {
                println!("Saved.");
                crate::safety::print_offer(&saved.help);
            }
            Ok(())
        }
        NoteCommand::Delete(a) => {
            let vault = open_unlocked(dir, tz)?;
            vault.delete_note(record_id(&a.id)?)?;
            println!("Deleted.");
            Ok(())
        }
        NoteCommand::Search(a) => {
            let f = form::read(&SEARCH)?;
            let vault = open_unlocked(dir, tz)?;
            let page =
                vault.notes(query(a.step, f.text("tag"), f.text("words")), a.offset, a.limit)?;
            if a.json {
                output::page_json(&page)
            } else {
                output::page_text(&page, 1, true)
            }
            Ok(())
        }
    }
}
