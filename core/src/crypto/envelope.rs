//! Sealed envelopes: the only form in which anything a person wrote reaches the disk.
//!
//! Layout: `version (1) | algorithm (1) | key id (4, LE) | nonce (12) | ciphertext | tag (16)`.
//! The plaintext is padded (see [`super::padding`]) before sealing. The associated data binds
//! an envelope to its place — header, table, column, row and record layout version — so an
//! envelope copied to another row or column fails to open.

use zeroize::Zeroizing;

use super::cipher::{Algorithm, Cipher, NONCE_LEN, TAG_LEN};
use super::{padding, random};
use crate::error::{Error, Result};

/// The envelope format version written today. Unknown versions are a hard error.
pub const VERSION: u8 = 1;
/// The layout version bound into an envelope's associated data. It changes only when the
/// meaning of sealed fields changes; the vault then reseals. Every envelope but a record's
/// is layout 1.
pub const LAYOUT_VERSION: u32 = 1;
/// The layout of record envelopes: layout 2 starts each with the record's version (see
/// `vault::manifest`). Vaults of schema 2 and older hold layout 1 records, read once by
/// the reseal that upgrades them.
pub const RECORD_LAYOUT_VERSION: u32 = 2;
/// Length of the header before the ciphertext.
pub const HEADER_LEN: usize = 2 + 4 + NONCE_LEN;

/// Where an envelope lives. Bound into the associated data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The table holding the envelope.
    pub table: &'static str,
    /// The column holding the envelope.
    pub column: &'static str,
    /// The row holding the envelope.
    pub row: i64,
}

/// The parsed header of an envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// The AEAD algorithm.
    pub algorithm: Algorithm,
    /// Which generation of the purpose's key sealed it.
    pub key_id: u32,
    nonce: [u8; NONCE_LEN],
}

impl Header {
    /// Parses and checks the header of `envelope`.
    pub fn parse(envelope: &[u8]) -> Result<Self> {
        if envelope.len() < HEADER_LEN + TAG_LEN {
            return Err(Error::Damaged("envelope too short"));
        }
        if envelope[0] != VERSION {
            return Err(Error::Damaged("unknown envelope version"));
        }
        let algorithm = Algorithm::from_id(envelope[1])?;
        let mut key_id = [0u8; 4];
        key_id.copy_from_slice(&envelope[2..6]);
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(&envelope[6..HEADER_LEN]);
        Ok(Self { algorithm, key_id: u32::from_le_bytes(key_id), nonce })
    }

    fn write(&self, out: &mut Vec<u8>) {
        out.push(VERSION);
        out.push(self.algorithm.id());
        out.extend_from_slice(&self.key_id.to_le_bytes());
        out.extend_from_slice(&self.nonce);
    }

    /// Writes the associated data for `place` into `buf`, returning its length. Built on
    /// the stack: unlock opens thousands of envelopes.
    fn associated_data(&self, place: &Place, layout: u32, buf: &mut [u8; AD_MAX]) -> Result<usize> {
        let mut len = 0;
        let mut put = |bytes: &[u8]| -> Result<()> {
            let end = len + bytes.len();
            buf.get_mut(len..end).ok_or(Error::Crypto)?.copy_from_slice(bytes);
            len = end;
            Ok(())
        };
        put(b"mend.envelope")?;
        put(&[VERSION, self.algorithm.id()])?;
        put(&self.key_id.to_le_bytes())?;
        put(&self.nonce)?;
        for name in [place.table, place.column] {
            put(&[u8::try_from(name.len()).map_err(|_| Error::Crypto)?])?;
            put(name.as_bytes())?;
        }
        put(&place.row.to_le_bytes())?;
        put(&layout.to_le_bytes())?;
        Ok(len)
    }
}

/// Room for the associated data: fixed fields plus short table and column names.
const AD_MAX: usize = 128;

/// Pads and seals `plain` for `place` with a fresh random nonce.
pub fn seal(cipher: &Cipher, key_id: u32, place: &Place, plain: &[u8]) -> Result<Vec<u8>> {
    seal_layout(cipher, key_id, place, LAYOUT_VERSION, plain)
}

/// Pads and seals `plain` for `place` under layout `layout`.
pub fn seal_layout(
    cipher: &Cipher,
    key_id: u32,
    place: &Place,
    layout: u32,
    plain: &[u8],
) -> Result<Vec<u8>> {
    let header = Header { algorithm: cipher.algorithm(), key_id, nonce: random::bytes()? };
    let mut ad = [0u8; AD_MAX];
    let ad_len = header.associated_data(place, layout, &mut ad)?;
    let mut body = padding::pad(plain)?;
    cipher.seal(header.nonce, &ad[..ad_len], &mut body)?;
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    header.write(&mut out);
    out.extend_from_slice(&body);
    Ok(out)
}

/// Opens an envelope whose header is `header` (from [`Header::parse`]) at `place`.
pub fn open(
    cipher: &Cipher,
    header: &Header,
    place: &Place,
    envelope: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    open_layout(cipher, header, place, LAYOUT_VERSION, envelope)
}

/// Opens an envelope sealed under layout `layout`.
pub fn open_layout(
    cipher: &Cipher,
    header: &Header,
    place: &Place,
    layout: u32,
    envelope: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    if cipher.algorithm() != header.algorithm {
        return Err(Error::Damaged("envelope algorithm mismatch"));
    }
    let mut body = Zeroizing::new(Vec::new());
    let data = open_into(cipher, header, place, layout, envelope, &mut body)?;
    // Keep only the data, in the same (wiped-on-drop) buffer.
    body.truncate(data.end);
    body.drain(..data.start);
    Ok(body)
}

/// Opens an envelope into `buf` (replacing what it held, reusing its memory) and returns
/// where the data lies in it. For opening many envelopes in a row without an allocation and
/// a wipe each: the caller wipes `buf` once at the end.
pub fn open_into(
    cipher: &Cipher,
    header: &Header,
    place: &Place,
    layout: u32,
    envelope: &[u8],
    buf: &mut Vec<u8>,
) -> Result<std::ops::Range<usize>> {
    if cipher.algorithm() != header.algorithm {
        return Err(Error::Damaged("envelope algorithm mismatch"));
    }
    let mut ad = [0u8; AD_MAX];
    let ad_len = header.associated_data(place, layout, &mut ad)?;
    let sealed = &envelope[HEADER_LEN..];
    if buf.capacity() < sealed.len() {
        // Growing would free the old memory unwiped: wipe it and start a new buffer.
        zeroize::Zeroize::zeroize(buf);
        *buf = Vec::with_capacity(sealed.len());
    }
    buf.clear();
    buf.extend_from_slice(sealed);
    let plain_len = cipher.open(header.nonce, &ad[..ad_len], buf)?.len();
    padding::data_range(&buf[..plain_len])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cipher(alg: Algorithm) -> Cipher {
        Cipher::new(alg, &[9u8; 32]).unwrap()
    }

    const PLACE: Place = Place { table: "record", column: "meta", row: 42 };

    fn roundtrip(alg: Algorithm, place: &Place, env: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
        let header = Header::parse(env)?;
        open(&cipher(alg), &header, place, env)
    }

    #[test]
    fn seal_then_open_gives_back_the_plaintext() {
        let alg = Algorithm::Aes256Gcm;
        let env = seal(&cipher(alg), 3, &PLACE, b"a private line").unwrap();
        assert_eq!(Header::parse(&env).unwrap().key_id, 3);
        assert_eq!(&roundtrip(alg, &PLACE, &env).unwrap()[..], b"a private line");
    }

    #[test]
    fn the_same_plaintext_never_seals_the_same_way_twice() {
        let c = cipher(Algorithm::Aes256Gcm);
        assert_ne!(seal(&c, 0, &PLACE, b"x").unwrap(), seal(&c, 0, &PLACE, b"x").unwrap());
    }

    #[test]
    fn an_envelope_fails_to_open_in_another_place() {
        let alg = Algorithm::Aes256Gcm;
        let env = seal(&cipher(alg), 0, &PLACE, b"moved").unwrap();
        for other in [
            Place { row: 43, ..PLACE },
            Place { column: "body", ..PLACE },
            Place { table: "other", ..PLACE },
        ] {
            assert!(matches!(roundtrip(alg, &other, &env), Err(Error::Damaged(_))));
        }
    }

    #[test]
    fn every_flipped_bit_is_detected() {
        let alg = Algorithm::Aes256Gcm;
        let env = seal(&cipher(alg), 0, &PLACE, b"integrity").unwrap();
        for i in 0..env.len() {
            let mut bad = env.clone();
            bad[i] ^= 0x10;
            assert!(roundtrip(alg, &PLACE, &bad).is_err(), "flip at {i} went unnoticed");
        }
        assert!(roundtrip(alg, &PLACE, &env[..env.len() - 1]).is_err());
        assert!(roundtrip(alg, &PLACE, &env[..10]).is_err());
    }

    #[test]
    fn unknown_versions_are_refused() {
        let alg = Algorithm::Aes256Gcm;
        let mut env = seal(&cipher(alg), 0, &PLACE, b"v").unwrap();
        env[0] = 2;
        assert!(matches!(Header::parse(&env), Err(Error::Damaged("unknown envelope version"))));
    }
}
