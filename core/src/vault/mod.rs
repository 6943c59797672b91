//! The vault: one encrypted SQLite file that holds everything a person keeps in Mend.
//!
//! A vault is created with a passcode and gets a one-time recovery code. It opens locked;
//! [`Vault::unlock`] checks the passcode (counting the attempt first), loads the keys and the
//! index; [`Vault::lock`] drops them. Every method is safe to call from several threads, and
//! the slow parts (the key derivation of an unlock, decrypting every body for search) run
//! without holding the lock that lists and the lock state need. Days are counted in the time
//! zone the app sets once with [`Vault::set_time_zone`].

pub mod attempts;
mod biometric;
pub mod freshness;
pub mod manifest;
pub mod recovery_code;
pub mod reseal;
pub mod session;
pub mod settings;
pub mod slots;
pub mod strength;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use rusqlite::{Connection, TransactionBehavior, params};
use zeroize::Zeroizing;

use crate::calendar::{self, FixedOffset, TimeZoneRules};
use crate::clock::{Clock, Timestamp};
pub use crate::crypto::KdfParams;
use crate::crypto::envelope::RECORD_LAYOUT_VERSION;
use crate::crypto::{Algorithm, KeyRing, SecretKey, random};
use crate::device::{DeviceKeyError, DeviceKeyStore};
use crate::error::{Error, InputField, InputProblem, LengthUnit, Result};
use crate::events::{DataChange, LockState, VaultListener};
use crate::store::db;
use crate::store::schema;
use attempts::{AttemptKey, Attempts, Moment};
use freshness::Freshness;
use manifest::Manifest;
pub use recovery_code::RecoveryCode;
use session::{FeatureState, SealLease, Session};
pub use settings::{Role, Settings};
use slots::{Binding, Hardware, Slot, SlotKind};
pub use strength::{PasscodeStrength, passcode_strength};

/// The shortest passcode accepted, in bytes.
pub const MIN_PASSCODE_BYTES: u32 = 6;
/// The longest passcode accepted, in bytes.
pub const MAX_PASSCODE_BYTES: u32 = 1024;

/// What the lock screen needs to know before the person types anything.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnlockStatus {
    /// Failed attempts since the last success.
    pub failed_attempts: i32,
    /// Attempts left before each further attempt has to wait.
    pub attempts_left: i32,
    /// When the next attempt is allowed, if a delay applies now.
    pub retry_at: Option<Timestamp>,
    /// The last attempt was interrupted (the app stopped during it) and counted as a
    /// failure: the lock screen says so, since the right passcode may now have to wait.
    pub last_attempt_interrupted: bool,
}

/// Checks a new passcode against the length rules.
pub fn validate_passcode(passcode: &[u8]) -> Result<()> {
    let unit = LengthUnit::Bytes;
    if passcode.len() < MIN_PASSCODE_BYTES as usize {
        let problem = InputProblem::TooShort { min: MIN_PASSCODE_BYTES, unit };
        return Err(Error::invalid(InputField::Passcode, problem));
    }
    if passcode.len() > MAX_PASSCODE_BYTES as usize {
        let problem = InputProblem::TooLong { max: MAX_PASSCODE_BYTES, unit };
        return Err(Error::invalid(InputField::Passcode, problem));
    }
    Ok(())
}

struct Inner<F> {
    conn: Option<Connection>,
    session: Option<Session<F>>,
}

/// What an unlock found about the vault's records as a whole, for a banner on the screens.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VaultCheck {
    /// Records that failed their integrity check at unlock and are left out of every list.
    pub damaged_records: i32,
    /// The records are not the ones the vault's sealed manifest lists: some are missing,
    /// older than their last change, mixed between changes, or were put back after being
    /// deleted. What can be read is shown; the screens say it may not be current.
    pub records_unmatched: bool,
    /// The file is older than the last change this device saw (a restored copy). It is
    /// read-only until the person keeps it ([`Vault::keep_records_as_they_are`]).
    pub older_copy: bool,
    /// The vault's settings could not be read: the app asks who the vault is for again
    /// ([`Vault::choose_role_again`]) before anything else; notes and tools still open.
    pub settings_lost: bool,
}

/// The facts read from the `vault` row.
struct VaultRow {
    vault_id: [u8; 16],
    /// The alias of the vault's platform key.
    device_key: String,
    /// A platform key still to destroy (after a rekey, or one a rekey began), or empty.
    stale_device_key: String,
    wrapped_device_secret: Vec<u8>,
}

impl VaultRow {
    fn load(conn: &Connection) -> Result<Self> {
        let (id, device_key, stale_device_key, wrapped): (Vec<u8>, String, String, Vec<u8>) = conn
            .query_row(
                "SELECT vault_id, device_key, stale_device_key, device_secret
                 FROM vault WHERE singleton = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .map_err(|e| match e {
                rusqlite::Error::InvalidColumnType(..) => Error::Damaged("bad vault row"),
                other => other.into(),
            })?;
        let vault_id = id.try_into().map_err(|_| Error::Damaged("bad vault id"))?;
        let valid = |alias: &str| alias.is_empty() || crate::device::is_valid_alias(alias);
        if device_key.is_empty() || !valid(&device_key) || !valid(&stale_device_key) {
            return Err(Error::Damaged("bad device key name"));
        }
        Ok(Self { vault_id, device_key, stale_device_key, wrapped_device_secret: wrapped })
    }
}

/// A new platform key alias for the vault `vault_id`: it names the vault, and a random part
/// makes each rekey's key a new one.
fn new_alias(vault_id: &[u8; 16]) -> Result<String> {
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    Ok(format!("app.mend.vault.{}.{}", hex(vault_id), hex(&random::bytes::<4>()?)))
}

/// What the device secret of a vault gives before its passcode is known.
struct DeviceBound {
    device_secret: Zeroizing<Vec<u8>>,
    attempt_key: AttemptKey,
    freshness: Arc<Freshness>,
}

impl DeviceBound {
    /// Unwraps the device secret of the vault in `row` and derives what it gives.
    fn new(device: &Arc<dyn DeviceKeyStore>, row: &VaultRow) -> Result<Self> {
        let wrapped = row.wrapped_device_secret.clone();
        let device_secret = Zeroizing::new(device.unwrap(row.device_key.clone(), wrapped)?);
        Self::with_secret(device, row, device_secret)
    }

    fn with_secret(
        device: &Arc<dyn DeviceKeyStore>,
        row: &VaultRow,
        device_secret: Zeroizing<Vec<u8>>,
    ) -> Result<Self> {
        let attempt_key = AttemptKey::new(&row.vault_id, &device_secret)?;
        let freshness =
            Freshness::new(device.clone(), &row.device_key, &row.vault_id, &device_secret)?;
        Ok(Self { device_secret, attempt_key, freshness: Arc::new(freshness) })
    }

    /// What the slots of the vault in `row` are bound to.
    fn binding<'a>(&'a self, row: &'a VaultRow, device: &'a dyn DeviceKeyStore) -> Binding<'a> {
        Binding {
            vault_id: &row.vault_id,
            device_secret: &self.device_secret,
            hardware: Some(Hardware { store: device, alias: &row.device_key }),
        }
    }
}

/// Which secret an attempt presents.
enum Presented<'a> {
    Passcode(&'a [u8]),
    Recovery(&'a RecoveryCode),
    Biometric(&'a [u8]),
}

impl Presented<'_> {
    fn slot(&self) -> SlotKind {
        match self {
            Presented::Passcode(_) => SlotKind::Passcode,
            Presented::Recovery(_) => SlotKind::Recovery,
            Presented::Biometric(_) => SlotKind::Biometric,
        }
    }

    fn secret(&self) -> &[u8] {
        match self {
            Presented::Passcode(p) => p,
            Presented::Recovery(code) => code.secret(),
            Presented::Biometric(secret) => secret,
        }
    }
}

/// A data key that opened its slot, what the device secret gave, and the lock epoch its
/// attempt started in.
struct Opened {
    data_key: SecretKey,
    row: VaultRow,
    bound: DeviceBound,
    epoch: u64,
}

const LOCKED: u8 = 0;
const UNLOCKED: u8 = 1;
const ERASED: u8 = 2;

/// An encrypted vault, holding its features' state `F` while unlocked (the crate exports it
/// as `mend_core::Vault`, with every feature). See the module documentation.
pub struct Vault<F> {
    path: PathBuf,
    device: Arc<dyn DeviceKeyStore>,
    clock: Arc<dyn Clock>,
    zone: RwLock<Arc<dyn TimeZoneRules>>,
    listener: RwLock<Option<Arc<dyn VaultListener>>>,
    /// The lock state, readable without waiting for `inner`.
    state: AtomicU8,
    /// Moves on every lock and erase, so that an unlock whose key derivation was still
    /// running then does not unlock the vault afterwards.
    epoch: AtomicU64,
    inner: Mutex<Inner<F>>,
}

impl<F: FeatureState> std::fmt::Debug for Vault<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault").field("state", &self.lock_state()).finish_non_exhaustive()
    }
}

impl<F: FeatureState> Vault<F> {
    fn new(
        path: &Path,
        device: Arc<dyn DeviceKeyStore>,
        clock: Arc<dyn Clock>,
        conn: Connection,
        session: Option<Session<F>>,
    ) -> Self {
        let state = if session.is_some() { UNLOCKED } else { LOCKED };
        Self {
            path: path.to_path_buf(),
            device,
            clock,
            zone: RwLock::new(Arc::new(FixedOffset(0))),
            listener: RwLock::new(None),
            state: AtomicU8::new(state),
            epoch: AtomicU64::new(0),
            inner: Mutex::new(Inner { conn: Some(conn), session }),
        }
    }

    /// Whether a vault exists at `path`.
    pub fn exists(path: &Path) -> bool {
        match db::open_existing(path) {
            Ok(conn) => !schema::is_blank(&conn).unwrap_or(true),
            Err(_) => false,
        }
    }

    /// Creates a vault at `path`, returning it unlocked with its one-time recovery code,
    /// which counts as not yet confirmed until [`Vault::confirm_recovery_code`].
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
        Self::clear_unfinished(&restoring_path(path), &device);
        let mut conn = db::create(path)?;
        let vault_id = random::bytes::<16>()?;
        // A platform key of its own, whose alias names the vault: erasing this vault never
        // touches another one's key. The alias is committed before the key is made: a
        // creation stopped after that leaves a file with a row and no key slots, which opens
        // as an interrupted erase, and erasing it destroys the key.
        let alias = new_alias(&vault_id)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        schema::create(&tx)?;
        tx.execute(
            "INSERT INTO vault (singleton, vault_id, device_key, stale_device_key, device_secret,
                                seal_state, attempt_state, manifest)
             VALUES (1, ?1, ?2, '', x'', x'', x'', x'')",
            params![&vault_id[..], alias],
        )?;
        tx.commit()?;
        let made = Self::finish_creating(
            conn,
            vault_id,
            alias.clone(),
            passcode,
            role,
            kdf,
            &device,
            clock.now_ms(),
        );
        match made {
            Ok((conn, session, recovery)) => {
                Ok((Self::new(path, device, clock, conn, Some(session)), recovery))
            }
            Err(e) => {
                // Nothing of a creation that failed stays: its key (if made) and its files.
                let _ = device.destroy_key(alias);
                for file in db::files(path) {
                    let _ = std::fs::remove_file(file);
                }
                Err(e)
            }
        }
    }

    /// The rest of [`Vault::create`], once the vault row names its platform key: the key, the
    /// device secret, the key slots, the attempt state and the first session.
    #[allow(clippy::too_many_arguments)]
    fn finish_creating(
        mut conn: Connection,
        vault_id: [u8; 16],
        alias: String,
        passcode: &[u8],
        role: Role,
        kdf: KdfParams,
        device: &Arc<dyn DeviceKeyStore>,
        now_ms: i64,
    ) -> Result<(Connection, Session<F>, RecoveryCode)> {
        let data_key = random::secret_key()?;
        let (row, bound) = new_device_key_named(device, vault_id, alias)?;
        let binding = bound.binding(&row, device.as_ref());
        let recovery = RecoveryCode::generate()?;
        let passcode_slot = Slot::wrap(SlotKind::Passcode, kdf, passcode, &binding, &data_key)?;
        let recovery_slot =
            Slot::wrap(SlotKind::Recovery, kdf, recovery.secret(), &binding, &data_key)?;

        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "UPDATE vault SET device_secret = ?1 WHERE singleton = 1",
            params![row.wrapped_device_secret],
        )?;
        passcode_slot.save(&tx)?;
        recovery_slot.save(&tx)?;
        Attempts::seal_new(&tx, &bound.attempt_key)?;
        let keys = KeyRing::new(vault_id, data_key, Algorithm::Aes256Gcm);
        let settings = Settings { prompt_seed: Some(random::bytes()?), ..Settings::new(role) };
        let fresh = Some(bound.freshness.clone());
        let session = Session::create(&tx, keys, settings, now_ms, fresh)?;
        tx.commit()?;
        bound.freshness.store_generation(session.generation());
        Ok((conn, session, recovery))
    }

    /// Opens the vault at `path`, locked. Upgrades an older schema; refuses a newer one.
    pub fn open(
        path: &Path,
        device: Arc<dyn DeviceKeyStore>,
        clock: Arc<dyn Clock>,
    ) -> Result<Self> {
        let mut conn = db::open_existing(path)?;
        schema::upgrade(&mut conn, &|tx, from| {
            if from >= 2 {
                return Ok(());
            }
            // Schema 1 had neither a sealed attempt state nor slot checks.
            let row = VaultRow::load(tx)?;
            let bound = DeviceBound::new(&device, &row)?;
            Slot::add_checks(tx, &bound.binding(&row, device.as_ref()))?;
            Attempts::seal_new(tx, &bound.attempt_key)
        })?;
        VaultRow::load(&conn)?;
        let slots: i64 = conn.query_row("SELECT count(*) FROM key_slot", [], |r| r.get(0))?;
        let vault = Self::new(path, device, clock, conn, None);
        if slots == 0 {
            // An erase was interrupted after the slots were overwritten: nothing can open
            // this file any more. It reports itself erased, and `erase` finishes the job.
            vault.state.store(ERASED, Ordering::SeqCst);
        } else {
            // Best effort: a key left behind by an interrupted rekey is destroyed now, or at
            // a later open (a read-only disk or a busy key store must not stop opening).
            let _ = vault.destroy_stale_key();
        }
        Ok(vault)
    }

    fn inner(&self) -> MutexGuard<'_, Inner<F>> {
        match self.inner.lock() {
            Ok(guard) => guard,
            Err(poisoned) => {
                // A panic while holding the lock may have left the index half-updated: drop
                // the keys and the index, so the next use has to unlock afresh.
                let mut guard = poisoned.into_inner();
                if guard.session.take().is_some() {
                    self.state.store(LOCKED, Ordering::SeqCst);
                }
                self.inner.clear_poison();
                guard
            }
        }
    }

    /// Runs `f` with the open connection of a vault that is not erased.
    fn with_conn<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        let mut inner = self.inner();
        if self.state.load(Ordering::SeqCst) == ERASED {
            return Err(Error::Closed);
        }
        f(inner.conn.as_mut().ok_or(Error::Closed)?)
    }

    /// Runs `f` with the unlocked session and the connection.
    pub(crate) fn with_session<T>(
        &self,
        f: impl FnOnce(&mut Session<F>, &mut Connection) -> Result<T>,
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

    /// Sets the time zone whose days the vault counts in: once after opening, and again
    /// whenever the device's zone changes.
    pub fn set_time_zone(&self, zone: Arc<dyn TimeZoneRules>) {
        if let Ok(mut current) = self.zone.write() {
            *current = zone;
        }
    }

    pub(crate) fn zone(&self) -> Arc<dyn TimeZoneRules> {
        match self.zone.read() {
            Ok(zone) => zone.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// The local day (a day number) at `utc_ms` in the vault's time zone.
    pub(crate) fn day_of(&self, utc_ms: i64) -> Result<i32> {
        calendar::day_at(utc_ms, &*self.zone())
    }

    /// Today's local day number, for work that needs the vault unlocked (so a locked vault
    /// says so before anything else).
    pub(crate) fn today(&self) -> Result<i32> {
        match self.lock_state() {
            LockState::Locked => Err(Error::Locked),
            LockState::Erased => Err(Error::Closed),
            LockState::Unlocked => self.day_of(self.now_ms()),
        }
    }

    /// When the local day changes next: the screens showing "today" refresh then.
    pub fn next_day_starts(&self) -> Result<Timestamp> {
        calendar::next_midnight(self.clock.now(), &*self.zone())
    }

    /// Registers the one listener that hears this vault's changes, replacing any other.
    pub fn set_listener(&self, listener: Option<Arc<dyn VaultListener>>) {
        if let Ok(mut current) = self.listener.write() {
            *current = listener;
        }
    }

    fn listener(&self) -> Option<Arc<dyn VaultListener>> {
        self.listener.read().ok().and_then(|l| l.clone())
    }

    /// Tells the listener that data of `change`'s kind changed. Called with no lock held.
    pub(crate) fn changed(&self, change: DataChange) {
        if let Some(listener) = self.listener() {
            listener.data_changed(change);
        }
    }

    fn set_state(&self, state: u8) {
        let before = self.state.swap(state, Ordering::SeqCst);
        if before != state {
            if let Some(listener) = self.listener() {
                listener.lock_state_changed(decode_state(state));
            }
        }
    }

    /// Where the vault's database file lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the write-ahead log still holds changes not yet folded into the file:
    /// after a checkpoint blocked by another reader or stopped by a full disk, the sealed
    /// bytes of deleted records may linger there until the next write or lock folds them in.
    pub fn log_pending(&self) -> bool {
        db::log_pending(&self.path)
    }

    /// Locked, unlocked or erased; answers at once, even while an unlock is under way.
    pub fn lock_state(&self) -> LockState {
        decode_state(self.state.load(Ordering::SeqCst))
    }

    /// Whether the vault is unlocked; answers at once, even while an unlock is under way.
    pub fn is_unlocked(&self) -> bool {
        self.state.load(Ordering::SeqCst) == UNLOCKED
    }

    /// The attempt counter and any delay now in force.
    pub fn unlock_status(&self) -> Result<UnlockStatus> {
        let row = self.with_conn(|conn| VaultRow::load(conn))?;
        let bound = DeviceBound::new(&self.device, &row)?;
        self.with_conn(|conn| {
            let a = Attempts::current(conn, &bound.attempt_key, &bound.freshness, self.moment())?;
            Ok(UnlockStatus {
                failed_attempts: i32::try_from(a.failures).unwrap_or(i32::MAX),
                attempts_left: a.attempts_left() as i32,
                retry_at: a.retry_at_ms(self.moment()).map(Timestamp::from_ms),
                last_attempt_interrupted: a.unfinished,
            })
        })
    }

    /// A feature's record kept beside the platform key ([`FeatureState::device_records`]),
    /// readable while the vault is locked; `None` if there is none or it does not open.
    pub(crate) fn device_record(&self, name: &'static str) -> Result<Option<Zeroizing<Vec<u8>>>> {
        let row = self.with_conn(|conn| VaultRow::load(conn))?;
        let bound = DeviceBound::new(&self.device, &row)?;
        Ok(bound.freshness.feature_record(name))
    }

    /// Now, on the wall clock and in time since boot.
    fn moment(&self) -> Moment {
        Moment { wall_ms: self.clock.now_ms(), elapsed: self.clock.elapsed() }
    }

    /// Checks a presented secret against its slot and returns the data key. The attempt is
    /// counted (and committed) before the key derivation runs, and the derivation runs
    /// without holding the vault's lock.
    fn attempt(&self, presented: Presented) -> Result<Opened> {
        let epoch = self.epoch.load(Ordering::SeqCst);
        let (row, slot) = self
            .with_conn(|conn| Ok((VaultRow::load(conn)?, Slot::load(conn, presented.slot())?)))?;
        let bound = DeviceBound::new(&self.device, &row)?;
        let binding = bound.binding(&row, self.device.as_ref());
        // A damaged slot is damage, not a wrong passcode: checked before anything is counted.
        slot.verify(&binding)?;
        // Check and count in one transaction, so that concurrent attempts (other threads or
        // other processes) cannot share a window.
        let (key, fresh) = (&bound.attempt_key, &bound.freshness);
        let attempts =
            self.with_conn(|conn| Attempts::check_and_begin(conn, key, fresh, self.moment()))?;
        // The KDF, and (for slots bound to the hardware) one operation of the platform key.
        let opened = slot.unwrap(presented.secret(), &binding);
        // Losing this write in a power cut only leaves the attempt counted as interrupted.
        let succeeded = matches!(opened, Ok(Some(_)));
        self.with_conn(|conn| {
            db::without_flush(conn, |conn| Attempts::finish(conn, key, fresh, succeeded))
        })?;
        match opened? {
            Some(data_key) => Ok(Opened { data_key, row, bound, epoch }),
            None => {
                let attempts_left = attempts.attempts_left();
                Err(match presented {
                    Presented::Passcode(_) | Presented::Biometric(_) => {
                        Error::WrongPasscode { attempts_left }
                    }
                    Presented::Recovery(_) => Error::WrongRecoveryCode { attempts_left },
                })
            }
        }
    }

    /// Installs a session for an opened key, unless the vault was locked or erased while the
    /// key was being derived.
    fn install(&self, opened: Opened) -> Result<()> {
        {
            let mut guard = self.inner();
            let inner = &mut *guard;
            let conn = inner.conn.as_mut().ok_or(Error::Closed)?;
            if self.epoch.load(Ordering::SeqCst) != opened.epoch {
                return Err(Error::Locked);
            }
            let keys = KeyRing::new(opened.row.vault_id, opened.data_key, Algorithm::Aes256Gcm);
            inner.session = Some(Session::load(conn, keys, Some(opened.bound.freshness))?);
        }
        self.set_state(UNLOCKED);
        Ok(())
    }

    /// Unlocks the vault with its passcode and loads the index.
    pub fn unlock(&self, passcode: &[u8]) -> Result<()> {
        let opened = self.attempt(Presented::Passcode(passcode))?;
        self.install(opened)
    }

    /// Locks the vault: drops the keys and the index, and folds the log into the file.
    pub fn lock(&self) {
        {
            let mut inner = self.inner();
            self.epoch.fetch_add(1, Ordering::SeqCst);
            inner.session = None;
            if let Some(conn) = inner.conn.as_ref() {
                // Best effort: the vault is locked whether or not the checkpoint succeeds.
                db::checkpoint_after_commit(conn);
            }
        }
        if self.lock_state() == LockState::Unlocked {
            self.set_state(LOCKED);
        }
    }

    /// The KDF parameters for new slots: taken only from a slot this device wrote (either
    /// one: a damaged passcode slot must not stop a recovery).
    fn slot_params(&self, row: &VaultRow, bound: &DeviceBound) -> Result<KdfParams> {
        let current = self.with_conn(|conn| {
            Ok([SlotKind::Passcode, SlotKind::Recovery].map(|k| Slot::load(conn, k)))
        })?;
        let binding = bound.binding(row, self.device.as_ref());
        current
            .iter()
            .flatten()
            .find(|slot| slot.verify(&binding).is_ok())
            .map(Slot::params)
            .ok_or(Error::Damaged("a key slot is damaged"))
    }

    /// Replaces the passcode, after checking the current one, and rekeys the vault (see
    /// [`Vault::rekey`]): whoever held the old passcode, the data key or the device secret
    /// can read no copy made from now on. Returns the new recovery code, which replaces the
    /// old one and must be shown to the person once. This is also the "someone may know my
    /// passcode" action. Leaves the vault unlocked.
    pub fn change_passcode(&self, current: &[u8], new: &[u8]) -> Result<RecoveryCode> {
        validate_passcode(new)?;
        let opened = self.attempt(Presented::Passcode(current))?;
        self.rekey(opened, new)
    }

    /// Opens the vault with the recovery code, sets a new passcode and rekeys the vault. The
    /// used code stops working; the new code returned replaces it, counts as unconfirmed
    /// until [`Vault::confirm_recovery_code`], and must be shown to the person once. Leaves
    /// the vault unlocked.
    pub fn recover(&self, recovery_code: &str, new_passcode: &[u8]) -> Result<RecoveryCode> {
        let code = RecoveryCode::parse(recovery_code)?;
        validate_passcode(new_passcode)?;
        let opened = self.attempt(Presented::Recovery(&code))?;
        self.rekey(opened, new_passcode)
    }

    /// Rekeys the vault: a new data key, every record resealed with it, a new device secret
    /// under a new platform key, new slots for `new_passcode` and a new recovery code — all
    /// in one transaction — and then the old platform key destroyed. A crash before the
    /// commit leaves the vault as it was (with the old passcode and code); after it, the new
    /// ones. The new platform key is named in the vault row before it is made, and the old
    /// one after the commit, so that a key left behind by a crash is destroyed at the next
    /// open.
    fn rekey(&self, opened: Opened, new_passcode: &[u8]) -> Result<RecoveryCode> {
        let Opened { data_key, row: old_row, bound: old_bound, epoch } = opened;
        let params = self.slot_params(&old_row, &old_bound)?;
        let vault_id = old_row.vault_id;
        self.destroy_stale_key()?;
        let alias = new_alias(&vault_id)?;
        self.with_conn(|conn| {
            conn.execute(
                "UPDATE vault SET stale_device_key = ?1 WHERE singleton = 1 AND stale_device_key = ''",
                [&alias],
            )?;
            Ok(())
        })?;
        let (row, bound) = new_device_key_named(&self.device, vault_id, alias)?;
        let new_data_key = random::secret_key()?;
        let code = RecoveryCode::generate()?;
        let binding = bound.binding(&row, self.device.as_ref());
        let slots = [
            Slot::wrap(SlotKind::Passcode, params, new_passcode, &binding, &new_data_key)?,
            Slot::wrap(SlotKind::Recovery, params, code.secret(), &binding, &new_data_key)?,
        ];
        let old_keys = KeyRing::new(vault_id, data_key, Algorithm::Aes256Gcm);
        let new_keys = KeyRing::new(vault_id, new_data_key, Algorithm::Aes256Gcm);
        let seen = old_bound.freshness.generation().unwrap_or(0);
        let commit = |conn: &mut Connection| -> Result<Manifest> {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            // Another process may have cleaned up the new key as left behind: then stop.
            let stale: String =
                tx.query_row("SELECT stale_device_key FROM vault WHERE singleton = 1", [], |r| {
                    r.get(0)
                })?;
            if stale != row.device_key {
                // Nothing names the new key any more: destroy it here.
                let _ = self.device.destroy_key(row.device_key.clone());
                return Err(Error::Storage(
                    "another change to the vault's keys is under way".into(),
                ));
            }
            let floor = Manifest::load(&tx, &old_keys).ok().flatten().map_or(0, |m| m.generation);
            let unconfirm = |s: &mut Settings| s.recovery_code_confirmed = false;
            let manifest = reseal::reseal_all(
                &tx,
                &old_keys,
                RECORD_LAYOUT_VERSION,
                &new_keys,
                SealLease::default(),
                floor.max(seen),
                Some(&unconfirm),
            )?;
            tx.execute(
                "UPDATE vault SET device_key = ?1, stale_device_key = ?2, device_secret = ?3
                 WHERE singleton = 1",
                params![row.device_key, old_row.device_key, row.wrapped_device_secret],
            )?;
            Attempts::seal_new(&tx, &bound.attempt_key)?;
            for slot in &slots {
                slot.save(&tx)?;
            }
            // Its secret wraps the old data key and the platform keeps it: biometric unlock is
            // switched on again by the person, under the new keys.
            Slot::remove(&tx, SlotKind::Biometric)?;
            tx.commit()?;
            // The resealed rows replaced the old ones in place (secure_delete); fold the log.
            db::checkpoint_after_commit(conn);
            Ok(manifest)
        };
        // Commit and swap the session under one hold of the vault's lock, so that no write
        // can slip in between with the old keys.
        let installed = {
            let mut guard = self.inner();
            let inner = &mut *guard;
            if self.state.load(Ordering::SeqCst) == ERASED {
                return Err(Error::Closed);
            }
            let conn = inner.conn.as_mut().ok_or(Error::Closed)?;
            let manifest = commit(conn)?;
            inner.session = None;
            bound.freshness.store_generation(manifest.generation);
            // Locked meanwhile: the new passcode opens the vault later; the code stays
            // unconfirmed, so the next unlock offers a new one.
            if self.epoch.load(Ordering::SeqCst) == epoch {
                let fresh = Some(bound.freshness.clone());
                Session::load(conn, new_keys, fresh).map(|session| inner.session = Some(session))
            } else {
                Err(Error::Locked)
            }
        };
        self.set_state(if installed.is_ok() { UNLOCKED } else { LOCKED });
        // Best effort: a key store that refuses now is asked again at the next open.
        let _ = self.destroy_stale_key();
        match installed {
            Ok(()) | Err(Error::Locked) => {}
            Err(other) => return Err(other),
        }
        self.changed(DataChange::Settings);
        self.changed(DataChange::Notes);
        Ok(code)
    }

    /// Destroys the platform key the vault row names as stale, and forgets it. Holds the
    /// write lock throughout, so it never races a rekey's commit.
    fn destroy_stale_key(&self) -> Result<()> {
        self.with_conn(|conn| {
            // Most opens have nothing to do: a plain read, no write lock.
            if VaultRow::load(conn)?.stale_device_key.is_empty() {
                return Ok(());
            }
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let row = VaultRow::load(&tx)?;
            if row.stale_device_key.is_empty() {
                return Ok(());
            }
            match self.device.destroy_key(row.stale_device_key) {
                Ok(()) | Err(DeviceKeyError::KeyMissing) => {}
                Err(refused) => return Err(refused.into()),
            }
            tx.execute("UPDATE vault SET stale_device_key = '' WHERE singleton = 1", [])?;
            tx.commit()?;
            Ok(())
        })
    }

    /// Whether the person confirmed they kept the latest recovery code. When false after an
    /// unlock, the app offers a new code ([`Vault::new_recovery_code`]).
    pub fn recovery_code_confirmed(&self) -> Result<bool> {
        self.with_session(|s, _| Ok(s.settings()?.settings.recovery_code_confirmed))
    }

    /// Records that the person has kept the latest recovery code.
    pub fn confirm_recovery_code(&self) -> Result<()> {
        let now = self.now_ms();
        self.with_session(|s, conn| {
            s.save_settings(conn, now, |s| s.recovery_code_confirmed = true, |_| Ok(()))
        })?;
        self.changed(DataChange::Settings);
        Ok(())
    }

    /// Makes a new recovery code (the old one stops working) and returns it, unconfirmed.
    /// Needs the vault unlocked.
    pub fn new_recovery_code(&self) -> Result<RecoveryCode> {
        let code = RecoveryCode::generate()?;
        let slot = self.new_slot(SlotKind::Recovery, code.secret())?;
        let now = self.now_ms();
        self.with_session(|s, conn| {
            s.save_settings(conn, now, |s| s.recovery_code_confirmed = false, |tx| slot.save(tx))?;
            db::checkpoint_after_commit(conn);
            Ok(())
        })?;
        self.changed(DataChange::Settings);
        Ok(code)
    }

    /// A new slot of `kind` for `secret`, wrapping the unlocked vault's data key with the
    /// parameters of a slot this device wrote. The caller saves it.
    fn new_slot(&self, kind: SlotKind, secret: &[u8]) -> Result<Slot> {
        let data_key = self.with_session(|s, _| Ok(s.keys().data_key().clone()))?;
        let row = self.with_conn(|conn| VaultRow::load(conn))?;
        let bound = DeviceBound::new(&self.device, &row)?;
        let params = self.slot_params(&row, &bound)?;
        let binding = bound.binding(&row, self.device.as_ref());
        Slot::wrap(kind, params, secret, &binding, &data_key)
    }

    /// How long the app may stay in the background before it locks, in seconds.
    pub fn auto_lock_seconds(&self) -> Result<u32> {
        self.with_session(|s, _| Ok(s.settings()?.settings.auto_lock_seconds))
    }

    /// Sets the auto-lock delay: one of [`settings::AUTO_LOCK_CHOICES`].
    pub fn set_auto_lock_seconds(&self, seconds: u32) -> Result<()> {
        if !settings::AUTO_LOCK_CHOICES.contains(&seconds) {
            return Err(Error::invalid(InputField::AutoLock, InputProblem::BadFormat));
        }
        let now = self.now_ms();
        self.with_session(|s, conn| {
            s.save_settings(conn, now, |s| s.auto_lock_seconds = seconds, |_| Ok(()))
        })?;
        self.changed(DataChange::Settings);
        Ok(())
    }

    /// Whether the app shows itself under a plain name and icon (discreet mode). Answers
    /// while locked too, from the copy kept beside the platform key, so that a desktop window
    /// keeps its plain title on the lock screen.
    pub fn discreet_mode(&self) -> Result<bool> {
        match self.with_session(|s, _| Ok(s.settings()?.settings.discreet)) {
            Err(Error::Locked) => Ok(self
                .device_record(session::DISCREET)?
                .is_some_and(|plain| plain.as_slice() == [1])),
            other => other,
        }
    }

    /// Turns discreet mode on or off; the platform changes its launcher name and icon.
    pub fn set_discreet_mode(&self, on: bool) -> Result<()> {
        let now = self.now_ms();
        self.with_session(|s, conn| s.save_settings(conn, now, |s| s.discreet = on, |_| Ok(())))?;
        self.changed(DataChange::Settings);
        Ok(())
    }

    /// Locks the vault if it has been in the background since `backgrounded_at` for at least
    /// the auto-lock delay; returns whether it locked. Apps call it when they come back to
    /// the foreground, and from a timer while in the background.
    pub fn lock_if_due(&self, backgrounded_at: Timestamp) -> Result<bool> {
        if !self.is_unlocked() {
            return Ok(false);
        }
        // Lost settings have no delay to read: lock at once, the safe side.
        let delay_ms = match self.auto_lock_seconds() {
            Ok(seconds) => i64::from(seconds) * 1000,
            Err(Error::Damaged(_)) => 0,
            Err(other) => return Err(other),
        };
        let due = self.now_ms().saturating_sub(backgrounded_at.ms()) >= delay_ms;
        if due {
            self.lock();
        }
        Ok(due)
    }

    /// The vault's role. Needs the vault unlocked.
    pub fn role(&self) -> Result<Role> {
        self.with_session(|s, _| Ok(s.settings()?.settings.role))
    }

    /// When the vault was started. Needs the vault unlocked.
    pub fn started_at(&self) -> Result<Timestamp> {
        self.with_session(|s, _| Ok(Timestamp::from_ms(s.settings()?.created_ms)))
    }

    /// How many records failed their integrity check at unlock and were left out.
    pub fn damaged_record_count(&self) -> Result<u32> {
        self.with_session(|s, _| Ok(s.damaged_rows.len() as u32))
    }

    /// What the unlock found about the records as a whole: damaged records left out,
    /// records that do not match the sealed manifest, an older copy. Needs the vault
    /// unlocked.
    pub fn check(&self) -> Result<VaultCheck> {
        self.with_session(|s, _| {
            Ok(VaultCheck {
                damaged_records: i32::try_from(s.damaged_rows.len()).unwrap_or(i32::MAX),
                records_unmatched: s.check.unmatched,
                older_copy: s.check.older_copy,
                settings_lost: s.check.settings_lost,
            })
        })
    }

    /// Sets who the vault is for after its settings were lost ([`VaultCheck::settings_lost`]):
    /// new settings with `role`, the recovery code unconfirmed (so the app offers a new one)
    /// and the program counted from today. Needs the vault unlocked.
    pub fn choose_role_again(&self, role: Role) -> Result<()> {
        let now = self.now_ms();
        self.with_session(|s, conn| s.replace_lost_settings(conn, role, now))?;
        self.changed(DataChange::Settings);
        Ok(())
    }

    /// Keeps the records as they are: after an older copy was restored on purpose, or once
    /// the person has seen that records do not match. The manifest is rewritten from what
    /// was read, and an older copy takes changes again. Needs the vault unlocked.
    pub fn keep_records_as_they_are(&self) -> Result<()> {
        self.with_session(|s, conn| s.keep_as_is(conn))?;
        self.changed(DataChange::Settings);
        Ok(())
    }

    /// Erases everything: destroys the device key (so no copy of the vault, backups included,
    /// can ever be opened again), overwrites the key slots and deletes the files. Works
    /// locked or unlocked; afterwards every call on this handle fails with [`Error::Closed`].
    ///
    /// The device key goes first: if the platform refuses to destroy it, nothing is deleted,
    /// the vault is left locked and the error says why, so the person can try again. An
    /// erase interrupted after that is finished by the next `erase` (the vault then opens
    /// as erased).
    pub fn erase(&self) -> Result<()> {
        let result = {
            let mut inner = self.inner();
            self.epoch.fetch_add(1, Ordering::SeqCst);
            inner.session = None;
            // The vault's own platform keys only: its current one and any left by a rekey.
            // A row too damaged to name them leaves nothing this vault's files could open.
            let aliases = inner.conn.as_ref().and_then(|c| VaultRow::load(c).ok()).map(|row| {
                [row.device_key, row.stale_device_key].into_iter().filter(|a| !a.is_empty())
            });
            for alias in aliases.into_iter().flatten() {
                match self.device.destroy_key(alias) {
                    Ok(()) | Err(DeviceKeyError::KeyMissing) => {}
                    Err(refused) => {
                        drop(inner);
                        if self.lock_state() == LockState::Unlocked {
                            self.set_state(LOCKED);
                        }
                        return Err(refused.into());
                    }
                }
            }
            let conn = inner.conn.take();
            self.erase_files(conn)
        };
        self.set_state(ERASED);
        result
    }

    /// Closes the vault's file after folding its log into it, so that the file alone holds
    /// the vault and can be moved. Afterwards every call on this handle fails with
    /// [`Error::Closed`]. On failure the vault stays open (and can still be erased).
    pub(crate) fn close(&self) -> Result<()> {
        let mut inner = self.inner();
        self.epoch.fetch_add(1, Ordering::SeqCst);
        inner.session = None;
        let conn = inner.conn.as_ref().ok_or(Error::Closed)?;
        db::checkpoint(conn)?;
        if let Some(conn) = inner.conn.take() {
            if let Err((conn, e)) = conn.close() {
                inner.conn = Some(conn);
                return Err(e.into());
            }
        }
        self.state.store(ERASED, Ordering::SeqCst);
        Ok(())
    }

    /// Removes what an interrupted restore left at `temp` (see [`restoring_path`]): its
    /// platform key and its files. Best effort; a restore or creation calls it first.
    pub(crate) fn clear_unfinished(temp: &Path, device: &Arc<dyn DeviceKeyStore>) {
        if std::fs::symlink_metadata(temp).is_err() {
            return;
        }
        let clock: Arc<dyn Clock> = Arc::new(crate::clock::SystemClock);
        let erased = Self::open(temp, device.clone(), clock).and_then(|vault| vault.erase());
        if erased.is_err() {
            for file in db::files(temp) {
                let _ = std::fs::remove_file(file);
            }
        }
    }

    fn erase_files(&self, conn: Option<Connection>) -> Result<()> {
        let mut first_error: Option<Error> = None;
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
                                      seal_state = zeroblob(length(seal_state)),
                                      attempt_state = zeroblob(length(attempt_state));
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

/// Where a restore builds the vault that is to be at `path`, until it is complete.
pub fn restoring_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".restoring");
    PathBuf::from(name)
}

/// A new platform key for the vault `vault_id` under `alias`, with a new device secret
/// wrapped by it: the vault row's key facts, and what the secret gives.
fn new_device_key_named(
    device: &Arc<dyn DeviceKeyStore>,
    vault_id: [u8; 16],
    alias: String,
) -> Result<(VaultRow, DeviceBound)> {
    let device_secret = Zeroizing::new(random::bytes::<32>()?.to_vec());
    let wrapped = device.wrap(alias.clone(), device_secret.to_vec())?;
    let row = VaultRow {
        vault_id,
        device_key: alias,
        stale_device_key: String::new(),
        wrapped_device_secret: wrapped,
    };
    let bound = DeviceBound::with_secret(device, &row, device_secret)?;
    Ok((row, bound))
}

fn decode_state(state: u8) -> LockState {
    match state {
        UNLOCKED => LockState::Unlocked,
        ERASED => LockState::Erased,
        _ => LockState::Locked,
    }
}
