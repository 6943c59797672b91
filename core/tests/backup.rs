//! Backups: a vault with every kind of record survives backup and restore on another
//! device's key store; damaged, cut, reordered, foreign, newer and hostile backups are
//! refused with their own errors and leave no vault; nothing written is readable in the file.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use common::*;
use mend_core::backup::{self, BackupSummary, NoProgress, ProgressListener, Restore};
use mend_core::tools::{
    Asker, Boundary, Contact, CutTie, InvitationAnswer, Question, QuestionKind, QuestionStatus,
    Reminder, ReminderPurpose, TimeTogether, ToolEntry, ToolKind, Trigger, Worksheet,
    WorksheetKind,
};
use mend_core::{
    CalendarDate, Error, ManualClock, MemoryKeyStore, NoteDraft, NoteQuery, Role, Timestamp, Vault,
    Weekday,
};
use proptest::prelude::*;

const PHRASE: &[u8] = b"a long phrase for the backup";
const NEW_PASSCODE: &[u8] = b"731904";

/// What a person can see of a vault: settings, every note with its body, the practice
/// history as progress and today's prompt, every tool's entries, the reminders ahead.
#[derive(Debug, PartialEq)]
struct Visible {
    role: Role,
    started_at: Timestamp,
    auto_lock: u32,
    discreet: bool,
    notes: Vec<mend_core::Note>,
    tags: Vec<String>,
    progress: mend_core::program::ProgramProgress,
    today: mend_core::program::DailyPrompt,
    tools: Vec<mend_core::tools::ToolRecord>,
    reminders: Vec<mend_core::tools::ReminderFiring>,
}

fn visible(vault: &Vault) -> Visible {
    let mut notes = Vec::new();
    loop {
        let page = vault.notes(&NoteQuery::default(), notes.len() as i32, 100).unwrap();
        let done = page.notes.len() < 100;
        notes.extend(page.notes.iter().map(|n| vault.note(&n.id).unwrap()));
        if done {
            break;
        }
    }
    let mut tools = Vec::new();
    for kind in ALL_TOOLS {
        tools.extend(vault.entries(kind).unwrap());
    }
    Visible {
        role: vault.role().unwrap(),
        started_at: vault.started_at().unwrap(),
        auto_lock: vault.auto_lock_seconds().unwrap(),
        discreet: vault.discreet_mode().unwrap(),
        notes,
        tags: vault.tags_in_use().unwrap(),
        progress: vault.progress().unwrap(),
        today: vault.today_prompt().unwrap(),
        tools,
        reminders: vault.upcoming_reminders(20).unwrap(),
    }
}

const ALL_TOOLS: [ToolKind; 11] = [
    ToolKind::CheckIns,
    ToolKind::Triggers,
    ToolKind::Questions,
    ToolKind::Contacts,
    ToolKind::Reminders,
    ToolKind::RemorseLetters,
    ToolKind::Stories,
    ToolKind::ValidationNotes,
    ToolKind::Boundaries,
    ToolKind::CutTies,
    ToolKind::TimeTogether,
];

/// One entry of every tool, each holding `marker` where it holds text.
fn one_of_each(marker: &str) -> Vec<ToolEntry> {
    let at = Timestamp::from_ms(T0 - 3_600_000);
    vec![
        ToolEntry::Trigger(Trigger {
            at,
            what: marker.into(),
            intensity: 7,
            helped: marker.into(),
        }),
        ToolEntry::Question(Question {
            text: marker.into(),
            asked_by: Asker::Partner,
            kind: QuestionKind::Meaning,
            answer: marker.into(),
            status: QuestionStatus::Answered,
        }),
        ToolEntry::Contact(Contact {
            at,
            channel: marker.into(),
            what_happened: marker.into(),
            how_handled: marker.into(),
            disclosed_at: Some(at),
        }),
        ToolEntry::Reminder(Reminder {
            purpose: ReminderPurpose::Practice,
            weekdays: vec![Weekday::Monday, Weekday::Thursday],
            hour: 20,
            minute: 15,
            enabled: true,
        }),
        ToolEntry::Worksheet(Worksheet {
            kind: WorksheetKind::RemorseLetter,
            sections: vec![marker.into(); WorksheetKind::RemorseLetter.sections()],
        }),
        ToolEntry::Worksheet(Worksheet {
            kind: WorksheetKind::Story,
            sections: vec![marker.into(); WorksheetKind::Story.sections()],
        }),
        ToolEntry::Worksheet(Worksheet {
            kind: WorksheetKind::ValidationNote,
            sections: vec![marker.into(); WorksheetKind::ValidationNote.sections()],
        }),
        ToolEntry::Boundary(Boundary { is_need: true, text: marker.into(), agreed: true }),
        ToolEntry::CutTie(CutTie { item: marker.into(), done: true }),
        ToolEntry::TimeTogether(TimeTogether {
            at,
            plan: marker.into(),
            asked: true,
            answer: InvitationAnswer::Yes,
            respected: true,
        }),
    ]
}

/// A vault with every kind of record: notes, three days of practice with a response, a
/// check-in, one entry of every tool, and settings changed from their defaults.
fn full_vault(f: &Fixture, marker: &str) {
    let v = &f.vault;
    for i in 0..5 {
        v.add_note(&NoteDraft {
            title: format!("{marker} title {i}"),
            body: format!("{marker} body {i}\nsecond line"),
            step: Some(1 + i % 6),
            tags: vec![format!("tag{i}")],
        })
        .unwrap();
    }
    for day in 0..3 {
        let prompt = v.today_prompt().unwrap();
        if day == 1 {
            v.skip_prompt(&prompt.prompt.id).unwrap();
        } else {
            v.complete_prompt(&prompt.prompt.id, Some(&format!("{marker} response {day}")))
                .unwrap();
        }
        v.check_in(6, 4, 5, &format!("{marker} check-in {day}")).unwrap();
        f.clock.advance(86_400_000);
    }
    for entry in one_of_each(marker) {
        v.add_entry(&entry).unwrap();
    }
    v.set_auto_lock_seconds(300).unwrap();
    v.set_discreet_mode(true).unwrap();
}

fn backup_of(f: &Fixture, name: &str) -> PathBuf {
    let dest = f.dir.path().join(name);
    f.vault.backup(&dest, PHRASE, TEST_KDF, &NoProgress).unwrap();
    dest
}

/// Restores `file` as a new vault in `dir` on a new device's key store.
fn restore_in(
    dir: &Path,
    file: &Path,
    phrase: &[u8],
) -> mend_core::Result<(Vault, Arc<MemoryKeyStore>)> {
    let device = Arc::new(MemoryKeyStore::new());
    let clock = Arc::new(ManualClock::new(T0 + 3 * 86_400_000));
    let what = Restore {
        backup: file,
        passphrase: phrase,
        path: &dir.join("restored.db"),
        passcode: NEW_PASSCODE,
        kdf: TEST_KDF,
    };
    let (vault, code) = backup::restore(&what, device.clone(), clock, &NoProgress)?;
    assert!(!vault.recovery_code_confirmed().unwrap(), "a restored vault's code is new");
    assert!(!code.display().is_empty());
    Ok((vault, device))
}

#[test]
fn a_vault_with_every_kind_of_record_comes_back_the_same_on_another_device() {
    let f = Fixture::new();
    full_vault(&f, "MARKER-ROUND-TRIP");
    let before = visible(&f.vault);
    assert_eq!(before.tools.len(), 3 + one_of_each("x").len());
    let file = backup_of(&f, "mend.backup");

    let other = tempfile::tempdir().unwrap();
    let (restored, _) = restore_in(other.path(), &file, PHRASE).unwrap();
    assert_eq!(visible(&restored), before);

    // The new vault is this device's: its own passcode, a new recovery code, its own key.
    restored.lock();
    assert!(matches!(restored.unlock(PASSCODE), Err(Error::WrongPasscode { .. })));
    restored.unlock(NEW_PASSCODE).unwrap();
    // The original is untouched and still opens with its passcode.
    f.vault.lock();
    f.vault.unlock(PASSCODE).unwrap();
    assert_eq!(visible(&f.vault), before);
}

#[test]
fn nothing_written_is_readable_in_the_backup_file() {
    let f = Fixture::new();
    full_vault(&f, "MARKER-IN-BACKUP");
    let file = backup_of(&f, "mend.backup");
    let bytes = std::fs::read(&file).unwrap();
    for needle in ["MARKER", "title", "tag0", "response", "second line"] {
        assert_eq!(count_hits(&bytes, needle.as_bytes()), 0, "{needle} is in the file");
    }
    assert_eq!(&bytes[..8], b"MENDBKUP");
    // Its size is a whole number of padded chunks.
    assert_eq!((bytes.len() - 84) % (64 * 1024 + 16), 0);
}

#[test]
fn a_restore_never_replaces_a_vault_and_a_backup_never_replaces_a_file() {
    let f = Fixture::new();
    full_vault(&f, "m");
    let file = backup_of(&f, "mend.backup");
    let before = std::fs::read(&file).unwrap();
    assert!(matches!(
        f.vault.backup(&file, PHRASE, TEST_KDF, &NoProgress),
        Err(Error::AlreadyExists)
    ));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // Restoring onto the vault's own place is refused, and the vault still opens.
    let what = Restore {
        backup: &file,
        passphrase: PHRASE,
        path: &f.path(),
        passcode: NEW_PASSCODE,
        kdf: TEST_KDF,
    };
    let err = backup::restore::<mend_core::features::Features>(
        &what,
        f.device.clone(),
        f.clock.clone(),
        &NoProgress,
    )
    .unwrap_err();
    assert!(matches!(err, Error::AlreadyExists));
    f.vault.lock();
    f.vault.unlock(PASSCODE).unwrap();
}

#[test]
fn a_short_passphrase_is_refused_before_anything_is_written() {
    let f = Fixture::new();
    let dest = f.dir.path().join("b");
    let err = f.vault.backup(&dest, b"short", TEST_KDF, &NoProgress).unwrap_err();
    assert!(matches!(
        err,
        Error::InvalidInput { field: mend_core::InputField::BackupPassphrase, .. }
    ));
    assert!(!dest.exists());
    f.vault.lock();
    assert!(matches!(f.vault.backup(&dest, PHRASE, TEST_KDF, &NoProgress), Err(Error::Locked)));
    assert!(!dest.exists() && !f.dir.path().join("b.partial").exists());
}

/// Files in `dir` other than `keep`.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn damaged_cut_reordered_foreign_newer_and_hostile_backups_leave_no_vault() {
    let f = Fixture::new();
    full_vault(&f, "m");
    // Enough notes for several chunks.
    for i in 0..60 {
        f.vault.add_note(&draft(&format!("n{i}"), &"words ".repeat(500))).unwrap();
    }
    let file = backup_of(&f, "mend.backup");
    let good = std::fs::read(&file).unwrap();
    let chunk = 64 * 1024 + 16;
    assert!(good.len() >= 84 + 3 * chunk, "several chunks");

    let mut cases: Vec<(&str, Vec<u8>)> = Vec::new();
    cases.push(("cut at a chunk", good[..good.len() - chunk].to_vec()));
    cases.push(("cut mid-chunk", good[..good.len() - 100].to_vec()));
    cases.push(("header only", good[..84].to_vec()));
    let mut swapped = good.clone();
    swapped[84..84 + chunk].copy_from_slice(&good[84 + chunk..84 + 2 * chunk]);
    swapped[84 + chunk..84 + 2 * chunk].copy_from_slice(&good[84..84 + chunk]);
    cases.push(("reordered", swapped));
    for at in [84, 84 + chunk + 7, good.len() - 1, 30, 60] {
        let mut flipped = good.clone();
        flipped[at] ^= 0x10;
        cases.push(("bit flipped", flipped));
    }
    let mut longer = good.clone();
    longer.extend_from_slice(&good[84..84 + chunk]);
    cases.push(("a chunk repeated", longer));
    let mut newer = good.clone();
    newer[8] = 2;
    cases.push(("newer", newer));
    let mut greedy = good.clone();
    greedy[12..16].copy_from_slice(&u32::MAX.to_le_bytes());
    cases.push(("absurd memory", greedy));
    let mut slow = good.clone();
    slow[16..20].copy_from_slice(&100_000u32.to_le_bytes());
    cases.push(("absurd passes", slow));
    let mut huge_chunks = good.clone();
    huge_chunks[40..44].copy_from_slice(&u32::MAX.to_le_bytes());
    cases.push(("huge chunk size", huge_chunks));
    cases.push(("a vault file", std::fs::read(f.path()).unwrap()));
    cases.push(("empty", Vec::new()));

    for (what, bytes) in cases {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.backup");
        std::fs::write(&bad, &bytes).unwrap();
        let err = restore_in(dir.path(), &bad, PHRASE).map(|_| ()).unwrap_err();
        let expected = match what {
            "newer" => matches!(err, Error::NewerBackup { found: 2, supported: 1 }),
            "a vault file" | "empty" => matches!(err, Error::NotABackup),
            // The salt and costs are inputs to the key: changed, they read as another phrase.
            "bit flipped" => matches!(err, Error::Damaged(_) | Error::WrongBackupPassphrase),
            _ => matches!(err, Error::Damaged(_)),
        };
        assert!(expected, "{what}: {err:?}");
        assert!(!err.to_string().contains('m') || !err.to_string().contains("MARKER"));
        assert_eq!(files_in(dir.path()), ["bad.backup"], "{what} left something");
    }

    let dir = tempfile::tempdir().unwrap();
    let err = restore_in(dir.path(), &file, b"another long passphrase").map(|_| ()).unwrap_err();
    assert!(matches!(err, Error::WrongBackupPassphrase), "{err:?}");
    assert!(files_in(dir.path()).is_empty());
    let err = restore_in(dir.path(), &dir.path().join("missing"), PHRASE).map(|_| ()).unwrap_err();
    assert!(matches!(err, Error::NotFound), "{err:?}");
}

/// Counts the progress calls and remembers the last.
#[derive(Default)]
struct Progress {
    calls: AtomicI64,
    last: std::sync::Mutex<(i64, i64)>,
}

impl ProgressListener for Progress {
    fn progress(&self, done: i64, total: i64) {
        assert!(done <= total);
        self.calls.fetch_add(1, Ordering::SeqCst);
        *self.last.lock().unwrap() = (done, total);
    }
}

#[test]
fn long_work_reports_its_progress_to_the_end() {
    let f = Fixture::new();
    for i in 0..300 {
        f.vault.add_note(&draft(&format!("n{i}"), "b")).unwrap();
    }
    let dest = f.dir.path().join("b");
    let heard = Progress::default();
    let summary = f.vault.backup(&dest, PHRASE, TEST_KDF, &heard).unwrap();
    assert_eq!(summary, BackupSummary { records: 301, damaged_left_out: 0 });
    assert!(heard.calls.load(Ordering::SeqCst) >= 4);
    assert_eq!(*heard.last.lock().unwrap(), (301, 301));

    let heard = Progress::default();
    let other = tempfile::tempdir().unwrap();
    let what = Restore {
        backup: &dest,
        passphrase: PHRASE,
        path: &other.path().join("v"),
        passcode: NEW_PASSCODE,
        kdf: TEST_KDF,
    };
    let (vault, _) = backup::restore::<mend_core::features::Features>(
        &what,
        Arc::new(MemoryKeyStore::new()),
        Arc::new(ManualClock::new(T0)),
        &heard,
    )
    .unwrap();
    assert_eq!(vault.note_count().unwrap(), 300);
    let (done, total) = *heard.last.lock().unwrap();
    assert_eq!(done, total);
}

#[test]
fn a_vault_with_a_damaged_record_backs_up_the_rest_and_says_so() {
    let f = Fixture::new();
    full_vault(&f, "m");
    let all = 1 + 5 + 3 + 3 + one_of_each("x").len();
    let summary =
        f.vault.backup(&f.dir.path().join("whole"), PHRASE, TEST_KDF, &NoProgress).unwrap();
    assert_eq!(summary, BackupSummary { records: all as i64, damaged_left_out: 0 });
    f.vault.lock();
    {
        let conn = rusqlite::Connection::open(f.path()).unwrap();
        conn.execute(
            "UPDATE record_body SET body = zeroblob(length(body)) WHERE id = (SELECT max(id) FROM record)",
            [],
        )
        .unwrap();
    }
    f.vault.unlock(PASSCODE).unwrap();
    let summary =
        f.vault.backup(&f.dir.path().join("part"), PHRASE, TEST_KDF, &NoProgress).unwrap();
    assert_eq!(summary, BackupSummary { records: all as i64 - 1, damaged_left_out: 1 });
    let other = tempfile::tempdir().unwrap();
    let (restored, _) = restore_in(other.path(), &f.dir.path().join("part"), PHRASE).unwrap();
    assert_eq!(restored.damaged_record_count().unwrap(), 0);
}

#[test]
fn a_backup_from_the_first_format_still_restores() {
    // Written by `tests/fixtures/make-backup` from format 1; every later build must read it.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/backup-v1.mendbackup");
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = restore_in(dir.path(), &fixture, b"fixture backup passphrase").unwrap();
    assert_eq!(vault.role().unwrap(), Role::Hurt);
    assert_eq!(vault.note_count().unwrap(), 2);
    let page = vault.notes(&NoteQuery::default(), 0, 10).unwrap();
    let titles: Vec<_> = page.notes.iter().map(|n| n.title.clone()).collect();
    assert!(titles.contains(&"Fixture note one".to_owned()), "{titles:?}");
    let note = vault.note(&page.notes[0].id).unwrap();
    assert!(note.body.starts_with("Fixture body"));
    assert_eq!(vault.entries(ToolKind::CheckIns).unwrap().len(), 1);
    assert_eq!(vault.entries(ToolKind::Questions).unwrap().len(), 1);
    assert!(vault.progress().unwrap().days_practised >= 1);
    assert_eq!(vault.auto_lock_seconds().unwrap(), 300);
}

#[test]
#[ignore = "writes tests/fixtures/backup-v1.mendbackup; run by hand when a new format is made"]
fn make_backup_fixture() {
    let f = Fixture::with_role(Role::Hurt);
    f.vault.add_note(&draft("Fixture note one", "Fixture body one")).unwrap();
    f.vault.add_note(&draft("Fixture note two", "Fixture body two")).unwrap();
    let prompt = f.vault.today_prompt().unwrap();
    f.vault.complete_prompt(&prompt.prompt.id, Some("Fixture response")).unwrap();
    f.vault.check_in(5, 5, 5, "Fixture check-in").unwrap();
    f.vault
        .add_entry(&ToolEntry::Question(Question {
            text: "Fixture question".into(),
            asked_by: Asker::Me,
            kind: QuestionKind::Fact,
            answer: String::new(),
            status: QuestionStatus::Open,
        }))
        .unwrap();
    f.vault.set_auto_lock_seconds(300).unwrap();
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/backup-v1.mendbackup");
    let _ = std::fs::remove_file(&out);
    f.vault.backup(&out, b"fixture backup passphrase", TEST_KDF, &NoProgress).unwrap();
}

/// One thing a random vault can hold.
#[derive(Debug, Clone)]
enum Item {
    Note(String, String, Option<i32>, Vec<String>),
    Tool(usize, String),
    Practice(bool, Option<String>),
    NextDay,
}

fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 éü🙂]{1,40}"
}

fn item() -> impl Strategy<Value = Item> {
    prop_oneof![
        (
            text(),
            "[a-z \n]{0,300}",
            proptest::option::of(1..=6i32),
            proptest::collection::vec("[a-z]{1,8}", 0..3)
        )
            .prop_map(|(t, b, s, tags)| Item::Note(t, b, s, tags)),
        (0..10usize, text()).prop_map(|(i, t)| Item::Tool(i, t)),
        (any::<bool>(), proptest::option::of(text())).prop_map(|(d, r)| Item::Practice(d, r)),
        Just(Item::NextDay),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn random_vaults_come_back_the_same(items in proptest::collection::vec(item(), 0..40), hurt in any::<bool>()) {
        let f = Fixture::with_role(if hurt { Role::Hurt } else { Role::Repairing });
        for item in items {
            match item {
                Item::Note(title, body, step, tags) => {
                    let _ = f.vault.add_note(&NoteDraft { title, body, step, tags });
                }
                Item::Tool(i, t) => {
                    let _ = f.vault.add_entry(&one_of_each(&t)[i]);
                }
                Item::Practice(done, response) => {
                    let prompt = f.vault.today_prompt().unwrap();
                    if done {
                        f.vault.complete_prompt(&prompt.prompt.id, response.as_deref()).unwrap();
                    } else {
                        f.vault.skip_prompt(&prompt.prompt.id).unwrap();
                    }
                }
                Item::NextDay => {
                    let _ = f.vault.check_in(3, 4, 5, "");
                    f.clock.advance(86_400_000);
                }
            }
        }
        let before = visible(&f.vault);
        let file = backup_of(&f, "b");
        let other = tempfile::tempdir().unwrap();
        let device = Arc::new(MemoryKeyStore::new());
        let what = Restore { backup: &file, passphrase: PHRASE, path: &other.path().join("v"), passcode: NEW_PASSCODE, kdf: TEST_KDF };
        let (restored, _) = backup::restore::<mend_core::features::Features>(&what, device, f.clock.clone(), &NoProgress).unwrap();
        prop_assert_eq!(visible(&restored), before);
    }
}

#[test]
fn check_in_dates_are_kept() {
    let f = Fixture::new();
    f.vault.check_in(1, 2, 3, "").unwrap();
    let file = backup_of(&f, "b");
    let other = tempfile::tempdir().unwrap();
    let (restored, _) = restore_in(other.path(), &file, PHRASE).unwrap();
    let ToolEntry::CheckIn(c) = &restored.entries(ToolKind::CheckIns).unwrap()[0].entry else {
        panic!("not a check-in")
    };
    assert_eq!(c.date, CalendarDate { year: 2026, month: 1, day: 1 });
}

#[test]
fn the_suggested_file_name_is_the_date_and_plain_in_discreet_mode() {
    let f = Fixture::new();
    assert_eq!(f.vault.backup_file_name().unwrap(), "mend-2026-01-01.mendbackup");
    f.vault.set_discreet_mode(true).unwrap();
    assert_eq!(f.vault.backup_file_name().unwrap(), "notes-2026-01-01.backup");
    f.vault.lock();
    assert!(matches!(f.vault.backup_file_name(), Err(Error::Locked)));
}
