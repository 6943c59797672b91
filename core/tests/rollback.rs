//! Rollback and rekeying: an older file put back after failed attempts, after a delete or
//! after a passcode change; single rows put back, mixed or dropped; and each guess needing
//! the device's hardware. The person this guards against can copy and restore files.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::*;
use mend_core::vault::attempts::FREE_ATTEMPTS;
use mend_core::{DeviceKeyError, Error, MemoryKeyStore, Role, Vault, VaultCheck};

/// A copy of the (locked, checkpointed) vault file.
fn snapshot(f: &Fixture, name: &str) -> PathBuf {
    let copy = f.dir.path().join(name);
    std::fs::copy(f.path(), &copy).unwrap();
    copy
}

/// Puts a copy back as the vault file (a new file, as a restore would write it), without
/// the write-ahead log of the current one.
fn restore(copy: &Path, vault: &Path) {
    let staged = vault.with_extension("restoring");
    std::fs::copy(copy, &staged).unwrap();
    for file in mend_core::store::db::files(vault) {
        let _ = std::fs::remove_file(file);
    }
    std::fs::rename(staged, vault).unwrap();
}

#[test]
fn a_file_restored_after_failed_attempts_still_has_to_wait() {
    let f = Fixture::new();
    f.vault.lock();
    let before = snapshot(&f, "before.db");
    for _ in 0..FREE_ATTEMPTS {
        assert!(matches!(f.vault.unlock(b"000000"), Err(Error::WrongPasscode { .. })));
    }
    let waiting = f.vault.unlock_status().unwrap();
    assert!(waiting.retry_at.is_some());
    restore(&before, &f.path());
    let v = f.reopen();
    assert_eq!(v.unlock_status().unwrap(), waiting);
    assert!(matches!(v.unlock(PASSCODE), Err(Error::TooManyAttempts { .. })));
}

#[test]
fn a_file_restored_after_a_delete_opens_as_a_read_only_older_copy() {
    let f = Fixture::new();
    let gone = f.vault.add_note(&draft("deleted later", "should stay deleted")).unwrap();
    f.vault.lock();
    let before = snapshot(&f, "before.db");
    f.vault.unlock(PASSCODE).unwrap();
    f.vault.delete_note(&gone.note.id).unwrap();
    f.vault.lock();
    restore(&before, &f.path());

    let v = f.reopen();
    v.unlock(PASSCODE).unwrap();
    let older = VaultCheck { older_copy: true, ..VaultCheck::default() };
    assert_eq!(v.check().unwrap(), older);
    // It can be read, and takes no changes: nothing is written over the newer history.
    assert_eq!(v.note(&gone.note.id).unwrap().body, "should stay deleted");
    assert!(matches!(v.add_note(&draft("t", "b")), Err(Error::OlderCopy)));
    assert!(matches!(v.delete_note(&gone.note.id), Err(Error::OlderCopy)));
    assert!(matches!(v.set_auto_lock_seconds(60), Err(Error::OlderCopy)));
    // Locking and unlocking again does not make it current.
    v.lock();
    v.unlock(PASSCODE).unwrap();
    assert_eq!(v.check().unwrap(), older);
    // The person may keep it on purpose; then it takes changes again, also after a reopen.
    v.keep_records_as_they_are().unwrap();
    assert_eq!(v.check().unwrap(), VaultCheck::default());
    v.add_note(&draft("t", "b")).unwrap();
    v.lock();
    let again = f.reopen();
    again.unlock(PASSCODE).unwrap();
    assert_eq!(again.check().unwrap(), VaultCheck::default());
}

#[test]
fn an_old_copy_with_the_old_passcode_opens_nothing_after_a_change() {
    let f = Fixture::new();
    f.vault.add_note(&draft("t", "written before the change")).unwrap();
    f.vault.lock();
    let before = snapshot(&f, "before.db");
    let new_code = f.vault.change_passcode(PASSCODE, b"new-passcode").unwrap();
    f.vault.lock();
    let after = snapshot(&f, "after.db");

    // The current file: exactly the new passcode and the new code work.
    let v = f.reopen();
    assert!(matches!(v.unlock(PASSCODE), Err(Error::WrongPasscode { .. })));
    v.unlock(b"new-passcode").unwrap();
    v.lock();

    // The old copy's platform key was destroyed: neither the old passcode, nor the old
    // recovery code, nor the new passcode opens it, and trying uses no attempts.
    restore(&before, &f.path());
    let old = f.reopen();
    let missing =
        |r: Result<_, Error>| matches!(r, Err(Error::DeviceKey(DeviceKeyError::KeyMissing)));
    assert!(missing(old.unlock(PASSCODE)));
    assert!(missing(old.unlock(b"new-passcode")));
    assert!(missing(old.recover(&f.recovery.display(), b"another-one").map(|_| ())));
    assert!(missing(old.recover(&new_code.display(), b"another-one").map(|_| ())));

    restore(&after, &f.path());
    let current = f.reopen();
    current.unlock(b"new-passcode").unwrap();
    assert_eq!(current.note_count().unwrap(), 1);
}

#[test]
fn each_guess_takes_one_operation_of_the_hardware() {
    let f = Fixture::new();
    f.vault.lock();
    let before = f.device.derivations();
    f.vault.unlock_status().unwrap();
    assert_eq!(f.device.derivations(), before, "the lock screen's status needs no guess");
    for _ in 0..3 {
        assert!(matches!(f.vault.unlock(b"000000"), Err(Error::WrongPasscode { .. })));
    }
    f.vault.unlock(PASSCODE).unwrap();
    assert_eq!(f.device.derivations() - before, 4);
}

#[test]
fn old_mixed_missing_and_reinserted_rows_are_reported() {
    let f = Fixture::new();
    let path = f.path();
    let mut known = rows(&path);
    let mut add = |title: &str| add_tracked(&f.vault, &path, &mut known, title);
    let (a, row_a) = add("a");
    let (b, row_b) = add("b");
    let (c, row_c) = add("c");
    f.vault.lock();
    let cells = |row| (cell(&path, "record", "meta", row), cell(&path, "record_body", "body", row));
    let (old_b, a_cells) = (cells(row_b), cells(row_a));
    f.vault.unlock(PASSCODE).unwrap();
    f.vault.edit_note(&b, &draft("b", "body of b, edited")).unwrap();
    f.vault.lock();
    let new_b = cells(row_b);
    let unmatched = VaultCheck { records_unmatched: true, ..VaultCheck::default() };
    let unlocked_check = || {
        f.vault.unlock(PASSCODE).unwrap();
        let check = f.vault.check().unwrap();
        f.vault.lock();
        check
    };
    assert_eq!(unlocked_check(), VaultCheck::default());

    // An older row: both envelopes of b's first write put back.
    set_cell(&path, "record", "meta", row_b, &old_b.0);
    set_cell(&path, "record_body", "body", row_b, &old_b.1);
    assert_eq!(unlocked_check(), unmatched);

    // A mixed row: the current metadata with the older body.
    set_cell(&path, "record", "meta", row_b, &new_b.0);
    f.vault.unlock(PASSCODE).unwrap();
    assert_eq!(f.vault.check().unwrap(), VaultCheck::default());
    assert!(matches!(f.vault.note(&b), Err(Error::Damaged(_))));
    f.vault.lock();
    set_cell(&path, "record_body", "body", row_b, &new_b.1);
    assert_eq!(unlocked_check(), VaultCheck::default());

    // A missing row.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let c_cells = cells(row_c);
    conn.execute("DELETE FROM record_body WHERE id = ?1", [row_c]).unwrap();
    conn.execute("DELETE FROM record WHERE id = ?1", [row_c]).unwrap();
    assert_eq!(unlocked_check(), unmatched);
    let put_back = |row: i64, (meta, body): &(Vec<u8>, Vec<u8>)| {
        conn.execute("INSERT INTO record (id, meta) VALUES (?1, ?2)", rusqlite::params![row, meta])
            .unwrap();
        conn.execute(
            "INSERT INTO record_body (id, body) VALUES (?1, ?2)",
            rusqlite::params![row, body],
        )
        .unwrap();
    };
    put_back(row_c, &c_cells);
    assert_eq!(unlocked_check(), VaultCheck::default());

    // A deleted row put back.
    f.vault.unlock(PASSCODE).unwrap();
    f.vault.delete_note(&a).unwrap();
    f.vault.lock();
    put_back(row_a, &a_cells);
    assert_eq!(unlocked_check(), unmatched);
    f.vault.unlock(PASSCODE).unwrap();
    assert_eq!(f.vault.note_count().unwrap(), 3);
    assert!(f.vault.note(&c).is_ok());
}

#[test]
fn erasing_one_vault_never_touches_another_on_the_same_device() {
    let dir = tempfile::tempdir().unwrap();
    let device = Arc::new(MemoryKeyStore::new());
    let clock = Arc::new(mend_core::ManualClock::new(T0));
    let create = |name: &str| {
        let path = dir.path().join(name);
        Vault::create(&path, PASSCODE, Role::Hurt, TEST_KDF, device.clone(), clock.clone())
            .unwrap()
            .0
    };
    let (first, second) = (create("first.db"), create("second.db"));
    second.add_note(&draft("t", "kept")).unwrap();
    second.lock();
    first.erase().unwrap();
    second.unlock(PASSCODE).unwrap();
    assert_eq!(second.note_count().unwrap(), 1);
}
