//! Vault benchmarks, each against plain SQLite doing the same plaintext work in the same run.
//!
//! A vault and a plain table of 10,000 notes (~1 KB bodies) are built once. Measured: adding
//! a note, listing the newest 50, searching two words, opening and unlocking (without the
//! KDF: the vault uses minimal Argon2id parameters through the normal slot path), rekeying
//! (a passcode change reseals every note), and the KDF alone at the default parameters. `scripts/bench-summary.py` prints the ratios.

#![allow(missing_docs, clippy::unwrap_used)]

mod baseline;

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use mend_core::crypto::kdf;
use mend_core::{
    KdfParams, ManualClock, MemoryKeyStore, NoteDraft, NoteQuery, Role, SystemClock, Vault,
};

const NOTES: usize = 10_000;
const PASSCODE: &[u8] = b"bench-passcode";
/// The smallest Argon2id parameters, so that unlock measures everything but the KDF.
const NO_KDF: KdfParams = KdfParams { memory_kib: 8, iterations: 1, parallelism: 1 };

const WORDS: &[&str] = &[
    "talked", "listened", "evening", "walk", "trust", "honest", "question", "answer", "hurt",
    "sorry", "dinner", "phone", "quiet", "tears", "morning", "therapy", "letter", "promise",
];

/// A deterministic note of about 1 KB; word `i % 97 == 0` notes mention "lighthouse".
pub fn note(i: usize) -> NoteDraft {
    let mut body = String::with_capacity(1100);
    let mut x = i as u64 * 2_654_435_761 + 1;
    while body.len() < 1000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        body.push_str(WORDS[(x % WORDS.len() as u64) as usize]);
        body.push(' ');
    }
    if i % 97 == 0 {
        body.push_str("lighthouse keeper");
    }
    NoteDraft {
        title: format!("Note {i}: {}", WORDS[i % WORDS.len()]),
        body,
        step: Some(1 + (i % 6) as i32),
        tags: vec![WORDS[(i * 7) % WORDS.len()].to_owned()],
    }
}

struct Setup {
    _dir: tempfile::TempDir,
    vault: Vault,
    device: Arc<MemoryKeyStore>,
    vault_path: std::path::PathBuf,
    plain: baseline::Plain,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let vault_path = dir.path().join("vault.db");
    let device = Arc::new(MemoryKeyStore::new());
    let clock = Arc::new(ManualClock::new(1_767_225_600_000));
    let (vault, _) = Vault::create(
        &vault_path,
        PASSCODE,
        Role::Repairing,
        NO_KDF,
        device.clone(),
        clock.clone(),
    )
    .unwrap();
    let plain = baseline::Plain::create(&dir.path().join("plain.db"));
    for i in 0..NOTES {
        clock.advance(60_000);
        let d = note(i);
        vault.add_note(&d).unwrap();
        plain.add(&d, clock_ms(&clock));
    }
    vault.lock();
    vault.unlock(PASSCODE).unwrap();
    Setup { _dir: dir, vault, device, vault_path, plain }
}

fn clock_ms(clock: &ManualClock) -> i64 {
    mend_core::Clock::now_ms(clock)
}

fn benches(c: &mut Criterion) {
    let s = setup();
    let all = NoteQuery::default();

    let mut g = c.benchmark_group("list_newest_50");
    g.bench_function("mend", |b| b.iter(|| black_box(s.vault.notes(&all, 0, 50).unwrap())));
    g.bench_function("sqlite", |b| b.iter(|| black_box(s.plain.newest(50))));
    g.finish();

    let mut g = c.benchmark_group("search_two_words");
    g.bench_function("mend", |b| {
        b.iter(|| black_box(s.vault.notes(&search("lighthouse KEEPER"), 0, 50).unwrap()))
    });
    g.bench_function("sqlite", |b| {
        b.iter(|| black_box(s.plain.search(&["lighthouse", "keeper"], 50)))
    });
    g.bench_function("mend_first_after_unlock", |b| {
        b.iter_batched(
            || {
                s.vault.lock();
                s.vault.unlock(PASSCODE).unwrap();
            },
            |()| black_box(s.vault.notes(&search("lighthouse keeper"), 0, 50).unwrap()),
            BatchSize::PerIteration,
        )
    });
    g.finish();

    // Opening, not closing: both sides hand back what they loaded, and its drop (for Mend the
    // lock: wiping the index and checkpointing) is timed apart, in `lock_after_unlock`.
    let mut g = c.benchmark_group("open_unlock_without_kdf");
    g.bench_function("mend", |b| {
        b.iter_with_large_drop(|| {
            let v = Vault::open(&s.vault_path, s.device.clone(), Arc::new(SystemClock)).unwrap();
            v.unlock(PASSCODE).unwrap();
            black_box(v.note_count().unwrap());
            v
        })
    });
    g.bench_function("sqlite", |b| {
        b.iter_with_large_drop(|| black_box(baseline::Plain::open_and_load(s.plain.path())))
    });
    g.finish();

    let mut g = c.benchmark_group("lock_after_unlock");
    g.bench_function("mend", |b| {
        b.iter_batched(
            || {
                let v = Vault::open(&s.vault_path, s.device.clone(), Arc::new(SystemClock));
                let v = v.unwrap();
                v.unlock(PASSCODE).unwrap();
                v
            },
            |v| v.lock(),
            BatchSize::PerIteration,
        )
    });
    g.finish();

    // A passcode change rekeys: every note resealed under a new data key in one transaction
    // (with the minimal KDF, so the two slot derivations cost nearly nothing here; the KDF
    // alone is `passcode_kdf`). The baseline reads and rewrites every row in one transaction.
    let mut g = c.benchmark_group("rekey");
    g.sample_size(10);
    let passcodes: [&[u8]; 2] = [PASSCODE, b"bench-passcode-2"];
    let mut turn = 0;
    g.bench_function("mend", |b| {
        b.iter(|| {
            let (from, to) = (passcodes[turn % 2], passcodes[(turn + 1) % 2]);
            turn += 1;
            black_box(s.vault.change_passcode(from, to).unwrap())
        })
    });
    if turn % 2 == 1 {
        s.vault.change_passcode(passcodes[1], PASSCODE).unwrap();
    }
    g.bench_function("sqlite", |b| b.iter(|| s.plain.rewrite_all()));
    g.finish();

    // Last, because it grows both databases.
    let mut g = c.benchmark_group("add_note");
    let mut i = NOTES;
    g.bench_function("mend", |b| {
        b.iter(|| {
            i += 1;
            s.vault.add_note(&note(i)).unwrap()
        })
    });
    g.bench_function("sqlite", |b| {
        b.iter(|| {
            i += 1;
            s.plain.add(&note(i), i as i64)
        })
    });
    g.finish();

    let mut g = c.benchmark_group("passcode_kdf");
    g.sample_size(10);
    g.bench_function("argon2id_default", |b| {
        b.iter(|| black_box(kdf::stretch(KdfParams::DEFAULT, PASSCODE, &[7u8; 16]).unwrap()))
    });
    g.finish();
}

/// Today's prompt and progress on a vault with two years of daily practice and check-ins.
fn program_benches(c: &mut Criterion) {
    use mend_core::calendar::FixedOffset;
    use mend_core::tools::{CheckIn, ToolEntry};
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(1_704_067_200_000)); // 2024-01-01
    let (vault, _) = Vault::create(
        &dir.path().join("vault.db"),
        PASSCODE,
        Role::Repairing,
        NO_KDF,
        Arc::new(MemoryKeyStore::new()),
        clock.clone(),
    )
    .unwrap();
    vault.set_time_zone(std::sync::Arc::new(FixedOffset(3600)));
    for i in 0..730 {
        let today = vault.today_prompt().unwrap();
        if i % 5 != 0 {
            vault.complete_prompt(&today.prompt.id, Some("We talked for a while.")).unwrap();
        }
        let check_in =
            CheckIn { date: today.date, safety: 5, trust: 4, connection: 6, note: String::new() };
        vault.add_entry(&ToolEntry::CheckIn(check_in)).unwrap();
        clock.advance(86_400_000);
    }
    vault.today_prompt().unwrap();
    let mut g = c.benchmark_group("program_two_years");
    g.bench_function("today", |b| b.iter(|| black_box(vault.today_prompt().unwrap())));
    g.bench_function("progress", |b| b.iter(|| black_box(vault.progress().unwrap())));
    g.bench_function("today_and_progress", |b| {
        b.iter(|| black_box((vault.today_prompt().unwrap(), vault.progress().unwrap())))
    });
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! { name = vault; config = config(); targets = benches, program_benches }
criterion_main!(vault);

/// A query for notes containing `words`.
fn search(words: &str) -> NoteQuery {
    NoteQuery { words: Some(words.into()), ..NoteQuery::default() }
}
