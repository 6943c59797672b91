//! Key slots: the data key wrapped once per way of opening the vault (the LUKS idea).
//!
//! A slot's wrapping key is HKDF-SHA256 over Argon2id(secret, salt) joined with the 32-byte
//! device secret and — for slots bound to the hardware, every slot written since schema 3 —
//! the platform key's keyed function of the Argon2id output, salted with the vault id and
//! labelled with the slot kind. Without the device secret a copied vault cannot be attacked
//! offline, and without the hardware no guess can be checked at all, even by someone who
//! once read the device secret out of the app's memory: each guess costs one operation of
//! the phone's keystore, on the phone.
//!
//! Each slot also carries a check: HMAC-SHA256, under a key from the device secret, over its
//! kind, binding, KDF parameters, salt and wrapped key. It is verified before an attempt is
//! counted, so a damaged slot is reported as damage instead of making the right passcode look
//! wrong, and nobody without the device can lower the parameters a slot asks for or unbind it
//! from the hardware.

use ring::hmac;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use zeroize::Zeroizing;

use crate::crypto::envelope::{self, Header};
use crate::crypto::keyring::hkdf_sha256;
use crate::crypto::{Algorithm, Cipher, KdfParams, Place, SecretKey, kdf, random};
use crate::device::DeviceKeyStore;
use crate::error::{Error, Result};

/// The ways a vault can be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotKind {
    /// The passcode a person types.
    Passcode,
    /// The one-time recovery code.
    Recovery,
    /// A random secret the platform keeps behind a biometric check (optional).
    Biometric,
}

impl SlotKind {
    fn row(self) -> i64 {
        match self {
            SlotKind::Passcode => 1,
            SlotKind::Recovery => 2,
            SlotKind::Biometric => 3,
        }
    }

    fn label(self) -> &'static [u8] {
        match self {
            SlotKind::Passcode => b"passcode",
            SlotKind::Recovery => b"recovery",
            SlotKind::Biometric => b"biometric",
        }
    }

    fn place(self) -> Place {
        Place { table: "key_slot", column: "wrapped_key", row: self.row() }
    }
}

/// The platform key whose keyed function takes part in every guess.
#[derive(Clone, Copy)]
pub struct Hardware<'a> {
    /// The platform key store.
    pub store: &'a dyn DeviceKeyStore,
    /// The vault's platform key.
    pub alias: &'a str,
}

/// What a vault's slots are bound to.
pub struct Binding<'a> {
    /// The vault's random id.
    pub vault_id: &'a [u8; 16],
    /// The unwrapped device secret.
    pub device_secret: &'a [u8],
    /// The platform key, for slots bound to the hardware (and for writing new slots).
    pub hardware: Option<Hardware<'a>>,
}

/// What a slot's wrapping key needs besides its secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotBinding {
    /// The device secret (slots written before schema 3).
    DeviceSecret,
    /// The device secret and one operation of the platform key per guess.
    Hardware,
}

impl SlotBinding {
    fn code(self) -> i64 {
        match self {
            SlotBinding::DeviceSecret => 0,
            SlotBinding::Hardware => 1,
        }
    }

    fn from_code(code: i64) -> Result<Self> {
        match code {
            0 => Ok(SlotBinding::DeviceSecret),
            1 => Ok(SlotBinding::Hardware),
            _ => Err(BAD),
        }
    }
}

/// The length of a slot's check, stored after its wrapped key.
const CHECK_LEN: usize = 32;

const BAD: Error = Error::Damaged("bad key slot");

/// One stored key slot.
pub struct Slot {
    kind: SlotKind,
    binding: SlotBinding,
    params: KdfParams,
    salt: [u8; 16],
    wrapped_key: Vec<u8>,
    check: [u8; CHECK_LEN],
}

/// The key of the checks of slots with `slot_binding`, from the device secret. Each binding
/// has its own key, so no check of one kind of slot can pass for the other.
fn check_key(binding: &Binding, slot_binding: SlotBinding) -> Result<hmac::Key> {
    let label: &[u8] = match slot_binding {
        SlotBinding::DeviceSecret => b"mend.slot-check.hmac",
        SlotBinding::Hardware => b"mend.slot-check.hardware.hmac",
    };
    let key = hkdf_sha256(binding.vault_id, binding.device_secret, &[label])?;
    Ok(hmac::Key::new(hmac::HMAC_SHA256, key.as_slice()))
}

/// What a slot's check covers: its kind, KDF parameters, salt and wrapped key (and, by the
/// check's key, its binding).
fn checked_bytes(kind: SlotKind, params: KdfParams, salt: &[u8; 16], wrapped: &[u8]) -> Vec<u8> {
    let mut out = kind.label().to_vec();
    for n in [params.memory_kib, params.iterations, params.parallelism] {
        out.extend_from_slice(&n.to_le_bytes());
    }
    out.extend_from_slice(salt);
    out.extend_from_slice(wrapped);
    out
}

/// A slot row as stored, before its check is split off.
type RawSlot = (SlotBinding, KdfParams, [u8; 16], Vec<u8>);

/// Reads the row of `kind`, checking its parameters against hostile values.
fn read_row(conn: &Connection, kind: SlotKind) -> Result<RawSlot> {
    let row = conn
        .query_row(
            "SELECT binding, kdf_memory_kib, kdf_iterations, kdf_parallelism, salt, wrapped_key
             FROM key_slot WHERE slot = ?1",
            [kind.row()],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, Vec<u8>>(4)?,
                    r.get::<_, Vec<u8>>(5)?,
                ))
            },
        )
        .optional()
        .map_err(|e| match e {
            rusqlite::Error::InvalidColumnType(..) => BAD,
            other => other.into(),
        })?
        .ok_or(Error::Damaged("a key slot is missing"))?;
    let (b, m, t, p, salt, stored) = row;
    let slot_binding = SlotBinding::from_code(b)?;
    let num = |v: i64| u32::try_from(v).map_err(|_| BAD);
    let params = KdfParams { memory_kib: num(m)?, iterations: num(t)?, parallelism: num(p)? };
    params.validate().map_err(|_| BAD)?;
    let salt: [u8; 16] = salt.try_into().map_err(|_| BAD)?;
    Ok((slot_binding, params, salt, stored))
}

/// The shortest output accepted from the platform key's keyed function.
const MIN_HARDWARE_OUTPUT: usize = 32;
/// The longest output used from it (a key agreement may return more).
const MAX_HARDWARE_OUTPUT: usize = 256;

/// The key wrapping a slot's data key, from a guess. Runs the KDF and, for a slot bound to
/// the hardware, one operation of the platform key.
fn wrapping_cipher(
    slot: (SlotKind, SlotBinding),
    params: KdfParams,
    salt: &[u8; 16],
    secret: &[u8],
    binding: &Binding,
) -> Result<Cipher> {
    let (kind, slot_binding) = slot;
    let stretched = kdf::stretch(params, secret, salt)?;
    let mut ikm = Zeroizing::new(Vec::with_capacity(96));
    ikm.extend_from_slice(stretched.as_slice());
    ikm.extend_from_slice(binding.device_secret);
    if slot_binding == SlotBinding::Hardware {
        let hardware = binding.hardware.ok_or(Error::Crypto)?;
        // The platform sees a value derived from the stretched guess, never the guess.
        let input = hkdf_sha256(
            binding.vault_id,
            stretched.as_slice(),
            &[b"mend.slot.hardware-input.", kind.label()],
        )?;
        let output =
            Zeroizing::new(hardware.store.derive(hardware.alias.to_owned(), input.to_vec())?);
        if output.len() < MIN_HARDWARE_OUTPUT {
            return Err(Error::DeviceKey(crate::device::DeviceKeyError::Failed));
        }
        ikm.extend_from_slice(&output[..output.len().min(MAX_HARDWARE_OUTPUT)]);
    }
    let key = hkdf_sha256(binding.vault_id, &ikm, &[b"mend.slot.", kind.label()])?;
    Cipher::new(Algorithm::Aes256Gcm, &key)
}

impl Slot {
    /// Wraps `data_key` for a new slot opened by `secret`, with a fresh salt. New slots are
    /// bound to the hardware: `binding` must name the platform key.
    pub fn wrap(
        kind: SlotKind,
        params: KdfParams,
        secret: &[u8],
        binding: &Binding,
        data_key: &SecretKey,
    ) -> Result<Self> {
        let slot_binding = SlotBinding::Hardware;
        let salt = random::bytes::<16>()?;
        let cipher = wrapping_cipher((kind, slot_binding), params, &salt, secret, binding)?;
        let wrapped_key = envelope::seal(&cipher, 0, &kind.place(), data_key.as_slice())?;
        let bytes = checked_bytes(kind, params, &salt, &wrapped_key);
        let tag = hmac::sign(&check_key(binding, slot_binding)?, &bytes);
        let check = tag.as_ref().try_into().map_err(|_| Error::Crypto)?;
        Ok(Self { kind, binding: slot_binding, params, salt, wrapped_key, check })
    }

    /// Fails with [`Error::Damaged`] unless the slot is exactly as this device stored it.
    /// Needs no secret, so it runs before an attempt is counted.
    pub fn verify(&self, binding: &Binding) -> Result<()> {
        let bytes = checked_bytes(self.kind, self.params, &self.salt, &self.wrapped_key);
        hmac::verify(&check_key(binding, self.binding)?, &bytes, &self.check)
            .map_err(|_| Error::Damaged("a key slot is damaged"))
    }

    /// Whether the slot takes the hardware into every guess.
    pub fn binding(&self) -> SlotBinding {
        self.binding
    }

    /// Unwraps the data key with `secret`; `None` if the secret is wrong.
    pub fn unwrap(&self, secret: &[u8], binding: &Binding) -> Result<Option<SecretKey>> {
        let slot = (self.kind, self.binding);
        let cipher = wrapping_cipher(slot, self.params, &self.salt, secret, binding)?;
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

    /// Removes the slot of `kind`, if there is one.
    pub fn remove(conn: &Connection, kind: SlotKind) -> Result<()> {
        conn.execute("DELETE FROM key_slot WHERE slot = ?1", [kind.row()])?;
        Ok(())
    }

    /// Whether there is a slot of `kind`.
    pub fn exists(conn: &Connection, kind: SlotKind) -> Result<bool> {
        let n: i64 =
            conn.query_row("SELECT count(*) FROM key_slot WHERE slot = ?1", [kind.row()], |r| {
                r.get(0)
            })?;
        Ok(n > 0)
    }

    /// Stores the slot, replacing any slot of the same kind.
    pub fn save(&self, tx: &Transaction) -> Result<()> {
        tx.execute(
            "INSERT OR REPLACE INTO key_slot
               (slot, binding, kdf_memory_kib, kdf_iterations, kdf_parallelism, salt, wrapped_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                self.kind.row(),
                self.binding.code(),
                self.params.memory_kib,
                self.params.iterations,
                self.params.parallelism,
                &self.salt[..],
                [&self.wrapped_key[..], &self.check[..]].concat(),
            ],
        )?;
        Ok(())
    }

    /// Reads the slot of `kind`, checking its parameters against hostile values. Its check
    /// is verified by [`Slot::verify`].
    pub fn load(conn: &Connection, kind: SlotKind) -> Result<Self> {
        let (slot_binding, params, salt, mut wrapped_key) = read_row(conn, kind)?;
        let at = wrapped_key.len().checked_sub(CHECK_LEN).filter(|&n| n > 0).ok_or(BAD)?;
        let check = wrapped_key[at..].try_into().map_err(|_| BAD)?;
        wrapped_key.truncate(at);
        Ok(Self { kind, binding: slot_binding, params, salt, wrapped_key, check })
    }

    /// Adds the check to both slots of a vault written before slots had one (schema 1).
    pub fn add_checks(tx: &Transaction, binding: &Binding) -> Result<()> {
        for kind in [SlotKind::Passcode, SlotKind::Recovery] {
            let (slot_binding, params, salt, wrapped_key) = read_row(tx, kind)?;
            let bytes = checked_bytes(kind, params, &salt, &wrapped_key);
            let tag = hmac::sign(&check_key(binding, slot_binding)?, &bytes);
            tx.execute(
                "UPDATE key_slot SET wrapped_key = ?2 WHERE slot = ?1",
                params![kind.row(), [&wrapped_key[..], tag.as_ref()].concat()],
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: KdfParams = KdfParams { memory_kib: 64, iterations: 1, parallelism: 1 };

    use crate::device::MemoryKeyStore;

    const ALIAS: &str = "app.mend.vault.test.1";

    fn store() -> MemoryKeyStore {
        let store = MemoryKeyStore::new();
        store.wrap(ALIAS.into(), vec![0]).unwrap();
        store
    }

    #[test]
    fn a_slot_opens_only_with_its_secret_device_secret_hardware_and_vault() {
        let (store, other_store) = (store(), store());
        let hardware = Some(Hardware { store: &store, alias: ALIAS });
        let vault_id = [3u8; 16];
        let binding = Binding { vault_id: &vault_id, device_secret: &[4u8; 32], hardware };
        let data_key = SecretKey::new([9u8; 32]);
        let slot = Slot::wrap(SlotKind::Passcode, SMALL, b"246810", &binding, &data_key).unwrap();
        assert_eq!(slot.binding(), SlotBinding::Hardware);
        assert_eq!(*slot.unwrap(b"246810", &binding).unwrap().unwrap(), [9u8; 32]);
        assert!(slot.unwrap(b"246811", &binding).unwrap().is_none());

        let other_device = Binding { device_secret: &[5u8; 32], ..binding };
        assert!(slot.unwrap(b"246810", &other_device).unwrap().is_none());
        let other_vault = Binding { vault_id: &[0u8; 16], ..binding };
        assert!(slot.unwrap(b"246810", &other_vault).unwrap().is_none());
        let other_hardware =
            Binding { hardware: Some(Hardware { store: &other_store, alias: ALIAS }), ..binding };
        assert!(slot.unwrap(b"246810", &other_hardware).unwrap().is_none());
        let no_hardware = Binding { hardware: None, ..binding };
        assert!(slot.unwrap(b"246810", &no_hardware).is_err());

        slot.verify(&binding).unwrap();
        assert!(matches!(slot.verify(&other_device), Err(Error::Damaged(_))));
        let unbound = Slot { binding: SlotBinding::DeviceSecret, ..slot };
        assert!(matches!(unbound.verify(&binding), Err(Error::Damaged(_))));
        let weaker = Slot {
            binding: SlotBinding::Hardware,
            params: KdfParams { iterations: 0, ..SMALL },
            ..unbound
        };
        assert!(matches!(weaker.verify(&binding), Err(Error::Damaged(_))));
        let as_recovery = Slot { kind: SlotKind::Recovery, params: SMALL, ..weaker };
        assert!(matches!(as_recovery.verify(&binding), Err(Error::Damaged(_))));
        assert!(as_recovery.unwrap(b"246810", &binding).unwrap().is_none());
    }

    #[test]
    fn each_guess_takes_one_operation_of_the_hardware() {
        let store = store();
        let hardware = Some(Hardware { store: &store, alias: ALIAS });
        let binding = Binding { vault_id: &[3u8; 16], device_secret: &[4u8; 32], hardware };
        let key = SecretKey::new([9u8; 32]);
        let slot = Slot::wrap(SlotKind::Passcode, SMALL, b"246810", &binding, &key).unwrap();
        let before = store.derivations();
        for guess in [&b"000000"[..], b"111111", b"246810"] {
            let _ = slot.unwrap(guess, &binding).unwrap();
        }
        assert_eq!(store.derivations() - before, 3);
    }
}
