//! The schema and its migrations.
//!
//! [`VERSION`] is the schema this build writes; the statements for it are at the top. Opening
//! an older file runs the `upgrade_from` chain in one IMMEDIATE transaction. A file from a
//! newer app is refused with [`Error::NewerVault`] and never modified. After that, the file's
//! schema must be exactly the current one: a planted trigger, view, index or table is
//! refused as damage before anything else is read.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::device::LEGACY_ALIAS;
use crate::error::{Error, Result};

/// The schema version this build reads and writes.
pub const VERSION: u32 = 3;

/// `PRAGMA application_id` of a Mend vault ("Mend" in ASCII).
pub const APPLICATION_ID: i32 = 0x4d65_6e64;

/// The vault's own row. Each table's statement is kept apart so that a migration that
/// rebuilds a table writes it exactly as a fresh vault has it.
const VAULT: &str = "CREATE TABLE vault (
    singleton       INTEGER PRIMARY KEY CHECK (singleton = 1),
    vault_id        BLOB NOT NULL,     -- random, 16 bytes
    device_key      TEXT NOT NULL,     -- the alias of the vault's platform key
    stale_device_key TEXT NOT NULL,    -- a platform key still to destroy, or ''
    device_secret   BLOB NOT NULL,     -- wrapped by the platform key
    seal_state      BLOB NOT NULL,     -- sealed seal counter
    attempt_state   BLOB NOT NULL,     -- sealed attempt counter and times
    manifest        BLOB NOT NULL      -- sealed record count, version digest, generation
)";

const KEY_SLOT: &str = "CREATE TABLE key_slot (
    slot            INTEGER PRIMARY KEY, -- 1 passcode, 2 recovery
    binding         INTEGER NOT NULL,    -- 0 device secret; 1 also the hardware, per guess
    kdf_memory_kib  INTEGER NOT NULL,
    kdf_iterations  INTEGER NOT NULL,
    kdf_parallelism INTEGER NOT NULL,
    salt            BLOB NOT NULL,
    wrapped_key     BLOB NOT NULL
)";

/// One row per user record; the id is a random storage key, the metadata is sealed.
const RECORD: &str = "CREATE TABLE record (
    id   INTEGER PRIMARY KEY,
    meta BLOB NOT NULL
)";

/// Bodies live apart so that unlock reads only the small metadata pages.
const RECORD_BODY: &str = "CREATE TABLE record_body (
    id   INTEGER PRIMARY KEY REFERENCES record (id) ON DELETE CASCADE,
    body BLOB NOT NULL
)";

/// The current schema, as a fresh vault gets it.
const CURRENT: [&str; 4] = [VAULT, KEY_SLOT, RECORD, RECORD_BODY];

fn create_all(conn: &Connection) -> Result<()> {
    for statement in CURRENT {
        conn.execute(statement, [])?;
    }
    Ok(())
}

/// Whether the database is an empty file (a new one, or one whose creation was interrupted).
pub fn is_blank(conn: &Connection) -> Result<bool> {
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok(tables == 0 && user_version(conn)? == 0)
}

fn user_version(conn: &Connection) -> Result<u32> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    u32::try_from(v).map_err(|_| Error::Damaged("bad schema version"))
}

/// Creates the current schema inside the vault-creating transaction.
pub fn create(tx: &Transaction) -> Result<()> {
    create_all(tx)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", VERSION)?;
    Ok(())
}

/// What an upgrade needs from the layer above, which holds the device secret, run once at
/// the end of the upgrade's transaction with the version the file had: a file of schema 1
/// gets a fresh sealed attempt state and its key slots' checks.
pub type SealWithDevice<'a> = &'a dyn Fn(&Transaction, u32) -> Result<()>;

/// Checks that the file is a Mend vault this build can read and upgrades it if it is older.
pub fn upgrade(conn: &mut Connection, seal_with_device: SealWithDevice) -> Result<()> {
    if is_blank(conn)? {
        return Err(Error::NoVault);
    }
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if app != APPLICATION_ID {
        return Err(Error::Damaged("not a Mend vault"));
    }
    let found = user_version(conn)?;
    if found > VERSION {
        return Err(Error::NewerVault { found, supported: VERSION });
    }
    if found == VERSION {
        return check_exact(conn);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut version = user_version(&tx)?;
    while version < VERSION {
        upgrade_from(&tx, version)?;
        version += 1;
    }
    seal_with_device(&tx, found)?;
    tx.pragma_update(None, "user_version", VERSION)?;
    tx.commit()?;
    // What the old tables held is gone from the file (secure_delete); fold the log too.
    super::db::checkpoint_after_commit(conn);
    check_exact(conn)
}

/// One schema object: its type, name, table and statement.
type SchemaObject = (String, String, String, Option<String>);

/// Every schema object of `conn`, in a stable order.
fn objects(conn: &Connection) -> Result<Vec<SchemaObject>> {
    let mut stmt =
        conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Fails unless the file's schema is exactly what [`CURRENT`] creates.
fn check_exact(conn: &Connection) -> Result<()> {
    let expected = Connection::open_in_memory()?;
    create_all(&expected)?;
    if objects(conn)? == objects(&expected)? {
        Ok(())
    } else {
        Err(Error::Damaged("the vault's schema was changed"))
    }
}

/// Upgrades the schema from `version` to `version + 1`. Each step commits a fixture vault of
/// the version it upgrades from (core/tests/fixtures/).
fn upgrade_from(tx: &Transaction, version: u32) -> Result<()> {
    match version {
        // 1 → 2: the attempt counter and the time of the last attempt were plaintext
        // columns; they become one sealed state, counting from zero (sealed by the hook).
        1 => {
            tx.execute_batch(
                "CREATE TABLE vault_v2 (singleton INTEGER PRIMARY KEY, vault_id BLOB NOT NULL,
                   device_secret BLOB NOT NULL, seal_state BLOB NOT NULL,
                   attempt_state BLOB NOT NULL);
                 INSERT INTO vault_v2 SELECT singleton, vault_id, device_secret, seal_state, x''
                   FROM vault;
                 DROP TABLE vault;
                 ALTER TABLE vault_v2 RENAME TO vault;",
            )?;
            Ok(())
        }
        // 2 → 3: each vault names its platform key (older ones used the one legacy key),
        // slots say whether the hardware takes part in each guess (not yet, for older ones),
        // and the manifest of live records starts empty: the first unlock reseals every
        // record with a version and writes it. The tables are rebuilt so that they read
        // exactly as a fresh vault's.
        2 => {
            tx.execute("ALTER TABLE vault RENAME TO vault_v2", [])?;
            tx.execute(VAULT, [])?;
            tx.execute(
                "INSERT INTO vault (singleton, vault_id, device_key, stale_device_key,
                   device_secret, seal_state, attempt_state, manifest)
                 SELECT singleton, vault_id, ?1, '', device_secret, seal_state, attempt_state, x''
                 FROM vault_v2",
                [LEGACY_ALIAS],
            )?;
            tx.execute("DROP TABLE vault_v2", [])?;
            tx.execute("ALTER TABLE key_slot RENAME TO key_slot_v2", [])?;
            tx.execute(KEY_SLOT, [])?;
            tx.execute(
                "INSERT INTO key_slot (slot, binding, kdf_memory_kib, kdf_iterations,
                   kdf_parallelism, salt, wrapped_key)
                 SELECT slot, 0, kdf_memory_kib, kdf_iterations, kdf_parallelism, salt,
                   wrapped_key FROM key_slot_v2",
                [],
            )?;
            tx.execute("DROP TABLE key_slot_v2", [])?;
            Ok(())
        }
        _ => Err(Error::Damaged("unknown schema version")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        create(&tx).unwrap();
        tx.commit().unwrap();
        conn
    }

    #[test]
    fn a_fresh_schema_opens_without_changes() {
        let mut conn = fresh();
        upgrade(&mut conn, &|_, _| Ok(())).unwrap();
        assert_eq!(user_version(&conn).unwrap(), VERSION);
    }

    #[test]
    fn a_newer_schema_is_refused_and_left_untouched() {
        let mut conn = fresh();
        conn.pragma_update(None, "user_version", VERSION + 1).unwrap();
        match upgrade(&mut conn, &|_, _| Ok(())) {
            Err(Error::NewerVault { found, supported }) => {
                assert_eq!((found, supported), (VERSION + 1, VERSION));
            }
            other => panic!("expected NewerVault, got {other:?}"),
        }
        assert_eq!(user_version(&conn).unwrap(), VERSION + 1);
    }

    #[test]
    fn another_apps_database_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (x); PRAGMA user_version = 1;").unwrap();
        assert!(matches!(
            upgrade(&mut conn, &|_, _| Ok(())),
            Err(Error::Damaged("not a Mend vault"))
        ));
    }

    #[test]
    fn a_blank_file_is_no_vault() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert!(matches!(upgrade(&mut conn, &|_, _| Ok(())), Err(Error::NoVault)));
    }
}
