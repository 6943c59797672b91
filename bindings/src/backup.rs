//! Backups, plain exports and the therapist summary, as the apps call them. Long work reports
//! its progress through the app's [`ProgressListener`]; paths are files the app chose (on
//! phones, in its own storage, shared or picked afterwards). Exports and the therapist summary
//! are the core's (`Vault::export`, `Vault::summary`), the same the terminal client writes.

use std::sync::Arc;

use mend_core::backup::{self, BackupSummary, ProgressListener, Restore};
use mend_core::export::ExportFormat;
use mend_core::summary::{Summary, SummaryFormat, SummaryPeriod, SummaryRequest};
use mend_core::{DeviceKeyStore, KdfParams, SystemClock};
use zeroize::Zeroizing;

use crate::error::MendError;
use crate::vault::{MendVault, NewVault};

/// Restores the backup at `backup_path` (sealed under `passphrase`) as a new vault at `path`
/// on this device, with a new `passcode` (stretched with `kdf`); returns it unlocked with its
/// new recovery code, to show once. Never replaces a vault (`AlreadyExists`); a backup that
/// does not open leaves nothing behind. Passphrase and passcode are wiped after use.
#[allow(clippy::too_many_arguments)]
#[uniffi::export]
pub fn restore_backup(
    backup_path: String,
    passphrase: Vec<u8>,
    path: String,
    passcode: Vec<u8>,
    kdf: KdfParams,
    key_store: Arc<dyn DeviceKeyStore>,
    progress: Arc<dyn ProgressListener>,
) -> Result<NewVault, MendError> {
    let (passphrase, passcode) = (Zeroizing::new(passphrase), Zeroizing::new(passcode));
    let what = Restore {
        backup: backup_path.as_ref(),
        passphrase: &passphrase,
        path: path.as_ref(),
        passcode: &passcode,
        kdf,
    };
    let (core, code) = backup::restore(&what, key_store, Arc::new(SystemClock), progress.as_ref())?;
    Ok(NewVault { vault: Arc::new(MendVault { core }), recovery_code: code.display().to_string() })
}

/// The file name to suggest for a summary: its dates and format, never its content.
#[uniffi::export]
pub fn summary_file_name(request: SummaryRequest, format: SummaryFormat) -> String {
    mend_core::summary::summary_file_name(&request, format)
}

/// `summary` (as `MendVault::summary` built it) rendered in `format`, in memory: the phones
/// hand the HTML page to their print frameworks, which also save it as a PDF, so no plain copy
/// is written to a file for printing.
#[uniffi::export]
pub fn render_summary(summary: Summary, format: SummaryFormat) -> String {
    mend_core::summary::render_summary(&summary, format)
}

#[uniffi::export]
impl MendVault {
    /// The name to suggest for a backup made today (a plain one in discreet mode).
    pub fn backup_file_name(&self) -> Result<String, MendError> {
        Ok(self.core.backup_file_name()?)
    }

    /// Writes a backup of the whole vault to a new file at `path`, sealed under `passphrase`
    /// (at least `limits().backup_passphrase_min_chars` characters; wiped after use)
    /// stretched with `kdf`. Never replaces a file (`AlreadyExists`); nothing is left at
    /// `path` unless the whole backup was written.
    pub fn backup(
        &self,
        path: String,
        passphrase: Vec<u8>,
        kdf: KdfParams,
        progress: Arc<dyn ProgressListener>,
    ) -> Result<BackupSummary, MendError> {
        let passphrase = Zeroizing::new(passphrase);
        Ok(self.core.backup(path.as_ref(), &passphrase, kdf, progress.as_ref())?)
    }

    /// The name to suggest for an export made today (a plain one in discreet mode).
    pub fn export_file_name(&self, format: ExportFormat) -> Result<String, MendError> {
        Ok(self.core.export_file_name(format)?)
    }

    /// Writes everything as a new, unprotected file at `path` (warn the person first).
    pub fn export(&self, format: ExportFormat, path: String) -> Result<(), MendError> {
        Ok(self.core.export(format, path.as_ref())?)
    }

    /// The periods a summary can cover, shortest first, each ending today.
    pub fn summary_periods(&self) -> Result<Vec<SummaryPeriod>, MendError> {
        Ok(self.core.summary_periods()?)
    }

    /// The summary `request` asks for, to preview before writing it.
    pub fn summary(&self, request: SummaryRequest) -> Result<Summary, MendError> {
        Ok(self.core.summary(&request)?)
    }

    /// Writes the summary `request` asks for as a new file at `path`.
    pub fn write_summary(
        &self,
        request: SummaryRequest,
        format: SummaryFormat,
        path: String,
    ) -> Result<(), MendError> {
        Ok(self.core.write_summary(&request, format, path.as_ref())?)
    }
}
