//! Helpers shared by the integration tests: small KDF parameters (through the same per-slot
//! field real vaults use), software key stores and a manual clock.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use mend_core::{
    Clock, DeviceKeyStore, KdfParams, ManualClock, MemoryKeyStore, NoteDraft, RecoveryCode, Role,
    Vault,
};

/// Argon2id parameters small enough for fast tests.
pub const TEST_KDF: KdfParams = KdfParams { memory_kib: 256, iterations: 1, parallelism: 1 };
pub const PASSCODE: &[u8] = b"482915";
/// 2026-01-01T00:00:00Z.
pub const T0: i64 = 1_767_225_600_000;

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub device: Arc<MemoryKeyStore>,
    pub clock: Arc<ManualClock>,
    pub vault: Vault,
    pub recovery: RecoveryCode,
}

impl Fixture {
    pub fn new() -> Self {
        Self::with_role(Role::Repairing)
    }

    pub fn with_role(role: Role) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let device = Arc::new(MemoryKeyStore::new());
        let clock = Arc::new(ManualClock::new(T0));
        let (vault, recovery) = Vault::create(
            &dir.path().join("vault.db"),
            PASSCODE,
            role,
            TEST_KDF,
            device.clone(),
            clock.clone(),
        )
        .unwrap();
        vault.confirm_recovery_code().unwrap();
        Self { dir, device, clock, vault, recovery }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("vault.db")
    }

    /// Opens the same vault again through a new handle (as after an app restart).
    pub fn reopen(&self) -> Vault {
        open(&self.path(), self.device.clone(), self.clock.clone())
    }
}

pub fn open(path: &Path, device: Arc<dyn DeviceKeyStore>, clock: Arc<dyn Clock>) -> Vault {
    Vault::open(path, device, clock).unwrap()
}

pub fn draft(title: &str, body: &str) -> NoteDraft {
    NoteDraft { title: title.into(), body: body.into(), step: None, tags: vec![] }
}

/// The raw bytes of the database and its log and shared-memory files, as they are now.
pub fn raw_files(path: &Path) -> Vec<(String, Vec<u8>)> {
    mend_core::store::db::files(path)
        .iter()
        .filter_map(|p| std::fs::read(p).ok().map(|b| (p.display().to_string(), b)))
        .collect()
}

/// Counts the occurrences of `needle` in `hay`.
pub fn count_hits(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

/// A real IANA time zone (chrono-tz, a test-only dependency), as the platform would give it.
pub struct Iana(pub chrono_tz::Tz);

impl mend_core::TimeZoneRules for Iana {
    fn offset_seconds(&self, utc_ms: i64) -> i32 {
        use chrono::{Offset, TimeZone};
        let utc = chrono::DateTime::from_timestamp_millis(utc_ms).unwrap().naive_utc();
        self.0.offset_from_utc_datetime(&utc).fix().local_minus_utc()
    }
}

/// The zone named `name`, e.g. `Europe/Berlin`.
pub fn zone(name: &str) -> Iana {
    Iana(name.parse().unwrap())
}

/// Search through the journal's one query call.
pub trait Search {
    /// Notes containing every one of `words`, filtered by `query`'s step and tag.
    fn search_notes(
        &self,
        words: &str,
        query: &mend_core::NoteQuery,
        offset: i32,
        limit: i32,
    ) -> mend_core::Result<mend_core::NotePage>;
}

impl Search for Vault {
    fn search_notes(
        &self,
        words: &str,
        query: &mend_core::NoteQuery,
        offset: i32,
        limit: i32,
    ) -> mend_core::Result<mend_core::NotePage> {
        let query = mend_core::NoteQuery { words: Some(words.into()), ..query.clone() };
        self.notes(&query, offset, limit)
    }
}

/// The record rows in the raw file.
pub fn rows(path: &std::path::Path) -> std::collections::BTreeSet<i64> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn.prepare("SELECT id FROM record").unwrap();
    stmt.query_map([], |r| r.get::<_, i64>(0)).unwrap().map(|r| r.unwrap()).collect()
}

/// One cell of a record row in the raw file.
pub fn cell(path: &std::path::Path, table: &str, column: &str, row: i64) -> Vec<u8> {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(&format!("SELECT {column} FROM {table} WHERE id = ?1"), [row], |r| r.get(0))
        .unwrap()
}

/// Overwrites one cell of a record row in the raw file.
pub fn set_cell(path: &std::path::Path, table: &str, column: &str, row: i64, value: &[u8]) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let sql = format!("UPDATE {table} SET {column} = ?2 WHERE id = ?1");
    assert_eq!(conn.execute(&sql, rusqlite::params![row, value]).unwrap(), 1);
}

/// Adds a note whose body is "body of TITLE" and returns its id and its row in the raw file
/// (the one row not in `known`, which is updated).
pub fn add_tracked(
    vault: &Vault,
    path: &Path,
    known: &mut std::collections::BTreeSet<i64>,
    title: &str,
) -> (mend_core::NoteId, i64) {
    let id = vault.add_note(&draft(title, &format!("body of {title}"))).unwrap().note.id;
    let now = rows(path);
    let row = *now.difference(known).next().unwrap();
    *known = now;
    (id, row)
}
