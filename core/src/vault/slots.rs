//! Key slots: the data key wrapped once per way of opening the vault (the LUKS idea).
//!
//! A slot's wrapping key is HKDF-SHA256 over Argon2id(secret, salt) joined with the 32-byte
//! device secret, salted with the vault id and labelled with the slot kind. Without the
//! device secret — held by the phone's keystore — a copied vault cannot be attacked offline,
//! even with a short passcode. Changing a slot rewraps only the data key.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use zeroize::Zeroizing;

use crate::crypto::envelope::{self, Header};
use crate::crypto::keyring::hkdf_sha256;
use crate::crypto::{Algorithm, Cipher, KdfParams, Place, SecretKey, kdf, random};
use crate::error::{Error, Result};

/// The ways a vault can be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotKind {
    /// The passcode a person types.
    Passcode,
    /// The one-time recovery code.
    Recovery,
}

impl SlotKind {
    fn row(self) -> i64 {
        match self {
            SlotKind::Passcode => 1,
            SlotKind::Recovery => 2,
        }
    }

    fn label(self) -> &'static [u8] {
        match self {
            SlotKind::Passcode => b"passcode",
            SlotKind::Recovery => b"recovery",
        }
    }

    fn place(self) -> Place {
        Place { table: "key_slot", column: "wrapped_key", row: self.row() }
    }
}

/// The public facts a vault's slots are bound to.
pub struct Binding<'a> {
    /// The vault's random id.
    pub vault_id: &'a [u8; 16],
    /// The unwrapped device secret.
    pub device_secret: &'a [u8],
}

/// One stored key slot.
pub struct Slot {
    kind: SlotKind,
    params: KdfParams,
    salt: [u8; 16],
    wrapped_key: Vec<u8>,
}

fn wrapping_cipher(
    kind: SlotKind,
    params: KdfParams,
    salt: &[u8; 16],
    secret: &[u8],
    binding: &Binding,
) -> Result<Cipher> {
    let stretched = kdf::stretch(params, secret, salt)?;
    let mut ikm = Zeroizing::new(Vec::with_capacity(32 + binding.device_secret.len()));
    ikm.extend_from_slice(stretched.as_slice());
    ikm.extend_from_slice(binding.device_secret);
    let key = hkdf_sha256(binding.vault_id, &ikm, &[b"mend.slot.", kind.label()])?;
    Cipher::new(Algorithm::Aes256Gcm, &key)
}

impl Slot {
    /// Wraps `data_key` for a new slot opened by `secret`, with a fresh salt.
    pub fn wrap(
        kind: SlotKind,
        params: KdfParams,
        secret: &[u8],
        binding: &Binding,
        data_key: &SecretKey,
    ) -> Result<Self> {
        let salt = random::bytes::<16>()?;
        let cipher = wrapping_cipher(kind, params, &salt, secret, binding)?;
        let wrapped_key = envelope::seal(&cipher, 0, &kind.place(), data_key.as_slice())?;
        Ok(Self { kind, params, salt, wrapped_key })
    }

    /// Unwraps the data key with `secret`; `None` if the secret is wrong.
    pub fn unwrap(&self, secret: &[u8], binding: &Binding) -> Result<Option<SecretKey>> {
        let cipher = wrapping_cipher(self.kind, self.params, &self.salt, secret, binding)?;
        let header = Header::parse(&self.wrapped_key)?;
        let Ok(plain) = envelope::open(&cipher, &header, &self.kind.place(), &self.wrapped_key)
        else {
            return Ok(None);
        };
        let key: [u8; 32] =
            plain.as_slice().try_into().map_err(|_| Error::Damaged("bad key slot"))?;
        Ok(Some(SecretKey::new(key)))
    }

    /// The slot's KDF parameters.
    pub fn params(&self) -> KdfParams {
        self.params
    }

    /// Stores the slot, replacing any slot of the same kind.
    pub fn save(&self, tx: &Transaction) -> Result<()> {
        tx.execute(
            "INSERT OR REPLACE INTO key_slot
               (slot, kdf_memory_kib, kdf_iterations, kdf_parallelism, salt, wrapped_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                self.kind.row(),
                self.params.memory_kib,
                self.params.iterations,
                self.params.parallelism,
                &self.salt[..],
                self.wrapped_key,
            ],
        )?;
        Ok(())
    }

    /// Reads the slot of `kind`, checking its parameters against hostile values.
    pub fn load(conn: &Connection, kind: SlotKind) -> Result<Self> {
        const BAD: Error = Error::Damaged("bad key slot");
        let row = conn
            .query_row(
                "SELECT kdf_memory_kib, kdf_iterations, kdf_parallelism, salt, wrapped_key
                 FROM key_slot WHERE slot = ?1",
                [kind.row()],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, Vec<u8>>(3)?,
                        r.get::<_, Vec<u8>>(4)?,
                    ))
                },
            )
            .optional()?
            .ok_or(Error::Damaged("a key slot is missing"))?;
        let (m, t, p, salt, wrapped_key) = row;
        let num = |v: i64| u32::try_from(v).map_err(|_| BAD);
        let params = KdfParams { memory_kib: num(m)?, iterations: num(t)?, parallelism: num(p)? };
        params.validate().map_err(|_| BAD)?;
        let salt: [u8; 16] = salt.try_into().map_err(|_| BAD)?;
        Ok(Self { kind, params, salt, wrapped_key })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: KdfParams = KdfParams { memory_kib: 64, iterations: 1, parallelism: 1 };

    #[test]
    fn a_slot_opens_only_with_its_secret_device_secret_and_vault() {
        let vault_id = [3u8; 16];
        let binding = Binding { vault_id: &vault_id, device_secret: &[4u8; 32] };
        let data_key = SecretKey::new([9u8; 32]);
        let slot = Slot::wrap(SlotKind::Passcode, SMALL, b"246810", &binding, &data_key).unwrap();
        assert_eq!(*slot.unwrap(b"246810", &binding).unwrap().unwrap(), [9u8; 32]);
        assert!(slot.unwrap(b"246811", &binding).unwrap().is_none());

        let other_device = Binding { vault_id: &vault_id, device_secret: &[5u8; 32] };
        assert!(slot.unwrap(b"246810", &other_device).unwrap().is_none());
        let other_vault = Binding { vault_id: &[0u8; 16], device_secret: &[4u8; 32] };
        assert!(slot.unwrap(b"246810", &other_vault).unwrap().is_none());

        let as_recovery = Slot { kind: SlotKind::Recovery, ..slot };
        assert!(as_recovery.unwrap(b"246810", &binding).unwrap().is_none());
    }
}
