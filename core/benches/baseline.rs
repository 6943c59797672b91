//! The plain-SQLite baseline: the same notes in an ordinary table, no encryption, with the
//! same durability settings (WAL, synchronous=FULL) and an index for newest-first listing.

use std::path::{Path, PathBuf};

use mend_core::NoteDraft;
use rusqlite::{Connection, params};

pub struct Plain {
    conn: Connection,
    path: PathBuf,
}

/// What a listing returns, like the vault's summaries.
#[allow(dead_code)]
pub struct Row {
    id: i64,
    title: String,
    step: Option<i64>,
    tags: String,
    created: i64,
    updated: i64,
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        title: r.get(1)?,
        step: r.get(2)?,
        tags: r.get(3)?,
        created: r.get(4)?,
        updated: r.get(5)?,
    })
}

fn connect(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;",
    )
    .unwrap();
    conn
}

impl Plain {
    pub fn create(path: &Path) -> Self {
        let conn = connect(path);
        conn.execute_batch(
            "CREATE TABLE note (id INTEGER PRIMARY KEY, uid BLOB NOT NULL, title TEXT NOT NULL,
                                step INTEGER, tags TEXT NOT NULL, created INTEGER NOT NULL,
                                updated INTEGER NOT NULL, body TEXT NOT NULL);
             CREATE INDEX note_created ON note (created);",
        )
        .unwrap();
        Self { conn, path: path.to_path_buf() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn add(&self, d: &NoteDraft, now: i64) {
        let tx = self.conn.unchecked_transaction().unwrap();
        tx.prepare_cached(
            "INSERT INTO note (uid, title, step, tags, created, updated, body)
             VALUES (randomblob(16), ?1, ?2, ?3, ?4, ?4, ?5)",
        )
        .unwrap()
        .execute(params![d.title, d.step, d.tags.join(","), now, d.body])
        .unwrap();
        tx.commit().unwrap();
    }

    /// Reads and rewrites every note in one transaction, row by row, as a rekey does.
    pub fn rewrite_all(&self) {
        let tx = self.conn.unchecked_transaction().unwrap();
        let ids: Vec<i64> = {
            let mut stmt = tx.prepare("SELECT id FROM note ORDER BY id").unwrap();
            stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
        };
        for id in ids {
            let (title, body): (String, String) = tx
                .prepare_cached("SELECT title, body FROM note WHERE id = ?1")
                .unwrap()
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap();
            tx.prepare_cached("UPDATE note SET title = ?2, body = ?3 WHERE id = ?1")
                .unwrap()
                .execute(params![id, title, body])
                .unwrap();
        }
        tx.commit().unwrap();
    }

    pub fn newest(&self, limit: usize) -> Vec<Row> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, title, step, tags, created, updated FROM note
                 ORDER BY created DESC LIMIT ?1",
            )
            .unwrap();
        stmt.query_map([limit as i64], row).unwrap().map(|r| r.unwrap()).collect()
    }

    pub fn search(&self, words: &[&str], limit: usize) -> Vec<Row> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, title, step, tags, created, updated FROM note
                 WHERE (title LIKE ?1 OR body LIKE ?1 OR tags LIKE ?1)
                   AND (title LIKE ?2 OR body LIKE ?2 OR tags LIKE ?2)
                 ORDER BY created DESC LIMIT ?3",
            )
            .unwrap();
        let pattern = |w: &str| format!("%{w}%");
        stmt.query_map(params![pattern(words[0]), pattern(words[1]), limit as i64], row)
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    /// Opens the file and reads every note's metadata, as an unlock would.
    pub fn open_and_load(path: &Path) -> (Connection, Vec<Row>) {
        let conn = connect(path);
        let mut stmt =
            conn.prepare("SELECT id, title, step, tags, created, updated FROM note").unwrap();
        let rows: Vec<Row> = stmt.query_map([], row).unwrap().map(|r| r.unwrap()).collect();
        drop(stmt);
        (conn, rows)
    }
}
