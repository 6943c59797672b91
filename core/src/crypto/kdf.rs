//! Passcode stretching with Argon2id.
//!
//! Parameters are stored with each key slot, so they can be raised later and tests can use
//! small ones through exactly the same code path as real vaults.

use zeroize::Zeroizing;

use crate::error::{Error, InputField, InputProblem, Result};

/// Argon2id cost parameters.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Passes over the memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl KdfParams {
    /// The default for new vaults: 64 MiB, 3 passes, 1 lane.
    pub const DEFAULT: Self = Self { memory_kib: 64 * 1024, iterations: 3, parallelism: 1 };
    /// The most memory a slot may ask for (256 MiB, four times the default), so a hostile
    /// file cannot exhaust a phone's memory.
    pub const MAX_MEMORY_KIB: u32 = 256 * 1024;
    /// The most passes a slot may ask for.
    pub const MAX_ITERATIONS: u32 = 16;
    /// The most lanes a slot may ask for.
    pub const MAX_PARALLELISM: u32 = 16;

    /// Checks that the parameters are within the supported range.
    pub fn validate(&self) -> Result<()> {
        let ok = (1..=Self::MAX_PARALLELISM).contains(&self.parallelism)
            && (1..=Self::MAX_ITERATIONS).contains(&self.iterations)
            && self.memory_kib >= 8 * self.parallelism
            && self.memory_kib <= Self::MAX_MEMORY_KIB;
        if ok {
            Ok(())
        } else {
            Err(Error::invalid(InputField::KdfParameters, InputProblem::BadFormat))
        }
    }
}

impl Default for KdfParams {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Stretches `secret` with `salt` into 32 bytes.
pub fn stretch(params: KdfParams, secret: &[u8], salt: &[u8]) -> Result<Zeroizing<[u8; 32]>> {
    params.validate()?;
    let argon_params =
        argon2::Params::new(params.memory_kib, params.iterations, params.parallelism, Some(32))
            .map_err(|_| Error::invalid(InputField::KdfParameters, InputProblem::BadFormat))?;
    let argon =
        argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, argon_params);
    let mut out = Zeroizing::new([0u8; 32]);
    argon.hash_password_into(secret, salt, out.as_mut_slice()).map_err(|_| Error::Crypto)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: KdfParams = KdfParams { memory_kib: 64, iterations: 1, parallelism: 1 };

    #[test]
    fn stretch_depends_on_secret_salt_and_parameters() {
        let salt = [1u8; 16];
        let a = stretch(SMALL, b"123456", &salt).unwrap();
        assert_eq!(*a, *stretch(SMALL, b"123456", &salt).unwrap());
        assert_ne!(*a, *stretch(SMALL, b"123457", &salt).unwrap());
        assert_ne!(*a, *stretch(SMALL, b"123456", &[2u8; 16]).unwrap());
        let more = KdfParams { iterations: 2, ..SMALL };
        assert_ne!(*a, *stretch(more, b"123456", &salt).unwrap());
    }

    #[test]
    fn hostile_parameters_are_refused() {
        for bad in [
            KdfParams { memory_kib: KdfParams::MAX_MEMORY_KIB + 1, ..SMALL },
            KdfParams { memory_kib: 4, ..SMALL },
            KdfParams { iterations: 0, ..SMALL },
            KdfParams { iterations: 1000, ..SMALL },
            KdfParams { parallelism: 0, ..SMALL },
            KdfParams { parallelism: 17, memory_kib: 1024, ..SMALL },
        ] {
            assert!(bad.validate().is_err(), "{bad:?}");
        }
        KdfParams::DEFAULT.validate().unwrap();
    }
}
