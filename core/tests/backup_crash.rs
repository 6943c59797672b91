//! Kills during a backup or a restore: a child process backs a vault up, or restores a
//! backup, while this process kills it at random moments. Afterwards there is either a whole
//! backup file or none under its name, either a whole vault or none at the restore's place,
//! what was left behind holds nothing readable, and the next backup or restore to the same
//! place succeeds and clears it.
//!
//! The child is this same test binary, re-run with `--exact backup_crash_child --ignored`.

#![allow(clippy::unwrap_used)]

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use common::*;
use mend_core::backup::{self, NoProgress, Restore};
use mend_core::{FileKeyStore, NoteQuery, Role, SystemClock, Vault};

const CHILD_ENV: &str = "MEND_BACKUP_CHILD_DIR";
const PHRASE: &[u8] = b"a long phrase for the backup";
const NOTES: usize = 1500;
const MARKER: &str = "KILLED-BACKUP-MARKER";

fn device(dir: &Path) -> Arc<FileKeyStore> {
    Arc::new(FileKeyStore::new(dir.join("keys")))
}

fn restore_to(dir: &Path) -> mend_core::Result<Vault> {
    let what = Restore {
        backup: &dir.join("vault.backup"),
        passphrase: PHRASE,
        path: &dir.join("restored.db"),
        passcode: PASSCODE,
        kdf: TEST_KDF,
    };
    backup::restore(&what, device(dir), Arc::new(SystemClock), &NoProgress).map(|(v, _)| v)
}

/// The child: makes one backup or one restore, printing DONE when it returns.
#[test]
#[ignore = "run by the backup kill tests as a child process"]
fn backup_crash_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let dir = Path::new(&dir);
    println!("START");
    if std::env::var("MEND_BACKUP_MODE").as_deref() == Ok("restore") {
        restore_to(dir).unwrap();
    } else {
        let vault = Vault::open(&dir.join("vault.db"), device(dir), Arc::new(SystemClock)).unwrap();
        vault.unlock(PASSCODE).unwrap();
        vault.backup(&dir.join("out.backup"), PHRASE, TEST_KDF, &NoProgress).unwrap();
    }
    println!("DONE");
}

/// Runs the child in `mode`, kills it after `delay_ms`; returns whether it finished first.
fn run_and_kill(dir: &Path, mode: &str, delay_ms: u64) -> bool {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "backup_crash_child", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, dir)
        .env("MEND_BACKUP_MODE", mode)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout).lines().map_while(Result::ok).any(|l| l == "DONE")
    });
    std::thread::sleep(Duration::from_millis(delay_ms));
    let _ = child.kill();
    child.wait().unwrap();
    reader.join().unwrap()
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("keys")).unwrap();
    let (vault, _) = Vault::create(
        &dir.path().join("vault.db"),
        PASSCODE,
        Role::Hurt,
        TEST_KDF,
        device(dir.path()),
        Arc::new(SystemClock),
    )
    .unwrap();
    for i in 0..NOTES {
        vault
            .add_note(&draft(&format!("{MARKER} {i}"), &format!("{MARKER} {}", "w ".repeat(300))))
            .unwrap();
    }
    vault.backup(&dir.path().join("vault.backup"), PHRASE, TEST_KDF, &NoProgress).unwrap();
    dir
}

fn no_marker_in(path: &Path) {
    if let Ok(bytes) = std::fs::read(path) {
        assert_eq!(count_hits(&bytes, MARKER.as_bytes()), 0, "{}", path.display());
    }
}

#[test]
fn a_killed_backup_leaves_a_whole_file_or_none() {
    let dir = setup();
    let out = dir.path().join("out.backup");
    let (mut finished, mut killed) = (0, 0);
    for round in 0..12u64 {
        let _ = std::fs::remove_file(&out);
        if run_and_kill(dir.path(), "backup", round * 6) {
            finished += 1;
        } else {
            killed += 1;
        }
        no_marker_in(&dir.path().join("out.backup.partial"));
        if out.exists() {
            // Whole: it restores with every note.
            let _ = std::fs::remove_file(dir.path().join("restored.db"));
            std::fs::copy(&out, dir.path().join("check.backup")).unwrap();
            let what = Restore {
                backup: &dir.path().join("check.backup"),
                passphrase: PHRASE,
                path: &dir.path().join(format!("check{round}.db")),
                passcode: PASSCODE,
                kdf: TEST_KDF,
            };
            let (v, _) = backup::restore::<mend_core::features::Features>(
                &what,
                device(dir.path()),
                Arc::new(SystemClock),
                &NoProgress,
            )
            .unwrap();
            assert_eq!(v.note_count().unwrap() as usize, NOTES);
            v.erase().unwrap();
            std::fs::remove_file(dir.path().join("check.backup")).unwrap();
        }
    }
    assert!(killed > 0, "no backup was killed mid-way");
    // The next backup clears what a killed one left.
    let _ = std::fs::remove_file(&out);
    let vault =
        Vault::open(&dir.path().join("vault.db"), device(dir.path()), Arc::new(SystemClock))
            .unwrap();
    vault.unlock(PASSCODE).unwrap();
    vault.backup(&out, PHRASE, TEST_KDF, &NoProgress).unwrap();
    assert!(!dir.path().join("out.backup.partial").exists());
    eprintln!("backups finished {finished}, killed {killed}");
}

#[test]
fn a_killed_restore_leaves_a_whole_vault_or_none() {
    let dir = setup();
    let target = dir.path().join("restored.db");
    let key_files = || {
        std::fs::read_dir(dir.path().join("keys"))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".key"))
            .count()
    };
    assert_eq!(key_files(), 1);
    let (mut finished, mut killed) = (0, 0);
    for round in 0..12u64 {
        if run_and_kill(dir.path(), "restore", round * 8) {
            finished += 1;
        } else {
            killed += 1;
        }
        for leftover in mend_core::store::db::files(&dir.path().join("restored.db.restoring")) {
            no_marker_in(&leftover);
        }
        if Vault::exists(&target) {
            // Whole: it opens with the new passcode and holds every note.
            let v = Vault::open(&target, device(dir.path()), Arc::new(SystemClock)).unwrap();
            v.unlock(PASSCODE).unwrap();
            assert_eq!(v.notes(&NoteQuery::default(), 0, 10).unwrap().total as usize, NOTES);
            v.erase().unwrap();
        } else {
            assert!(!target.exists(), "a file that is not a whole vault is at the restore's place");
        }
    }
    assert!(killed > 0, "no restore was killed mid-way");
    // The next restore succeeds and clears what a killed one left, keys included.
    let vault = restore_to(dir.path()).unwrap();
    assert_eq!(vault.note_count().unwrap() as usize, NOTES);
    assert!(!dir.path().join("restored.db.restoring").exists());
    assert_eq!(key_files(), 2, "keys of killed restores linger");
    eprintln!("restores finished {finished}, killed {killed}");
}
