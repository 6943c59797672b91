//! A backup file's header: what it is, which format, how its key is made from the backup
//! passphrase, and a check that tells a wrong passphrase from a damaged file.
//!
//! ```text
//! offset size
//!  0      8  magic "MENDBKUP"
//!  8      2  format version, u16 little-endian (this build writes and reads 1)
//! 10      1  key derivation: 1 = Argon2id v1.3
//! 11      1  zero
//! 12     12  memory KiB, passes, lanes: three u32 little-endian
//! 24     16  salt
//! 40      4  plaintext bytes per chunk, u32 little-endian
//! 44      7  nonce prefix
//! 51      1  zero
//! 52     32  passphrase check: HMAC-SHA256(check key, bytes 0..52)
//! ```
//!
//! Every chunk's associated data is the SHA-256 of these 84 bytes, so no byte of the header
//! can change without every chunk failing its check.

use ring::{digest, hmac};

use crate::crypto::KdfParams;
use crate::crypto::keyring::hkdf_sha256;
use crate::crypto::{SecretKey, kdf, random};
use crate::error::{Error, Result};

/// The first bytes of every backup file.
pub const MAGIC: &[u8; 8] = b"MENDBKUP";
/// The newest format this build writes and reads.
pub const FORMAT: u16 = 1;
/// The header's length in bytes.
pub const LEN: usize = 84;
/// Plaintext bytes per chunk written by this build.
pub const CHUNK: u32 = 64 * 1024;
/// The chunk sizes a backup may declare: small enough to bound memory, large enough that
/// a hostile file cannot make a reader do work per byte.
const CHUNK_RANGE: std::ops::RangeInclusive<u32> = 4096..=1024 * 1024;
/// Argon2id version 1.3.
const KDF_ARGON2ID: u8 = 1;
const CHECKED: usize = 52;

/// A parsed header, and the keys its passphrase gives.
pub struct Header {
    /// The header's bytes as written.
    pub bytes: [u8; LEN],
    /// How the key is made from the passphrase.
    pub kdf: KdfParams,
    /// Plaintext bytes per chunk.
    pub chunk: u32,
    /// The first seven bytes of every chunk's nonce.
    pub nonce_prefix: [u8; 7],
}

/// The keys a passphrase gives for one backup.
pub struct Keys {
    /// Seals the chunks.
    pub chunks: SecretKey,
    check: SecretKey,
}

impl Header {
    /// A new header (fresh salt and nonce prefix) and its keys for `passphrase`.
    pub fn new(kdf: KdfParams, passphrase: &[u8]) -> Result<(Self, Keys)> {
        kdf.validate()?;
        let salt = random::bytes::<16>()?;
        let nonce_prefix = random::bytes::<7>()?;
        let mut bytes = [0u8; LEN];
        bytes[..8].copy_from_slice(MAGIC);
        bytes[8..10].copy_from_slice(&FORMAT.to_le_bytes());
        bytes[10] = KDF_ARGON2ID;
        bytes[12..16].copy_from_slice(&kdf.memory_kib.to_le_bytes());
        bytes[16..20].copy_from_slice(&kdf.iterations.to_le_bytes());
        bytes[20..24].copy_from_slice(&kdf.parallelism.to_le_bytes());
        bytes[24..40].copy_from_slice(&salt);
        bytes[40..44].copy_from_slice(&CHUNK.to_le_bytes());
        bytes[44..51].copy_from_slice(&nonce_prefix);
        let keys = Keys::derive(kdf, passphrase, &salt)?;
        let check = keys.check(&bytes[..CHECKED]);
        bytes[CHECKED..].copy_from_slice(&check);
        Ok((Self { bytes, kdf, chunk: CHUNK, nonce_prefix }, keys))
    }

    /// Parses a header, refusing what is not a backup, a newer format, and parameters out of
    /// range, before any key is derived.
    pub fn parse(data: &[u8]) -> Result<Self> {
        if data.len() < MAGIC.len() || &data[..MAGIC.len()] != MAGIC {
            return Err(Error::NotABackup);
        }
        let bytes: [u8; LEN] =
            data.get(..LEN).and_then(|b| b.try_into().ok()).ok_or(DAMAGED_HEADER)?;
        let u32_at = |at: usize| {
            u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
        };
        let format = u16::from_le_bytes([bytes[8], bytes[9]]);
        if format > FORMAT {
            return Err(Error::NewerBackup {
                found: u32::from(format),
                supported: u32::from(FORMAT),
            });
        }
        if format == 0 || bytes[10] != KDF_ARGON2ID || bytes[11] != 0 || bytes[51] != 0 {
            return Err(DAMAGED_HEADER);
        }
        let kdf =
            KdfParams { memory_kib: u32_at(12), iterations: u32_at(16), parallelism: u32_at(20) };
        kdf.validate()
            .map_err(|_| Error::Damaged("the backup asks for key-derivation costs out of range"))?;
        let chunk = u32_at(40);
        if !CHUNK_RANGE.contains(&chunk) {
            return Err(DAMAGED_HEADER);
        }
        let mut nonce_prefix = [0u8; 7];
        nonce_prefix.copy_from_slice(&bytes[44..51]);
        Ok(Self { bytes, kdf, chunk, nonce_prefix })
    }

    /// The keys for `passphrase`, if it is the one this backup was made with.
    pub fn keys(&self, passphrase: &[u8]) -> Result<Keys> {
        let keys = Keys::derive(self.kdf, passphrase, &self.bytes[24..40])?;
        let key = hmac::Key::new(hmac::HMAC_SHA256, keys.check.as_slice());
        hmac::verify(&key, &self.bytes[..CHECKED], &self.bytes[CHECKED..])
            .map_err(|_| Error::WrongBackupPassphrase)?;
        Ok(keys)
    }

    /// The associated data of every chunk: the header's hash.
    pub fn associated_data(&self) -> [u8; 32] {
        let mut out = [0u8; 32];
        out.copy_from_slice(digest::digest(&digest::SHA256, &self.bytes).as_ref());
        out
    }
}

const DAMAGED_HEADER: Error = Error::Damaged("the backup's header is damaged");

impl Keys {
    fn derive(kdf: KdfParams, passphrase: &[u8], salt: &[u8]) -> Result<Self> {
        let stretched = kdf::stretch(kdf, passphrase, salt)?;
        Ok(Self {
            chunks: hkdf_sha256(salt, stretched.as_slice(), &[b"mend backup chunks"])?,
            check: hkdf_sha256(salt, stretched.as_slice(), &[b"mend backup check"])?,
        })
    }

    fn check(&self, header: &[u8]) -> [u8; 32] {
        let key = hmac::Key::new(hmac::HMAC_SHA256, self.check.as_slice());
        let mut out = [0u8; 32];
        out.copy_from_slice(hmac::sign(&key, header).as_ref());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: KdfParams = KdfParams { memory_kib: 64, iterations: 1, parallelism: 1 };

    #[test]
    fn a_header_parses_back_and_knows_its_passphrase() {
        let (header, keys) = Header::new(SMALL, b"a long backup phrase").unwrap();
        let parsed = Header::parse(&header.bytes).unwrap();
        assert_eq!(parsed.kdf, SMALL);
        assert_eq!(parsed.chunk, CHUNK);
        assert_eq!(*parsed.keys(b"a long backup phrase").unwrap().chunks, *keys.chunks);
        assert!(matches!(parsed.keys(b"another phrase"), Err(Error::WrongBackupPassphrase)));
    }

    #[test]
    fn what_is_not_a_backup_a_newer_one_and_hostile_values_are_told_apart() {
        let (header, _) = Header::new(SMALL, b"a long backup phrase").unwrap();
        let with = |at: usize, bytes: &[u8]| {
            let mut b = header.bytes;
            b[at..at + bytes.len()].copy_from_slice(bytes);
            Header::parse(&b)
        };
        assert!(matches!(Header::parse(b"SQLite format 3\0"), Err(Error::NotABackup)));
        assert!(matches!(Header::parse(b""), Err(Error::NotABackup)));
        assert!(matches!(Header::parse(&header.bytes[..40]), Err(Error::Damaged(_))));
        assert!(matches!(with(8, &[2, 0]), Err(Error::NewerBackup { found: 2, supported: 1 })));
        assert!(matches!(with(8, &[0, 0]), Err(Error::Damaged(_))));
        assert!(matches!(with(10, &[9]), Err(Error::Damaged(_))));
        assert!(matches!(with(12, &u32::MAX.to_le_bytes()), Err(Error::Damaged(_))));
        assert!(matches!(with(16, &1000u32.to_le_bytes()), Err(Error::Damaged(_))));
        assert!(matches!(with(40, &u32::MAX.to_le_bytes()), Err(Error::Damaged(_))));
        assert!(matches!(with(40, &16u32.to_le_bytes()), Err(Error::Damaged(_))));
        // A changed salt or cost gives another key: it reads as a wrong passphrase.
        let salted = with(30, &[0xAA]).unwrap();
        assert!(matches!(salted.keys(b"a long backup phrase"), Err(Error::WrongBackupPassphrase)));
    }
}
