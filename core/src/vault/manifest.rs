//! Record versions and the sealed manifest of a vault's live records.
//!
//! Every record write draws a fresh random 128-bit version and seals it at the start of both
//! of the record's envelopes (record layout 2), so the metadata and the body of one write
//! belong together. The manifest — sealed with the index key in the vault row and rewritten
//! in every write transaction — holds the number of live records, the XOR of their versions
//! and the vault's write generation. Versions exist only inside envelopes, so nobody without
//! the data key knows them: at unlock the versions read are combined again, and a missing,
//! older, mixed or reinserted row changes the result and is reported (the chance of a change
//! going unnoticed is 2^-128). A body whose version is not its metadata's is damage.
//!
//! The generation also goes to the platform key store after each commit (see
//! [`super::freshness`]), so a restored older file can be told from the current one.

use rusqlite::{Connection, OptionalExtension, Transaction};

use crate::crypto::{KeyRing, Place, Purpose, random};
use crate::encoding::{Reader, Writer};
use crate::error::{Error, Result};

/// The length of a record version.
pub const VERSION_LEN: usize = 16;

/// A record version: random, drawn anew at every write of the record.
pub type RecordVersion = [u8; VERSION_LEN];

const PLACE: Place = Place { table: "vault", column: "manifest", row: 1 };

/// A fresh random version.
pub fn new_version() -> Result<RecordVersion> {
    random::bytes()
}

/// Puts `version` in front of a record envelope's plaintext.
pub fn versioned(version: &RecordVersion, data: &[u8]) -> zeroize::Zeroizing<Vec<u8>> {
    let mut out = zeroize::Zeroizing::new(Vec::with_capacity(VERSION_LEN + data.len()));
    out.extend_from_slice(version);
    out.extend_from_slice(data);
    out
}

/// Splits a record envelope's plaintext into its version and data.
pub fn split_version(plain: &[u8]) -> Result<(RecordVersion, &[u8])> {
    let (version, data) = plain
        .split_first_chunk::<VERSION_LEN>()
        .ok_or(Error::Damaged("a record has no version"))?;
    Ok((*version, data))
}

/// The sealed summary of the live records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Manifest {
    /// Moves on with every write transaction.
    pub generation: u64,
    /// The number of live records.
    pub count: u64,
    /// The XOR of every live record's version.
    pub digest: RecordVersion,
}

impl Manifest {
    /// Counts a record version in (or, for one already counted, out again).
    pub fn toggle(&mut self, version: &RecordVersion, adding: bool) {
        for (d, v) in self.digest.iter_mut().zip(version) {
            *d ^= v;
        }
        self.count = if adding { self.count + 1 } else { self.count.saturating_sub(1) };
    }

    /// The manifest of the records whose versions are `versions`, at `generation`.
    pub fn of<'a>(generation: u64, versions: impl IntoIterator<Item = &'a RecordVersion>) -> Self {
        let mut m = Self { generation, ..Self::default() };
        for v in versions {
            m.toggle(v, true);
        }
        m
    }

    /// Whether it describes the same set of records as `other` (generations aside).
    pub fn same_records(&self, other: &Manifest) -> bool {
        self.count == other.count && self.digest == other.digest
    }

    fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.i64(self.generation as i64).i64(self.count as i64).bytes(&self.digest);
        w.finish()
    }

    pub(crate) fn decode(data: &[u8]) -> Result<Self> {
        const BAD: Error = Error::Damaged("bad manifest");
        let mut r = Reader::new(data);
        let generation = u64::try_from(r.i64()?).map_err(|_| BAD)?;
        let count = u64::try_from(r.i64()?).map_err(|_| BAD)?;
        let digest = r.bytes()?.try_into().map_err(|_| BAD)?;
        r.finish()?;
        Ok(Self { generation, count, digest })
    }

    /// Reads the stored manifest: `None` when the vault has none yet (written before
    /// records had versions), an error when it does not open.
    pub fn load(conn: &Connection, keys: &KeyRing) -> Result<Option<Self>> {
        let sealed: Vec<u8> = conn
            .query_row("SELECT manifest FROM vault WHERE singleton = 1", [], |r| r.get(0))
            .optional()?
            .ok_or(Error::Damaged("the vault row is missing"))?;
        if sealed.is_empty() {
            return Ok(None);
        }
        Ok(Some(Self::decode(&keys.open(Purpose::Index, &PLACE, &sealed)?)?))
    }

    /// Seals and stores the manifest inside a write transaction.
    pub fn save(&self, tx: &Transaction, keys: &KeyRing, key_generation: u32) -> Result<()> {
        let sealed = keys.seal(Purpose::Index, key_generation, &PLACE, &self.encode())?;
        tx.prepare_cached("UPDATE vault SET manifest = ?1 WHERE singleton = 1")?
            .execute([sealed])?;
        Ok(())
    }
}

/// The version of each live record, by row, kept in memory while the vault is unlocked to
/// check bodies against their metadata.
#[derive(Debug, Default, Clone)]
pub struct Versions(Vec<(i64, RecordVersion)>);

impl Versions {
    /// Room for `n` records.
    pub fn with_capacity(n: usize) -> Self {
        Self(Vec::with_capacity(n))
    }

    fn find(&self, row: i64) -> std::result::Result<usize, usize> {
        self.0.binary_search_by_key(&row, |(r, _)| *r)
    }

    /// The version of `row`.
    pub fn get(&self, row: i64) -> Option<&RecordVersion> {
        self.find(row).ok().map(|i| &self.0[i].1)
    }

    /// Sets the version of `row` (rows mostly come in increasing order: a push).
    pub fn set(&mut self, row: i64, version: RecordVersion) {
        match self.0.last() {
            Some((last, _)) if *last < row => self.0.push((row, version)),
            None => self.0.push((row, version)),
            _ => match self.find(row) {
                Ok(i) => self.0[i].1 = version,
                Err(i) => self.0.insert(i, (row, version)),
            },
        }
    }

    /// Forgets `row`.
    pub fn remove(&mut self, row: i64) {
        if let Ok(i) = self.find(row) {
            self.0.remove(i);
        }
    }

    /// Every version held.
    pub fn iter(&self) -> impl Iterator<Item = &RecordVersion> {
        self.0.iter().map(|(_, v)| v)
    }

    /// The version of every row listed in `rows` (missing rows are left out).
    pub fn subset(&self, rows: impl IntoIterator<Item = i64>) -> Versions {
        let mut out: Vec<_> =
            rows.into_iter().filter_map(|row| Some((row, *self.get(row)?))).collect();
        out.sort_unstable_by_key(|(r, _)| *r);
        out.dedup_by_key(|(r, _)| *r);
        Versions(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_notices_a_missing_older_or_extra_version() {
        let (a, b, b_old, c) = ([1u8; 16], [2u8; 16], [3u8; 16], [4u8; 16]);
        let current = Manifest::of(9, [&a, &b, &c]);
        assert!(current.same_records(&Manifest::of(1, [&c, &a, &b])));
        assert!(!current.same_records(&Manifest::of(9, [&a, &c])));
        assert!(!current.same_records(&Manifest::of(9, [&a, &b_old, &c])));
        assert!(!current.same_records(&Manifest::of(9, [&a, &b, &c, &b_old])));
        let mut edited = current;
        edited.toggle(&b, false);
        edited.toggle(&b_old, true);
        assert!(edited.same_records(&Manifest::of(9, [&a, &b_old, &c])));
        assert_eq!(Manifest::decode(&current.encode()).unwrap(), current);
    }

    #[test]
    fn versions_stay_sorted_by_row() {
        let mut v = Versions::default();
        for row in [5, 9, 7, 1] {
            v.set(row, [row as u8; 16]);
        }
        v.set(7, [70; 16]);
        v.remove(9);
        assert_eq!(v.0.iter().map(|(r, _)| *r).collect::<Vec<_>>(), [1, 5, 7]);
        assert_eq!(v.get(7), Some(&[70; 16]));
        assert_eq!(v.get(9), None);
        assert_eq!(split_version(&versioned(&[8; 16], b"x")).unwrap(), ([8; 16], &b"x"[..]));
        assert!(split_version(&[1, 2]).is_err());
    }
}
