//! The apps' view of a vault from several threads: the lock state answers at once while an
//! unlock derives its key or the search cache is built, a lock during an unlock wins, and a
//! listener hears every change (with no content).

#![allow(clippy::unwrap_used)]

mod common;

use std::sync::mpsc;
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

use common::*;
use mend_core::tools::ToolKind;
use mend_core::{
    Clock, DataChange, DeviceKeyError, DeviceKeyStore, Error, KdfParams, LockState, ManualClock,
    MemoryKeyStore, NoteDraft, NoteQuery, Role, Vault, VaultListener,
};

/// A key store whose unwrap waits at a barrier, so a test can act while an unlock is under way.
struct PausingKeyStore {
    inner: MemoryKeyStore,
    pause: Mutex<Option<Arc<Barrier>>>,
}

type KeyResult<T> = Result<T, DeviceKeyError>;

impl DeviceKeyStore for PausingKeyStore {
    fn wrap(&self, alias: String, plain: Vec<u8>) -> KeyResult<Vec<u8>> {
        self.inner.wrap(alias, plain)
    }
    fn unwrap(&self, alias: String, wrapped: Vec<u8>) -> KeyResult<Vec<u8>> {
        let pause = self.pause.lock().unwrap().take();
        if let Some(barrier) = pause {
            barrier.wait(); // the unlock has started
            barrier.wait(); // the test has looked
        }
        self.inner.unwrap(alias, wrapped)
    }
    fn derive(&self, alias: String, input: Vec<u8>) -> KeyResult<Vec<u8>> {
        self.inner.derive(alias, input)
    }
    fn destroy_key(&self, alias: String) -> KeyResult<()> {
        self.inner.destroy_key(alias)
    }
    fn load_record(&self, alias: String, name: String) -> KeyResult<Option<Vec<u8>>> {
        self.inner.load_record(alias, name)
    }
    fn store_record(&self, alias: String, name: String, value: Vec<u8>) -> KeyResult<()> {
        self.inner.store_record(alias, name, value)
    }
}

fn vault_with(kdf: KdfParams, device: Arc<dyn DeviceKeyStore>) -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = Vault::create(
        &dir.path().join("vault.db"),
        PASSCODE,
        Role::Repairing,
        kdf,
        device,
        Arc::new(ManualClock::new(T0)),
    )
    .unwrap();
    vault.lock();
    (dir, vault)
}

/// Runs `f` on another thread and fails the test if it does not answer within a second.
fn answers_promptly<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || tx.send(f()).unwrap());
    rx.recv_timeout(Duration::from_secs(1)).expect("blocked behind the unlock")
}

#[test]
fn the_lock_state_and_lists_answer_while_an_unlock_is_under_way() {
    let barrier = Arc::new(Barrier::new(2));
    let device =
        Arc::new(PausingKeyStore { inner: MemoryKeyStore::new(), pause: Mutex::new(None) });
    let (_dir, vault) = vault_with(TEST_KDF, device.clone());
    let vault = Arc::new(vault);
    *device.pause.lock().unwrap() = Some(barrier.clone());
    let unlocking = {
        let vault = vault.clone();
        std::thread::spawn(move || vault.unlock(PASSCODE))
    };
    barrier.wait(); // the unlock is inside, past its first look at the file
    let v = vault.clone();
    let (state, status, list) = answers_promptly(move || {
        (v.lock_state(), v.unlock_status(), v.notes(&NoteQuery::default(), 0, 10))
    });
    assert_eq!(state, LockState::Locked);
    assert_eq!(status.unwrap().failed_attempts, 0);
    assert!(matches!(list, Err(Error::Locked)));
    barrier.wait();
    unlocking.join().unwrap().unwrap();
    assert!(vault.is_unlocked());
}

#[test]
fn is_unlocked_answers_at_once_during_the_key_derivation_and_the_search_build() {
    // Costly enough that the derivation takes a visible while.
    let slow = KdfParams { memory_kib: 32 * 1024, iterations: 4, parallelism: 1 };
    let (_dir, vault) = vault_with(slow, Arc::new(MemoryKeyStore::new()));
    let vault = Arc::new(vault);
    vault.unlock(PASSCODE).unwrap();
    for i in 0..400 {
        let body = format!("{i} {}", "words of a longer note ".repeat(200));
        vault.add_note(&NoteDraft { title: format!("n{i}"), body, ..Default::default() }).unwrap();
    }
    vault.lock();
    let started = Instant::now();
    let unlocking = {
        let vault = vault.clone();
        std::thread::spawn(move || {
            vault.unlock(PASSCODE).unwrap();
            vault.prepare_search().unwrap();
        })
    };
    let mut slowest = Duration::ZERO;
    let mut answers = 0;
    while !unlocking.is_finished() {
        let asked = Instant::now();
        let _ = vault.is_unlocked();
        let _ = vault.lock_state();
        slowest = slowest.max(asked.elapsed());
        answers += 1;
        std::thread::sleep(Duration::from_millis(1));
    }
    unlocking.join().unwrap();
    let took = started.elapsed();
    assert!(vault.is_unlocked());
    assert!(answers > 5, "the unlock took {took:?} and was asked only {answers} times");
    assert!(slowest < took / 4, "slowest answer {slowest:?} while the unlock took {took:?}");
    let found = vault.notes(&NoteQuery { words: Some("n399".into()), ..Default::default() }, 0, 5);
    assert_eq!(found.unwrap().total, 1);
}

#[test]
fn a_lock_during_an_unlock_wins() {
    let barrier = Arc::new(Barrier::new(2));
    let device =
        Arc::new(PausingKeyStore { inner: MemoryKeyStore::new(), pause: Mutex::new(None) });
    let (_dir, vault) = vault_with(TEST_KDF, device.clone());
    let vault = Arc::new(vault);
    *device.pause.lock().unwrap() = Some(barrier.clone());
    let unlocking = {
        let vault = vault.clone();
        std::thread::spawn(move || vault.unlock(PASSCODE))
    };
    barrier.wait();
    vault.lock(); // the app went to the background
    barrier.wait();
    assert!(matches!(unlocking.join().unwrap(), Err(Error::Locked)));
    assert_eq!(vault.lock_state(), LockState::Locked);
    // The right passcode was not a failure.
    assert_eq!(vault.unlock_status().unwrap().failed_attempts, 0);
}

#[derive(Default)]
struct Recorder {
    heard: Mutex<Vec<String>>,
}

impl VaultListener for Recorder {
    fn lock_state_changed(&self, state: LockState) {
        self.heard.lock().unwrap().push(format!("{state:?}"));
    }
    fn data_changed(&self, change: DataChange) {
        self.heard.lock().unwrap().push(format!("{change:?}"));
    }
}

impl Recorder {
    fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.heard.lock().unwrap())
    }
}

#[test]
fn a_listener_hears_lock_states_and_which_data_changed() {
    let f = Fixture::new();
    let heard = Arc::new(Recorder::default());
    f.vault.set_listener(Some(heard.clone()));
    let note = f.vault.add_note(&draft("t", "b")).unwrap();
    f.vault.edit_note(&note.note.id, &draft("t2", "b")).unwrap();
    f.vault.delete_note(&note.note.id).unwrap();
    assert_eq!(heard.take(), ["Notes", "Notes", "Notes"]);
    // Looking at today's prompt records nothing; settling it does.
    let prompt = f.vault.today_prompt().unwrap();
    f.vault.today_prompt().unwrap();
    f.vault.skip_prompt(&prompt.prompt.id).unwrap();
    let checked = f.vault.check_in(5, 5, 5, "").unwrap();
    f.vault.delete_entry(&checked.record.id).unwrap();
    assert_eq!(
        heard.take(),
        [
            "Practice".to_owned(),
            format!("{:?}", DataChange::Tool { kind: ToolKind::CheckIns }),
            format!("{:?}", DataChange::Tool { kind: ToolKind::CheckIns }),
        ]
    );
    f.vault.lock();
    f.vault.lock();
    f.vault.unlock(PASSCODE).unwrap();
    f.vault.confirm_recovery_code().unwrap();
    f.vault.erase().unwrap();
    assert_eq!(heard.take(), ["Locked", "Unlocked", "Settings", "Erased"]);
    assert!(matches!(f.vault.unlock(PASSCODE), Err(Error::Closed)));
    assert_eq!(f.vault.lock_state(), LockState::Erased);
}

#[test]
fn the_auto_lock_delay_is_one_of_the_choices_and_kept_sealed() {
    let f = Fixture::new();
    assert_eq!(f.vault.auto_lock_seconds().unwrap(), 60);
    f.vault.set_auto_lock_seconds(300).unwrap();
    assert!(matches!(
        f.vault.set_auto_lock_seconds(301),
        Err(Error::InvalidInput { field: mend_core::InputField::AutoLock, .. })
    ));
    assert_eq!(mend_core::limits().auto_lock_choices_seconds, [0, 30, 60, 300, 900]);
    f.vault.lock();
    assert!(matches!(f.vault.auto_lock_seconds(), Err(Error::Locked)));
    let v = f.reopen();
    v.unlock(PASSCODE).unwrap();
    assert_eq!(v.auto_lock_seconds().unwrap(), 300);
    // Back from the background: locked only once the delay has passed.
    let left_at = mend_core::Timestamp::from_ms(f.clock.now_ms());
    f.clock.advance(299_999);
    assert!(!v.lock_if_due(left_at).unwrap());
    assert!(v.is_unlocked());
    f.clock.advance(1);
    assert!(v.lock_if_due(left_at).unwrap());
    assert_eq!(v.lock_state(), LockState::Locked);
    assert!(!v.lock_if_due(left_at).unwrap(), "already locked");
}

#[test]
fn the_recovery_code_counts_as_unconfirmed_until_the_person_confirms_it() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, code) = Vault::create(
        &dir.path().join("vault.db"),
        PASSCODE,
        Role::Hurt,
        TEST_KDF,
        Arc::new(MemoryKeyStore::new()),
        Arc::new(ManualClock::new(T0)),
    )
    .unwrap();
    assert!(!vault.recovery_code_confirmed().unwrap());
    vault.confirm_recovery_code().unwrap();
    assert!(vault.recovery_code_confirmed().unwrap());
    // A new code replaces the old one and must be confirmed again.
    let fresh = vault.new_recovery_code().unwrap();
    assert!(!vault.recovery_code_confirmed().unwrap());
    vault.lock();
    assert!(matches!(
        vault.recover(&code.display(), b"another-passcode"),
        Err(Error::WrongRecoveryCode { .. })
    ));
    let next = vault.recover(&fresh.display(), b"another-passcode").unwrap();
    assert!(vault.is_unlocked());
    assert!(!vault.recovery_code_confirmed().unwrap());
    vault.lock();
    vault.unlock(b"another-passcode").unwrap();
    assert!(!vault.recovery_code_confirmed().unwrap(), "kept across lock and unlock");
    assert_ne!(*next.display(), *fresh.display());
}
