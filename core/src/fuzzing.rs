//! Entry points into every parser that reads bytes from a vault file, for fuzzing: the
//! cargo-fuzz targets in `fuzz/` (nightly Rust, on a workstation) and the proptest drivers in
//! `core/tests/hostile_input.rs` (stable Rust, in every test run) call the same functions.
//! Each must return, never panic, whatever the bytes.

use crate::crypto::{Algorithm, KeyRing, Place, Purpose, SecretKey};
use crate::record::RecordMeta;

const PLACE: Place = Place { table: "record", column: "meta", row: 7 };

/// An envelope: the header is parsed and the seal checked with a fixed key.
pub fn envelope(data: &[u8]) {
    let ring = KeyRing::new([1u8; 16], SecretKey::new([2u8; 32]), Algorithm::Aes256Gcm);
    let _ = ring.open(Purpose::Records, &PLACE, data);
}

/// A key slot's wrapped key, as stored: parsed as an envelope header.
pub fn key_slot(data: &[u8]) {
    let _ = crate::crypto::envelope::Header::parse(data);
}

/// The vault's own small states, as opened: the manifest, the attempt state (also as the
/// key store mirrors it), the reminder schedule kept beside the key, and a record's version
/// prefix.
pub fn vault_state(data: &[u8]) {
    let _ = crate::vault::manifest::Manifest::decode(data);
    let _ = crate::vault::attempts::Attempts::decode(data);
    let _ = crate::tools::schedule::decode(data);
    let _ = crate::vault::manifest::split_version(data);
}

/// A record's opened metadata, and the fields of every kind of record it can hold.
pub fn record(data: &[u8]) {
    if let Ok((_, fields)) = RecordMeta::decode(data) {
        let _ = crate::journal::note::decode_fields(fields);
        let _ = crate::tools::ToolEntry::decode(fields);
        let _ = crate::vault::Settings::decode(fields);
    }
    let _ = crate::journal::note::decode_fields(data);
    let _ = crate::tools::ToolEntry::decode(data);
    let _ = crate::program::practice::decode_responses(data);
}

/// A backup file: its header, then (for headers asking little of the key derivation, so the
/// fuzzer stays fast) its chunks under a fixed passphrase; and the bytes as the plaintext
/// record stream inside a backup.
pub fn backup(data: &[u8]) {
    use crate::backup::{chunks, frames, header};
    let each = |meta: &[u8], _: &[u8]| RecordMeta::decode(meta).map(|_| ());
    if let Ok(parsed) = header::Header::parse(data) {
        if parsed.kdf.memory_kib <= 1024 && parsed.kdf.iterations <= 2 {
            if let Ok(keys) = parsed.keys(b"fuzzing passphrase") {
                let rest = &data[header::LEN..];
                if let Ok(plain) = chunks::ChunkReader::new(rest, rest.len() as u64, &parsed, &keys)
                {
                    let _ = frames::read(plain, each);
                }
            }
        }
    }
    let _ = frames::read(chunks::PlainBytes(data), each);
}
