//! Opening the vault's SQLite file with the settings SECURITY.md asks for.

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

/// Creates a new, empty database file readable only by its owner and opens it.
/// Fails with [`Error::AlreadyExists`] if a vault is already there; an empty file left by an
/// interrupted creation is reused.
pub fn create(path: &Path) -> Result<Connection> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let conn = connect(path, false)?;
            if !super::schema::is_blank(&conn)? {
                return Err(Error::AlreadyExists);
            }
            return Ok(conn);
        }
        Err(e) => return Err(e.into()),
    }
    connect(path, false)
}

/// Opens an existing database file. Fails with [`Error::NoVault`] if there is none.
pub fn open_existing(path: &Path) -> Result<Connection> {
    if !path.exists() {
        return Err(Error::NoVault);
    }
    connect(path, false)
}

/// Opens a database file read-only, for inspection in tests and tools.
pub fn open_read_only(path: &Path) -> Result<Connection> {
    connect(path, true)
}

fn connect(path: &Path, read_only: bool) -> Result<Connection> {
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let conn = Connection::open_with_flags(path, flags)?;
    configure(&conn, read_only)?;
    Ok(conn)
}

fn configure(conn: &Connection, read_only: bool) -> Result<()> {
    use rusqlite::config::DbConfig;
    conn.busy_timeout(BUSY_WAIT)?;
    // A file is data, never code: no writes to the schema through ordinary SQL, and nothing
    // in the schema (a planted trigger or view) runs with this connection's rights.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    if !read_only {
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Storage("write-ahead log unavailable".to_owned()));
        }
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA foreign_keys = ON;
         PRAGMA cell_size_check = ON;
         PRAGMA mmap_size = 0;",
    )?;
    Ok(())
}

/// Runs `f` with commits that are not flushed to disk before they return (`synchronous =
/// NORMAL`: still atomic and consistent, and flushed with the next full commit). Only for
/// writes whose loss in a power cut errs on the safe side, such as clearing an attempt's
/// "unfinished" mark.
pub fn without_flush<T>(
    conn: &mut Connection,
    f: impl FnOnce(&mut Connection) -> Result<T>,
) -> Result<T> {
    conn.execute_batch("PRAGMA synchronous = NORMAL")?;
    let out = f(conn);
    conn.execute_batch("PRAGMA synchronous = FULL")?;
    out
}

/// How long to wait for the database to be free: for ordinary statements, and for a
/// checkpoint, which waits for readers (it is tried again at the next write, so a reader
/// must not hold a delete up for long).
const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(5);
const CHECKPOINT_WAIT: std::time::Duration = std::time::Duration::from_millis(200);

/// Moves everything in the write-ahead log into the main file and truncates the log, so
/// that deleted data does not linger in old log frames. While another connection is
/// reading, SQLite waits a little and then reports the checkpoint as blocked rather than
/// failing; that is reported as [`Error::Storage`].
pub fn checkpoint(conn: &Connection) -> Result<()> {
    conn.busy_timeout(CHECKPOINT_WAIT)?;
    let blocked = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get::<_, i64>(0));
    conn.busy_timeout(BUSY_WAIT)?;
    if blocked? != 0 {
        return Err(Error::Storage("checkpoint blocked by a reader".to_owned()));
    }
    Ok(())
}

/// Checkpoints after a change that is already committed. A failure (a full disk, a reader
/// that stays) must not turn a durable change into a reported error: the next edit, delete
/// or lock tries again, and [`log_pending`] tells whether text is still in the log.
pub fn checkpoint_after_commit(conn: &Connection) {
    let _ = checkpoint(conn);
}

/// Whether the write-ahead log of the database at `path` still holds frames (after a
/// checkpoint that could not finish): deleted text may be in it until the next one.
pub fn log_pending(path: &Path) -> bool {
    let [_, wal, _] = files(path);
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}

/// The files SQLite keeps for the database at `path`: the file, its log and shared memory.
pub fn files(path: &Path) -> [PathBuf; 3] {
    let with = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    [path.to_path_buf(), with("-wal"), with("-shm")]
}
