//! The unlocked vault's keys: the data key and the per-purpose subkeys derived from it.
//!
//! Subkeys come from HKDF-SHA256 over the data key, salted with the vault id, with the
//! purpose and a key generation in the info. Each purpose's generation moves on well before
//! 2^32 seals (random 96-bit nonces), see [`ROTATE_AFTER_SEALS`].

use std::sync::{Arc, Mutex};

use ring::hkdf;
use zeroize::Zeroizing;

use super::SecretKey;
use super::cipher::{Algorithm, Cipher};
use super::envelope::{self, Header, Place};
use crate::error::{Error, Result};

/// Seals with one key generation before the next is used.
pub const ROTATE_AFTER_SEALS: u64 = 1 << 30;
/// The most generations a vault can have; far beyond any real use.
const MAX_GENERATIONS: u32 = 1024;

/// What a subkey is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Sealing user records.
    Records,
    /// Sealing the vault's own bookkeeping (e.g. the seal counter).
    Index,
    /// Sealing exported backups.
    Export,
}

impl Purpose {
    /// The envelope layout this purpose seals with.
    fn layout(self) -> u32 {
        match self {
            Purpose::Records => envelope::RECORD_LAYOUT_VERSION,
            Purpose::Index | Purpose::Export => envelope::LAYOUT_VERSION,
        }
    }

    fn label(self) -> &'static [u8] {
        match self {
            Purpose::Records => b"records",
            Purpose::Index => b"index",
            Purpose::Export => b"export",
        }
    }
}

/// Fills a 32-byte key with HKDF-SHA256(salt, ikm, info parts).
pub fn hkdf_sha256(salt: &[u8], ikm: &[u8], info: &[&[u8]]) -> Result<SecretKey> {
    let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, salt).extract(ikm);
    let okm = prk.expand(info, hkdf::HKDF_SHA256).map_err(|_| Error::Crypto)?;
    let mut out = SecretKey::new([0u8; 32]);
    okm.fill(out.as_mut_slice()).map_err(|_| Error::Crypto)?;
    Ok(out)
}

/// Expanded ciphers by (purpose, generation, algorithm); a handful of entries at most.
type CipherCache = Mutex<Vec<((Purpose, u32, Algorithm), Arc<Cipher>)>>;

/// The keys of an unlocked vault. Dropping it wipes the data key.
pub struct KeyRing {
    vault_id: [u8; 16],
    data_key: SecretKey,
    algorithm: Algorithm,
    ciphers: CipherCache,
}

impl KeyRing {
    /// A key ring over `data_key` for the vault `vault_id`, sealing with `algorithm`.
    pub fn new(vault_id: [u8; 16], data_key: SecretKey, algorithm: Algorithm) -> Self {
        Self { vault_id, data_key, algorithm, ciphers: Default::default() }
    }

    /// A secret derived for one use other than sealing (for example the seed that makes
    /// prompt choices differ between vaults), labelled so no two uses share it.
    pub fn derive_secret(&self, label: &[u8]) -> Result<SecretKey> {
        hkdf_sha256(&self.vault_id, self.data_key.as_slice(), &[b"mend.secret.", label])
    }

    /// The data key itself, for rewrapping into key slots.
    pub fn data_key(&self) -> &SecretKey {
        &self.data_key
    }

    fn cipher(&self, purpose: Purpose, generation: u32, alg: Algorithm) -> Result<Arc<Cipher>> {
        if generation >= MAX_GENERATIONS {
            return Err(Error::Damaged("unknown key generation"));
        }
        let mut cache = self.ciphers.lock().map_err(|_| Error::Crypto)?;
        if let Some((_, c)) = cache.iter().find(|(k, _)| *k == (purpose, generation, alg)) {
            return Ok(c.clone());
        }
        let generation_bytes = generation.to_le_bytes();
        let key = hkdf_sha256(
            &self.vault_id,
            self.data_key.as_slice(),
            &[b"mend.subkey.", purpose.label(), b".", &generation_bytes],
        )?;
        let cipher = Arc::new(Cipher::new(alg, &key)?);
        cache.push(((purpose, generation, alg), cipher.clone()));
        Ok(cipher)
    }

    /// Seals `plain` for `place` with `purpose`'s key of `generation`.
    pub fn seal(
        &self,
        purpose: Purpose,
        generation: u32,
        place: &Place,
        plain: &[u8],
    ) -> Result<Vec<u8>> {
        let cipher = self.cipher(purpose, generation, self.algorithm)?;
        envelope::seal_layout(&cipher, generation, place, purpose.layout(), plain)
    }

    /// Opens an envelope sealed for `place` with `purpose`'s key of any generation.
    pub fn open(
        &self,
        purpose: Purpose,
        place: &Place,
        sealed: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>> {
        self.open_layout(purpose, place, purpose.layout(), sealed)
    }

    /// An opener for many envelopes of one purpose in a row (unlock opens thousands): it
    /// keeps the cipher of the last key generation it used instead of asking the cache each
    /// time.
    pub fn opener(&self, purpose: Purpose) -> Opener<'_> {
        Opener { ring: self, purpose, last: None, buf: Zeroizing::new(Vec::new()) }
    }

    /// Opens an envelope sealed under an older layout `layout` (for the reseal that
    /// upgrades a vault).
    pub fn open_layout(
        &self,
        purpose: Purpose,
        place: &Place,
        layout: u32,
        sealed: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>> {
        let header = Header::parse(sealed)?;
        let cipher = self.cipher(purpose, header.key_id, header.algorithm)?;
        envelope::open_layout(&cipher, &header, place, layout, sealed)
    }
}

/// Opens envelopes of one purpose in a row (see [`KeyRing::opener`]): it reuses the last
/// cipher and one plaintext buffer, wiped when the opener is dropped.
pub struct Opener<'a> {
    ring: &'a KeyRing,
    purpose: Purpose,
    last: Option<((u32, Algorithm), Arc<Cipher>)>,
    buf: Zeroizing<Vec<u8>>,
}

impl Opener<'_> {
    /// Opens an envelope sealed for `place` and hands its data to `read`, which must not
    /// keep it: the buffer is reused by the next envelope.
    pub fn open<T>(
        &mut self,
        place: &Place,
        sealed: &[u8],
        read: impl FnOnce(&[u8]) -> Result<T>,
    ) -> Result<T> {
        let header = Header::parse(sealed)?;
        let key = (header.key_id, header.algorithm);
        let cipher = match &self.last {
            Some((k, cipher)) if *k == key => cipher.clone(),
            _ => {
                let cipher = self.ring.cipher(self.purpose, header.key_id, header.algorithm)?;
                self.last = Some((key, cipher.clone()));
                cipher
            }
        };
        let layout = self.purpose.layout();
        let data = envelope::open_into(&cipher, &header, place, layout, sealed, &mut self.buf)?;
        read(&self.buf[data])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(key: u8) -> KeyRing {
        KeyRing::new([1u8; 16], SecretKey::new([key; 32]), Algorithm::Aes256Gcm)
    }
    const PLACE: Place = Place { table: "t", column: "c", row: 1 };

    #[test]
    fn purposes_and_generations_have_separate_keys() {
        let r = ring(5);
        let env = r.seal(Purpose::Records, 0, &PLACE, b"x").unwrap();
        assert_eq!(&r.open(Purpose::Records, &PLACE, &env).unwrap()[..], b"x");
        assert!(r.open(Purpose::Index, &PLACE, &env).is_err());
        let gen1 = r.seal(Purpose::Records, 1, &PLACE, b"y").unwrap();
        assert_eq!(&r.open(Purpose::Records, &PLACE, &gen1).unwrap()[..], b"y");
        assert!(ring(6).open(Purpose::Records, &PLACE, &env).is_err());
    }

    #[test]
    fn an_envelope_naming_another_algorithm_is_damage() {
        let mut env = ring(5).seal(Purpose::Records, 0, &PLACE, b"z").unwrap();
        env[1] = 2;
        assert!(matches!(ring(5).open(Purpose::Records, &PLACE, &env), Err(Error::Damaged(_))));
    }
}
