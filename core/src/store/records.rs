//! Sealed record rows: `record (id, meta)` and `record_body (id, body)`.
//!
//! Row ids increase by random gaps (see [`new_row`]): they say in which order records
//! were made, but not when, nor how many were ever made. Every record has a body row (an
//! empty one if it has no body), so the two tables always have the same count. This module moves envelopes; sealing happens above.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::crypto::{Place, random};
use crate::error::{Error, Result};

/// The place of a record's metadata envelope.
pub fn meta_place(row: i64) -> Place {
    Place { table: "record", column: "meta", row }
}

/// The place of a record's body envelope.
pub fn body_place(row: i64) -> Place {
    Place { table: "record_body", column: "body", row }
}

/// The largest random gap between consecutive row ids.
const MAX_ROW_GAP: u64 = 1 << 16;

/// Picks the next row id: above every existing one by a random gap. Increasing ids keep
/// inserts at the end of each table (as fast as plain SQLite); the random gaps keep the ids
/// from counting how many records were ever made. What the ids do show is the order in
/// which records were made, never when.
pub fn new_row(tx: &Transaction) -> Result<i64> {
    let max: i64 = tx
        .prepare_cached("SELECT coalesce(max(id), 0) FROM record")?
        .query_row([], |r| r.get(0))?;
    let gap = 1 + (random::u64()? % MAX_ROW_GAP) as i64;
    max.checked_add(gap).ok_or(Error::Damaged("row ids exhausted"))
}

/// Inserts a record's two envelopes.
pub fn insert(tx: &Transaction, row: i64, meta: &[u8], body: &[u8]) -> Result<()> {
    tx.prepare_cached("INSERT INTO record (id, meta) VALUES (?1, ?2)")?
        .execute(params![row, meta])?;
    tx.prepare_cached("INSERT INTO record_body (id, body) VALUES (?1, ?2)")?
        .execute(params![row, body])?;
    Ok(())
}

/// Replaces a record's two envelopes (always together: they carry the same version).
pub fn update(tx: &Transaction, row: i64, meta: &[u8], body: &[u8]) -> Result<()> {
    let changed = tx
        .prepare_cached("UPDATE record SET meta = ?2 WHERE id = ?1")?
        .execute(params![row, meta])?;
    if changed == 0 {
        return Err(Error::NotFound);
    }
    tx.prepare_cached("UPDATE record_body SET body = ?2 WHERE id = ?1")?
        .execute(params![row, body])?;
    Ok(())
}

/// Deletes a record and its body.
pub fn delete(tx: &Transaction, row: i64) -> Result<()> {
    tx.prepare_cached("DELETE FROM record_body WHERE id = ?1")?.execute([row])?;
    let changed = tx.prepare_cached("DELETE FROM record WHERE id = ?1")?.execute([row])?;
    if changed == 0 { Err(Error::NotFound) } else { Ok(()) }
}

/// Calls `f` with every record's row id and metadata envelope.
pub fn for_each_meta(conn: &Connection, f: impl FnMut(i64, &[u8]) -> Result<()>) -> Result<()> {
    for_each_envelope(conn, "SELECT id, meta FROM record", f)
}

/// Calls `f` with every record's row id and body envelope, in one pass.
pub fn for_each_body(conn: &Connection, f: impl FnMut(i64, &[u8]) -> Result<()>) -> Result<()> {
    for_each_envelope(conn, "SELECT id, body FROM record_body", f)
}

/// Runs `sql` (selecting a row id and an envelope) and calls `f` with each row, lending the
/// envelope's bytes without copying them.
fn for_each_envelope(
    conn: &Connection,
    sql: &str,
    mut f: impl FnMut(i64, &[u8]) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let envelope =
            row.get_ref(1)?.as_blob().map_err(|_| Error::Damaged("bad envelope cell"))?;
        f(id, envelope)?;
    }
    Ok(())
}

/// A record's metadata envelope.
pub fn meta(conn: &Connection, row: i64) -> Result<Vec<u8>> {
    conn.prepare_cached("SELECT meta FROM record WHERE id = ?1")?
        .query_row([row], |r| r.get(0))
        .optional()?
        .ok_or(Error::NotFound)
}

/// A record's body envelope.
pub fn body(conn: &Connection, row: i64) -> Result<Vec<u8>> {
    conn.prepare_cached("SELECT body FROM record_body WHERE id = ?1")?
        .query_row([row], |r| r.get(0))
        .optional()?
        .ok_or(Error::Damaged("a record's body is missing"))
}

/// The number of records.
pub fn count(conn: &Connection) -> Result<u64> {
    let n: i64 = conn.query_row("SELECT count(*) FROM record", [], |r| r.get(0))?;
    Ok(n as u64)
}
