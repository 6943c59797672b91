//! An unlocked vault: its keys, the seal counter and the in-memory index of decrypted
//! metadata. Dropping the session (on lock) wipes the keys and the index.

use std::sync::Arc;

use rusqlite::{Connection, Transaction, TransactionBehavior};
use zeroize::Zeroizing;

use super::settings::Settings;
use crate::crypto::envelope::Header;
use crate::crypto::keyring::ROTATE_AFTER_SEALS;
use crate::crypto::{KeyRing, Place, Purpose};
use crate::encoding::{Reader, Writer};
use crate::error::{Error, Result};
use crate::record::{RecordHead, RecordId, RecordKind, RecordMeta};
use crate::store::records;

const SEAL_STATE_PLACE: Place = Place { table: "vault", column: "seal_state", row: 1 };

/// How many envelopes the current key generation has sealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SealCounter {
    /// The key generation in use.
    pub generation: u32,
    /// Seals made with it so far.
    pub seals: u64,
}

impl SealCounter {
    fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.u32(self.generation).i64(self.seals as i64);
        w.finish()
    }

    fn decode(data: &[u8]) -> Result<Self> {
        let mut r = Reader::new(data);
        let generation = r.u32()?;
        let seals = u64::try_from(r.i64()?).map_err(|_| Error::Damaged("bad seal counter"))?;
        r.finish()?;
        Ok(Self { generation, seals })
    }

    /// Counts one seal and returns the generation to seal it with.
    fn next(&mut self) -> u32 {
        if self.seals >= ROTATE_AFTER_SEALS {
            self.generation += 1;
            self.seals = 0;
        }
        self.seals += 1;
        self.generation
    }
}

/// Seals are counted in memory; the file holds a sealed upper bound (a lease) that moves
/// forward this many seals at a time, so most writes do not touch the counter's row. After a
/// restart counting resumes at the bound, which can only over-count.
pub const SEAL_LEASE: u64 = 4096;

/// The seals used so far and the bound stored in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SealLease {
    /// Seals made.
    pub used: SealCounter,
    /// The bound stored in the file; `used` never passes it without storing a new one.
    pub reserved: SealCounter,
}

impl SealLease {
    /// Counts one seal; returns its key generation and whether the bound had to move.
    fn next(&mut self) -> (u32, bool) {
        let generation = self.used.next();
        let within = self.used.generation == self.reserved.generation
            && self.used.seals <= self.reserved.seals;
        if !within {
            self.reserved = SealCounter { generation, seals: self.used.seals + SEAL_LEASE };
        }
        (generation, !within)
    }
}

/// Seals envelopes inside one write transaction and counts them.
pub struct Sealer<'a> {
    keys: &'a KeyRing,
    lease: SealLease,
    lease_moved: bool,
}

impl Sealer<'_> {
    /// Seals `plain` for `place` with the records key.
    pub fn seal(&mut self, place: &Place, plain: &[u8]) -> Result<Vec<u8>> {
        let (generation, moved) = self.lease.next();
        self.lease_moved |= moved;
        self.keys.seal(Purpose::Records, generation, place, plain)
    }

    /// Seals a record's metadata and body for `row`.
    pub fn seal_record(
        &mut self,
        row: i64,
        meta: &RecordMeta,
        body: &[u8],
    ) -> Result<(Vec<u8>, Vec<u8>)> {
        let meta = self.seal(&records::meta_place(row), &meta.encode())?;
        let body = self.seal(&records::body_place(row), body)?;
        Ok((meta, body))
    }

    /// Stores the new bound if it moved; returns the lease to keep after commit.
    fn persist(self, tx: &Transaction) -> Result<SealLease> {
        if self.lease_moved {
            let reserved = self.lease.reserved;
            let sealed = self.keys.seal(
                Purpose::Index,
                reserved.generation,
                &SEAL_STATE_PLACE,
                &reserved.encode(),
            )?;
            tx.execute("UPDATE vault SET seal_state = ?1 WHERE singleton = 1", [sealed])?;
        }
        Ok(self.lease)
    }
}

/// The settings record and where it lives.
pub struct SettingsEntry {
    /// Its row.
    pub row: i64,
    /// Its id.
    pub id: RecordId,
    /// When the vault was started.
    pub created_ms: i64,
    /// Its values.
    pub settings: Settings,
}

/// What the features keep in memory while the vault is unlocked. The session loads it at
/// unlock and drops it on lock, without knowing what is inside.
pub trait FeatureState: Sized + Send {
    /// Empty state, with room for about `records` records.
    fn new(records: usize) -> Result<Self>;
    /// Takes one record read at unlock (of any kind but the settings).
    fn load(&mut self, row: i64, head: &RecordHead, fields: &[u8]) -> Result<()>;
    /// Called once every record has been read.
    fn finish_loading(&mut self);
}

/// The state of an unlocked vault.
pub struct Session<F> {
    keys: Arc<KeyRing>,
    lease: SealLease,
    /// The vault's settings.
    pub settings: SettingsEntry,
    /// What the features keep in memory.
    pub features: F,
    /// Rows whose metadata failed to open; the rest of the vault still works.
    pub damaged_rows: Vec<i64>,
}

impl<F: FeatureState> Session<F> {
    /// Starts a new vault's session inside its creating transaction: writes the seal counter
    /// and the settings record.
    pub fn create(
        tx: &Transaction,
        keys: KeyRing,
        settings: Settings,
        now_ms: i64,
    ) -> Result<Self> {
        let mut sealer = Sealer { keys: &keys, lease: SealLease::default(), lease_moved: false };
        let row = records::new_row(tx)?;
        let meta = RecordMeta {
            id: RecordId::generate()?,
            kind: RecordKind::Settings,
            created_ms: now_ms,
            updated_ms: now_ms,
            fields: settings.encode(),
        };
        let (meta_env, body_env) = sealer.seal_record(row, &meta, &[])?;
        records::insert(tx, row, &meta_env, &body_env)?;
        let lease = sealer.persist(tx)?;
        Ok(Self {
            keys: Arc::new(keys),
            lease,
            settings: SettingsEntry { row, id: meta.id, created_ms: now_ms, settings },
            features: F::new(0)?,
            damaged_rows: Vec::new(),
        })
    }

    /// Opens every metadata envelope into the in-memory index.
    pub fn load(conn: &Connection, keys: KeyRing) -> Result<Self> {
        let sealed_state: Vec<u8> =
            conn.query_row("SELECT seal_state FROM vault WHERE singleton = 1", [], |r| r.get(0))?;
        let stored = keys
            .open(Purpose::Index, &SEAL_STATE_PLACE, &sealed_state)
            .and_then(|plain| SealCounter::decode(&plain));
        let reserved = match stored {
            Ok(counter) => Some(counter),
            Err(Error::Damaged(_)) => None,
            Err(other) => return Err(other),
        };
        // The highest key generation any record was sealed with, should the counter be lost.
        let mut last_generation = 0u32;
        let mut settings = None;
        let mut features = F::new(records::count(conn)? as usize)?;
        let mut damaged_rows = Vec::new();
        records::for_each_meta(conn, |row, sealed| {
            if reserved.is_none()
                && let Ok(header) = Header::parse(sealed)
            {
                last_generation = last_generation.max(header.key_id);
            }
            let loaded =
                keys.open(Purpose::Records, &records::meta_place(row), sealed).and_then(|plain| {
                    let (head, fields) = RecordMeta::decode(&plain)?;
                    match head.kind {
                        RecordKind::Settings => {
                            let values = Settings::decode(fields)?;
                            settings = Some(SettingsEntry {
                                row,
                                id: head.id,
                                created_ms: head.created_ms,
                                settings: values,
                            });
                            Ok(())
                        }
                        _ => features.load(row, &head, fields),
                    }
                });
            match loaded {
                Ok(()) => Ok(()),
                Err(Error::Damaged(_)) => {
                    damaged_rows.push(row);
                    Ok(())
                }
                Err(other) => Err(other),
            }
        })?;
        features.finish_loading();
        let settings = settings.ok_or(Error::Damaged("the settings record is missing"))?;
        // A damaged counter does not stop the vault from opening: sealing resumes with a key
        // generation no envelope has used (a body can be one ahead of its metadata, hence
        // two), and the first write stores a new counter.
        let reserved = reserved
            .unwrap_or(SealCounter { generation: last_generation.saturating_add(2), seals: 0 });
        let lease = SealLease { used: reserved, reserved };
        Ok(Self { keys: Arc::new(keys), lease, settings, features, damaged_rows })
    }

    /// The data key, for rewrapping into key slots.
    pub fn keys(&self) -> &KeyRing {
        &self.keys
    }

    /// The keys, shared, for work done outside the vault's lock (e.g. building the search
    /// cache). They are wiped when the last holder drops them.
    pub fn shared_keys(&self) -> Arc<KeyRing> {
        self.keys.clone()
    }

    /// Rewrites the settings record with `change` applied, running `also` in the same
    /// transaction (e.g. saving new key slots together with a settings change).
    pub fn save_settings(
        &mut self,
        conn: &mut Connection,
        now_ms: i64,
        change: impl FnOnce(&mut Settings),
        also: impl FnOnce(&Transaction) -> Result<()>,
    ) -> Result<()> {
        let mut settings = self.settings.settings;
        change(&mut settings);
        let meta = RecordMeta {
            id: self.settings.id,
            kind: RecordKind::Settings,
            created_ms: self.settings.created_ms,
            updated_ms: now_ms,
            fields: settings.encode(),
        };
        let row = self.settings.row;
        self.write(conn, |tx, sealer| {
            also(tx)?;
            let (m, b) = sealer.seal_record(row, &meta, &[])?;
            records::update(tx, row, &m, Some(&b))
        })?;
        self.settings.settings = settings;
        Ok(())
    }

    /// Runs `f` in one IMMEDIATE transaction with a sealer, and commits. The index is updated
    /// by the caller only after this returns, i.e. after the write is durable.
    pub fn write<T>(
        &mut self,
        conn: &mut Connection,
        f: impl FnOnce(&Transaction, &mut Sealer) -> Result<T>,
    ) -> Result<T> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut sealer = Sealer { keys: &self.keys, lease: self.lease, lease_moved: false };
        let out = f(&tx, &mut sealer)?;
        let lease = sealer.persist(&tx)?;
        tx.commit()?;
        self.lease = lease;
        Ok(out)
    }

    /// Opens the body envelope of `row`.
    pub fn open_body(&self, conn: &Connection, row: i64) -> Result<Zeroizing<Vec<u8>>> {
        open_sealed_body(&self.keys, row, &records::body(conn, row)?)
    }
}

/// Opens a body envelope already read from `row`.
pub fn open_sealed_body(keys: &KeyRing, row: i64, sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    keys.open(Purpose::Records, &records::body_place(row), sealed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lease_moves_only_when_used_up_and_never_lets_a_count_repeat() {
        let mut lease = SealLease::default();
        assert_eq!(lease.next(), (0, true));
        for _ in 1..SEAL_LEASE + 1 {
            assert_eq!(lease.next(), (0, false));
        }
        assert_eq!(lease.used.seals, SEAL_LEASE + 1);
        assert_eq!(lease.next(), (0, true));
        assert_eq!(lease.reserved.seals, SEAL_LEASE + 2 + SEAL_LEASE);
        // Near the rotation limit the next generation gets its own lease.
        let near = SealCounter { generation: 0, seals: ROTATE_AFTER_SEALS };
        let mut lease = SealLease { used: near, reserved: near };
        assert_eq!(lease.next(), (1, true));
        assert_eq!(lease.reserved, SealCounter { generation: 1, seals: 1 + SEAL_LEASE });
    }

    #[test]
    fn the_seal_counter_moves_to_a_new_generation_before_its_limit() {
        let mut c = SealCounter { generation: 0, seals: ROTATE_AFTER_SEALS - 1 };
        assert_eq!(c.next(), 0);
        assert_eq!(c.next(), 1);
        assert_eq!(c, SealCounter { generation: 1, seals: 1 });
        assert_eq!(SealCounter::decode(&c.encode()).unwrap(), c);
    }
}
