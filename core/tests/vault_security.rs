//! The vault's security promises (SECURITY.md), one test per threat.

#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Arc;

use common::*;
use mend_core::vault::attempts::{FREE_ATTEMPTS, delay_after};
use mend_core::{Clock, Error, InputField, MemoryKeyStore, NoteDraft, NoteQuery, Vault};

#[test]
fn a_copied_vault_does_not_open_without_the_device_secret() {
    let f = Fixture::new();
    f.vault.add_note(&draft("t", "b")).unwrap();
    f.vault.lock();
    let copy = f.dir.path().join("copy.db");
    std::fs::copy(f.path(), &copy).unwrap();

    let other_phone = Arc::new(MemoryKeyStore::new());
    let stolen = Vault::open(&copy, other_phone, f.clock.clone()).unwrap();
    assert!(matches!(stolen.unlock(PASSCODE), Err(Error::DeviceKey(_))));
    assert!(matches!(
        stolen.recover(&f.recovery.display(), b"new-passcode"),
        Err(Error::DeviceKey(_))
    ));
    assert!(!stolen.is_unlocked());

    // On the right device the same copy opens.
    let same_phone = Vault::open(&copy, f.device.clone(), f.clock.clone()).unwrap();
    same_phone.unlock(PASSCODE).unwrap();
    assert_eq!(same_phone.note_count().unwrap(), 1);
}

#[test]
fn every_read_and_write_fails_after_lock() {
    let f = Fixture::new();
    let id = f.vault.add_note(&draft("t", "b")).unwrap().note.id;
    f.vault.lock();
    assert!(!f.vault.is_unlocked());
    let v = &f.vault;
    let all = NoteQuery::default();
    assert!(matches!(v.note(&id), Err(Error::Locked)));
    assert!(matches!(v.notes(&all, 0, 10), Err(Error::Locked)));
    assert!(matches!(v.search_notes("t", &all, 0, 10), Err(Error::Locked)));
    assert!(matches!(v.note_count(), Err(Error::Locked)));
    assert!(matches!(v.prepare_search(), Err(Error::Locked)));
    assert!(matches!(v.add_note(&draft("t", "b")), Err(Error::Locked)));
    assert!(matches!(v.edit_note(&id, &draft("t", "c")), Err(Error::Locked)));
    assert!(matches!(v.delete_note(&id), Err(Error::Locked)));
    assert!(matches!(v.role(), Err(Error::Locked)));
    assert!(matches!(v.damaged_record_count(), Err(Error::Locked)));
    v.unlock(PASSCODE).unwrap();
    assert_eq!(v.note(&id).unwrap().body, "b");
}

#[test]
fn wrong_passcodes_count_down_then_delays_follow_the_schedule() {
    let f = Fixture::new();
    f.vault.lock();
    for left in (0..FREE_ATTEMPTS).rev() {
        match f.vault.unlock(b"000000") {
            Err(Error::WrongPasscode { attempts_left }) => assert_eq!(attempts_left, left),
            other => panic!("expected a wrong passcode, got {other:?}"),
        }
    }
    // Each further attempt waits: 30 s, then doubling, capped at an hour. Even the right
    // passcode is refused during a delay, and a refused attempt is not counted.
    for failures in FREE_ATTEMPTS..FREE_ATTEMPTS + 10 {
        let status = f.vault.unlock_status().unwrap();
        let wait = delay_after(failures);
        assert_eq!(status.failed_attempts, failures as i32);
        let expected_at = status.retry_at.expect("a delay applies").ms();
        assert_eq!(expected_at - f.clock.now_ms(), wait);
        match f.vault.unlock(PASSCODE) {
            Err(Error::TooManyAttempts { retry_at_ms, after_interruption: false }) => {
                assert_eq!(retry_at_ms, expected_at)
            }
            other => panic!("expected a delay, got {other:?}"),
        }
        f.clock.advance(wait - 1);
        assert!(matches!(f.vault.unlock(PASSCODE), Err(Error::TooManyAttempts { .. })));
        f.clock.advance(1);
        assert!(matches!(
            f.vault.unlock(b"000000"),
            Err(Error::WrongPasscode { attempts_left: 0 })
        ));
    }
    assert_eq!(delay_after(FREE_ATTEMPTS + 9), 3_600_000);

    // The counter lives in the file: a restarted app sees the same delay.
    let reopened = f.reopen();
    let status = reopened.unlock_status().unwrap();
    assert_eq!(status.failed_attempts, (FREE_ATTEMPTS + 10) as i32);
    assert!(matches!(reopened.unlock(PASSCODE), Err(Error::TooManyAttempts { .. })));
    f.clock.advance(3_600_000);
    reopened.unlock(PASSCODE).unwrap();
    assert_eq!(reopened.unlock_status().unwrap().failed_attempts, 0);
}

#[test]
fn an_envelope_moved_to_another_record_or_column_fails_while_the_rest_open() {
    let f = Fixture::new();
    let path = f.path();
    let mut known = rows(&path);
    let mut add = |title: &str| add_tracked(&f.vault, &path, &mut known, title);
    let (a, row_a) = add("a");
    let (b, row_b) = add("b");
    let (c, row_c) = add("c");
    f.vault.lock();
    let check = |expect_damaged: &[mend_core::NoteId]| {
        for (id, title) in [(a, "a"), (b, "b"), (c, "c")] {
            match f.vault.note(&id) {
                Ok(n) => {
                    assert!(!expect_damaged.contains(&id), "{title} opened after a move");
                    assert_eq!(n.body, format!("body of {title}"));
                }
                Err(Error::Damaged(_)) => assert!(expect_damaged.contains(&id), "{title} damaged"),
                Err(other) => panic!("unexpected {other:?}"),
            }
        }
    };

    // A body envelope copied over another record's body.
    let body_b = cell(&path, "record_body", "body", row_b);
    set_cell(&path, "record_body", "body", row_b, &cell(&path, "record_body", "body", row_a));
    f.vault.unlock(PASSCODE).unwrap();
    check(&[b]);
    f.vault.lock();
    set_cell(&path, "record_body", "body", row_b, &body_b);

    // A metadata envelope copied into a body column.
    let body_a = cell(&path, "record_body", "body", row_a);
    set_cell(&path, "record_body", "body", row_a, &cell(&path, "record", "meta", row_a));
    f.vault.unlock(PASSCODE).unwrap();
    check(&[a]);
    f.vault.lock();
    set_cell(&path, "record_body", "body", row_a, &body_a);

    // A metadata envelope copied over another record's metadata: that record is left out
    // and counted as damaged, the others open.
    set_cell(&path, "record", "meta", row_c, &cell(&path, "record", "meta", row_a));
    f.vault.unlock(PASSCODE).unwrap();
    assert_eq!(f.vault.damaged_record_count().unwrap(), 1);
    assert_eq!(f.vault.note_count().unwrap(), 2);
    assert!(matches!(f.vault.note(&c), Err(Error::NotFound)));
    assert_eq!(f.vault.note(&a).unwrap().body, "body of a");
    assert_eq!(f.vault.note(&b).unwrap().body, "body of b");
}

#[test]
fn marker_strings_never_reach_the_files_even_after_delete() {
    let f = Fixture::new();
    let markers = ["MARKERTITLE7731", "MARKERBODY7731", "MARKERTAG7731", "MARKEREDIT7731"];
    let mut ids = Vec::new();
    for i in 0..20 {
        let note = NoteDraft {
            title: format!("{} {i}", markers[0]),
            body: format!("{} {i} {}", markers[1], "words ".repeat(100)),
            step: Some(1 + (i % 6)),
            tags: vec![format!("{}{i}", markers[2])],
        };
        ids.push(f.vault.add_note(&note).unwrap().note.id);
    }
    f.vault.edit_note(&ids[0], &draft(markers[3], markers[3])).unwrap();
    let hits = f.vault.search_notes("markerbody7731", &NoteQuery::default(), 0, 50);
    assert_eq!(hits.unwrap().total, 19);
    let scan = |when: &str| {
        for (file, bytes) in raw_files(&f.path()) {
            for m in markers.iter().map(|m| m.as_bytes()).chain([PASSCODE]) {
                assert_eq!(count_hits(&bytes, m), 0, "{when}: marker found in {file}");
                let utf16: Vec<u8> = m.iter().flat_map(|&b| [b, 0]).collect();
                assert_eq!(count_hits(&bytes, &utf16), 0, "{when}: UTF-16 marker in {file}");
            }
        }
    };
    scan("while unlocked");
    for id in &ids {
        f.vault.delete_note(id).unwrap();
    }
    scan("after delete");
    f.vault.lock();
    scan("after lock");
}

#[test]
fn passcode_change_leaves_exactly_the_new_passcode_working() {
    let f = Fixture::new();
    f.vault.add_note(&draft("kept", "still here")).unwrap();
    assert!(matches!(
        f.vault.change_passcode(b"wrong-one", b"new-passcode"),
        Err(Error::WrongPasscode { .. })
    ));
    assert!(matches!(
        f.vault.change_passcode(PASSCODE, b"123"),
        Err(Error::InvalidInput { field: InputField::Passcode, .. })
    ));
    let new_code = f.vault.change_passcode(PASSCODE, b"new-passcode").unwrap();
    assert!(!f.vault.recovery_code_confirmed().unwrap());
    f.vault.lock();
    let v = f.reopen();
    assert!(matches!(v.unlock(PASSCODE), Err(Error::WrongPasscode { .. })));
    v.unlock(b"new-passcode").unwrap();
    assert_eq!(v.note_count().unwrap(), 1);
    // The change replaced the recovery code too: the old one stops working, the new works.
    v.lock();
    assert!(matches!(
        v.recover(&f.recovery.display(), b"third-passcode"),
        Err(Error::WrongRecoveryCode { .. })
    ));
    v.recover(&new_code.display(), b"third-passcode").unwrap();
    assert_eq!(v.note_count().unwrap(), 1);
}

#[test]
fn recovery_sets_a_new_passcode_and_replaces_the_recovery_code() {
    let f = Fixture::new();
    f.vault.add_note(&draft("kept", "still here")).unwrap();
    f.vault.lock();
    assert!(matches!(
        f.vault.recover("0000-0000-0000-0000-0000-0000-0000", b"new-passcode"),
        Err(Error::WrongRecoveryCode { attempts_left: 4 })
    ));
    assert!(matches!(
        f.vault.recover("not a code", b"new-passcode"),
        Err(Error::InvalidInput { field: InputField::RecoveryCode, .. })
    ));
    let new_code = f.vault.recover(&f.recovery.display(), b"new-passcode").unwrap();
    assert!(f.vault.is_unlocked());
    assert_eq!(f.vault.note_count().unwrap(), 1);
    assert_ne!(new_code, f.recovery);
    f.vault.lock();

    let v = f.reopen();
    assert!(matches!(v.unlock(PASSCODE), Err(Error::WrongPasscode { .. })));
    assert!(matches!(
        v.recover(&f.recovery.display(), b"other-passcode"),
        Err(Error::WrongRecoveryCode { .. })
    ));
    v.unlock(b"new-passcode").unwrap();
    v.lock();
    v.recover(&new_code.display(), b"after-second-recovery").unwrap();
    v.lock();
    v.unlock(b"after-second-recovery").unwrap();
}

#[test]
fn erase_removes_the_files_and_leaves_old_copies_unreadable() {
    let f = Fixture::new();
    f.vault.add_note(&draft("t", "b")).unwrap();
    f.vault.lock();
    let backup = f.dir.path().join("backup.db");
    std::fs::copy(f.path(), &backup).unwrap();
    f.vault.erase().unwrap();
    for file in mend_core::store::db::files(&f.path()) {
        assert!(!file.exists(), "{} survived", file.display());
    }
    assert!(matches!(f.vault.unlock(PASSCODE), Err(Error::Closed)));
    assert!(matches!(f.vault.note_count(), Err(Error::Closed)));
    assert!(!Vault::exists(&f.path()));

    let old = Vault::open(&backup, f.device.clone(), f.clock.clone()).unwrap();
    assert!(matches!(old.unlock(PASSCODE), Err(Error::DeviceKey(_))));
    assert!(matches!(
        old.recover(&f.recovery.display(), b"new-passcode"),
        Err(Error::DeviceKey(_))
    ));
}

#[test]
fn a_vault_from_a_newer_app_is_refused_and_left_untouched() {
    let f = Fixture::new();
    f.vault.add_note(&draft("t", "b")).unwrap();
    f.vault.lock();
    drop(f.vault);
    let conn = rusqlite::Connection::open(f.dir.path().join("vault.db")).unwrap();
    let newer = mend_core::store::schema::VERSION + 1;
    conn.pragma_update(None, "user_version", newer).unwrap();
    drop(conn);
    let before = std::fs::read(f.dir.path().join("vault.db")).unwrap();
    match Vault::open(&f.dir.path().join("vault.db"), f.device.clone(), f.clock.clone()) {
        Err(Error::NewerVault { found, .. }) => assert_eq!(found, newer),
        other => panic!("expected NewerVault, got {other:?}"),
    }
    assert_eq!(std::fs::read(f.dir.path().join("vault.db")).unwrap(), before);
}

#[test]
fn error_messages_never_contain_user_text() {
    let f = Fixture::new();
    let secret = "SECRETWORDS91";
    let attempts: Vec<Error> = vec![
        f.vault.add_note(&draft(&format!("{secret}\u{1}"), "")).unwrap_err(),
        f.vault.add_note(&draft(&secret.repeat(100), "")).unwrap_err(),
        f.vault
            .add_note(&NoteDraft { tags: vec![secret.repeat(10)], ..draft("t", "b") })
            .unwrap_err(),
        f.vault.search_notes(&secret.repeat(100), &NoteQuery::default(), 0, 1).unwrap_err(),
        f.vault.recover(secret, b"new-passcode").unwrap_err(),
        f.vault.change_passcode(secret.as_bytes(), b"new-passcode").unwrap_err(),
        f.vault.note(&mend_core::NoteId::parse(&"ab".repeat(16)).unwrap()).unwrap_err(),
        mend_core::NoteId::parse(secret).unwrap_err(),
        f.vault
            .notes(&NoteQuery { step: Some(9), tag: Some(secret.into()), words: None }, 0, 1)
            .unwrap_err(),
    ];
    for err in attempts {
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains(secret), "{shown}");
        assert!(!shown.contains("SECRET"), "{shown}");
    }
}

#[test]
fn a_planted_trigger_view_or_table_is_refused_at_open() {
    let plants = [
        "CREATE TRIGGER leak AFTER INSERT ON record BEGIN UPDATE vault SET failed_attempts = 0; END",
        "CREATE VIEW everything AS SELECT * FROM record",
        "CREATE TABLE copied (x BLOB)",
        "CREATE INDEX by_meta ON record (meta)",
    ];
    for plant in plants {
        let f = Fixture::new();
        f.vault.add_note(&draft("t", "b")).unwrap();
        f.vault.lock();
        let conn = rusqlite::Connection::open(f.path()).unwrap();
        conn.execute_batch(plant).unwrap();
        drop(conn);
        let opened = Vault::open(&f.path(), f.device.clone(), f.clock.clone());
        assert!(matches!(opened, Err(Error::Damaged(_))), "{plant}: {opened:?}");
    }
    // An untouched vault opens.
    let f = Fixture::new();
    f.vault.lock();
    f.reopen().unlock(PASSCODE).unwrap();
}

/// A key store whose key cannot be destroyed until it is allowed to be.
struct StubbornKeyStore {
    inner: MemoryKeyStore,
    refuse: std::sync::atomic::AtomicBool,
}

type KeyResult<T> = Result<T, mend_core::DeviceKeyError>;

impl mend_core::DeviceKeyStore for StubbornKeyStore {
    fn wrap(&self, alias: String, plain: Vec<u8>) -> KeyResult<Vec<u8>> {
        self.inner.wrap(alias, plain)
    }
    fn unwrap(&self, alias: String, wrapped: Vec<u8>) -> KeyResult<Vec<u8>> {
        self.inner.unwrap(alias, wrapped)
    }
    fn derive(&self, alias: String, input: Vec<u8>) -> KeyResult<Vec<u8>> {
        self.inner.derive(alias, input)
    }
    fn destroy_key(&self, alias: String) -> KeyResult<()> {
        if self.refuse.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(mend_core::DeviceKeyError::Unavailable);
        }
        self.inner.destroy_key(alias)
    }
    fn load_record(&self, alias: String, name: String) -> KeyResult<Option<Vec<u8>>> {
        self.inner.load_record(alias, name)
    }
    fn store_record(&self, alias: String, name: String, value: Vec<u8>) -> KeyResult<()> {
        self.inner.store_record(alias, name, value)
    }
}

#[test]
fn an_erase_the_platform_refuses_deletes_nothing_and_can_be_tried_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault.db");
    let device = std::sync::Arc::new(StubbornKeyStore {
        inner: MemoryKeyStore::new(),
        refuse: std::sync::atomic::AtomicBool::new(true),
    });
    let clock = std::sync::Arc::new(mend_core::ManualClock::new(T0));
    let (vault, _) =
        Vault::create(&path, PASSCODE, mend_core::Role::Hurt, TEST_KDF, device.clone(), clock)
            .unwrap();
    let note = vault.add_note(&draft("kept", "still here")).unwrap();
    assert!(matches!(vault.erase(), Err(Error::DeviceKey(_))));
    assert_eq!(vault.lock_state(), mend_core::LockState::Locked);
    assert!(path.exists());
    vault.unlock(PASSCODE).unwrap();
    assert_eq!(vault.note(&note.note.id).unwrap().body, "still here");
    device.refuse.store(false, std::sync::atomic::Ordering::SeqCst);
    vault.erase().unwrap();
    assert!(!path.exists());
    assert_eq!(vault.lock_state(), mend_core::LockState::Erased);
}

#[test]
fn an_interrupted_erase_opens_as_erased_and_is_finished() {
    let f = Fixture::new();
    f.vault.lock();
    // Killed after the key slots were overwritten, before the files were deleted.
    let conn = rusqlite::Connection::open(f.path()).unwrap();
    conn.execute_batch("DELETE FROM key_slot").unwrap();
    drop(conn);
    let v = f.reopen();
    assert_eq!(v.lock_state(), mend_core::LockState::Erased);
    assert!(matches!(v.unlock(PASSCODE), Err(Error::Closed)));
    assert!(matches!(v.unlock_status(), Err(Error::Closed)));
    v.erase().unwrap();
    for file in mend_core::store::db::files(&f.path()) {
        assert!(!file.exists(), "{} is left", file.display());
    }
}

/// Fails the passcode until a wait of `FIRST_DELAY_MS` applies.
fn fail_until_a_wait(f: &Fixture) {
    f.vault.lock();
    for _ in 0..FREE_ATTEMPTS {
        assert!(matches!(f.vault.unlock(b"000000"), Err(Error::WrongPasscode { .. })));
    }
    assert!(f.vault.unlock_status().unwrap().retry_at.is_some());
}

#[test]
fn moving_the_clock_forward_does_not_skip_a_wait() {
    let f = Fixture::new();
    fail_until_a_wait(&f);
    // A day ahead on the wall clock: the wait is still measured in time since boot.
    f.clock.set(T0 + 86_400_000);
    assert!(matches!(f.vault.unlock(PASSCODE), Err(Error::TooManyAttempts { .. })));
    let retry_at = f.vault.unlock_status().unwrap().retry_at.unwrap().ms();
    assert!(retry_at - f.clock.now_ms() <= 30_000);
    f.clock.advance(29_000);
    assert!(matches!(f.vault.unlock(PASSCODE), Err(Error::TooManyAttempts { .. })));
    f.clock.advance(1_000);
    f.vault.unlock(PASSCODE).unwrap();
}

#[test]
fn moving_the_clock_back_or_far_ahead_locks_nobody_out() {
    let f = Fixture::new();
    // Failures made with the wall clock set a year ahead…
    f.clock.set(T0 + 365 * 86_400_000);
    fail_until_a_wait(&f);
    // …then the clock set back, and the phone restarted: the wait is at most the longest
    // delay from now, not a year.
    f.clock.set(T0);
    f.clock.reboot();
    let retry_at = f.vault.unlock_status().unwrap().retry_at.unwrap().ms();
    assert!(retry_at <= T0 + mend_core::vault::attempts::MAX_DELAY_MS, "{retry_at}");
    f.clock.advance(mend_core::vault::attempts::MAX_DELAY_MS);
    f.vault.unlock(PASSCODE).unwrap();
}

#[test]
fn the_file_shows_no_attempt_count_or_time() {
    let f = Fixture::new();
    fail_until_a_wait(&f);
    let conn = rusqlite::Connection::open(f.path()).unwrap();
    // No column holds a plain integer: not a count, not a time.
    for table in ["vault", "key_slot", "record", "record_body"] {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let columns = stmt.column_count();
        let names: Vec<String> = stmt.column_names().map(str::to_owned).collect();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for (i, name) in names.iter().enumerate().take(columns) {
                if let rusqlite::types::ValueRef::Integer(n) = row.get_ref(i).unwrap() {
                    let allowed = matches!(
                        (table, name.as_str()),
                        ("vault", "singleton") | ("key_slot", _) | (_, "id")
                    );
                    assert!(allowed, "{table}.{name} holds the plain integer {n}");
                }
            }
        }
    }
}

#[test]
fn a_damaged_or_reset_attempt_state_is_restored_from_the_key_store() {
    for planted in [vec![], vec![7u8; 60]] {
        let f = Fixture::new();
        fail_until_a_wait(&f);
        let waiting = f.vault.unlock_status().unwrap();
        let conn = rusqlite::Connection::open(f.path()).unwrap();
        conn.execute("UPDATE vault SET attempt_state = ?1", [&planted]).unwrap();
        drop(conn);
        let v = Vault::open(&f.path(), f.device.clone(), f.clock.clone()).unwrap();
        assert_eq!(v.unlock_status().unwrap(), waiting);
        assert!(matches!(v.unlock(PASSCODE), Err(Error::TooManyAttempts { .. })));
    }
}

#[test]
fn a_damaged_attempt_state_without_its_mirror_costs_the_longest_wait_not_a_fresh_count() {
    use mend_core::vault::attempts::MAX_DELAY_MS;
    for planted in [vec![], vec![7u8; 60]] {
        let f = Fixture::new();
        fail_until_a_wait(&f);
        let conn = rusqlite::Connection::open(f.path()).unwrap();
        conn.execute("UPDATE vault SET attempt_state = ?1", [&planted]).unwrap();
        drop(conn);
        f.device.forget_records();
        let v = Vault::open(&f.path(), f.device.clone(), f.clock.clone()).unwrap();
        match v.unlock(PASSCODE) {
            Err(Error::TooManyAttempts { retry_at_ms, .. }) => {
                assert_eq!(retry_at_ms, f.clock.now_ms() + MAX_DELAY_MS);
            }
            other => panic!("expected the longest wait, got {other:?}"),
        }
        // The wait runs from the first time the damage was seen, not from each look.
        f.clock.advance(MAX_DELAY_MS / 2);
        let retry_at = v.unlock_status().unwrap().retry_at.unwrap().ms();
        assert_eq!(retry_at, f.clock.now_ms() + MAX_DELAY_MS / 2);
        f.clock.advance(MAX_DELAY_MS / 2);
        v.unlock(PASSCODE).unwrap();
        assert_eq!(v.unlock_status().unwrap().failed_attempts, 0);
    }
}

#[test]
fn a_damaged_or_weakened_key_slot_is_reported_as_damage_and_not_counted() {
    let tampers = [
        // One flipped bit in the wrapped key.
        "UPDATE key_slot SET wrapped_key = substr(wrapped_key, 1, 20) || \
         x'ff' || substr(wrapped_key, 22) WHERE slot = 1",
        // Cheaper key derivation, to make guessing faster.
        "UPDATE key_slot SET kdf_iterations = 1, kdf_memory_kib = 8 WHERE slot = 1",
        // Another salt.
        "UPDATE key_slot SET salt = zeroblob(16) WHERE slot = 1",
    ];
    for sql in tampers {
        let f = Fixture::new();
        f.vault.lock();
        let conn = rusqlite::Connection::open(f.path()).unwrap();
        assert_eq!(conn.execute(sql, []).unwrap(), 1);
        drop(conn);
        let v = Vault::open(&f.path(), f.device.clone(), f.clock.clone()).unwrap();
        for _ in 0..FREE_ATTEMPTS + 1 {
            assert!(matches!(v.unlock(PASSCODE), Err(Error::Damaged(_))), "{sql}");
        }
        let status = v.unlock_status().unwrap();
        assert_eq!((status.failed_attempts, status.retry_at), (0, None), "{sql}");
        // The recovery slot is untouched and still opens the vault.
        v.recover(f.recovery.display().as_ref(), b"a-new-passcode").unwrap();
    }
}

#[test]
fn a_checkpoint_blocked_by_a_reader_is_reported_and_finished_later() {
    let f = Fixture::new();
    let before = rows(&f.path());
    f.vault.add_note(&draft("to delete", &"a private line ".repeat(50))).unwrap();
    let row = *rows(&f.path()).difference(&before).next().unwrap();
    let sealed = cell(&f.path(), "record_body", "body", row);
    let id = f.vault.notes(&NoteQuery::default(), 0, 10).unwrap().notes[0].id;
    // Unhindered, a delete folds the log into the file at once.
    let other = f.vault.add_note(&draft("another", "line")).unwrap().note.id;
    f.vault.delete_note(&other).unwrap();
    assert!(!f.vault.log_pending());

    // Another process keeps a read transaction open across the delete.
    let reader = rusqlite::Connection::open(f.path()).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let _: i64 = reader.query_row("SELECT count(*) FROM record", [], |r| r.get(0)).unwrap();
    f.vault.delete_note(&id).unwrap();
    assert!(f.vault.log_pending(), "the blocked checkpoint is reported");

    reader.execute_batch("COMMIT").unwrap();
    drop(reader);
    f.vault.lock();
    assert!(!f.vault.log_pending());
    for (file, bytes) in raw_files(&f.path()) {
        assert_eq!(count_hits(&bytes, &sealed[sealed.len() - 32..]), 0, "left in {file}");
    }
}

#[test]
fn a_damaged_seal_counter_does_not_stop_the_vault_from_opening() {
    let f = Fixture::new();
    f.vault.add_note(&draft("kept", "still here")).unwrap();
    f.vault.lock();
    let conn = rusqlite::Connection::open(f.path()).unwrap();
    conn.execute("UPDATE vault SET seal_state = ?1", [vec![1u8; 40]]).unwrap();
    drop(conn);
    let v = Vault::open(&f.path(), f.device.clone(), f.clock.clone()).unwrap();
    v.unlock(PASSCODE).unwrap();
    assert_eq!(v.note_count().unwrap(), 1);
    v.add_note(&draft("new", "after the damage")).unwrap();
    v.lock();
    // The first write stored a good counter again.
    let v = Vault::open(&f.path(), f.device.clone(), f.clock.clone()).unwrap();
    v.unlock(PASSCODE).unwrap();
    assert_eq!(v.note_count().unwrap(), 2);
    assert_eq!(v.damaged_record_count().unwrap(), 0);
}

#[test]
fn a_damaged_settings_record_leaves_the_rest_of_the_vault_open_until_the_role_is_chosen_again() {
    let f = Fixture::new();
    let note = f.vault.add_note(&draft("kept", "still here")).unwrap();
    f.vault.lock();
    // The settings record is the vault's first row.
    let settings_row = *rows(&f.path()).iter().next().unwrap();
    let mut meta = cell(&f.path(), "record", "meta", settings_row);
    meta[30] ^= 1;
    set_cell(&f.path(), "record", "meta", settings_row, &meta);

    f.vault.unlock(PASSCODE).unwrap();
    let check = f.vault.check().unwrap();
    assert!(check.settings_lost);
    assert_eq!(check.damaged_records, 1);
    assert_eq!(f.vault.note(&note.note.id).unwrap().body, "still here");
    // Nothing guesses whose vault it is, nor writes stand-in settings.
    assert!(matches!(f.vault.role(), Err(Error::Damaged(_))));
    assert!(matches!(f.vault.today_prompt(), Err(Error::Damaged(_))));
    assert!(matches!(f.vault.set_auto_lock_seconds(60), Err(Error::Damaged(_))));
    // With no delay to read, going to the background locks at once.
    let now = mend_core::Timestamp::from_ms(f.clock.now_ms());
    assert!(f.vault.lock_if_due(now).unwrap());
    f.vault.unlock(PASSCODE).unwrap();

    f.vault.choose_role_again(mend_core::Role::Hurt).unwrap();
    assert!(!f.vault.check().unwrap().settings_lost);
    assert_eq!(f.vault.role().unwrap(), mend_core::Role::Hurt);
    assert!(!f.vault.recovery_code_confirmed().unwrap());
    assert!(f.vault.today_prompt().is_ok());
    assert!(matches!(
        f.vault.choose_role_again(mend_core::Role::Repairing),
        Err(Error::AlreadyExists)
    ));
    f.vault.lock();
    let v = f.reopen();
    v.unlock(PASSCODE).unwrap();
    assert_eq!(v.role().unwrap(), mend_core::Role::Hurt);
    assert!(!v.check().unwrap().settings_lost);
}

#[test]
fn discreet_mode_is_kept_sealed_and_still_known_on_the_lock_screen() {
    let f = Fixture::new();
    assert!(!f.vault.discreet_mode().unwrap());
    f.vault.set_discreet_mode(true).unwrap();
    assert!(f.vault.discreet_mode().unwrap());
    // Locked, and after a restart: still discreet, without the passcode.
    f.vault.lock();
    assert!(f.vault.discreet_mode().unwrap());
    let reopened = f.reopen();
    assert!(reopened.discreet_mode().unwrap());
    // The file itself says nothing: the setting is inside the sealed settings record.
    let files = raw_files(&f.path());
    assert!(files.iter().all(|(_, bytes)| count_hits(bytes, b"discreet") == 0));
    reopened.unlock(PASSCODE).unwrap();
    reopened.set_discreet_mode(false).unwrap();
    reopened.lock();
    assert!(!reopened.discreet_mode().unwrap());
    // A key store without the copy (another phone's) says "not discreet" until the next unlock.
    reopened.unlock(PASSCODE).unwrap();
    reopened.set_discreet_mode(true).unwrap();
    reopened.lock();
    f.device.forget_records();
    assert!(!reopened.discreet_mode().unwrap());
    reopened.unlock(PASSCODE).unwrap();
    reopened.lock();
    assert!(reopened.discreet_mode().unwrap());
}

#[test]
fn biometric_unlock_opens_with_its_secret_counts_wrong_ones_and_ends_with_a_rekey() {
    let f = Fixture::new();
    f.vault.add_note(&draft("Kept", "behind a fingerprint")).unwrap();
    assert!(!f.vault.biometric_unlock_enabled().unwrap());
    let secret = f.vault.enable_biometric_unlock().unwrap();
    assert_eq!(secret.len(), 32);
    assert!(f.vault.biometric_unlock_enabled().unwrap());
    // The core keeps no copy: the secret is nowhere in the files.
    f.vault.lock();
    assert!(raw_files(&f.path()).iter().all(|(_, bytes)| count_hits(bytes, &secret) == 0));

    // After a restart the lock screen can offer it, and the secret opens the vault, with one
    // operation of the platform key as for a passcode.
    let reopened = f.reopen();
    assert!(reopened.biometric_unlock_enabled().unwrap());
    let before = f.device.derivations();
    reopened.unlock_with_biometric(&secret).unwrap();
    assert_eq!(f.device.derivations(), before + 1);
    assert_eq!(reopened.note_count().unwrap(), 1);
    reopened.lock();

    // A wrong secret is a failed attempt like a wrong passcode.
    let mut wrong = secret.to_vec();
    wrong[0] ^= 1;
    let left = reopened.unlock_status().unwrap().attempts_left;
    assert!(matches!(
        reopened.unlock_with_biometric(&wrong),
        Err(Error::WrongPasscode { attempts_left }) if attempts_left as i32 == left - 1
    ));
    reopened.unlock(PASSCODE).unwrap();

    // A passcode change removes it: the old secret opens nothing, and says why.
    reopened.change_passcode(PASSCODE, b"735153").unwrap();
    assert!(!reopened.biometric_unlock_enabled().unwrap());
    reopened.lock();
    assert!(matches!(reopened.unlock_with_biometric(&secret), Err(Error::NotFound)));
    reopened.unlock(b"735153").unwrap();

    // Switched on again, then off while locked (the platform's key was invalidated): the
    // passcode still works.
    let again = reopened.enable_biometric_unlock().unwrap();
    assert_ne!(again, secret);
    reopened.lock();
    reopened.disable_biometric_unlock().unwrap();
    assert!(matches!(reopened.unlock_with_biometric(&again), Err(Error::NotFound)));
    reopened.unlock(b"735153").unwrap();
    assert_eq!(reopened.note_count().unwrap(), 1);
}

#[test]
fn biometric_unlock_cannot_be_switched_on_while_locked() {
    let f = Fixture::new();
    f.vault.lock();
    assert!(matches!(f.vault.enable_biometric_unlock(), Err(Error::Locked)));
}

/// A key store whose key cannot be made (a phone whose keystore refuses), else a memory one.
struct RefusingKeyStore {
    refuse: std::sync::atomic::AtomicBool,
    inner: MemoryKeyStore,
}

impl mend_core::DeviceKeyStore for RefusingKeyStore {
    fn wrap(&self, alias: String, plain: Vec<u8>) -> Result<Vec<u8>, mend_core::DeviceKeyError> {
        if self.refuse.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(mend_core::DeviceKeyError::Unavailable);
        }
        self.inner.wrap(alias, plain)
    }
    fn unwrap(
        &self,
        alias: String,
        wrapped: Vec<u8>,
    ) -> Result<Vec<u8>, mend_core::DeviceKeyError> {
        self.inner.unwrap(alias, wrapped)
    }
    fn derive(&self, alias: String, input: Vec<u8>) -> Result<Vec<u8>, mend_core::DeviceKeyError> {
        self.inner.derive(alias, input)
    }
    fn destroy_key(&self, alias: String) -> Result<(), mend_core::DeviceKeyError> {
        self.inner.destroy_key(alias)
    }
    fn load_record(
        &self,
        alias: String,
        name: String,
    ) -> Result<Option<Vec<u8>>, mend_core::DeviceKeyError> {
        self.inner.load_record(alias, name)
    }
    fn store_record(
        &self,
        alias: String,
        name: String,
        value: Vec<u8>,
    ) -> Result<(), mend_core::DeviceKeyError> {
        self.inner.store_record(alias, name, value)
    }
}

#[test]
fn a_creation_the_key_store_refuses_leaves_nothing_and_can_be_tried_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault.db");
    let device = Arc::new(RefusingKeyStore { refuse: true.into(), inner: MemoryKeyStore::new() });
    let clock = Arc::new(mend_core::ManualClock::new(T0));
    let made = Vault::create(
        &path,
        PASSCODE,
        mend_core::Role::Hurt,
        TEST_KDF,
        device.clone(),
        clock.clone(),
    );
    assert!(matches!(made, Err(Error::DeviceKey(_))));
    assert!(!Vault::exists(&path));
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none(), "no file is left");
    device.refuse.store(false, std::sync::atomic::Ordering::SeqCst);
    let (vault, _) =
        Vault::create(&path, PASSCODE, mend_core::Role::Hurt, TEST_KDF, device, clock).unwrap();
    assert_eq!(vault.role().unwrap(), mend_core::Role::Hurt);
}

#[test]
fn a_creation_stopped_after_naming_its_key_opens_as_erased_and_erasing_destroys_the_key() {
    let f = Fixture::new();
    let path = f.path();
    f.vault.lock();
    // What a creation stopped between naming its key and writing the slots leaves: the row,
    // no slots.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute("DELETE FROM key_slot", []).unwrap();
    }
    let reopened = f.reopen();
    assert_eq!(reopened.lock_state(), mend_core::LockState::Erased);
    assert_eq!(f.device.key_count(), 1);
    reopened.erase().unwrap();
    assert_eq!(f.device.key_count(), 0, "erasing destroys the key the row names");
    assert!(!Vault::exists(&path));
}
