//! The cost of crossing the FFI, Rust side: the same calls the Kotlin benchmark
//! (tests/kotlin/FfiBench.kt) makes, through mend-ffi's Rust API on a vault of 10,000 notes.
//! tests/ffi-bench.sh runs both and prints the Kotlin/Rust ratio.

#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use mend_ffi::{KdfParams, NoteDraft, NoteQuery, Role, create_vault, file_device_key_store};

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = file_device_key_store(dir.path().join("device.key").display().to_string());
    let kdf = KdfParams { memory_kib: 8, iterations: 1, parallelism: 1 };
    let path = dir.path().join("vault.db").display().to_string();
    let vault =
        create_vault(path, b"bench-passcode".to_vec(), Role::Repairing, kdf, store).unwrap().vault;
    for i in 0..10_000 {
        let draft = NoteDraft {
            title: format!("Note {i}: an evening walk"),
            body: "We talked about the week and listened. ".repeat(25),
            step: Some(1 + (i % 6)),
            tags: vec![format!("tag{}", i % 7)],
        };
        vault.add_note(draft).unwrap();
    }
    let step = NoteQuery { step: Some(3), ..NoteQuery::default() };
    let mut g = c.benchmark_group("ffi_rust");
    g.bench_function("is_unlocked", |b| b.iter(|| black_box(vault.is_unlocked())));
    g.bench_function("list_50", |b| {
        b.iter(|| black_box(vault.notes(NoteQuery::default(), 0, 50).unwrap()))
    });
    g.bench_function("list_50_filtered", |b| {
        b.iter(|| black_box(vault.notes(step.clone(), 0, 50).unwrap()))
    });
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! { name = ffi; config = config(); targets = benches }
criterion_main!(ffi);
