// Making a backup, from settings: a passphrase typed twice (long enough for a file anyone
// could try to open anywhere), the core seals the whole vault under it with progress shown,
// and the platform hands the file to the person.
package app.mend.kit

import app.mend.core.KdfParams
import app.mend.ffi.MendException
import app.mend.ffi.defaultKdfParams
import app.mend.ffi.limits
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the backup screen shows. */
data class BackupState(
    /** The shortest passphrase, in characters (the core's rule). */
    val minChars: Int = 0,
    /** The two passphrase entries differed. */
    val mismatch: Boolean = false,
    /** The fraction done while a backup is written; null when none is. */
    val progress: Float? = null,
    /** Records written by the last backup, once it is written. */
    val records: Long? = null,
    /** Records left out of it because they could not be read. */
    val damagedLeftOut: Int = 0,
    /** Where the backup went, in the platform's words; null if it was set aside. */
    val deliveredTo: String? = null,
    val problem: MendException? = null,
)

/** Drives the backup screen; [files] is the platform's. */
class BackupModel(
    session: MendSession,
    scope: CoroutineScope,
    private val files: SharedFiles,
    private val kdf: KdfParams = defaultKdfParams(),
) : ScreenModel<BackupState>(session, BackupState(), scope) {

    override suspend fun refresh() {
        val min = session.anytime { limits().backupPassphraseMinChars }
        mutable.update { BackupState(minChars = min) }
    }

    /** Writes a backup if the two entries match; both arrays are wiped. */
    suspend fun makeBackup(first: ByteArray, second: ByteArray) {
        val same = wiping(second) { first.contentEquals(second) }
        if (!same) {
            first.fill(0)
            mutable.update { it.copy(mismatch = true, problem = null) }
            return
        }
        mutable.update { it.copy(mismatch = false, problem = null, progress = 0f, records = null, deliveredTo = null) }
        val path = files.newFilePath()
        val result = attempt { session.backup(path, first, { done -> mutable.update { it.copy(progress = done) } }, kdf) }
        val summary = result.getOrNull()
        if (summary == null) {
            mutable.update { it.copy(progress = null, problem = result.problem) }
            return
        }
        val name = attempt { session.call { it.backupFileName() } }.getOrNull() ?: path.substringAfterLast('/')
        val delivered = files.deliver(path, name)
        mutable.update {
            it.copy(progress = null, records = summary.records, damagedLeftOut = summary.damagedLeftOut, deliveredTo = delivered)
        }
    }

    /** Back to an empty form (leaving the screen). */
    fun reset() = mutable.update { BackupState(minChars = it.minChars) }
}
