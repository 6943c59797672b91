//! The language engine on a 5,000-word remorse letter (its target: under 5 ms to check it
//! all, danger and phrasing, docs/PERFORMANCE.md), and saving a note with the safety check
//! against saving it without one, in the same run: plain SQLite inserting the same note, and a
//! naive matcher (lower-casing the letter and searching it for each of a few hundred fixed
//! phrases, as the letter check once did) as the baseline for reading text.

#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use mend_core::language;
use rusqlite::Connection;

/// A letter of about 5,000 words, from the tuning corpus's letter sentences (harmful and
/// accountable alike), repeated as needed.
fn letter() -> String {
    let corpus = include_str!("../tests/data/language/tuning/letter.tsv");
    let sentences: Vec<&str> = corpus
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(_, t)| t))
        .collect();
    let mut out = String::new();
    let mut words = 0;
    for s in sentences.iter().cycle() {
        if words >= 5_000 {
            break;
        }
        out.push_str(s);
        out.push(' ');
        words += s.split_whitespace().count();
    }
    out
}

/// The phrases a naive matcher would look for: the content words of a few hundred sentences.
fn phrases() -> Vec<String> {
    let corpus = include_str!("../tests/data/language/tuning/danger.tsv");
    corpus
        .lines()
        .filter_map(|l| l.split_once('\t').map(|(_, t)| t))
        .take(400)
        .map(|t| t.split_whitespace().take(3).collect::<Vec<_>>().join(" ").to_lowercase())
        .collect()
}

fn benches(c: &mut Criterion) {
    let text = letter();
    // Compiled once, as in the app (the first check pays for it).
    language::read("warm up").unwrap();
    let mut g = c.benchmark_group("letter_5000_words");
    g.bench_function("mend", |b| b.iter(|| black_box(language::read(black_box(&text)).unwrap())));
    let phrases = phrases();
    g.bench_function("naive_phrases", |b| {
        b.iter(|| {
            let lower = black_box(&text).to_lowercase();
            black_box(phrases.iter().filter(|p| lower.contains(p.as_str())).count())
        })
    });
    g.finish();

    let note = "I keep thinking about what you said last night, and I want to write it down before I forget it.";
    let mut g = c.benchmark_group("one_note_read_for_danger");
    g.bench_function("mend", |b| {
        b.iter(|| black_box(language::danger_in(black_box(note)).unwrap()))
    });
    let db = Connection::open_in_memory().unwrap();
    db.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)").unwrap();
    g.bench_function("sqlite_insert", |b| {
        b.iter(|| db.execute("INSERT INTO notes (body) VALUES (?1)", [black_box(note)]).unwrap())
    });
    g.finish();
}

criterion_group!(language_benches, benches);
criterion_main!(language_benches);
