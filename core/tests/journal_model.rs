//! Property test: random sequences of journal operations, locks, unlocks and reopens give
//! the same visible state as a plain in-memory model.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;

use common::*;
use mend_core::{Error, NoteDraft, NoteId, NoteQuery, Vault};
use proptest::prelude::*;

const WORDS: &[&str] = &["trust", "Évening", "walk", "café", "🙏", "question", "honest", "שלום"];

#[derive(Debug, Clone)]
enum Op {
    Add { title: usize, body: Vec<usize>, step: Option<i32>, tag: Option<usize> },
    Edit { pick: usize, body: Vec<usize>, step: Option<i32> },
    Delete { pick: usize },
    Advance { ms: i64 },
    Lock,
    Reopen,
}

fn op() -> impl Strategy<Value = Op> {
    let words = || prop::collection::vec(0..WORDS.len(), 0..5);
    let step = || prop::option::of(1i32..=6);
    prop_oneof![
        4 => (0..WORDS.len(), words(), step(), prop::option::of(0..3usize))
            .prop_map(|(title, body, step, tag)| Op::Add { title, body, step, tag }),
        2 => (any::<usize>(), words(), step()).prop_map(|(pick, body, step)| Op::Edit { pick, body, step }),
        1 => any::<usize>().prop_map(|pick| Op::Delete { pick }),
        1 => (0i64..5_000).prop_map(|ms| Op::Advance { ms }),
        1 => Just(Op::Lock),
        1 => Just(Op::Reopen),
    ]
}

#[derive(Debug, Clone, PartialEq)]
struct ModelNote {
    title: String,
    body: String,
    step: Option<i32>,
    tags: Vec<String>,
    created_ms: i64,
    seq: usize,
}

fn text(words: &[usize]) -> String {
    words.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ")
}

/// The model's newest-first order: by creation time, ties broken by the order of writing.
fn model_order(model: &BTreeMap<NoteId, ModelNote>) -> Vec<NoteId> {
    let mut ids: Vec<_> = model.iter().map(|(id, n)| (n.created_ms, n.seq, *id)).collect();
    ids.sort();
    ids.into_iter().rev().map(|(_, _, id)| id).collect()
}

fn check(vault: &Vault, model: &BTreeMap<NoteId, ModelNote>) {
    let page = vault.notes(&NoteQuery::default(), 0, 500).unwrap();
    let listed: Vec<NoteId> = page.notes.iter().map(|n| n.id).collect();
    assert_eq!(listed, model_order(model));
    for (id, m) in model {
        let n = vault.note(id).unwrap();
        assert_eq!(
            (&n.summary.title, &n.body, n.summary.step, &n.summary.tags, n.summary.created_at.ms()),
            (&m.title, &m.body, m.step, &m.tags, m.created_ms)
        );
    }
    for word in ["trust", "CAFÉ", "🙏 walk"] {
        let terms: Vec<String> = word.split_whitespace().map(str::to_lowercase).collect();
        let expected: Vec<NoteId> = model_order(model)
            .into_iter()
            .filter(|id| {
                let m = &model[id];
                let hay = format!("{} {} {}", m.title, m.body, m.tags.join(" ")).to_lowercase();
                terms.iter().all(|t| hay.contains(t.as_str()))
            })
            .collect();
        let found: Vec<NoteId> = vault
            .search_notes(word, &NoteQuery::default(), 0, 500)
            .unwrap()
            .notes
            .iter()
            .map(|n| n.id)
            .collect();
        assert_eq!(found, expected, "search {word}");
    }
    for step in 1..=6 {
        let filter = NoteQuery { step: Some(step), tag: None, words: None };
        let n = vault.notes(&filter, 0, 500).unwrap().total as usize;
        assert_eq!(n, model.values().filter(|m| m.step == Some(step)).count());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_journal_behaves_like_its_model(ops in prop::collection::vec(op(), 1..40)) {
        let f = Fixture::new();
        let mut vault = f.reopen();
        vault.unlock(PASSCODE).unwrap();
        let mut model: BTreeMap<NoteId, ModelNote> = BTreeMap::new();
        let mut written = 0usize;
        let pick = |model: &BTreeMap<NoteId, ModelNote>, i: usize| model.keys().nth(i % model.len().max(1)).copied();
        for op in ops {
            if !vault.is_unlocked() {
                prop_assert!(matches!(vault.note_count(), Err(Error::Locked)));
                vault.unlock(PASSCODE).unwrap();
            }
            match op {
                Op::Add { title, body, step, tag } => {
                    let d = NoteDraft {
                        title: WORDS[title].to_owned(),
                        body: text(&body),
                        step,
                        tags: tag.map(|t| vec![format!("tag{t}")]).unwrap_or_default(),
                    };
                    let s = vault.add_note(&d).unwrap();
                    model.insert(s.note.id, ModelNote {
                        title: d.title.clone(), body: d.body.clone(), step, tags: d.tags.clone(),
                        created_ms: s.note.created_at.ms(),
                        seq: written,
                    });
                    written += 1;
                }
                Op::Edit { pick: i, body, step } => {
                    if let Some(id) = pick(&model, i) {
                        let m = model.get_mut(&id).unwrap();
                        let d = NoteDraft { title: m.title.clone(), body: text(&body), step, tags: m.tags.clone() };
                        vault.edit_note(&id, &d).unwrap();
                        m.body = d.body.clone();
                        m.step = step;
                    }
                }
                Op::Delete { pick: i } => {
                    if let Some(id) = pick(&model, i) {
                        vault.delete_note(&id).unwrap();
                        model.remove(&id);
                    }
                }
                Op::Advance { ms } => f.clock.advance(ms),
                Op::Lock => vault.lock(),
                Op::Reopen => {
                    vault = f.reopen();
                    vault.unlock(PASSCODE).unwrap();
                }
            }
            if vault.is_unlocked() {
                check(&vault, &model);
            }
        }
    }
}
