// Restoring a backup on first run (a new or reset device): the person picks the file, types
// its passphrase and a new passcode for this device twice; the core makes a new vault from it
// with progress shown, and its new recovery code is shown until kept.
package app.mend.kit

import app.mend.core.KdfParams
import app.mend.ffi.MendException
import app.mend.ffi.defaultKdfParams
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the restore screen shows. */
data class RestoreState(
    /** The backup chosen, as a path the core reads; null until one is. */
    val backup: String? = null,
    /** The two passcode entries differed. */
    val mismatch: Boolean = false,
    /** The fraction done while restoring; null when not. */
    val progress: Float? = null,
    /** The new vault's recovery code, shown until the person keeps it. */
    val recoveryCode: String? = null,
    /** The code was kept: restoring is over. */
    val done: Boolean = false,
    val problem: MendException? = null,
)

/** The name of the chosen backup file, to show. */
val RestoreState.backupName: String? get() = backup?.substringAfterLast('/')?.substringAfterLast('\\')

/** Drives the restore screen; [files] is the platform's. */
class RestoreModel(
    session: MendSession,
    scope: CoroutineScope,
    private val files: SharedFiles,
    private val kdf: KdfParams = defaultKdfParams(),
) : ScreenModel<RestoreState>(session, RestoreState(), scope) {

    override val keepsOnlyWhileUnlocked: Boolean get() = false

    /** Asks the platform for the backup file. */
    suspend fun pickBackup() {
        val picked = files.pick() ?: return
        mutable.update { it.copy(backup = picked, problem = null) }
    }

    /** Restores if a backup is chosen and the passcode entries match; every array is wiped. */
    suspend fun restore(passphrase: ByteArray, first: ByteArray, second: ByteArray) {
        val backup = mutable.value.backup
        val same = wiping(second) { first.contentEquals(second) }
        if (backup == null || !same) {
            wiping(passphrase, first) {}
            mutable.update { it.copy(mismatch = !same, problem = null) }
            return
        }
        mutable.update { it.copy(mismatch = false, problem = null, progress = 0f) }
        val result = attempt {
            session.restore(backup, passphrase, first, { done -> mutable.update { it.copy(progress = done) } }, kdf)
        }
        if (result.isSuccess) files.release(backup)
        mutable.update {
            result.fold({ code -> it.copy(progress = null, recoveryCode = code) }, { _ -> it.copy(progress = null, problem = result.problem) })
        }
    }

    /** The person kept the new code: recorded by the core, forgotten here. */
    suspend fun recoveryCodeKept() {
        val result = attempt { session.confirmRecoveryCode() }
        mutable.update { if (result.isSuccess) RestoreState(done = true) else it.copy(problem = result.problem) }
    }

    /** Leaves restoring (back to first run). */
    fun reset() = mutable.update { RestoreState() }
}
