//! Padding plaintext to size buckets before sealing, so stored sizes say little.
//!
//! Buckets follow Padmé (from the PURBs paper): a length is rounded up so that only its top
//! few bits vary, costing at most about 12 % and usually a few percent. A padded plaintext is
//! `length (u32, little-endian) | data | zeros`.

use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// The smallest padded size, so that short values all look alike: large enough for the
/// metadata of most records of every kind (a note's title and tags, a check-in, a day's
/// practice), so that their envelopes are the same size.
const MIN_PADDED: usize = 128;
/// The smallest padded size before it was raised (envelopes written then still open).
const OLD_MIN_PADDED: usize = 64;
const LEN_PREFIX: usize = 4;

/// The Padmé bucket for a length.
pub fn padme(len: usize) -> usize {
    if len < 2 {
        return len;
    }
    let e = usize::BITS - 1 - len.leading_zeros(); // floor(log2(len))
    let s = u32::BITS - e.leading_zeros(); // floor(log2(e)) + 1
    let last_bits = e - s;
    let mask = (1usize << last_bits) - 1;
    (len + mask) & !mask
}

/// Frames and pads `data`.
pub fn pad(data: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let len = u32::try_from(data.len()).map_err(|_| Error::Crypto)?;
    let total = padme((data.len() + LEN_PREFIX).max(MIN_PADDED));
    let mut out = Zeroizing::new(Vec::with_capacity(total + super::cipher::TAG_LEN));
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(data);
    out.resize(total, 0);
    Ok(out)
}

/// Where the data lies inside a padded plaintext, checking the frame strictly.
pub fn data_range(padded: &[u8]) -> Result<std::ops::Range<usize>> {
    const BAD: Error = Error::Damaged("bad padding");
    let (prefix, rest) = padded.split_first_chunk::<LEN_PREFIX>().ok_or(BAD)?;
    let len = usize::try_from(u32::from_le_bytes(*prefix)).map_err(|_| BAD)?;
    let fits = |min: usize| padded.len() == padme((len + LEN_PREFIX).max(min));
    if len > rest.len() || !(fits(MIN_PADDED) || fits(OLD_MIN_PADDED)) {
        return Err(BAD);
    }
    if rest[len..].iter().any(|&b| b != 0) {
        return Err(BAD);
    }
    Ok(LEN_PREFIX..LEN_PREFIX + len)
}

/// Returns the data inside a padded plaintext, checking the frame strictly.
pub fn unpad(padded: &[u8]) -> Result<&[u8]> {
    Ok(&padded[data_range(padded)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padme_rounds_up_and_wastes_at_most_twelve_percent() {
        for len in 2..200_000usize {
            let p = padme(len);
            assert!(p >= len);
            assert!((p - len) * 100 <= len * 12, "len {len} padded to {p}");
        }
        assert_eq!(padme(1000), 1024);
        assert_eq!(padme(1025), 1088);
    }

    #[test]
    fn padded_sizes_hide_small_differences() {
        let a = pad(&[7u8; 1000]).unwrap();
        let b = pad(&[7u8; 1010]).unwrap();
        assert_eq!(a.len(), b.len());
        assert_eq!(pad(b"hi").unwrap().len(), pad(&[1u8; 120]).unwrap().len());
        assert_eq!(pad(b"").unwrap().len(), MIN_PADDED);
    }

    #[test]
    fn envelopes_padded_to_the_older_minimum_still_open() {
        let mut old = 5u32.to_le_bytes().to_vec();
        old.extend_from_slice(b"hello");
        old.resize(OLD_MIN_PADDED, 0);
        assert_eq!(unpad(&old).unwrap(), b"hello");
        old.resize(OLD_MIN_PADDED + 8, 0);
        assert!(unpad(&old).is_err());
    }

    #[test]
    fn unpad_returns_the_data_and_rejects_bad_frames() {
        let data = b"some words".to_vec();
        let padded = pad(&data).unwrap();
        assert_eq!(unpad(&padded).unwrap(), &data[..]);

        let mut long = padded.clone();
        long[0] = 200;
        assert!(unpad(&long).is_err());
        let mut dirty = padded.clone();
        *dirty.last_mut().unwrap() = 1;
        assert!(unpad(&dirty).is_err());
        assert!(unpad(&padded[..padded.len() - 1]).is_err());
        assert!(unpad(&[1, 0]).is_err());
    }
}
