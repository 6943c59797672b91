//! Taking things out of the vault: encrypted backups (and restoring one here), plain
//! exports, and the summary for a therapist.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;

use mend_ffi::{
    CalendarDate, ExportFormat, MendError, ProgressListener, RecordId, SummaryFormat,
    SummaryRequest, default_kdf_params, limits, restore_backup, summary_file_name, vault_exists,
};
use zeroize::Zeroizing;

use crate::args::{BackupCommand, ExportArgs, ExportFormatArg, SummaryArgs, SummarySectionArg};
use crate::commands::{open_unlocked, show_recovery_code};
use crate::errors::Failure;
use crate::{paths, secrets};

/// Shows how far a backup or restore has come, on a terminal only.
struct Meter(&'static str);

impl ProgressListener for Meter {
    fn progress(&self, done: i64, total: i64) {
        if std::io::stderr().is_terminal() && total > 0 {
            eprint!("\r{} {}%", self.0, done * 100 / total);
            if done == total {
                eprintln!();
            }
            let _ = std::io::stderr().flush();
        }
    }
}

fn text_path(path: &Path) -> Result<String, Failure> {
    path.to_str().map(str::to_owned).ok_or_else(|| "that file name is not valid text".into())
}

/// The backup passphrase: `MEND_BACKUP_PASSPHRASE`, or asked (twice for a new one).
fn passphrase(new: bool) -> Result<secrets::Secret, Failure> {
    if let Ok(p) = std::env::var("MEND_BACKUP_PASSPHRASE") {
        return Ok(Zeroizing::new(p));
    }
    if !new {
        return Ok(secrets::ask("Backup passphrase: ")?);
    }
    let min = limits().backup_passphrase_min_chars;
    eprintln!("Choose a passphrase for this backup, at least {min} characters: a few words only");
    eprintln!("you know. Anyone with the file and the passphrase can read everything in it.");
    loop {
        let first = secrets::ask("Backup passphrase: ")?;
        let second = secrets::ask("Type it again: ")?;
        if first == second {
            return Ok(first);
        }
        eprintln!("Those two didn't match. Let's try again.");
    }
}

/// `mend backup create|restore`.
pub fn backup(dir: &Path, tz: &str, command: BackupCommand) -> Result<(), Failure> {
    match command {
        BackupCommand::Create { file } => {
            let path = text_path(&file)?;
            let vault = open_unlocked(dir, tz)?;
            let phrase = passphrase(true)?;
            let done = vault.backup(
                path,
                phrase.as_bytes().to_vec(),
                default_kdf_params(),
                Arc::new(Meter("Backing up")),
            );
            vault.lock();
            let done = done?;
            println!(
                "Backup written: {} records, sealed under your backup passphrase.",
                done.records
            );
            if done.damaged_left_out > 0 {
                println!(
                    "{} damaged records could not be read and were left out.",
                    done.damaged_left_out
                );
            }
            println!(
                "Keep the passphrase apart from the file: without it, the backup cannot be opened."
            );
            Ok(())
        }
        BackupCommand::Restore { file } => {
            let path = text_path(&file)?;
            if vault_exists(paths::database(dir)) {
                return Err(Failure::from(MendError::AlreadyExists));
            }
            paths::create_dir(dir)?;
            let phrase = passphrase(false)?;
            let passcode = secrets::new_passcode("MEND_PASSCODE")?;
            let restored = restore_backup(
                path,
                phrase.as_bytes().to_vec(),
                paths::database(dir),
                passcode.as_bytes().to_vec(),
                default_kdf_params(),
                paths::key_store(dir),
                Arc::new(Meter("Restoring")),
            )?;
            println!("Your vault is restored here, with your new passcode.");
            show_recovery_code(&restored.recovery_code);
            restored.vault.confirm_recovery_code()?;
            restored.vault.lock();
            eprintln!();
            eprintln!("{}", paths::DEVICE_KEY_NOTE);
            Ok(())
        }
    }
}

/// Asks in a terminal whether to go on; without one, `yes` must have been given.
fn confirmed(yes: bool, question: &str) -> Result<bool, Failure> {
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        return Err("add --yes to confirm".into());
    }
    eprint!("{question} [y/N] ");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .map_err(|_| Failure::from("could not read the answer"))?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "Yes"))
}

/// `mend export json|markdown FILE`.
pub fn export(dir: &Path, tz: &str, args: ExportArgs) -> Result<(), Failure> {
    let path = text_path(&args.file)?;
    eprintln!(
        "This file will NOT be protected: anyone who opens it can read everything you wrote."
    );
    if !confirmed(args.yes, "Write it?")? {
        println!("Nothing was written.");
        return Ok(());
    }
    let vault = open_unlocked(dir, tz)?;
    let format = match args.format {
        ExportFormatArg::Json => ExportFormat::Json,
        ExportFormatArg::Markdown => ExportFormat::Markdown,
    };
    let done = vault.core().export(format, path.as_ref()).map_err(MendError::from);
    vault.lock();
    done?;
    println!("Written. Delete it when you no longer need it.");
    Ok(())
}

fn date(text: &str) -> Result<CalendarDate, Failure> {
    let bad = || Failure::from("dates are written YYYY-MM-DD, e.g. 2026-11-01");
    let parts: Vec<&str> = text.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else { return Err(bad()) };
    let n = |s: &str| s.parse::<i32>().map_err(|_| bad());
    Ok(CalendarDate { year: n(y)?, month: n(m)?, day: n(d)? })
}

fn ids(texts: &[String]) -> Result<Vec<RecordId>, Failure> {
    texts
        .iter()
        .map(|t| RecordId::parse(t).map_err(|e| Failure::from(MendError::from(e))))
        .collect()
}

/// `mend summary --from --to --include … [FILE]`.
pub fn summary(dir: &Path, tz: &str, args: SummaryArgs) -> Result<(), Failure> {
    let request = SummaryRequest {
        first_day: date(&args.from)?,
        last_day: date(&args.to)?,
        practice: args.include.contains(&SummarySectionArg::Practice),
        check_ins: args.include.contains(&SummarySectionArg::CheckIns),
        answered_questions: args.include.contains(&SummarySectionArg::Questions),
        note_ids: ids(&args.notes)?,
        letter_ids: ids(&args.letters)?,
    };
    let format = match args.file.as_ref().and_then(|f| f.extension()) {
        Some(ext) if ext == "md" => SummaryFormat::Markdown,
        _ => SummaryFormat::Html,
    };
    let vault = open_unlocked(dir, tz)?;
    let result = (|| {
        let summary = vault.core().summary(&request).map_err(MendError::from)?;
        if args.preview || !args.yes {
            println!("{}\n{}\n", summary.title, summary.period);
            for section in &summary.sections {
                println!("## {}", section.heading);
                for item in &section.items {
                    println!(
                        "- {}{}",
                        item.heading,
                        if item.about.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", item.about)
                        }
                    );
                }
                println!();
            }
        }
        if args.preview {
            return Ok(());
        }
        if !confirmed(args.yes, "Write this summary?")? {
            println!("Nothing was written.");
            return Ok(());
        }
        let file = match &args.file {
            Some(file) => text_path(file)?,
            None => summary_file_name(request.clone(), format),
        };
        vault.core().write_summary(&request, format, file.as_ref()).map_err(MendError::from)?;
        println!(
            "Summary written to {file}. It is not protected: share it only with whom you choose."
        );
        Ok(())
    })();
    vault.lock();
    result
}
