//! Cryptography: randomness, key derivation, padding and sealed envelopes.
//!
//! ring provides AES-256-GCM, HKDF-SHA256 and the system random source;
//! RustCrypto's `argon2` provides the memory-hard passcode stretching ring lacks.

pub mod cipher;
pub mod envelope;
pub mod kdf;
pub mod keyring;
pub mod padding;
pub mod random;

pub use cipher::{Algorithm, Cipher};
pub use envelope::Place;
pub use kdf::KdfParams;
pub use keyring::{KeyRing, Purpose};

/// A 256-bit secret key that is wiped from memory when dropped.
pub type SecretKey = zeroize::Zeroizing<[u8; 32]>;
