//! Backup and restore of 10,000 notes (~1 KB bodies), against plain SQLite copying the same
//! notes in the same run (`VACUUM INTO` a new file; attaching that copy and inserting every
//! row into a new database), and the peak memory each takes beyond what the vault already
//! held, at 2,500 and at 10,000 notes (counted by an instrumented allocator): it must not
//! grow with the vault's size beyond a chunk.
//!
//! The vault uses minimal Argon2id parameters (for its passcode and the backup's passphrase)
//! so that the times are the streaming, sealing and writing, not the key derivation (which
//! `vault` measures on its own).

#![allow(missing_docs, clippy::unwrap_used)]

use std::alloc::System;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use mend_core::backup::{self, NoProgress, Restore};
use mend_core::{KdfParams, ManualClock, MemoryKeyStore, NoteDraft, Role, Vault};
use peakmem_alloc::{INSTRUMENTED_SYSTEM, PeakMemAlloc, PeakMemAllocTrait};
use rusqlite::Connection;

const PASSCODE: &[u8] = b"bench-passcode";
const PHRASE: &[u8] = b"a long backup passphrase";
const NO_KDF: KdfParams = KdfParams { memory_kib: 8, iterations: 1, parallelism: 1 };
const WORDS: &[&str] = &["talked", "listened", "evening", "walk", "trust", "honest", "question"];

fn note(i: usize) -> NoteDraft {
    let mut body = String::with_capacity(1100);
    let mut x = i as u64 * 2_654_435_761 + 1;
    while body.len() < 1000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        body.push_str(WORDS[(x % WORDS.len() as u64) as usize]);
        body.push(' ');
    }
    NoteDraft { title: format!("Note {i}"), body, step: Some(1 + (i % 6) as i32), tags: vec![] }
}

struct Setup {
    dir: tempfile::TempDir,
    vault: Vault,
    plain: std::path::PathBuf,
    backup: std::path::PathBuf,
}

fn setup(notes: usize) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(1_767_225_600_000));
    let (vault, _) = Vault::create(
        &dir.path().join("vault.db"),
        PASSCODE,
        Role::Repairing,
        NO_KDF,
        Arc::new(MemoryKeyStore::new()),
        clock.clone(),
    )
    .unwrap();
    let plain = dir.path().join("plain.db");
    let conn = Connection::open(&plain).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
         CREATE TABLE note (id INTEGER PRIMARY KEY, title TEXT, body TEXT, step INTEGER, created INTEGER);",
    )
    .unwrap();
    for i in 0..notes {
        clock.advance(60_000);
        let d = note(i);
        vault.add_note(&d).unwrap();
        conn.execute(
            "INSERT INTO note (title, body, step, created) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![d.title, d.body, d.step, i as i64],
        )
        .unwrap();
    }
    let backup = dir.path().join("vault.backup");
    vault.backup(&backup, PHRASE, NO_KDF, &NoProgress).unwrap();
    Setup { dir, vault, plain, backup }
}

fn restore_to(s: &Setup, path: &Path) -> Vault {
    let what =
        Restore { backup: &s.backup, passphrase: PHRASE, path, passcode: PASSCODE, kdf: NO_KDF };
    backup::restore(
        &what,
        Arc::new(MemoryKeyStore::new()),
        Arc::new(ManualClock::new(0)),
        &NoProgress,
    )
    .unwrap()
    .0
}

fn remove(path: &Path) {
    for file in mend_core::store::db::files(path) {
        let _ = std::fs::remove_file(file);
    }
}

/// Counts the bytes the Rust code holds (SQLite allocates on its own, within its page cache).
#[global_allocator]
static ALLOCATED: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

/// The most memory `work` held at once beyond what was held before it, in KiB.
fn peak_beyond<T>(work: impl FnOnce() -> T) -> (usize, T) {
    ALLOCATED.reset_peak_memory();
    let out = work();
    (ALLOCATED.get_peak_memory() / 1024, out)
}

fn memory() {
    for notes in [2_500, 10_000] {
        let s = setup(notes);
        let dest = s.dir.path().join("again.backup");
        let (peak, _) = peak_beyond(|| s.vault.backup(&dest, PHRASE, NO_KDF, &NoProgress).unwrap());
        println!(
            "memory/backup/{notes}: peak {peak} KiB beyond the unlocked vault (Rust allocations)"
        );
        let target = s.dir.path().join("restored.db");
        let (peak, restored) = peak_beyond(|| restore_to(&s, &target));
        // What any unlock of that vault holds (its index), for comparison.
        restored.lock();
        let (unlock, _) = peak_beyond(|| restored.unlock(PASSCODE).unwrap());
        println!(
            "memory/restore/{notes}: peak {peak} KiB; unlocking the restored vault alone: {unlock} KiB"
        );
    }
}

fn benches(c: &mut Criterion) {
    memory();
    let s = setup(10_000);
    let mut g = c.benchmark_group("backup_10000_notes");
    let dest = s.dir.path().join("bench.backup");
    g.bench_function("mend", |b| {
        b.iter_batched(
            || {
                let _ = std::fs::remove_file(&dest);
            },
            |()| s.vault.backup(&dest, PHRASE, NO_KDF, &NoProgress).unwrap(),
            BatchSize::PerIteration,
        )
    });
    let copy = s.dir.path().join("copy.db");
    g.bench_function("sqlite_vacuum_into", |b| {
        let conn = Connection::open(&s.plain).unwrap();
        b.iter_batched(
            || {
                let _ = std::fs::remove_file(&copy);
            },
            |()| conn.execute("VACUUM INTO ?1", [copy.to_str().unwrap()]).unwrap(),
            BatchSize::PerIteration,
        )
    });
    g.finish();

    let mut g = c.benchmark_group("restore_10000_notes");
    let target = s.dir.path().join("restored.db");
    g.bench_function("mend", |b| {
        b.iter_batched(
            || remove(&target),
            |()| drop(restore_to(&s, &target)),
            BatchSize::PerIteration,
        )
    });
    let fresh = s.dir.path().join("fresh.db");
    g.bench_function("sqlite_insert_from_copy", |b| {
        b.iter_batched(
            || remove(&fresh),
            |()| {
                let conn = Connection::open(&fresh).unwrap();
                conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;").unwrap();
                conn.execute("ATTACH ?1 AS source", [s.plain.to_str().unwrap()]).unwrap();
                conn.execute_batch(
                    "CREATE TABLE note (id INTEGER PRIMARY KEY, title TEXT, body TEXT, step INTEGER, created INTEGER);
                     INSERT INTO note SELECT * FROM source.note;",
                )
                .unwrap();
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(8))
}

criterion_group! { name = backup_benches; config = config(); targets = benches }
criterion_main!(backup_benches);
