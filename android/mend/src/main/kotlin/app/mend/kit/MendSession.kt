// The app session: the one object that owns the vault for the app's life. It knows whether
// there is a vault and whether it is locked, runs every core call on the core thread, hears
// the core's change events (lock state and which data changed), and locks after the chosen
// delay in the background. Screen models hold it and drop what they show when it locks.
package app.mend.kit

import app.mend.core.DataChange
import app.mend.core.DeviceKeyStore
import app.mend.core.KdfParams
import app.mend.core.LockState
import app.mend.core.ReminderFiring
import app.mend.core.Role
import app.mend.core.TimeZoneRules
import app.mend.core.VaultListener
import app.mend.ffi.MendException
import app.mend.ffi.MendVault
import app.mend.core.BackupSummary
import app.mend.core.ProgressListener
import app.mend.ffi.createVault
import app.mend.ffi.defaultKdfParams
import app.mend.ffi.restoreBackup
import app.mend.ffi.setLanguage
import app.mend.ffi.setPlace
import app.mend.ffi.vaultExists
import java.time.Instant
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableSharedFlow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharedFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asSharedFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/** Where the app's vault stands. */
sealed interface SessionState {
    /** Not known yet: [MendSession.start] has not run. */
    data object Starting : SessionState

    /** There is no vault: onboarding. */
    data object NoVault : SessionState

    /** The vault is locked: the lock screen. */
    data object Locked : SessionState

    /**
     * Unlocked. When [recoveryCodeConfirmed] is false the app shows a recovery code first;
     * when [damagedRecords] is not 0 it says that many records failed their integrity check
     * and are left out of every list; [olderCopy] (a restored file: read-only until kept) and
     * [recordsUnmatched] (rows missing, older or put back) are said on every screen until the
     * person keeps the records as they are.
     */
    data class Unlocked(
        val role: Role,
        val recoveryCodeConfirmed: Boolean,
        val damagedRecords: Int = 0,
        val olderCopy: Boolean = false,
        val recordsUnmatched: Boolean = false,
    ) : SessionState

    /** Unlocked, but the settings could not be read: the person says whose vault it is again. */
    data object SettingsLost : SessionState

    /** The vault was erased: the app starts over. */
    data object Erased : SessionState
}

/** What trying biometric unlock came to. */
enum class BiometricUnlock {
    /** Unlocked. */
    UNLOCKED,

    /** The person chose the passcode instead; still locked. */
    CANCELLED,

    /** The platform's key is gone (biometrics changed): switched off; the passcode is needed. */
    SWITCHED_OFF,
}

/**
 * Owns the vault at [path], bound to [keyStore]. Every core call runs on [core] (one serial
 * thread); [background] runs the one long call that may overlap others (preparing search).
 * [biometrics], where the platform has them, keeps biometric unlock's secret;
 * [hasScreenLock] says whether the device has a screen lock (phones need one first).
 */
class MendSession(
    private val path: String,
    private val keyStore: DeviceKeyStore,
    private val biometrics: BiometricKeeper? = null,
    private val hasScreenLock: () -> Boolean = { true },
    private val zone: () -> TimeZoneRules = { PlatformZone() },
    private val core: CoroutineDispatcher = coreThread(),
    private val background: CoroutineDispatcher = Dispatchers.IO,
) {
    private val scope = CoroutineScope(SupervisorJob() + core)
    private val mutableState = MutableStateFlow<SessionState>(SessionState.Starting)
    private val mutableChanges = MutableSharedFlow<DataChange>(extraBufferCapacity = 64)
    private var vault: MendVault? = null
    private var backgroundedAt: Instant? = null
    private var autoLock: Job? = null

    /** Where the vault stands; collect it to switch between onboarding, lock and the app. */
    val state: StateFlow<SessionState> = mutableState.asStateFlow()

    /** Which kind of data changed, as it happens: lists reload when their kind changes. */
    val changes: SharedFlow<DataChange> = mutableChanges.asSharedFlow()

    private val listener = object : VaultListener {
        override fun lockStateChanged(state: LockState) {
            when (state) {
                LockState.LOCKED -> mutableState.value = SessionState.Locked
                LockState.ERASED -> mutableState.value = SessionState.Erased
                // Unlocked is published by unlock() and recover(), with the role.
                LockState.UNLOCKED -> {}
            }
        }

        override fun dataChanged(change: DataChange) {
            mutableChanges.tryEmit(change)
        }
    }

    private fun attach(opened: MendVault): MendVault {
        opened.setTimeZone(zone())
        opened.setListener(listener)
        vault = opened
        return opened
    }

    private fun publishUnlocked() {
        val v = vault ?: return
        if (!v.isUnlocked()) return
        val check = v.check()
        mutableState.value = if (check.settingsLost) {
            SessionState.SettingsLost
        } else {
            SessionState.Unlocked(v.role(), v.recoveryCodeConfirmed(), check.damagedRecords, check.olderCopy, check.recordsUnmatched)
        }
    }

    /**
     * Finds the vault: no vault (onboarding) or locked. Call once when the app starts. The
     * program's language follows the device's, where the core has it.
     */
    suspend fun start(): SessionState = withContext(core) {
        val tag = java.util.Locale.getDefault().toLanguageTag()
        setLanguage(tag)
        // Help lines for where the device is: its time zone's country, else its region.
        setPlace(tag, java.time.ZoneId.systemDefault().id)
        if (vault == null && vaultExists(path)) {
            val opened = MendVault.open(path, keyStore)
            if (opened.lockState() == LockState.ERASED) {
                // An erase was interrupted: finish it; the person starts over.
                runCatching { opened.erase() }
                opened.close()
            } else {
                attach(opened)
            }
        }
        mutableState.value = if (vault == null) SessionState.NoVault else SessionState.Locked
        mutableState.value
    }

    /**
     * Runs [block] with the vault on the core thread. Throws [MendException.NoVault] before
     * there is one; the core's typed errors otherwise.
     */
    suspend fun <T> call(block: (MendVault) -> T): T = withContext(core) {
        block(vault ?: throw MendException.NoVault())
    }

    /** The device's time zone changed (`ACTION_TIMEZONE_CHANGED`): days count in the new one. */
    suspend fun timeZoneChanged() = withContext(core) { vault?.setTimeZone(zone()) ?: Unit }

    /**
     * The next [limit] notifications to arm, soonest first, whether the vault is locked or not
     * (the core keeps the schedule beside the platform key); none without a vault. Waits until
     * [start] has found the vault, so a broadcast at boot cannot race it.
     */
    suspend fun upcomingReminders(limit: Int): List<ReminderFiring> {
        state.first { it != SessionState.Starting }
        return withContext(core) { vault?.upcomingReminders(limit) ?: emptyList() }
    }

    /**
     * Whether the app shows a plain name and icon, locked or not (the core keeps a copy beside
     * the platform key); false without a vault.
     */
    suspend fun discreetMode(): Boolean {
        state.first { it != SessionState.Starting }
        return withContext(core) { vault?.discreetMode() ?: false }
    }

    /** Runs [block] on the core thread; for calls that need no vault (help, limits, content). */
    suspend fun <T> anytime(block: () -> T): T = withContext(core) { block() }

    /** Creates the vault with [passcode] (wiped afterwards); returns the recovery code to show. */
    suspend fun create(role: Role, passcode: ByteArray, kdf: KdfParams = defaultKdfParams()): String =
        withContext(core) {
            val created = wiping(passcode) { createVault(path, passcode, role, kdf, keyStore) }
            attach(created.vault)
            publishUnlocked()
            created.recoveryCode
        }

    /** Unlocks with [passcode] (wiped afterwards), then warms search in the background. */
    suspend fun unlock(passcode: ByteArray) {
        call { v -> wiping(passcode) { v.unlock(passcode) } }
        withContext(core) { publishUnlocked() }
        prepareSearch()
    }

    /**
     * Makes a new vault here from the backup at [backupPath], sealed under [passphrase], with a
     * new [passcode] (both wiped afterwards); returns the new recovery code to show. [progress]
     * hears the fraction done, from the core thread. Never replaces a vault.
     */
    suspend fun restore(
        backupPath: String,
        passphrase: ByteArray,
        passcode: ByteArray,
        progress: (Float) -> Unit = {},
        kdf: KdfParams = defaultKdfParams(),
    ): String = withContext(core) {
        if (vault != null) throw MendException.AlreadyExists()
        val restored = wiping(passphrase, passcode) {
            restoreBackup(backupPath, passphrase, path, passcode, kdf, keyStore, progressOf(progress))
        }
        attach(restored.vault)
        publishUnlocked()
        prepareSearch()
        restored.recoveryCode
    }

    /**
     * Writes a backup of the whole vault to a new file at [dest], sealed under [passphrase]
     * (wiped afterwards). [progress] hears the fraction done, from the core thread.
     */
    suspend fun backup(
        dest: String,
        passphrase: ByteArray,
        progress: (Float) -> Unit = {},
        kdf: KdfParams = defaultKdfParams(),
    ): BackupSummary = call { v -> wiping(passphrase) { v.backup(dest, passphrase, kdf, progressOf(progress)) } }

    private fun progressOf(report: (Float) -> Unit) = object : ProgressListener {
        override fun progress(done: Long, total: Long) {
            if (total > 0) report(done.toFloat() / total)
        }
    }

    /** Sets a new passcode with the recovery code; returns the new recovery code to show. */
    suspend fun recover(recoveryCode: String, newPasscode: ByteArray): String {
        val code = call { v -> wiping(newPasscode) { v.recover(recoveryCode, newPasscode) } }
        biometrics?.forget() // the rekey removed its slot
        withContext(core) { publishUnlocked() }
        prepareSearch()
        return code
    }

    /**
     * Replaces the passcode and rekeys the vault (also the "someone may know my passcode"
     * action); returns the new recovery code to show. Both passcodes are wiped.
     */
    suspend fun changePasscode(current: ByteArray, newPasscode: ByteArray): String {
        val code = call { v -> wiping(current, newPasscode) { v.changePasscode(current, newPasscode) } }
        biometrics?.forget() // the rekey removed its slot
        withContext(core) { publishUnlocked() }
        prepareSearch()
        return code
    }

    /** Whether the device has a screen lock; a phone needs one before a vault is made. */
    fun screenLockSet(): Boolean = hasScreenLock()

    /** Whether the platform can offer biometric unlock at all (whether or not it is on). */
    fun biometricsAvailable(): Boolean = biometrics?.available() == true

    /** Whether the lock screen offers biometric unlock: on in the vault, and possible here. */
    suspend fun biometricUnlockReady(): Boolean =
        biometricsAvailable() && call { it.biometricUnlockEnabled() }

    /**
     * Unlocks after a biometric check. When the platform's key is gone, biometric unlock is
     * switched off in the vault too, and the passcode is needed.
     */
    suspend fun unlockWithBiometrics(): BiometricUnlock {
        val keeper = biometrics ?: return BiometricUnlock.CANCELLED
        return when (val opening = keeper.open()) {
            is BiometricOpening.Opened -> {
                call { v -> wiping(opening.secret) { v.unlockWithBiometric(opening.secret) } }
                withContext(core) { publishUnlocked() }
                prepareSearch()
                BiometricUnlock.UNLOCKED
            }
            BiometricOpening.Cancelled -> BiometricUnlock.CANCELLED
            BiometricOpening.Gone -> {
                call { it.disableBiometricUnlock() }
                keeper.forget()
                BiometricUnlock.SWITCHED_OFF
            }
        }
    }

    /**
     * Switches biometric unlock on (after a check the person passes now) or off. Returns
     * whether it is on afterwards.
     */
    suspend fun setBiometricUnlock(on: Boolean): Boolean {
        val keeper = biometrics ?: return false
        if (!on) {
            call { it.disableBiometricUnlock() }
            keeper.forget()
            return false
        }
        val secret = call { it.enableBiometricUnlock() }
        val kept = wiping(secret) { keeper.keep(secret) }
        if (!kept) call { it.disableBiometricUnlock() }
        return kept
    }

    /** Says whose vault it is again after its settings were lost ([SessionState.SettingsLost]). */
    suspend fun chooseRoleAgain(role: Role) = withContext(core) {
        (vault ?: throw MendException.NoVault()).chooseRoleAgain(role)
        publishUnlocked()
    }

    /** Keeps the records as they are: an older copy restored on purpose, or unmatched records. */
    suspend fun keepRecordsAsTheyAre() = withContext(core) {
        (vault ?: throw MendException.NoVault()).keepRecordsAsTheyAre()
        publishUnlocked()
    }

    /** Records that the person kept the latest recovery code. */
    suspend fun confirmRecoveryCode() = withContext(core) {
        (vault ?: throw MendException.NoVault()).confirmRecoveryCode()
        publishUnlocked()
    }

    /** Makes a new recovery code (the old one stops working); returns it, unconfirmed. */
    suspend fun newRecoveryCode(): String = withContext(core) {
        val code = (vault ?: throw MendException.NoVault()).newRecoveryCode()
        publishUnlocked()
        code
    }

    private fun prepareSearch() {
        val v = vault ?: return
        // Decrypting every body takes a while; the core lets lists answer meanwhile.
        scope.launch(background) { runCatching { v.prepareSearch() } }
    }

    /** Locks: the core drops its keys; every screen model drops what it showed. */
    suspend fun lock() = withContext(core) { vault?.lock() ?: Unit }

    /** The app went to the background at [at]: it locks after the chosen delay. */
    fun movedToBackground(at: Instant = Instant.now()) {
        backgroundedAt = at
        autoLock?.cancel()
        autoLock = scope.launch {
            val seconds = runCatching { vault?.autoLockSeconds() }.getOrNull() ?: 0
            delay(seconds * 1000L)
            vault?.lockIfDue(at)
        }
    }

    /** The app came back: locks if it was away for at least the delay. */
    suspend fun movedToForeground() {
        autoLock?.cancel()
        val at = backgroundedAt ?: return
        backgroundedAt = null
        call { v -> v.lockIfDue(at) }
    }

    /** Erases the vault for good (and any biometric secret); the session is then [SessionState.Erased]. */
    suspend fun erase() {
        call { v -> v.erase() }
        biometrics?.forget()
    }

    /** Locks and releases the native handle, on the core thread. */
    suspend fun close() {
        withContext(core) {
            vault?.let {
                it.setListener(null)
                it.lock()
                it.close()
            }
            vault = null
        }
        scope.cancel()
    }
}
