//! The journal's behaviour: writing, editing, deleting, listing, filtering, paging, search.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use mend_core::{Error, InputField, InputProblem, NoteDraft, NoteId, NoteQuery};

fn tagged(title: &str, body: &str, step: Option<i32>, tags: &[&str]) -> NoteDraft {
    NoteDraft {
        title: title.into(),
        body: body.into(),
        step,
        tags: tags.iter().map(|t| t.to_string()).collect(),
    }
}

#[test]
fn notes_are_listed_newest_first_with_paging_and_totals() {
    let f = Fixture::new();
    let mut ids = Vec::new();
    for i in 0..120 {
        f.clock.advance(1_000);
        ids.push(f.vault.add_note(&draft(&format!("note {i}"), "b")).unwrap().note.id);
    }
    let all = NoteQuery::default();
    let first = f.vault.notes(&all, 0, 50).unwrap();
    assert_eq!(first.total, 120);
    assert_eq!(first.notes.len(), 50);
    assert_eq!(first.notes[0].id, ids[119]);
    assert_eq!(first.notes[49].id, ids[70]);
    let last = f.vault.notes(&all, 100, 50).unwrap();
    assert_eq!(last.notes.len(), 20);
    assert_eq!(last.notes[19].id, ids[0]);
    assert!(f.vault.notes(&all, 500, 50).unwrap().notes.is_empty());
    for bad in [0, 501, -1] {
        assert!(matches!(
            f.vault.notes(&all, 0, bad),
            Err(Error::InvalidInput { field: InputField::PageLimit, .. })
        ));
    }
}

#[test]
fn filters_by_step_and_tag_ignoring_case() {
    let f = Fixture::new();
    f.vault.add_note(&tagged("a", "", Some(1), &["Evening"])).unwrap();
    f.vault.add_note(&tagged("b", "", Some(2), &["evening", "walk"])).unwrap();
    f.vault.add_note(&tagged("c", "", Some(2), &["Morning"])).unwrap();
    f.vault.add_note(&tagged("d", "", None, &[])).unwrap();
    let titles = |filter: NoteQuery| {
        let mut t: Vec<String> =
            f.vault.notes(&filter, 0, 50).unwrap().notes.into_iter().map(|n| n.title).collect();
        t.sort();
        t
    };
    assert_eq!(titles(NoteQuery { step: Some(2), tag: None, words: None }), ["b", "c"]);
    assert_eq!(
        titles(NoteQuery { step: None, tag: Some("EVENING".into()), words: None }),
        ["a", "b"]
    );
    assert_eq!(
        titles(NoteQuery { step: Some(2), tag: Some("evening".into()), words: None }),
        ["b"]
    );
    assert!(titles(NoteQuery { step: Some(5), tag: None, words: None }).is_empty());
    assert!(matches!(
        f.vault.notes(&NoteQuery { step: Some(7), tag: None, words: None }, 0, 5),
        Err(Error::InvalidInput { field: InputField::Step, .. })
    ));
}

#[test]
fn search_matches_every_word_in_titles_tags_and_bodies_ignoring_case() {
    let f = Fixture::new();
    let walk =
        f.vault.add_note(&tagged("Évening walk", "Nous avons parlé calmement", None, &[])).unwrap();
    let hard = f
        .vault
        .add_note(&tagged(
            "Hard day",
            "Trigger at the café. Breathing helped.",
            Some(5),
            &["triggers"],
        ))
        .unwrap();
    let emoji = f.vault.add_note(&draft("💬 talk", "שלום — we listened 🙏")).unwrap();
    let all = NoteQuery::default();
    let ids = |q: &str| -> Vec<NoteId> {
        f.vault.search_notes(q, &all, 0, 50).unwrap().notes.into_iter().map(|n| n.id).collect()
    };
    f.vault.prepare_search().unwrap();
    assert_eq!(ids("ÉVENING"), [walk.note.id]);
    assert_eq!(ids("parlé CALMEMENT"), [walk.note.id]);
    assert_eq!(ids("café breathing"), [hard.note.id]);
    assert_eq!(ids("TRIGGERS"), [hard.note.id]);
    assert_eq!(ids("שלום 🙏"), [emoji.note.id]);
    assert!(ids("café walk").is_empty());
    // The cache follows edits and deletes.
    f.vault.edit_note(&hard.note.id, &draft("Hard day", "We walked instead")).unwrap();
    assert!(ids("café").is_empty());
    assert_eq!(ids("walked"), [hard.note.id]);
    f.vault.delete_note(&walk.note.id).unwrap();
    assert!(ids("parlé").is_empty());
    let added = f.vault.add_note(&draft("new", "parlé again")).unwrap();
    assert_eq!(ids("parlé"), [added.note.id]);
    // Search also filters.
    let step5 = NoteQuery { step: Some(5), tag: None, words: None };
    assert_eq!(f.vault.search_notes("walked", &step5, 0, 5).unwrap().total, 0);
    // Blank words are no search: the query lists every note.
    let count = f.vault.note_count().unwrap() as i32;
    assert_eq!(f.vault.search_notes("   ", &all, 0, 5).unwrap().total, count);
    assert!(matches!(
        f.vault.search_notes(&"w ".repeat(21), &all, 0, 5),
        Err(Error::InvalidInput {
            field: InputField::Query,
            problem: InputProblem::TooMany { max: 20 }
        })
    ));
}

#[test]
fn edit_keeps_the_creation_time_and_delete_removes_the_note() {
    let f = Fixture::new();
    let s = f.vault.add_note(&tagged("t", "first", Some(3), &["x"])).unwrap();
    f.clock.advance(60_000);
    let e = f.vault.edit_note(&s.note.id, &tagged("t2", "second", None, &["y", "Y"])).unwrap();
    assert_eq!(e.note.created_at, s.note.created_at);
    assert_eq!(e.note.updated_at, s.note.created_at.plus_ms(60_000));
    assert!(e.note.edited && !s.note.edited);
    assert_eq!(e.note.tags, ["y"]);
    let n = f.vault.note(&s.note.id).unwrap();
    assert_eq!((n.summary.title.as_str(), n.body.as_str(), n.summary.step), ("t2", "second", None));
    f.vault.delete_note(&s.note.id).unwrap();
    assert!(matches!(f.vault.note(&s.note.id), Err(Error::NotFound)));
    assert!(matches!(f.vault.delete_note(&s.note.id), Err(Error::NotFound)));
    assert!(matches!(f.vault.edit_note(&s.note.id, &draft("a", "b")), Err(Error::NotFound)));
}

#[test]
fn a_one_mebibyte_body_round_trips_and_a_larger_one_is_refused_whole() {
    let f = Fixture::new();
    let body = "ü".repeat(512 * 1024); // 1 MiB of UTF-8
    let s = f.vault.add_note(&draft("big", &body)).unwrap();
    f.vault.lock();
    let v = f.reopen();
    v.unlock(PASSCODE).unwrap();
    assert_eq!(v.note(&s.note.id).unwrap().body, body);
    let too_big = format!("{body}!");
    assert!(matches!(
        v.add_note(&draft("big", &too_big)),
        Err(Error::InvalidInput { field: InputField::Body, .. })
    ));
    assert_eq!(v.note_count().unwrap(), 1);
}

#[test]
fn the_role_is_kept_sealed_and_read_back() {
    let f = Fixture::new();
    assert_eq!(f.vault.role().unwrap(), mend_core::Role::Repairing);
    assert_eq!(f.vault.started_at().unwrap().ms(), T0);
    f.vault.lock();
    let v = f.reopen();
    v.unlock(PASSCODE).unwrap();
    assert_eq!(v.role().unwrap(), mend_core::Role::Repairing);
}

#[test]
fn calls_from_many_threads_at_once_are_safe() {
    let f = Fixture::new();
    std::thread::scope(|scope| {
        for t in 0..8 {
            let v = &f.vault;
            scope.spawn(move || {
                for i in 0..25 {
                    let s = v.add_note(&draft(&format!("t{t} n{i}"), "body")).unwrap();
                    assert_eq!(v.note(&s.note.id).unwrap().summary.title, format!("t{t} n{i}"));
                    v.notes(&NoteQuery::default(), 0, 10).unwrap();
                }
            });
        }
    });
    assert_eq!(f.vault.note_count().unwrap(), 200);
}

#[test]
fn notes_written_in_the_same_millisecond_keep_the_order_they_were_written_in() {
    let f = Fixture::new();
    let ids: Vec<NoteId> =
        (0..30).map(|i| f.vault.add_note(&draft(&format!("n{i}"), "b")).unwrap().note.id).collect();
    let listed: Vec<NoteId> = f
        .vault
        .notes(&NoteQuery::default(), 0, 50)
        .unwrap()
        .notes
        .into_iter()
        .map(|n| n.id)
        .collect();
    assert_eq!(listed, ids.into_iter().rev().collect::<Vec<_>>());
}
