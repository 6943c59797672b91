//! Bit rot and tampering: random byte flips in the file give clear errors, never a panic and
//! never wrong plaintext.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use common::*;
use mend_core::{Error, NoteDraft, NoteQuery, Vault};

/// A small deterministic generator so that a failure can be replayed from its seed.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Everything the damaged vault returned must be either an error or exactly what was written.
fn read_everything(
    vault: &Vault,
    expected: &HashMap<String, (String, String)>,
) -> Result<usize, Error> {
    vault.unlock(PASSCODE)?;
    let page = vault.notes(&NoteQuery::default(), 0, 500)?;
    let mut good = 0;
    for summary in &page.notes {
        let (title, body) = expected
            .get(&summary.id.to_string())
            .unwrap_or_else(|| panic!("a note that was never written appeared"));
        assert_eq!(&summary.title, title, "wrong title returned");
        match vault.note(&summary.id) {
            Ok(note) => {
                assert_eq!(&note.body, body, "wrong body returned");
                good += 1;
            }
            Err(Error::Damaged(_)) => {}
            Err(other) => return Err(other),
        }
    }
    let _ = vault.search_notes("body", &NoteQuery::default(), 0, 10)?;
    Ok(good)
}

#[test]
fn random_byte_flips_give_clear_errors_never_panics_or_wrong_plaintext() {
    let f = Fixture::new();
    let mut expected = HashMap::new();
    for i in 0..40 {
        let d = NoteDraft {
            title: format!("title {i}"),
            body: format!("body {i} {}", "lorem ipsum ".repeat(i * 7)),
            step: Some(1 + (i % 6) as i32),
            tags: vec![format!("tag{}", i % 3)],
        };
        let id = f.vault.add_note(&d).unwrap().note.id;
        expected.insert(id.to_string(), (d.title.clone(), d.body.clone()));
    }
    f.vault.lock();
    let original = std::fs::read(f.path()).unwrap();
    let seed =
        std::env::var("MEND_FLIP_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_f11e);
    let mut rng = XorShift(seed);
    let trials = 300;
    let (mut opened, mut refused) = (0, 0);
    for trial in 0..trials {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vault.db");
        let mut bytes = original.clone();
        for _ in 0..1 + rng.below(8) {
            let at = rng.below(bytes.len());
            bytes[at] ^= 1 << rng.below(8);
        }
        std::fs::write(&path, &bytes).unwrap();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let vault = Vault::open(&path, f.device.clone(), f.clock.clone())?;
            read_everything(&vault, &expected)
        }));
        match outcome {
            Ok(Ok(_)) => opened += 1,
            Ok(Err(e)) => {
                // Every failure is one of the typed errors a UI can explain.
                assert!(
                    matches!(
                        e,
                        Error::Damaged(_)
                            | Error::WrongPasscode { .. }
                            | Error::TooManyAttempts { .. }
                            | Error::DeviceKey(_)
                            | Error::Storage(_)
                            | Error::NewerVault { .. }
                            | Error::NoVault
                    ),
                    "trial {trial} (seed {seed}): unexpected {e:?}"
                );
                refused += 1;
            }
            Err(_) => panic!("trial {trial} (seed {seed}) panicked"),
        }
    }
    assert_eq!(opened + refused, trials);
    assert!(opened > 0, "no trial opened at all: the test would prove nothing");
}
