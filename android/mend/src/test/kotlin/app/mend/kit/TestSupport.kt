// What the screen-model tests share: a session over a new vault with small key-derivation
// costs, a scope whose collectors run at once, and a dispatcher a test can hold back.
package app.mend.kit

import app.mend.core.KdfParams
import app.mend.core.Role
import java.nio.file.Files
import kotlin.coroutines.CoroutineContext
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob

val SMALL_KDF = KdfParams(memoryKib = 256u, iterations = 1u, parallelism = 1u)

fun tempVaultPath(): String = Files.createTempDirectory("mend").resolve("vault.db").toString()

fun pass(text: String = "passcode-1"): ByteArray = text.toByteArray()

/** A scope for models under test: collectors run at once, on whichever thread emits. */
fun testScope(): CoroutineScope = CoroutineScope(SupervisorJob() + Dispatchers.Unconfined)

/** A new vault for [role], unlocked, its recovery code kept; and the code. */
suspend fun newSession(
    role: Role = Role.REPAIRING,
    core: CoroutineDispatcher = coreThread(),
    path: String = tempVaultPath(),
    store: SoftwareKeyStore = SoftwareKeyStore(),
    biometrics: BiometricKeeper? = null,
): MendSession {
    val session = MendSession(path, store, biometrics, core = core)
    session.start()
    session.create(role, pass(), SMALL_KDF)
    session.confirmRecoveryCode()
    return session
}

/** Waits (up to two seconds) until [check] holds: for changes the core announces. */
fun eventually(check: () -> Boolean) {
    val until = System.nanoTime() + 2_000_000_000L
    while (!check()) {
        if (System.nanoTime() > until) throw AssertionError("did not happen in time")
        Thread.sleep(5)
    }
}

/**
 * Runs work at once on the caller's thread, except while [held]: then it queues it until
 * the test runs it, in the order the test chooses.
 */
class HoldableDispatcher : CoroutineDispatcher() {
    @Volatile var held = false
    private val queue = ArrayDeque<Runnable>()

    override fun isDispatchNeeded(context: CoroutineContext): Boolean = held

    override fun dispatch(context: CoroutineContext, block: Runnable) {
        if (held) synchronized(queue) { queue.addLast(block) } else block.run()
    }

    /** How many pieces of work wait. */
    val waiting: Int get() = synchronized(queue) { queue.size }

    /** Stops holding and runs what waits, newest first. */
    fun releaseNewestFirst() {
        held = false
        while (true) (synchronized(queue) { queue.removeLastOrNull() } ?: return).run()
    }

    /** Stops holding and runs what waits, oldest first. */
    fun release() {
        held = false
        while (true) (synchronized(queue) { queue.removeFirstOrNull() } ?: return).run()
    }
}

/**
 * Files kept in one folder, as a test's platform: written there, saved under the name the
 * core suggests, the newest backup picked when the person chooses one (null when
 * [cancelPick]), and pages sent to print kept in [printed].
 */
class FolderSharedFiles(val dir: java.io.File = Files.createTempDirectory("mend-backups").toFile()) : SharedFiles {
    private var made = 0
    var cancelPick = false

    override fun newFilePath(): String = java.io.File(dir, "mend-${++made}.mendbackup").path

    /** The name the core suggested for the last backup. */
    var suggested: String? = null

    /** Saves the file under the suggested name in the folder, as a person would. */
    override suspend fun deliver(path: String, suggestedName: String): String? {
        suggested = suggestedName
        java.io.File(path).renameTo(java.io.File(dir, suggestedName))
        return "the backups folder"
    }

    override suspend fun pick(): String? =
        if (cancelPick) null else dir.listFiles().orEmpty().filter { it.name.endsWith(".mendbackup") }.maxByOrNull { it.name }?.path

    /** Pages sent to print, as (job name, page); a phone's print dialog would open for each. */
    val printed = mutableListOf<Pair<String, String>>()

    override val canPrint: Boolean get() = true

    override suspend fun printPage(page: String, jobName: String) {
        printed += jobName to page
    }
}
