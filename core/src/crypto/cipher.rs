//! One AEAD key ready for use: AES-256-GCM through ring.
//!
//! The header's algorithm byte leaves room for another cipher. ChaCha20-Poly1305 was one
//! and was dropped: every phone Mend runs on has AES instructions or ring's constant-time
//! vector AES, no build ever wrote it, and its code was 40 KB of a library held to 2 MB.

use ring::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};

use crate::error::{Error, Result};

/// Length of a nonce in bytes (96 bits).
pub const NONCE_LEN: usize = 12;
/// Length of an authentication tag in bytes.
pub const TAG_LEN: usize = 16;

/// The AEAD algorithms an envelope can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    /// AES-256-GCM.
    Aes256Gcm,
}

impl Algorithm {
    /// The algorithm's byte in an envelope header.
    pub fn id(self) -> u8 {
        match self {
            Algorithm::Aes256Gcm => 1,
        }
    }

    /// The algorithm named by an envelope header byte.
    pub fn from_id(id: u8) -> Result<Self> {
        match id {
            1 => Ok(Algorithm::Aes256Gcm),
            _ => Err(Error::Damaged("unknown envelope algorithm")),
        }
    }
}

/// An expanded AEAD key.
pub struct Cipher {
    algorithm: Algorithm,
    key: LessSafeKey,
}

impl Cipher {
    /// Prepares `key` for `algorithm`.
    pub fn new(algorithm: Algorithm, key: &[u8; 32]) -> Result<Self> {
        let alg = match algorithm {
            Algorithm::Aes256Gcm => &AES_256_GCM,
        };
        let unbound = UnboundKey::new(alg, key).map_err(|_| Error::Crypto)?;
        Ok(Self { algorithm, key: LessSafeKey::new(unbound) })
    }

    /// The algorithm this key is for.
    pub fn algorithm(&self) -> Algorithm {
        self.algorithm
    }

    /// Encrypts `in_out` in place and appends the tag.
    pub fn seal(&self, nonce: [u8; NONCE_LEN], ad: &[u8], in_out: &mut Vec<u8>) -> Result<()> {
        self.key
            .seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::from(ad), in_out)
            .map_err(|_| Error::Crypto)
    }

    /// Checks the tag and decrypts `in_out` in place, returning the plaintext part.
    /// A failed check is reported as damaged data; callers that try a key (a passcode slot)
    /// turn it into their own error.
    pub fn open<'a>(
        &self,
        nonce: [u8; NONCE_LEN],
        ad: &[u8],
        in_out: &'a mut [u8],
    ) -> Result<&'a mut [u8]> {
        self.key
            .open_in_place(Nonce::assume_unique_for_key(nonce), Aad::from(ad), in_out)
            .map_err(|_| Error::Damaged("an envelope failed its integrity check"))
    }
}
