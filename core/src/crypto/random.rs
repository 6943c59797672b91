//! The operating system's random source, through ring's `SystemRandom`.

use ring::rand::{SecureRandom, SystemRandom};

use crate::error::{Error, Result};

/// Fills `buf` with random bytes.
pub fn fill(buf: &mut [u8]) -> Result<()> {
    SystemRandom::new().fill(buf).map_err(|_| Error::Crypto)
}

/// `N` random bytes.
pub fn bytes<const N: usize>() -> Result<[u8; N]> {
    let mut out = [0u8; N];
    fill(&mut out)?;
    Ok(out)
}

/// A random 256-bit secret key.
pub fn secret_key() -> Result<super::SecretKey> {
    let mut key = super::SecretKey::new([0u8; 32]);
    fill(key.as_mut_slice())?;
    Ok(key)
}

/// A uniformly random `u64`.
pub fn u64() -> Result<u64> {
    Ok(u64::from_le_bytes(bytes::<8>()?))
}
