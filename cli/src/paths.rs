//! Where a vault lives on a desktop: a directory holding `vault.db` and its device key files
//! (`<alias>.key`, or `device.key` for a vault made before each vault had its own key).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use mend_ffi::{DeviceKeyStore, file_device_key_store};

/// The vault directory: the one given, or the user's data directory.
pub fn vault_dir(given: Option<PathBuf>) -> Result<PathBuf, String> {
    if let Some(dir) = given {
        return Ok(dir);
    }
    if let Some(data) = std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(data).join("mend"));
    }
    match std::env::var_os("HOME").filter(|v| !v.is_empty()) {
        Some(home) => Ok(PathBuf::from(home).join(".local/share/mend")),
        None => Err("no vault directory: pass --vault DIR or set HOME".to_owned()),
    }
}

/// The database file inside a vault directory.
pub fn database(dir: &Path) -> String {
    dir.join("vault.db").to_string_lossy().into_owned()
}

/// The desktop device key store of a vault directory: its files live beside the vault.
pub fn key_store(dir: &Path) -> Arc<dyn DeviceKeyStore> {
    file_device_key_store(dir.to_string_lossy().into_owned())
}

/// Creates the vault directory, readable only by its owner.
pub fn create_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Refuses device key files that are not regular files readable only by their owner (a
/// link, a pipe, or a key others could have read), saying how to put it right.
pub fn check_device_key(dir: &Path) -> Result<(), crate::errors::Failure> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(()); // missing: the core says so in its own terms
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().ends_with(".key") {
            check_key_file(&entry.path())?;
        }
    }
    Ok(())
}

fn check_key_file(path: &Path) -> Result<(), crate::errors::Failure> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    let private = {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            meta.permissions().mode() & 0o077 == 0
        }
        #[cfg(not(unix))]
        {
            true
        }
    };
    if meta.file_type().is_file() && private {
        return Ok(());
    }
    Err("the device key files (*.key beside the vault) must be regular files readable only \
         by you (chmod 600); they were not used"
        .into())
}

/// What the client says about the desktop key file, once, at setup.
pub const DEVICE_KEY_NOTE: &str = "On this computer the vault's device key is a file \
(ending in .key) beside the vault, readable only by you. It is weaker than a phone's hardware \
keystore: anyone who copies both files can try passcodes offline. Keep this folder out of \
backups and shared drives.";
