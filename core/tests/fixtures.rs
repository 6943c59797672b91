//! Vaults written by earlier schemas open and upgrade. Each schema version commits a fixture
//! vault here, made by `write_fixtures` below, with its passcode and device key as test data.
//!
//! Regenerate (only when adding a new schema version, never for an old one):
//! `MEND_WRITE_FIXTURES=1 cargo test -p mend-core --test fixtures -- --ignored write_fixtures`

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::*;
use mend_core::{ManualClock, MemoryKeyStore, NoteDraft, NoteQuery, Role, Vault};

/// The device key of every fixture vault (test data, not a secret).
const FIXTURE_DEVICE_KEY: [u8; 32] = [0x42; 32];
const FIXTURE_PASSCODE: &[u8] = b"fixture-passcode-1";

fn fixture(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/vault-v{version}.db"))
}

fn fixture_notes() -> Vec<NoteDraft> {
    vec![
        NoteDraft {
            title: "First evening".into(),
            body: "We talked for an hour. I listened more than I spoke. 🙏".into(),
            step: Some(5),
            tags: vec!["evening".into(), "listening".into()],
        },
        NoteDraft {
            title: "Questions".into(),
            body: "Elle m'a demandé pourquoi. J'ai répondu honnêtement.".into(),
            step: Some(1),
            tags: vec![],
        },
        NoteDraft {
            title: "".into(),
            body: "No title, only a body.".into(),
            step: None,
            tags: vec![],
        },
    ]
}

fn device() -> Arc<MemoryKeyStore> {
    Arc::new(MemoryKeyStore::with_seed(FIXTURE_DEVICE_KEY))
}

#[test]
#[ignore = "writes the fixture of the current schema; run by hand when adding a schema version"]
fn write_fixtures() {
    if std::env::var("MEND_WRITE_FIXTURES").is_err() {
        return;
    }
    let path = fixture(mend_core::store::schema::VERSION);
    let _ = std::fs::remove_file(&path);
    let clock = Arc::new(ManualClock::new(T0));
    let (vault, _) =
        Vault::create(&path, FIXTURE_PASSCODE, Role::Repairing, TEST_KDF, device(), clock.clone())
            .unwrap();
    for note in fixture_notes() {
        clock.advance(3_600_000);
        vault.add_note(&note).unwrap();
    }
    vault.lock();
}

fn schema_sql(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn.prepare("SELECT sql FROM sqlite_schema ORDER BY name").unwrap();
    stmt.query_map([], |r| r.get::<_, Option<String>>(0))
        .unwrap()
        .filter_map(|r| r.unwrap())
        .collect()
}

#[test]
fn every_schema_fixture_opens_upgrades_and_reads_back() {
    for version in 1..=mend_core::store::schema::VERSION {
        opens_upgrades_and_reads_back(version);
    }
}

fn opens_upgrades_and_reads_back(version: u32) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault.db");
    std::fs::copy(fixture(version), &path).unwrap();
    let clock = Arc::new(ManualClock::new(T0));
    let vault = Vault::open(&path, device(), clock).unwrap();
    vault.unlock(FIXTURE_PASSCODE).unwrap();
    assert_eq!(vault.role().unwrap(), Role::Repairing);
    assert_eq!(vault.damaged_record_count().unwrap(), 0);
    let page = vault.notes(&NoteQuery::default(), 0, 10).unwrap();
    let mut expected = fixture_notes();
    expected.reverse();
    assert_eq!(page.notes.len(), expected.len());
    for (summary, want) in page.notes.iter().zip(&expected) {
        let note = vault.note(&summary.id).unwrap();
        assert_eq!(note.summary.title, want.title);
        assert_eq!(note.body, want.body);
        assert_eq!(note.summary.step, want.step);
        assert_eq!(note.summary.tags, want.tags);
    }
    // Records of every schema carry versions after the first unlock, and match the manifest.
    assert_eq!(vault.check().unwrap(), mend_core::VaultCheck::default(), "from schema {version}");
    vault.lock();
    vault.unlock(FIXTURE_PASSCODE).unwrap();
    assert_eq!(vault.check().unwrap(), mend_core::VaultCheck::default(), "from schema {version}");
    let added = vault.add_note(&draft("after the upgrade", "written")).unwrap();
    vault.delete_note(&page.notes[0].id).unwrap();
    // A passcode change moves any vault onto a platform key of its own.
    vault.change_passcode(FIXTURE_PASSCODE, b"a-new-passcode").unwrap();
    assert_eq!(vault.note(&added.note.id).unwrap().body, "written");
    vault.lock();
    vault.unlock(b"a-new-passcode").unwrap();
    assert_eq!(vault.check().unwrap(), mend_core::VaultCheck::default());
    assert_eq!(vault.notes(&NoteQuery::default(), 0, 10).unwrap().notes.len(), expected.len());
    vault.lock();
    drop(vault);

    // After upgrading, the schema equals a fresh vault's.
    let fresh = Fixture::new();
    assert_eq!(schema_sql(&path), schema_sql(&fresh.path()), "from schema {version}");
}
