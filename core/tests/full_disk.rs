//! A full disk: writes fail with a clear error, nothing acknowledged is lost, and the vault
//! keeps working once space is free again. Runs on a small tmpfs; needs root to mount it
//! (CI has it) and says so plainly where it cannot run.

#![allow(clippy::unwrap_used)]

mod common;

use std::process::Command;
use std::sync::Arc;

use common::*;
use mend_core::{Error, ManualClock, MemoryKeyStore, NoteDraft, NoteQuery, Role, Vault};

struct Tmpfs(tempfile::TempDir);

impl Tmpfs {
    fn mount(size: &str) -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Self(dir))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0.path()).status();
    }
}

#[test]
fn a_full_disk_gives_a_clear_error_and_loses_nothing() {
    let Some(fs) = Tmpfs::mount("1m") else {
        eprintln!(
            "SKIPPED: cannot mount a tmpfs here (needs root); the full-disk test did not run"
        );
        if std::env::var_os("CI").is_some() {
            panic!("CI must run the full-disk test");
        }
        return;
    };
    let path = fs.0.path().join("vault.db");
    // Something else on the disk, to be removed later to free space.
    let filler = fs.0.path().join("other-app-data");
    std::fs::write(&filler, vec![0u8; 256 * 1024]).unwrap();
    let device = Arc::new(MemoryKeyStore::new());
    let clock = Arc::new(ManualClock::new(T0));
    let (vault, _) =
        Vault::create(&path, PASSCODE, Role::Hurt, TEST_KDF, device.clone(), clock.clone())
            .unwrap();
    let mut kept = Vec::new();
    let full = loop {
        let d = NoteDraft { body: "x".repeat(20_000), ..draft(&format!("n{}", kept.len()), "") };
        match vault.add_note(&d) {
            Ok(s) => kept.push(s.note.id),
            Err(e) => break e,
        }
        assert!(kept.len() < 1000, "the disk never filled up");
    };
    assert!(matches!(full, Error::StorageFull), "expected StorageFull, got {full:?}");
    assert!(!kept.is_empty());
    // Everything acknowledged is still there, in memory and on disk.
    assert_eq!(vault.note_count().unwrap() as usize, kept.len());
    vault.lock();
    drop(vault);
    let vault = Vault::open(&path, device.clone(), clock.clone()).unwrap();
    vault.unlock(PASSCODE).unwrap();
    let page = vault.notes(&NoteQuery::default(), 0, 500).unwrap();
    assert_eq!(page.total as usize, kept.len());
    for id in &kept {
        assert_eq!(vault.note(id).unwrap().body.len(), 20_000);
    }
    // Once space is freed elsewhere, writing and deleting go on.
    std::fs::remove_file(&filler).unwrap();
    let after = vault.add_note(&draft("after", "space was freed")).unwrap();
    vault.delete_note(&kept[0]).unwrap();
    assert_eq!(vault.note(&after.note.id).unwrap().body, "space was freed");
    assert_eq!(vault.note_count().unwrap() as usize, kept.len());
}
