//! Encrypted backups: one file holding a whole vault, sealed under a passphrase the person
//! chooses, that opens on any device, so that a new or reset phone can take the vault over.
//!
//! A backup is written from an unlocked vault: every record (the settings, notes, the
//! practice history, every tool's entries) is opened and streamed into sealed chunks
//! ([`chunks`]) framed as in [`frames`], under a key stretched from the passphrase with
//! Argon2id ([`header`]). Nothing in it is bound to this device: no platform key, no key
//! slot, no attempt count. The file is written whole or not at all ([`crate::files`]).
//!
//! A restore makes a new vault — new data key, new platform key and device secret, new
//! passcode slot, new recovery code — in a temporary file beside the destination, fills it
//! from the backup, and moves it into place only once the whole backup has been read and
//! checked. It never replaces a vault that is there; a restore that fails or is killed
//! leaves no vault behind (what a killed one left is cleared by the next restore or
//! creation at that place).

pub(crate) mod chunks;
pub(crate) mod frames;
pub(crate) mod header;

use std::cell::Cell;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

use zeroize::Zeroizing;

use crate::clock::Clock;
use crate::crypto::{KdfParams, Purpose};
use crate::device::DeviceKeyStore;
use crate::error::{Error, InputField, InputProblem, LengthUnit, Result};
use crate::files::NewFile;
use crate::record::{RecordKind, RecordMeta};
use crate::store::records;
use crate::vault::manifest;
use crate::vault::session::{FeatureState, read_sealed_body};
use crate::vault::settings::Settings;
use crate::vault::{RecoveryCode, Role, Vault, restoring_path};

pub use header::FORMAT;

/// The shortest backup passphrase, in characters. A backup can be guessed at anywhere, with
/// no device key and no attempt limit, so its passphrase has to be longer than a passcode.
pub const MIN_PASSPHRASE_CHARS: u32 = 12;
/// The longest backup passphrase, in bytes of UTF-8.
pub const MAX_PASSPHRASE_BYTES: u32 = 1024;

/// Checks a new backup passphrase against the length rules.
pub fn validate_passphrase(passphrase: &[u8]) -> Result<()> {
    let field = InputField::BackupPassphrase;
    let chars = String::from_utf8_lossy(passphrase).chars().count();
    if chars < MIN_PASSPHRASE_CHARS as usize {
        let problem =
            InputProblem::TooShort { min: MIN_PASSPHRASE_CHARS, unit: LengthUnit::Characters };
        return Err(Error::invalid(field, problem));
    }
    if passphrase.len() > MAX_PASSPHRASE_BYTES as usize {
        let problem = InputProblem::TooLong { max: MAX_PASSPHRASE_BYTES, unit: LengthUnit::Bytes };
        return Err(Error::invalid(field, problem));
    }
    Ok(())
}

/// What a finished backup holds.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupSummary {
    /// The records written (the settings, notes, practice days and tool entries).
    pub records: i64,
    /// Records left out because they failed their integrity check at unlock.
    pub damaged_left_out: i32,
}

/// Hears how far a long piece of work has come: `done` of `total` steps (records for a
/// backup, chunks for a restore). Called on the working thread; implementations should
/// return quickly and may be called often.
#[cfg_attr(feature = "uniffi", uniffi::export(with_foreign))]
pub trait ProgressListener: Send + Sync {
    /// `done` of `total` steps are finished.
    fn progress(&self, done: i64, total: i64);
}

/// A listener that hears nothing.
pub struct NoProgress;

impl ProgressListener for NoProgress {
    fn progress(&self, _done: i64, _total: i64) {}
}

fn report(listener: &dyn ProgressListener, done: u64, total: u64) {
    let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
    listener.progress(n(done), n(total));
}

impl<F: FeatureState> Vault<F> {
    /// The name to suggest for a backup made today: the local date, and in discreet mode a
    /// plain name that does not say which app made it.
    pub fn backup_file_name(&self) -> Result<String> {
        let date =
            crate::export::date(crate::calendar::CalendarDate::from_day_number(self.today()?));
        Ok(if self.discreet_mode()? {
            format!("notes-{date}.backup")
        } else {
            format!("mend-{date}.mendbackup")
        })
    }

    /// Writes a backup of every record to a new file at `dest`, sealed under `passphrase`
    /// stretched with `kdf`. Refuses an existing file ([`Error::AlreadyExists`]); nothing is
    /// left at `dest` unless the whole backup was written and flushed.
    pub fn backup(
        &self,
        dest: &Path,
        passphrase: &[u8],
        kdf: KdfParams,
        progress: &dyn ProgressListener,
    ) -> Result<BackupSummary> {
        validate_passphrase(passphrase)?;
        let file = NewFile::create(dest)?;
        let (header, keys) = header::Header::new(kdf, passphrase)?;
        let mut sealed = chunks::ChunkWriter::new(file, &header, &keys)?;
        let (records, damaged_left_out) = self.with_session(|session, conn| {
            let total = records::count(conn)?;
            let damaged = session.damaged_rows.clone();
            let mut frames = frames::FrameWriter::new(|d: &[u8]| sealed.write(d))?;
            let mut opener = session.keys().opener(Purpose::Records);
            let mut done = 0u64;
            let mut left_out = 0i32;
            records::for_each_meta(conn, |row, sealed_meta| {
                done += 1;
                if done % 64 == 0 {
                    report(progress, done, total);
                }
                if damaged.contains(&row) {
                    left_out += 1;
                    return Ok(());
                }
                let meta = opener.open(&records::meta_place(row), sealed_meta, |plain| {
                    with_prompt_seed(manifest::split_version(plain)?.1, || session.prompt_seed())
                });
                let meta = match meta {
                    Ok(meta) => meta,
                    Err(Error::Damaged(_)) => {
                        left_out += 1;
                        return Ok(());
                    }
                    Err(other) => return Err(other),
                };
                let sealed_body = records::body(conn, row)?;
                let written =
                    read_sealed_body(&mut opener, session.versions(), row, &sealed_body, |body| {
                        frames.record(&meta, body)
                    });
                match written {
                    Err(Error::Damaged(detail)) if detail != "a record is too large to back up" => {
                        left_out += 1;
                        Ok(())
                    }
                    other => other,
                }
            })?;
            let records = frames.end()?;
            report(progress, total, total);
            Ok((records, left_out))
        })?;
        sealed.finish()?.commit()?;
        Ok(BackupSummary { records: i64::try_from(records).unwrap_or(i64::MAX), damaged_left_out })
    }
}

/// A record's metadata as it goes into a backup: as stored, except that settings from before
/// the prompt seed was kept get the seed in use, so the restored vault offers the same
/// prompts although its keys are new.
fn with_prompt_seed(
    meta: &[u8],
    seed: impl FnOnce() -> Result<crate::crypto::SecretKey>,
) -> Result<Zeroizing<Vec<u8>>> {
    let (head, fields) = RecordMeta::decode(meta)?;
    if head.kind != RecordKind::Settings {
        return Ok(Zeroizing::new(meta.to_vec()));
    }
    let mut settings = Settings::decode(fields)?;
    if settings.prompt_seed.is_none() {
        settings.prompt_seed = Some(*seed()?);
    }
    let meta = RecordMeta {
        id: head.id,
        kind: head.kind,
        created_ms: head.created_ms,
        updated_ms: head.updated_ms,
        fields: settings.encode(),
    };
    Ok(Zeroizing::new(meta.encode()))
}

/// What a restore reads and the vault it makes.
pub struct Restore<'a> {
    /// The backup file.
    pub backup: &'a Path,
    /// The passphrase it was sealed under.
    pub passphrase: &'a [u8],
    /// Where the new vault goes (nothing may be there).
    pub path: &'a Path,
    /// The new vault's passcode on this device.
    pub passcode: &'a [u8],
    /// The new vault's passcode stretching.
    pub kdf: KdfParams,
}

/// Restores a backup as a new vault, opened with the new passcode and returned unlocked
/// with its new recovery code (unconfirmed, to be shown once). Refuses to replace a vault
/// ([`Error::AlreadyExists`]); a backup that is not one, newer, damaged, cut short or
/// sealed under another passphrase is refused with its own error and leaves no vault.
pub fn restore<F: FeatureState>(
    what: &Restore,
    device: Arc<dyn DeviceKeyStore>,
    clock: Arc<dyn Clock>,
    progress: &dyn ProgressListener,
) -> Result<(Vault<F>, RecoveryCode)> {
    let Restore { backup, passphrase, path, passcode, kdf } = *what;
    crate::vault::validate_passcode(passcode)?;
    if Vault::<F>::exists(path) {
        return Err(Error::AlreadyExists);
    }
    let file = File::open(backup).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound,
        _ => Error::from(e),
    })?;
    let len = file.metadata()?.len();
    let mut input = BufReader::with_capacity(header::CHUNK as usize, file);
    let mut first = [0u8; header::LEN];
    let got = read_up_to(&mut input, &mut first)?;
    let header = header::Header::parse(&first[..got])?;
    let keys = header.keys(passphrase)?;
    let body_len = len.saturating_sub(header::LEN as u64);
    let plain = chunks::ChunkReader::new(input, body_len, &header, &keys)?;

    let temp = restoring_path(path);
    Vault::<F>::clear_unfinished(&temp, &device);
    let (vault, code) =
        Vault::<F>::create(&temp, passcode, Role::Repairing, kdf, device.clone(), clock.clone())?;
    let filled = fill(&vault, plain, progress);
    match filled.and_then(|()| vault.close()) {
        Ok(()) => {}
        Err(e) => {
            // Nothing of a restore that did not finish stays: its key and its file go.
            let _ = vault.erase();
            return Err(e);
        }
    }
    if Vault::<F>::exists(path) {
        Vault::<F>::clear_unfinished(&temp, &device);
        return Err(Error::AlreadyExists);
    }
    std::fs::rename(&temp, path)?;
    crate::files::sync_parent(path);
    let vault = Vault::open(path, device, clock)?;
    vault.unlock(passcode)?;
    Ok((vault, code))
}

/// Reads as much of `buf` as the input has.
fn read_up_to(input: &mut impl Read, buf: &mut [u8]) -> Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match input.read(&mut buf[got..])? {
            0 => break,
            n => got += n,
        }
    }
    Ok(got)
}

/// A record's metadata and body, opened.
type Plaintext = (Zeroizing<Vec<u8>>, Zeroizing<Vec<u8>>);

/// How many records a restore writes per transaction: enough to be fast, few enough that a
/// transaction's bookkeeping stays small whatever the vault's size.
const BATCH: usize = 256;
/// The most plaintext a restore holds in one batch before writing it: memory stays bounded
/// whatever the vault's size (a larger single record is written alone).
const BATCH_BYTES: usize = 1024 * 1024;

/// Writes every record of the backup's stream into the new vault: the settings replace the
/// new vault's own (with the recovery code unconfirmed, since it is new), every other record
/// is sealed anew under the new vault's keys.
fn fill<F: FeatureState, R: Read>(
    vault: &Vault<F>,
    plain: chunks::ChunkReader<R>,
    progress: &dyn ProgressListener,
) -> Result<()> {
    let mut batch: Vec<Plaintext> = Vec::with_capacity(BATCH);
    let mut batch_bytes = 0usize;
    let mut settings_seen = false;
    let write = |batch: &mut Vec<Plaintext>| {
        vault.with_session(|session, conn| {
            let settings_row = session.settings.row;
            session.write(conn, |tx, sealer| {
                for (meta, body) in batch.iter() {
                    let (head, fields) = RecordMeta::decode(meta)?;
                    if head.kind == RecordKind::Settings {
                        let mut settings = Settings::decode(fields)?;
                        settings.recovery_code_confirmed = false;
                        let meta = RecordMeta {
                            id: head.id,
                            kind: head.kind,
                            created_ms: head.created_ms,
                            updated_ms: head.updated_ms,
                            fields: settings.encode(),
                        };
                        sealer.update(tx, settings_row, &meta, &[])?;
                    } else {
                        let row = records::new_row(tx)?;
                        let (version, m, b) = sealer.seal_raw(row, meta, body)?;
                        records::insert(tx, row, &m, &b)?;
                        sealer.count_in(row, version);
                    }
                }
                Ok(())
            })
        })?;
        batch.clear();
        Ok::<(), Error>(())
    };
    let (opened, total): (Rc<Cell<u64>>, u64) = plain.progress();
    frames::read(plain, |meta, body| {
        let (head, _) = RecordMeta::decode(meta)?;
        if head.kind == RecordKind::Settings {
            if settings_seen {
                return Err(Error::Damaged("the backup holds two settings records"));
            }
            settings_seen = true;
        }
        batch.push((Zeroizing::new(meta.to_vec()), Zeroizing::new(body.to_vec())));
        batch_bytes += meta.len() + body.len();
        if batch.len() == BATCH || batch_bytes >= BATCH_BYTES {
            batch_bytes = 0;
            write(&mut batch)?;
            report(progress, opened.get(), total);
        }
        Ok(())
    })?;
    write(&mut batch)?;
    if !settings_seen {
        return Err(Error::Damaged("the backup holds no settings"));
    }
    report(progress, total, total);
    Ok(())
}
