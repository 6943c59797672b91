// A coroutine-friendly front for the generated bindings: every core call runs on the IO
// dispatcher, passcodes are wiped after use, and the client closes its native handle.
package app.mend.kit

import app.mend.core.DailyPrompt
import app.mend.core.DeviceKeyStore
import app.mend.core.KdfOptions
import app.mend.core.MendVault
import app.mend.core.Note
import app.mend.core.NoteDraft
import app.mend.core.NoteFilter
import app.mend.core.NotePage
import app.mend.core.NoteSummary
import app.mend.core.Progress
import app.mend.core.ReminderFiring
import app.mend.core.TimeZoneRules
import app.mend.core.ToolEntry
import app.mend.core.ToolKind
import app.mend.core.ToolRecord
import app.mend.core.UnlockStatus
import app.mend.core.VaultRole
import app.mend.core.createVault
import app.mend.core.defaultKdfOptions
import app.mend.core.vaultExists
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/** A new vault, unlocked, with the recovery code to show once. */
class CreatedVault(val client: MendClient, val recoveryCode: String)

/**
 * One open vault. Every call is a suspend function that runs the core on [io]
 * (`Dispatchers.IO` by default); errors arrive as [app.mend.core.MendException].
 * Close it when the vault is no longer needed.
 */
class MendClient private constructor(
    private val vault: MendVault,
    private val io: CoroutineDispatcher,
) : AutoCloseable {

    companion object {
        /** Whether a vault exists at [path]. */
        suspend fun exists(path: String, io: CoroutineDispatcher = Dispatchers.IO): Boolean =
            withContext(io) { vaultExists(path) }

        /** Opens the vault at [path], locked. */
        suspend fun open(
            path: String,
            keyStore: DeviceKeyStore,
            io: CoroutineDispatcher = Dispatchers.IO,
        ): MendClient = withContext(io) { MendClient(MendVault.open(path, keyStore), io) }

        /** Creates a vault at [path]; [passcode] is wiped afterwards. */
        suspend fun create(
            path: String,
            passcode: ByteArray,
            role: VaultRole,
            keyStore: DeviceKeyStore,
            kdf: KdfOptions = defaultKdfOptions(),
            io: CoroutineDispatcher = Dispatchers.IO,
        ): CreatedVault = withContext(io) {
            wiping(passcode) {
                val created = createVault(path, passcode, role, kdf, keyStore)
                CreatedVault(MendClient(created.vault, io), created.recoveryCode)
            }
        }

        /** Runs [block], then overwrites every secret it was given. */
        internal inline fun <T> wiping(vararg secrets: ByteArray, block: () -> T): T =
            try {
                block()
            } finally {
                secrets.forEach { it.fill(0) }
            }
    }

    private suspend fun <T> core(block: MendVault.() -> T): T = withContext(io) { vault.block() }

    /** Whether the vault is unlocked. */
    val isUnlocked: Boolean get() = vault.isUnlocked()

    /** Failed attempts and any wait in force, for the lock screen. */
    suspend fun unlockStatus(): UnlockStatus = core { unlockStatus() }

    /** Unlocks with [passcode], which is wiped afterwards. */
    suspend fun unlock(passcode: ByteArray) = core { wiping(passcode) { unlock(passcode) } }

    /** Locks: the core drops its keys and everything decrypted. */
    suspend fun lock() = core { lock() }

    /** Changes the passcode; both arrays are wiped afterwards. */
    suspend fun changePasscode(current: ByteArray, new: ByteArray) =
        core { wiping(current, new) { changePasscode(current, new) } }

    /** Sets a new passcode with the recovery code; returns the new recovery code. */
    suspend fun recover(recoveryCode: String, newPasscode: ByteArray): String =
        core { wiping(newPasscode) { recover(recoveryCode, newPasscode) } }

    /** Whose vault this is. */
    suspend fun role(): VaultRole = core { role() }

    /** Writes a new note. */
    suspend fun addNote(draft: NoteDraft): NoteSummary = core { addNote(draft) }

    /** Replaces a note. */
    suspend fun editNote(id: String, draft: NoteDraft): NoteSummary = core { editNote(id, draft) }

    /** Deletes a note for good. */
    suspend fun deleteNote(id: String) = core { deleteNote(id) }

    /** Reads a whole note. */
    suspend fun note(id: String): Note = core { getNote(id) }

    /** One page of the newest notes, unfiltered (the cheapest list call). */
    suspend fun newest(offset: Int, limit: Int): NotePage = core { newestNotes(offset.toUInt(), limit.toUInt()) }

    /** One page of notes, newest first. */
    suspend fun notes(filter: NoteFilter, offset: Int, limit: Int): NotePage =
        core { listNotes(filter, offset.toUInt(), limit.toUInt()) }

    /** One page of notes containing every word of [query]. */
    suspend fun search(query: String, filter: NoteFilter, offset: Int, limit: Int): NotePage =
        core { searchNotes(query, filter, offset.toUInt(), limit.toUInt()) }

    /** Warms the search cache; call in the background right after unlock. */
    suspend fun prepareSearch() = core { prepareSearch() }

    /** Today's prompt by the local day in [zone]; the same all day. */
    suspend fun today(zone: TimeZoneRules = PlatformZone()): DailyPrompt = core { today(zone) }

    /** Another prompt for today (1 = the first alternative). */
    suspend fun anotherPrompt(alternative: Int, zone: TimeZoneRules = PlatformZone()): DailyPrompt =
        core { anotherPrompt(zone, alternative.toUInt()) }

    /** Marks a prompt offered today as done, with an optional written response. */
    suspend fun completePrompt(promptId: String, response: String?, zone: TimeZoneRules = PlatformZone()): DailyPrompt =
        core { completePrompt(zone, promptId, response) }

    /** Marks a prompt offered today as skipped. */
    suspend fun skipPrompt(promptId: String, zone: TimeZoneRules = PlatformZone()): DailyPrompt =
        core { skipPrompt(zone, promptId) }

    /** Progress as of today. */
    suspend fun progress(zone: TimeZoneRules = PlatformZone()): Progress = core { progress(zone) }

    /** Writes a tool entry (check-in, trigger, question, contact, reminder). */
    suspend fun addEntry(entry: ToolEntry): ToolRecord = core { addEntry(entry) }

    /** Replaces a tool entry with another of the same tool. */
    suspend fun editEntry(id: String, entry: ToolEntry): ToolRecord = core { editEntry(id, entry) }

    /** Deletes a tool entry for good. */
    suspend fun deleteEntry(id: String) = core { deleteEntry(id) }

    /** A tool's entries, newest first. */
    suspend fun entries(tool: ToolKind): List<ToolRecord> = core { entries(tool) }

    /** The next notifications to schedule, soonest first. */
    suspend fun upcomingReminders(limit: Int, zone: TimeZoneRules = PlatformZone()): List<ReminderFiring> =
        core { upcomingReminders(zone, limit.toUInt()) }

    /** Erases the vault and its device key for good. */
    suspend fun erase() = core { erase() }

    /** Locks and releases the native handle. */
    override fun close() {
        vault.lock()
        vault.close()
    }
}
