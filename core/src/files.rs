//! Files the core writes for the person to keep or share: backups, exports and summaries.
//!
//! Each is written whole or not at all: into a temporary file beside the destination
//! (`<name>.partial`, readable only by its owner), flushed to disk, then renamed into place
//! and the directory flushed. A failure removes the temporary file; a process killed while
//! writing leaves at most that temporary file, never a partial file under the chosen name,
//! and the next write to the same name removes it first. An existing file is never
//! overwritten.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A file being written, that appears under its name only when [`NewFile::commit`] succeeds.
pub struct NewFile {
    temp: PathBuf,
    dest: PathBuf,
    file: Option<File>,
}

/// The temporary name a file is written under before it is renamed to `dest`.
pub fn partial_path(dest: &Path) -> PathBuf {
    let mut name = dest.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

impl NewFile {
    /// Starts writing a new file to be named `dest`. Fails with [`Error::AlreadyExists`] if
    /// something is there already.
    pub fn create(dest: &Path) -> Result<Self> {
        if fs::symlink_metadata(dest).is_ok() {
            return Err(Error::AlreadyExists);
        }
        let temp = partial_path(dest);
        // Left by a write that was killed: never finished, so never anyone's file.
        match fs::remove_file(&temp) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&temp)?;
        Ok(Self { temp, dest: dest.to_path_buf(), file: Some(file) })
    }

    /// Appends `data`.
    pub fn write(&mut self, data: &[u8]) -> Result<()> {
        self.file.as_mut().ok_or(Error::Closed)?.write_all(data)?;
        Ok(())
    }

    /// Flushes the file, renames it into place and flushes the directory.
    pub fn commit(mut self) -> Result<()> {
        let file = self.file.take().ok_or(Error::Closed)?;
        file.sync_all()?;
        drop(file);
        // A file made meanwhile under the name is not replaced (`rename` would).
        if fs::symlink_metadata(&self.dest).is_ok() {
            return Err(Error::AlreadyExists);
        }
        fs::rename(&self.temp, &self.dest)?;
        sync_parent(&self.dest);
        Ok(())
    }
}

impl Drop for NewFile {
    fn drop(&mut self) {
        // Not committed: nothing of it stays.
        self.file.take();
        if fs::symlink_metadata(&self.temp).is_ok() {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Makes a rename in `path`'s directory durable (best effort: not every platform can).
pub fn sync_parent(path: &Path) {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Writes `data` as a new file at `dest`, whole or not at all.
pub fn write_new(dest: &Path, data: &[u8]) -> Result<()> {
    let mut file = NewFile::create(dest)?;
    file.write(data)?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_appears_only_when_committed_and_never_replaces_one() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("out.txt");
        let mut file = NewFile::create(&dest).unwrap();
        file.write(b"half").unwrap();
        assert!(!dest.exists());
        drop(file);
        assert!(!dest.exists() && !partial_path(&dest).exists());

        // A temporary file left by a killed write is cleared by the next one.
        fs::write(partial_path(&dest), b"left").unwrap();
        write_new(&dest, b"whole").unwrap();
        assert_eq!(fs::read(&dest).unwrap(), b"whole");
        assert!(!partial_path(&dest).exists());
        assert!(matches!(write_new(&dest, b"again"), Err(Error::AlreadyExists)));
        assert_eq!(fs::read(&dest).unwrap(), b"whole");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&dest).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }
}
