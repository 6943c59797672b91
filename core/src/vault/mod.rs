//! The vault: one encrypted SQLite file that holds everything a person keeps in Mend.
//!
//! A vault is created with a passcode and gets a one-time recovery code. It opens locked;
//! [`Vault::unlock`] checks the passcode (counting the attempt first), loads the keys and the
//! index; [`Vault::lock`] drops them. Every method is safe to call from several threads.

pub mod attempts;
pub mod recovery_code;
pub mod session;
pub mod settings;
pub mod slots;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::{Connection, TransactionBehavior, params};
use zeroize::Zeroizing;

use crate::clock::Clock;
pub use crate::crypto::KdfParams;
use crate::crypto::{Algorithm, KeyRing, SecretKey, random};
use crate::device::DeviceKeyStore;
use crate::error::{Error, InputProblem, Result};
use crate::store::db;
use crate::store::schema;
use attempts::Attempts;
pub use recovery_code::RecoveryCode;
use session::Session;
pub use settings::{Role, Settings};
use slots::{Binding, Slot, SlotKind};

/// The shortest passcode accepted, in bytes.
pub const MIN_PASSCODE_BYTES: usize = 6;
/// The longest passcode accepted, in bytes.
pub const MAX_PASSCODE_BYTES: usize = 1024;

/// What the lock screen needs to know before the person types anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnlockStatus {
    /// Failed attempts since the last success.
    pub failed_attempts: u32,
    /// Attempts left before each further attempt has to wait.
    pub attempts_left: u32,
    /// When the next attempt is allowed, if a delay applies now.
    pub retry_at_ms: Option<i64>,
}

/// Checks a new passcode against the length rules.
pub fn validate_passcode(passcode: &[u8]) -> Result<()> {
    if passcode.len() < MIN_PASSCODE_BYTES {
        return Err(Error::invalid("passcode", InputProblem::TooShort));
    }
    if passcode.len() > MAX_PASSCODE_BYTES {
        return Err(Error::invalid("passcode", InputProblem::TooLong));
    }
    Ok(())
}

struct Inner {
    conn: Option<Connection>,
    session: Option<Session>,
}

/// The facts read from the `vault` row.
struct VaultRow {
    vault_id: [u8; 16],
    wrapped_device_secret: Vec<u8>,
}

impl VaultRow {
    fn load(conn: &Connection) -> Result<Self> {
        let (id, wrapped): (Vec<u8>, Vec<u8>) = conn.query_row(
            "SELECT vault_id, device_secret FROM vault WHERE singleton = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let vault_id = id.try_into().map_err(|_| Error::Damaged("bad vault id"))?;
        Ok(Self { vault_id, wrapped_device_secret: wrapped })
    }
}

/// Which secret an attempt presents.
enum Presented<'a> {
    Passcode(&'a [u8]),
    Recovery(&'a RecoveryCode),
}

/// An encrypted vault. See the module documentation.
pub struct Vault {
    path: PathBuf,
    device: Arc<dyn DeviceKeyStore>,
    clock: Arc<dyn Clock>,
    inner: Mutex<Inner>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault").field("unlocked", &self.is_unlocked()).finish_non_exhaustive()
    }
}

impl Vault {
    /// Whether a vault exists at `path`.
    pub fn exists(path: &Path) -> bool {
        match db::open_existing(path) {
            Ok(conn) => !schema::is_blank(&conn).unwrap_or(true),
            Err(_) => false,
        }
    }

    /// Creates a vault at `path`, returning it unlocked with its one-time recovery code.
    pub fn create(
        path: &Path,
        passcode: &[u8],
        role: Role,
        kdf: KdfParams,
        device: Arc<dyn DeviceKeyStore>,
        clock: Arc<dyn Clock>,
    ) -> Result<(Self, RecoveryCode)> {
        validate_passcode(passcode)?;
        kdf.validate()?;
        let mut conn = db::create(path)?;
        let vault_id = random::bytes::<16>()?;
        let data_key = random::secret_key()?;
        let device_secret = Zeroizing::new(random::bytes::<32>()?);
        let wrapped_device_secret = device.wrap(device_secret.to_vec())?;
        let binding = Binding { vault_id: &vault_id, device_secret: device_secret.as_slice() };
        let recovery = RecoveryCode::generate()?;
        let passcode_slot = Slot::wrap(SlotKind::Passcode, kdf, passcode, &binding, &data_key)?;
        let recovery_slot =
            Slot::wrap(SlotKind::Recovery, kdf, recovery.secret(), &binding, &data_key)?;

        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        schema::create(&tx)?;
        tx.execute(
            "INSERT INTO vault (singleton, vault_id, device_secret, seal_state, failed_attempts,
                                last_attempt_ms)
             VALUES (1, ?1, ?2, x'', 0, 0)",
            params![&vault_id[..], wrapped_device_secret],
        )?;
        passcode_slot.save(&tx)?;
        recovery_slot.save(&tx)?;
        let keys = KeyRing::new(vault_id, data_key, Algorithm::Aes256Gcm);
        let session = Session::create(&tx, keys, Settings { role }, clock.now_ms())?;
        tx.commit()?;

        let vault = Self {
            path: path.to_path_buf(),
            device,
            clock,
            inner: Mutex::new(Inner { conn: Some(conn), session: Some(session) }),
        };
        Ok((vault, recovery))
    }

    /// Opens the vault at `path`, locked. Upgrades an older schema; refuses a newer one.
    pub fn open(
        path: &Path,
        device: Arc<dyn DeviceKeyStore>,
        clock: Arc<dyn Clock>,
    ) -> Result<Self> {
        let mut conn = db::open_existing(path)?;
        schema::upgrade(&mut conn)?;
        VaultRow::load(&conn)?;
        Ok(Self {
            path: path.to_path_buf(),
            device,
            clock,
            inner: Mutex::new(Inner { conn: Some(conn), session: None }),
        })
    }

    fn inner(&self) -> MutexGuard<'_, Inner> {
        match self.inner.lock() {
            Ok(guard) => guard,
            Err(poisoned) => {
                // A panic while holding the lock may have left the index half-updated: drop
                // the keys and the index, so the next use has to unlock afresh.
                let mut guard = poisoned.into_inner();
                guard.session = None;
                self.inner.clear_poison();
                guard
            }
        }
    }

    /// Runs `f` with the open connection.
    fn with_conn<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        let mut inner = self.inner();
        f(inner.conn.as_mut().ok_or(Error::Closed)?)
    }

    /// Runs `f` with the unlocked session and the connection.
    pub(crate) fn with_session<T>(
        &self,
        f: impl FnOnce(&mut Session, &mut Connection) -> Result<T>,
    ) -> Result<T> {
        let mut guard = self.inner();
        let inner = &mut *guard;
        let conn = inner.conn.as_mut().ok_or(Error::Closed)?;
        let session = inner.session.as_mut().ok_or(Error::Locked)?;
        f(session, conn)
    }

    /// The time now, from the injected clock.
    pub(crate) fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// Where the vault's database file lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the vault is unlocked.
    pub fn is_unlocked(&self) -> bool {
        self.inner().session.is_some()
    }

    /// The attempt counter and any delay now in force.
    pub fn unlock_status(&self) -> Result<UnlockStatus> {
        self.with_conn(|conn| {
            let a = Attempts::load(conn)?;
            let retry_at_ms = a.retry_at_ms().filter(|&t| t > self.clock.now_ms());
            Ok(UnlockStatus {
                failed_attempts: a.failures,
                attempts_left: a.attempts_left(),
                retry_at_ms,
            })
        })
    }

    /// Checks a presented secret against its slot, counting the attempt before the KDF
    /// runs. Returns the data key on success.
    fn attempt(&self, conn: &Connection, presented: Presented) -> Result<SecretKey> {
        let now = self.clock.now_ms();
        Attempts::load(conn)?.check(now)?;
        let row = VaultRow::load(conn)?;
        let device_secret = Zeroizing::new(self.device.unwrap(row.wrapped_device_secret)?);
        let binding = Binding { vault_id: &row.vault_id, device_secret: &device_secret };
        let (kind, secret) = match presented {
            Presented::Passcode(p) => (SlotKind::Passcode, p),
            Presented::Recovery(code) => (SlotKind::Recovery, code.secret()),
        };
        let slot = Slot::load(conn, kind)?;
        let attempts = Attempts::begin(conn, now)?;
        match slot.unwrap(secret, &binding)? {
            Some(key) => {
                Attempts::reset(conn)?;
                Ok(key)
            }
            None => {
                let attempts_left = attempts.attempts_left();
                Err(match kind {
                    SlotKind::Passcode => Error::WrongPasscode { attempts_left },
                    SlotKind::Recovery => Error::WrongRecoveryCode { attempts_left },
                })
            }
        }
    }

    /// Unlocks the vault with its passcode and loads the index.
    pub fn unlock(&self, passcode: &[u8]) -> Result<()> {
        let mut guard = self.inner();
        let inner = &mut *guard;
        let conn = inner.conn.as_mut().ok_or(Error::Closed)?;
        let data_key = self.attempt(conn, Presented::Passcode(passcode))?;
        let vault_id = VaultRow::load(conn)?.vault_id;
        let keys = KeyRing::new(vault_id, data_key, Algorithm::Aes256Gcm);
        inner.session = Some(Session::load(conn, keys)?);
        Ok(())
    }

    /// Locks the vault: drops the keys and the index, and folds the log into the file.
    pub fn lock(&self) {
        let mut inner = self.inner();
        inner.session = None;
        if let Some(conn) = inner.conn.as_ref() {
            // Best effort: the vault is locked whether or not the checkpoint succeeds.
            db::checkpoint_after_commit(conn);
        }
    }

    /// Replaces the passcode, after checking the current one. Only the passcode slot changes.
    pub fn change_passcode(&self, current: &[u8], new: &[u8]) -> Result<()> {
        validate_passcode(new)?;
        self.with_conn(|conn| {
            let data_key = self.attempt(conn, Presented::Passcode(current))?;
            self.rewrap(conn, &data_key, new, None)?;
            Ok(())
        })
    }

    /// Opens the vault with the recovery code and sets a new passcode. The used code stops
    /// working; the new code returned replaces it and must be shown to the person once.
    /// Leaves the vault unlocked.
    pub fn recover(&self, recovery_code: &str, new_passcode: &[u8]) -> Result<RecoveryCode> {
        let code = RecoveryCode::parse(recovery_code)?;
        validate_passcode(new_passcode)?;
        let mut guard = self.inner();
        let inner = &mut *guard;
        let conn = inner.conn.as_mut().ok_or(Error::Closed)?;
        let data_key = self.attempt(conn, Presented::Recovery(&code))?;
        let new_code = RecoveryCode::generate()?;
        self.rewrap(conn, &data_key, new_passcode, Some(&new_code))?;
        let vault_id = VaultRow::load(conn)?.vault_id;
        let keys = KeyRing::new(vault_id, data_key, Algorithm::Aes256Gcm);
        inner.session = Some(Session::load(conn, keys)?);
        Ok(new_code)
    }

    /// Writes a new passcode slot, and a new recovery slot when given, in one transaction.
    fn rewrap(
        &self,
        conn: &mut Connection,
        data_key: &SecretKey,
        passcode: &[u8],
        recovery: Option<&RecoveryCode>,
    ) -> Result<()> {
        let row = VaultRow::load(conn)?;
        let device_secret = Zeroizing::new(self.device.unwrap(row.wrapped_device_secret)?);
        let binding = Binding { vault_id: &row.vault_id, device_secret: &device_secret };
        let params = Slot::load(conn, SlotKind::Passcode)?.params();
        let passcode_slot = Slot::wrap(SlotKind::Passcode, params, passcode, &binding, data_key)?;
        let recovery_slot = recovery
            .map(|code| Slot::wrap(SlotKind::Recovery, params, code.secret(), &binding, data_key))
            .transpose()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        passcode_slot.save(&tx)?;
        if let Some(slot) = recovery_slot {
            slot.save(&tx)?;
        }
        tx.commit()?;
        db::checkpoint_after_commit(conn);
        Ok(())
    }

    /// The vault's role. Needs the vault unlocked.
    pub fn role(&self) -> Result<Role> {
        self.with_session(|s, _| Ok(s.settings.settings.role))
    }

    /// When the vault was started, in ms since the epoch. Needs the vault unlocked.
    pub fn started_ms(&self) -> Result<i64> {
        self.with_session(|s, _| Ok(s.settings.created_ms))
    }

    /// How many records failed their integrity check at unlock and were left out.
    pub fn damaged_record_count(&self) -> Result<u32> {
        self.with_session(|s, _| Ok(s.damaged_rows.len() as u32))
    }

    /// Erases everything: destroys the device key (so no copy of the vault, backups included,
    /// can ever be opened again), overwrites the key slots and deletes the files. Works
    /// locked or unlocked; afterwards every call on this handle fails with [`Error::Closed`].
    pub fn erase(&self) -> Result<()> {
        let mut inner = self.inner();
        inner.session = None;
        let conn = inner.conn.take();
        let mut first_error: Option<Error> = self.device.destroy_key().err().map(Error::from);
        let mut note = |r: Result<()>| {
            if let Err(e) = r {
                first_error.get_or_insert(e);
            }
        };
        if let Some(conn) = conn {
            note(
                conn.execute_batch(
                    "DELETE FROM key_slot;
                     UPDATE vault SET device_secret = zeroblob(length(device_secret)),
                                      seal_state = zeroblob(length(seal_state));
                     DELETE FROM record_body; DELETE FROM record;",
                )
                .map_err(Error::from),
            );
            note(db::checkpoint(&conn));
            note(conn.close().map_err(|(_, e)| Error::from(e)));
        }
        for file in db::files(&self.path) {
            match std::fs::remove_file(&file) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => note(Err(e.into())),
                _ => {}
            }
        }
        first_error.map_or(Ok(()), Err)
    }
}
