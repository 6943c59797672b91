//! Hostile bytes in every parser that reads from the file: envelopes, record metadata, note
//! fields, key slots and the vault row. Each must give a clear error, never a panic.
//! (Property-based fuzzing on stable Rust; runs in every test run.)

#![allow(clippy::unwrap_used)]

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};

use common::*;
use mend_core::crypto::{Algorithm, KeyRing, Place, Purpose, SecretKey};
use mend_core::journal::note::decode_fields;
use mend_core::record::{RecordKind, RecordMeta};
use mend_core::{Error, NoteId, RecoveryCode, Vault};
use proptest::prelude::*;

const PLACE: Place = Place { table: "record", column: "meta", row: 7 };

fn ring() -> KeyRing {
    KeyRing::new([1u8; 16], SecretKey::new([2u8; 32]), Algorithm::Aes256Gcm)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_open_as_an_envelope(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        prop_assert!(matches!(ring().open(Purpose::Records, &PLACE, &bytes), Err(Error::Damaged(_))));
    }

    #[test]
    fn a_real_envelope_with_any_change_never_opens(
        plain in prop::collection::vec(any::<u8>(), 0..300),
        at in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let r = ring();
        let mut env = r.seal(Purpose::Records, 0, &PLACE, &plain).unwrap();
        let i = at.index(env.len());
        env[i] ^= flip;
        prop_assert!(r.open(Purpose::Records, &PLACE, &env).is_err());
    }

    #[test]
    fn the_fuzz_targets_return_for_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        mend_core::fuzzing::envelope(&bytes);
        mend_core::fuzzing::key_slot(&bytes);
        mend_core::fuzzing::record(&bytes);
        mend_core::fuzzing::vault_state(&bytes);
        mend_core::fuzzing::backup(&bytes);
    }

    #[test]
    fn metadata_and_note_fields_parse_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = RecordMeta::decode(&bytes);
        let _ = decode_fields(&bytes);
    }

    #[test]
    fn valid_metadata_with_a_changed_byte_parses_or_fails_cleanly(
        title in ".{0,40}",
        at in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let fields = mend_core::journal::note::encode_fields(&title, Some(2), &["a".to_owned()]);
        let meta = RecordMeta {
            id: NoteId::generate().unwrap(),
            kind: RecordKind::Note,
            created_ms: 1,
            updated_ms: 2,
            fields,
        };
        let mut bytes = meta.encode();
        let i = at.index(bytes.len());
        bytes[i] ^= flip;
        if let Ok((_, fields)) = RecordMeta::decode(&bytes) {
            let _ = decode_fields(fields);
        }
    }

    #[test]
    fn typed_codes_and_ids_parse_or_fail_cleanly(text in "\\PC{0,60}") {
        let _ = RecoveryCode::parse(&text);
        let _ = NoteId::parse(&text);
    }
}

/// Writes `value` into one cell of the vault's bookkeeping and tries to open and unlock.
fn tamper(sql: &str, value: rusqlite::types::Value) -> Result<(), Error> {
    let f = Fixture::new();
    f.vault.lock();
    let conn = rusqlite::Connection::open(f.path()).unwrap();
    conn.execute(sql, [value]).unwrap();
    drop(conn);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let v = Vault::open(&f.path(), f.device.clone(), f.clock.clone())?;
        v.unlock(PASSCODE)
    }));
    outcome.unwrap_or_else(|_| panic!("panicked on {sql}"))
}

#[test]
fn hostile_key_slots_and_vault_rows_give_typed_errors() {
    use rusqlite::types::Value::{Blob, Integer, Text};
    let huge = Integer(i64::MAX);
    let cases: Vec<(&str, rusqlite::types::Value)> = vec![
        ("UPDATE key_slot SET kdf_memory_kib = ?1 WHERE slot = 1", huge.clone()),
        ("UPDATE key_slot SET kdf_memory_kib = ?1 WHERE slot = 1", Integer(4 * 1024 * 1024)),
        ("UPDATE key_slot SET kdf_iterations = ?1 WHERE slot = 1", Integer(0)),
        ("UPDATE key_slot SET kdf_parallelism = ?1 WHERE slot = 1", Integer(-1)),
        ("UPDATE key_slot SET salt = ?1 WHERE slot = 1", Blob(vec![1, 2, 3])),
        ("UPDATE key_slot SET salt = ?1 WHERE slot = 1", Text("salt".into())),
        ("UPDATE key_slot SET wrapped_key = ?1 WHERE slot = 1", Blob(vec![])),
        ("UPDATE key_slot SET wrapped_key = ?1 WHERE slot = 1", Blob(vec![1; 10_000])),
        ("DELETE FROM key_slot WHERE slot = ?1", Integer(1)),
        ("UPDATE vault SET vault_id = ?1", Blob(vec![0; 3])),
        ("UPDATE vault SET device_secret = ?1", Blob(vec![9; 60])),
        ("UPDATE vault SET seal_state = ?1", Blob(vec![1; 40])),
        ("UPDATE vault SET seal_state = ?1", Text("state".into())),
        ("UPDATE vault SET attempt_state = ?1", Blob(vec![1; 60])),
        ("UPDATE vault SET attempt_state = ?1", Integer(-5)),
        ("UPDATE vault SET attempt_state = ?1", Text("soon".into())),
        ("DELETE FROM vault WHERE singleton = ?1", Integer(1)),
        ("UPDATE record SET meta = ?1", Blob(vec![1; 100])),
        ("DELETE FROM record WHERE ?1", Integer(1)),
    ];
    for (sql, value) in cases {
        match tamper(sql, value) {
            Ok(()) => {}
            Err(
                Error::Damaged(_)
                | Error::WrongPasscode { .. }
                | Error::TooManyAttempts { .. }
                | Error::DeviceKey(_),
            ) => {}
            Err(other) => panic!("{sql}: unexpected {other:?}"),
        }
    }
}
