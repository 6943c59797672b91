//! The records inside a backup's plaintext stream.
//!
//! ```text
//! layout   u8                      1
//! record   u8 1 | u32 meta length | meta | u32 body length | body     (repeated)
//! end      u8 0 | u64 record count
//! padding  zeros
//! ```
//!
//! `meta` is a record's metadata as the vault seals it (kind, id, times, the kind's fields)
//! and `body` its body, without the write's version: every record kind, the settings and
//! the practice history travel the same way, and the restored vault reads them with the
//! same decoders as its own records. Lengths are little-endian and bounded before anything
//! is read into memory.

use zeroize::Zeroizing;

use super::chunks::Plain;
use crate::error::{Error, Result};

/// The record layout this build writes and reads.
pub const LAYOUT: u8 = 1;
const RECORD: u8 = 1;
const END: u8 = 0;
/// The largest metadata a record may carry in a backup.
pub const MAX_META: u32 = 64 * 1024;
/// The largest body a record may carry in a backup (a note's body is at most 1 MiB).
pub const MAX_BODY: u32 = 4 * 1024 * 1024;

/// Writes framed records to a plaintext sink.
pub struct FrameWriter<W> {
    out: W,
    records: u64,
}

impl<W: FnMut(&[u8]) -> Result<()>> FrameWriter<W> {
    /// Starts a stream, writing its layout byte through `out`.
    pub fn new(mut out: W) -> Result<Self> {
        out(&[LAYOUT])?;
        Ok(Self { out, records: 0 })
    }

    /// Appends one record.
    pub fn record(&mut self, meta: &[u8], body: &[u8]) -> Result<()> {
        let len = |data: &[u8], max: u32| {
            u32::try_from(data.len())
                .ok()
                .filter(|&n| n <= max)
                .ok_or(Error::Damaged("a record is too large to back up"))
        };
        let (meta_len, body_len) = (len(meta, MAX_META)?, len(body, MAX_BODY)?);
        (self.out)(&[RECORD])?;
        (self.out)(&meta_len.to_le_bytes())?;
        (self.out)(meta)?;
        (self.out)(&body_len.to_le_bytes())?;
        (self.out)(body)?;
        self.records += 1;
        Ok(())
    }

    /// Ends the stream with its record count; returns the count.
    pub fn end(mut self) -> Result<u64> {
        (self.out)(&[END])?;
        (self.out)(&self.records.to_le_bytes())?;
        Ok(self.records)
    }
}

const BAD: Error = Error::Damaged("the backup's records are malformed");

/// Reads every record from `plain`, handing each one's metadata and body to `each`, then
/// checks the count and the padding. Returns the number of records.
pub fn read<P: Plain>(
    mut plain: P,
    mut each: impl FnMut(&[u8], &[u8]) -> Result<()>,
) -> Result<u64> {
    let mut byte = [0u8; 1];
    plain.read_exact(&mut byte)?;
    if byte[0] != LAYOUT {
        return Err(Error::Damaged("the backup's record layout is unknown"));
    }
    let mut meta = Zeroizing::new(Vec::new());
    let mut body = Zeroizing::new(Vec::new());
    let mut records = 0u64;
    loop {
        plain.read_exact(&mut byte)?;
        match byte[0] {
            RECORD => {
                read_sized(&mut plain, &mut meta, MAX_META)?;
                read_sized(&mut plain, &mut body, MAX_BODY)?;
                each(&meta, &body)?;
                records += 1;
            }
            END => break,
            _ => return Err(BAD),
        }
    }
    let mut count = [0u8; 8];
    plain.read_exact(&mut count)?;
    if u64::from_le_bytes(count) != records {
        return Err(BAD);
    }
    plain.finish()?;
    Ok(records)
}

/// Reads a length (at most `max`) and that many bytes into `buf`, reusing its memory.
fn read_sized<P: Plain>(plain: &mut P, buf: &mut Zeroizing<Vec<u8>>, max: u32) -> Result<()> {
    let mut len = [0u8; 4];
    plain.read_exact(&mut len)?;
    let len = u32::from_le_bytes(len);
    if len > max {
        return Err(BAD);
    }
    // Growing in place would free the old allocation unwiped: replace it (dropping the
    // old buffer wipes it) instead.
    if buf.capacity() < len as usize {
        *buf = Zeroizing::new(Vec::with_capacity(len as usize));
    }
    buf.clear();
    buf.resize(len as usize, 0);
    plain.read_exact(buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backup::chunks::PlainBytes;

    fn stream(records: &[(&[u8], &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut w = FrameWriter::new(|d: &[u8]| {
            out.extend_from_slice(d);
            Ok(())
        })
        .unwrap();
        for (m, b) in records {
            w.record(m, b).unwrap();
        }
        w.end().unwrap();
        out
    }

    #[test]
    fn records_round_trip_and_malformed_streams_are_refused() {
        let data = stream(&[(b"meta one", b"body"), (b"m2", b"")]);
        let mut seen = Vec::new();
        let mut padded = data.clone();
        padded.extend_from_slice(&[0; 40]);
        let n = read(PlainBytes(&padded), |m, b| {
            seen.push((m.to_vec(), b.to_vec()));
            Ok(())
        })
        .unwrap();
        assert_eq!(n, 2);
        assert_eq!(seen[0], (b"meta one".to_vec(), b"body".to_vec()));

        let ok = |d: &[u8]| read(PlainBytes(d), |_, _| Ok(())).is_ok();
        for cut in 0..data.len() {
            assert!(!ok(&data[..cut]), "cut at {cut}");
        }
        let mut wrong_count = data.clone();
        let at = wrong_count.len() - 8;
        wrong_count[at] = 9;
        let mut huge = stream(&[]);
        huge.truncate(1);
        huge.extend_from_slice(&[1, 0xff, 0xff, 0xff, 0xff]);
        let mut trailing = data.clone();
        trailing.push(1);
        let mut unknown = data.clone();
        unknown[0] = 2;
        for bad in [wrong_count, huge, trailing, unknown] {
            assert!(!ok(&bad));
        }
    }
}
