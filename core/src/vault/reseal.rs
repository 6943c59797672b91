//! Resealing every record in one transaction: with new keys when the vault is rekeyed, or
//! under the record layout with versions when a vault written before it is first unlocked.
//! Each record is written in today's form as it goes (a tool entry moves to its body).
//!
//! Rows are resealed one at a time (row ids first, then each row read, resealed and
//! rewritten), so memory stays small whatever the vault's size. A row that does not open is
//! left as it is: it was damaged before and stays reported as damaged.

use rusqlite::{Connection, Transaction};
use zeroize::Zeroizing;

use super::manifest::{self, Manifest};
use super::session::{SealLease, Sealer};
use super::settings::Settings;
use crate::crypto::envelope::LAYOUT_VERSION;
use crate::crypto::{KeyRing, Purpose};
use crate::error::{Error, Result};
use crate::record::{RecordHead, RecordKind, RecordMeta};
use crate::store::records;

/// The record layout of vaults of schema 2 and older: no record versions.
pub const LEGACY_RECORD_LAYOUT: u32 = LAYOUT_VERSION;

/// Whether the vault's records are in the layout without versions (the first record that
/// opens at all decides; the settings record is the first one written).
pub fn holds_legacy_records(conn: &Connection, keys: &KeyRing) -> Result<bool> {
    let mut legacy = None;
    records::for_each_meta(conn, |row, sealed| {
        if legacy.is_none() {
            let place = records::meta_place(row);
            if keys.open_layout(Purpose::Records, &place, LEGACY_RECORD_LAYOUT, sealed).is_ok() {
                legacy = Some(true);
            } else if keys.open(Purpose::Records, &place, sealed).is_ok() {
                legacy = Some(false);
            }
        }
        Ok(())
    })?;
    Ok(legacy == Some(true))
}

/// A record's metadata and body plaintexts, without versions.
type Plain = (Zeroizing<Vec<u8>>, Zeroizing<Vec<u8>>);

/// Opens both envelopes of `row` as sealed by `keys` under `layout`.
fn open_record(keys: &KeyRing, layout: u32, row: i64, meta: &[u8], body: &[u8]) -> Result<Plain> {
    let meta = keys.open_layout(Purpose::Records, &records::meta_place(row), layout, meta)?;
    let body = keys.open_layout(Purpose::Records, &records::body_place(row), layout, body)?;
    if layout == LEGACY_RECORD_LAYOUT {
        return Ok((meta, body));
    }
    let (meta_version, meta_data) = manifest::split_version(&meta)?;
    let (body_version, body_data) = manifest::split_version(&body)?;
    if meta_version != body_version {
        return Err(Error::Damaged("a record's body is not from its last write"));
    }
    Ok((Zeroizing::new(meta_data.to_vec()), Zeroizing::new(body_data.to_vec())))
}

/// A change to the settings made in the same transaction as a reseal.
pub type SettingsChange<'a> = Option<&'a dyn Fn(&mut Settings)>;

/// A record's plaintexts in today's form: `change` applied to the settings record, and a
/// tool entry written when entries lived in their metadata moved to its body.
fn current_form(plain: Plain, change: SettingsChange) -> Result<Plain> {
    let (meta, body) = plain;
    let (head, fields) = RecordMeta::decode(&meta)?;
    let RecordHead { id, kind, created_ms, updated_ms } = head;
    let rewrite =
        |fields: Vec<u8>| RecordMeta { id, kind, created_ms, updated_ms, fields }.encode();
    match kind {
        RecordKind::Settings if change.is_some() => {
            let mut settings = Settings::decode(fields)?;
            if let Some(change) = change {
                change(&mut settings);
            }
            Ok((Zeroizing::new(rewrite(settings.encode())), body))
        }
        RecordKind::ToolEntry if !fields.is_empty() && body.is_empty() => {
            let moved = Zeroizing::new(fields.to_vec());
            Ok((Zeroizing::new(rewrite(Vec::new())), moved))
        }
        _ => Ok((meta, body)),
    }
}

/// Reseals every record that opens with `from` (under `from_layout`) with `to`, counting
/// seals from `lease`, applying `settings_change` to the settings record, and writes a new
/// manifest and seal counter for `to`, at a write generation past `floor`. Returns the
/// manifest written.
pub fn reseal_all(
    tx: &Transaction,
    from: &KeyRing,
    from_layout: u32,
    to: &KeyRing,
    lease: SealLease,
    floor: u64,
    settings_change: SettingsChange,
) -> Result<Manifest> {
    let rows = {
        let mut stmt = tx.prepare("SELECT id FROM record ORDER BY id")?;
        stmt.query_map([], |r| r.get::<_, i64>(0))?.collect::<rusqlite::Result<Vec<i64>>>()?
    };
    let mut sealer = Sealer::new(to, lease, Manifest::default());
    for row in rows {
        let (meta, body) = (records::meta(tx, row)?, records::body(tx, row)?);
        let Ok(plain) = open_record(from, from_layout, row, &meta, &body) else {
            continue;
        };
        let (meta, body) = current_form(plain, settings_change)?;
        let (version, meta, body) = sealer.seal_raw(row, &meta, &body)?;
        records::update(tx, row, &meta, &body)?;
        sealer.count_in(row, version);
    }
    Ok(sealer.persist(tx, floor)?.manifest)
}
