//! An unlocked vault: its keys, the seal counter, the manifest of live records and the
//! in-memory index of decrypted metadata. Dropping the session (on lock) wipes the keys and
//! the index.

use std::sync::Arc;

use rusqlite::{Connection, Transaction, TransactionBehavior};
use zeroize::Zeroizing;

use super::freshness::Freshness;
use super::manifest::{self, Manifest, RecordVersion, Versions};
use super::reseal::{self, LEGACY_RECORD_LAYOUT};
use super::settings::Settings;
use crate::crypto::envelope::Header;
use crate::crypto::keyring::Opener;
use crate::crypto::keyring::ROTATE_AFTER_SEALS;
use crate::crypto::{KeyRing, Place, Purpose};
use crate::encoding::{Reader, Writer};
use crate::error::{Error, Result};
use crate::record::{RecordHead, RecordId, RecordKind, RecordMeta};
use crate::store::records;
use crate::vault::Role;

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

/// Seals envelopes inside one write transaction, counts them, and keeps the manifest of
/// live records up to date. Every record write goes through it.
pub struct Sealer<'a> {
    keys: &'a KeyRing,
    lease: SealLease,
    lease_moved: bool,
    manifest: Manifest,
    /// The versions this transaction set (or, `None`, removed), to apply after commit.
    changes: Vec<(i64, Option<RecordVersion>)>,
}

impl<'a> Sealer<'a> {
    /// A sealer with `keys`, counting from `lease`, starting from `manifest`.
    pub fn new(keys: &'a KeyRing, lease: SealLease, manifest: Manifest) -> Self {
        Self { keys, lease, lease_moved: false, manifest, changes: Vec::new() }
    }

    fn next_generation(&mut self) -> u32 {
        let (generation, moved) = self.lease.next();
        self.lease_moved |= moved;
        generation
    }

    /// Seals `plain` for `place` with the records key.
    fn seal(&mut self, place: &Place, plain: &[u8]) -> Result<Vec<u8>> {
        let generation = self.next_generation();
        self.keys.seal(Purpose::Records, generation, place, plain)
    }

    /// Seals already encoded metadata and a body for `row` under a fresh version.
    pub fn seal_raw(
        &mut self,
        row: i64,
        meta: &[u8],
        body: &[u8],
    ) -> Result<(RecordVersion, Vec<u8>, Vec<u8>)> {
        let version = manifest::new_version()?;
        let meta = self.seal(&records::meta_place(row), &manifest::versioned(&version, meta))?;
        let body = self.seal(&records::body_place(row), &manifest::versioned(&version, body))?;
        Ok((version, meta, body))
    }

    /// Counts a record written at `row` with `version` into the manifest.
    pub fn count_in(&mut self, row: i64, version: RecordVersion) {
        self.manifest.toggle(&version, true);
        self.changes.push((row, Some(version)));
    }

    /// The version stored now for `row`, read from its metadata inside the transaction
    /// (so it is right even if another process wrote the record since unlock).
    fn stored_version(&self, tx: &Transaction, row: i64) -> Result<RecordVersion> {
        let sealed = records::meta(tx, row)?;
        let plain = self.keys.open(Purpose::Records, &records::meta_place(row), &sealed)?;
        Ok(manifest::split_version(&plain)?.0)
    }

    /// Writes a new record at `row`.
    pub fn insert(
        &mut self,
        tx: &Transaction,
        row: i64,
        meta: &RecordMeta,
        body: &[u8],
    ) -> Result<()> {
        let (version, m, b) = self.seal_raw(row, &meta.encode(), body)?;
        records::insert(tx, row, &m, &b)?;
        self.count_in(row, version);
        Ok(())
    }

    /// Rewrites the record at `row`, metadata and body, under a new version.
    pub fn update(
        &mut self,
        tx: &Transaction,
        row: i64,
        meta: &RecordMeta,
        body: &[u8],
    ) -> Result<()> {
        let old = self.stored_version(tx, row)?;
        let (version, m, b) = self.seal_raw(row, &meta.encode(), body)?;
        records::update(tx, row, &m, &b)?;
        self.manifest.toggle(&old, false);
        self.count_in(row, version);
        Ok(())
    }

    /// Deletes the record at `row`.
    pub fn delete(&mut self, tx: &Transaction, row: i64) -> Result<()> {
        let old = self.stored_version(tx, row)?;
        records::delete(tx, row)?;
        self.manifest.toggle(&old, false);
        self.changes.push((row, None));
        Ok(())
    }

    /// Moves the manifest to the next write generation (at least `floor`), and stores it
    /// and the seal counter's bound if it moved. Returns what to keep after commit.
    pub fn persist(mut self, tx: &Transaction, floor: u64) -> Result<Committed> {
        self.manifest.generation = self.manifest.generation.max(floor) + 1;
        let generation = self.next_generation();
        self.manifest.save(tx, self.keys, generation)?;
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
        Ok(Committed { lease: self.lease, manifest: self.manifest, changes: self.changes })
    }
}

/// What a write transaction leaves for the session once it has committed.
pub struct Committed {
    lease: SealLease,
    /// The manifest as committed.
    pub manifest: Manifest,
    changes: Vec<(i64, Option<RecordVersion>)>,
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
    /// Whether what this record's feature keeps in memory is in its body rather than its
    /// metadata's fields; such records go to [`FeatureState::load_body`] instead.
    fn needs_body(head: &RecordHead, fields: &[u8]) -> bool;
    /// Takes the body of a record [`FeatureState::needs_body`] asked for.
    fn load_body(&mut self, row: i64, head: &RecordHead, body: &[u8]) -> Result<()>;
    /// Called once every record has been read.
    fn finish_loading(&mut self);
    /// What the features keep beside the platform key, by record name, so that it can be
    /// read while the vault is locked. Written at unlock and by the features on change.
    fn device_records(&self) -> Vec<(&'static str, Vec<u8>)>;
}

/// What the unlock found about the vault's records as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RecordCheck {
    /// The records read are not the ones the sealed manifest lists: rows are missing, older
    /// than their last write, mixed between writes, or were put back after a delete.
    pub unmatched: bool,
    /// The file is older than the last write this device saw: a restored copy. It opens
    /// read-only until the person chooses to keep it.
    pub older_copy: bool,
    /// The settings record is missing or damaged: who the vault is for is unknown until the
    /// person chooses again; the rest of the vault opens.
    pub settings_lost: bool,
}

const SETTINGS_LOST: Error = Error::Damaged("the vault's settings are lost; choose the role again");

/// The key store record that keeps discreet mode readable while the vault is locked.
pub const DISCREET: &str = "discreet";

/// The state of an unlocked vault.
pub struct Session<F> {
    keys: Arc<KeyRing>,
    lease: SealLease,
    /// The manifest as of the last commit (or as computed at unlock, if the stored one was
    /// unreadable).
    manifest: Manifest,
    /// Each live record's version.
    versions: Versions,
    freshness: Option<Arc<Freshness>>,
    /// The vault's settings.
    pub settings: SettingsEntry,
    /// What the features keep in memory.
    pub features: F,
    /// Rows whose metadata failed to open; the rest of the vault still works.
    pub damaged_rows: Vec<i64>,
    /// What the unlock found about the records as a whole.
    pub check: RecordCheck,
}

impl<F: FeatureState> Session<F> {
    /// Starts a new vault's session inside its creating transaction: writes the settings
    /// record, the seal counter and the manifest.
    pub fn create(
        tx: &Transaction,
        keys: KeyRing,
        settings: Settings,
        now_ms: i64,
        freshness: Option<Arc<Freshness>>,
    ) -> Result<Self> {
        let mut sealer = Sealer::new(&keys, SealLease::default(), Manifest::default());
        let row = records::new_row(tx)?;
        let meta = RecordMeta {
            id: RecordId::generate()?,
            kind: RecordKind::Settings,
            created_ms: now_ms,
            updated_ms: now_ms,
            fields: settings.encode(),
        };
        sealer.insert(tx, row, &meta, &[])?;
        let committed = sealer.persist(tx, 0)?;
        let mut versions = Versions::default();
        apply(&mut versions, &committed.changes);
        Ok(Self {
            keys: Arc::new(keys),
            lease: committed.lease,
            manifest: committed.manifest,
            versions,
            freshness,
            settings: SettingsEntry { row, id: meta.id, created_ms: now_ms, settings },
            features: F::new(0)?,
            damaged_rows: Vec::new(),
            check: RecordCheck::default(),
        })
    }

    /// Opens every metadata envelope into the in-memory index and checks the records
    /// against the manifest and the key store's generation. A vault written before records
    /// had versions is resealed with them first, in one transaction.
    pub fn load(
        conn: &mut Connection,
        keys: KeyRing,
        freshness: Option<Arc<Freshness>>,
    ) -> Result<Self> {
        let stored = Manifest::load(conn, &keys);
        if matches!(stored, Ok(None)) && reseal::holds_legacy_records(conn, &keys)? {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let seen = freshness.as_ref().and_then(|f| f.generation()).unwrap_or(0);
            let lease = resume_lease(&tx, &keys)?;
            let done =
                reseal::reseal_all(&tx, &keys, LEGACY_RECORD_LAYOUT, &keys, lease, seen, None)?;
            tx.commit()?;
            if let Some(f) = &freshness {
                f.store_generation(done.generation);
            }
            return Self::load(conn, keys, freshness);
        }
        let mut settings = None;
        let record_count = records::count(conn)? as usize;
        let mut features = F::new(record_count)?;
        let mut versions = Versions::with_capacity(record_count);
        let mut damaged_rows = Vec::new();
        let mut wanted = Vec::new();
        let mut opener = keys.opener(Purpose::Records);
        records::for_each_meta(conn, |row, sealed| {
            let loaded = opener.open(&records::meta_place(row), sealed, |plain| {
                let (version, plain) = manifest::split_version(plain)?;
                let (head, fields) = RecordMeta::decode(plain)?;
                match head.kind {
                    RecordKind::Settings => {
                        let values = Settings::decode(fields)?;
                        settings = Some(SettingsEntry {
                            row,
                            id: head.id,
                            created_ms: head.created_ms,
                            settings: values,
                        });
                    }
                    _ if F::needs_body(&head, fields) => wanted.push((row, head)),
                    _ => features.load(row, &head, fields)?,
                }
                versions.set(row, version);
                Ok(())
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
        // The records that keep what their feature needs in the body (tool entries: a few
        // hundred, where notes are thousands), each checked against its metadata's version.
        for (row, head) in wanted {
            let sealed = records::body(conn, row)?;
            let loaded = read_sealed_body(&mut opener, &versions, row, &sealed, |body| {
                features.load_body(row, &head, body)
            });
            match loaded {
                Ok(()) => {}
                Err(Error::Damaged(_)) => damaged_rows.push(row),
                Err(other) => return Err(other),
            }
        }
        drop(opener);
        features.finish_loading();
        // Lost settings do not stop the rest of the vault from opening; until the person
        // chooses the role again, nothing reads or writes these stand-in values.
        let settings_lost = settings.is_none();
        let settings = match settings {
            Some(settings) => settings,
            None => SettingsEntry {
                row: 0,
                id: RecordId::generate()?,
                created_ms: 0,
                settings: Settings::new(Role::Repairing),
            },
        };
        let lease = resume_lease(conn, &keys)?;
        let seen = freshness.as_ref().and_then(|f| f.generation());
        let read = Manifest::of(0, versions.iter());
        let (manifest, unmatched) = match stored {
            Ok(Some(stored)) => (stored, !stored.same_records(&read)),
            Ok(None) | Err(Error::Damaged(_)) => {
                (Manifest { generation: seen.unwrap_or(0), ..read }, true)
            }
            Err(other) => return Err(other),
        };
        let older_copy = seen.is_some_and(|seen| manifest.generation < seen);
        let session = Self {
            keys: Arc::new(keys),
            lease,
            manifest,
            versions,
            freshness,
            settings,
            features,
            damaged_rows,
            check: RecordCheck { unmatched, older_copy, settings_lost },
        };
        session.store_device_records();
        Ok(session)
    }

    /// Writes what must be readable while locked beside the platform key: discreet mode, and
    /// what the features keep there (best effort: a key store that refuses only leaves the
    /// previous copy there).
    pub fn store_device_records(&self) {
        if let Some(freshness) = &self.freshness {
            if let Ok(entry) = self.settings() {
                freshness.store_feature_record(DISCREET, &[u8::from(entry.settings.discreet)]);
            }
            for (name, plain) in self.features.device_records() {
                freshness.store_feature_record(name, &plain);
            }
        }
    }

    /// The write generation of the last commit.
    pub fn generation(&self) -> u64 {
        self.manifest.generation
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

    /// Each live record's version, for checking bodies outside the vault's lock.
    pub fn versions(&self) -> &Versions {
        &self.versions
    }

    /// The vault's settings, unless they were lost.
    pub fn settings(&self) -> Result<&SettingsEntry> {
        if self.check.settings_lost { Err(SETTINGS_LOST) } else { Ok(&self.settings) }
    }

    /// The secret that orders each day's prompts: the one kept in the settings, or for a
    /// vault from before it was kept, one derived from the data key.
    pub fn prompt_seed(&self) -> Result<crate::crypto::SecretKey> {
        match self.settings()?.settings.prompt_seed {
            Some(seed) => Ok(crate::crypto::SecretKey::new(seed)),
            None => self.keys.derive_secret(b"prompts"),
        }
    }

    /// Writes new settings for a vault whose settings record was lost, as a new record: the
    /// role the person chose again, the recovery code unconfirmed (the app then offers a new
    /// one), the other values as for a new vault, and the program counted from now.
    pub fn replace_lost_settings(
        &mut self,
        conn: &mut Connection,
        role: Role,
        now_ms: i64,
    ) -> Result<()> {
        if !self.check.settings_lost {
            return Err(Error::AlreadyExists);
        }
        let entry = SettingsEntry {
            row: 0,
            id: RecordId::generate()?,
            created_ms: now_ms,
            settings: Settings::new(role),
        };
        let meta = RecordMeta {
            id: entry.id,
            kind: RecordKind::Settings,
            created_ms: now_ms,
            updated_ms: now_ms,
            fields: entry.settings.encode(),
        };
        let row = self.write(conn, |tx, sealer| {
            let row = records::new_row(tx)?;
            sealer.insert(tx, row, &meta, &[])?;
            Ok(row)
        })?;
        self.settings = SettingsEntry { row, ..entry };
        self.check.settings_lost = false;
        Ok(())
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
        let mut settings = self.settings()?.settings;
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
            sealer.update(tx, row, &meta, &[])
        })?;
        self.settings.settings = settings;
        self.store_device_records();
        Ok(())
    }

    /// Runs `f` in one IMMEDIATE transaction with a sealer, and commits. The index is updated
    /// by the caller only after this returns, i.e. after the write is durable. An older copy
    /// takes no writes ([`Error::OlderCopy`]) until the person keeps it.
    pub fn write<T>(
        &mut self,
        conn: &mut Connection,
        f: impl FnOnce(&Transaction, &mut Sealer) -> Result<T>,
    ) -> Result<T> {
        if self.check.older_copy {
            return Err(Error::OlderCopy);
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // The stored manifest, so that writes from another process since unlock count.
        let manifest = match Manifest::load(&tx, &self.keys) {
            Ok(Some(stored)) => stored,
            _ => self.manifest,
        };
        let mut sealer = Sealer::new(&self.keys, self.lease, manifest);
        let out = f(&tx, &mut sealer)?;
        let committed = sealer.persist(&tx, 0)?;
        tx.commit()?;
        self.after_commit(committed);
        Ok(out)
    }

    fn after_commit(&mut self, committed: Committed) {
        self.lease = committed.lease;
        self.manifest = committed.manifest;
        apply(&mut self.versions, &committed.changes);
        if let Some(f) = &self.freshness {
            f.store_generation(self.manifest.generation);
        }
    }

    /// Keeps the records as they are now: the manifest is rewritten from the records read
    /// at unlock, at a generation past any this device saw, and the vault takes writes again.
    /// For the person who restored an older copy on purpose, or has seen the damage report.
    pub fn keep_as_is(&mut self, conn: &mut Connection) -> Result<()> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let seen = self.freshness.as_ref().and_then(|f| f.generation()).unwrap_or(0);
        let read = Manifest::of(self.manifest.generation.max(seen), self.versions.iter());
        let sealer = Sealer::new(&self.keys, self.lease, read);
        let committed = sealer.persist(&tx, seen)?;
        tx.commit()?;
        self.after_commit(committed);
        self.check = RecordCheck::default();
        Ok(())
    }

    /// Opens the body envelope of `row`.
    pub fn open_body(&self, conn: &Connection, row: i64) -> Result<Zeroizing<Vec<u8>>> {
        let sealed = records::body(conn, row)?;
        let mut opener = self.keys.opener(Purpose::Records);
        read_sealed_body(&mut opener, &self.versions, row, &sealed, |body| {
            Ok(Zeroizing::new(body.to_vec()))
        })
    }
}

/// The seal counter to resume from. A damaged counter does not stop the vault from
/// opening: sealing resumes with a key generation no envelope has used (a body can be one
/// ahead of its metadata, hence two past the highest found), and the first write stores a
/// new counter.
fn resume_lease(conn: &Connection, keys: &KeyRing) -> Result<SealLease> {
    let sealed: Vec<u8> =
        conn.query_row("SELECT seal_state FROM vault WHERE singleton = 1", [], |r| r.get(0))?;
    let stored = keys
        .open(Purpose::Index, &SEAL_STATE_PLACE, &sealed)
        .and_then(|plain| SealCounter::decode(&plain));
    let reserved = match stored {
        Ok(counter) => counter,
        Err(Error::Damaged(_)) => {
            let mut last_generation = 0u32;
            records::for_each_meta(conn, |_, sealed| {
                if let Ok(header) = Header::parse(sealed) {
                    last_generation = last_generation.max(header.key_id);
                }
                Ok(())
            })?;
            SealCounter { generation: last_generation.saturating_add(2), seals: 0 }
        }
        Err(other) => return Err(other),
    };
    Ok(SealLease { used: reserved, reserved })
}

/// Applies committed version changes.
fn apply(versions: &mut Versions, changes: &[(i64, Option<RecordVersion>)]) {
    for (row, version) in changes {
        match version {
            Some(v) => versions.set(*row, *v),
            None => versions.remove(*row),
        }
    }
}

/// Opens a body envelope already read from `row` with `opener`, checks that it belongs to
/// the same write as the record's metadata, and hands its data to `read`.
pub fn read_sealed_body<T>(
    opener: &mut Opener,
    versions: &Versions,
    row: i64,
    sealed: &[u8],
    read: impl FnOnce(&[u8]) -> Result<T>,
) -> Result<T> {
    opener.open(&records::body_place(row), sealed, |plain| {
        let (version, body) = manifest::split_version(plain)?;
        if versions.get(row) != Some(&version) {
            return Err(Error::Damaged("a record's body is not from its last write"));
        }
        read(body)
    })
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
