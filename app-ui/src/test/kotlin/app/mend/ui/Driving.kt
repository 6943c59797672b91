// How the Compose tests drive the screens, shared by the flow tests and the screenshots: type,
// tap and wait as a person would, each step first settling.
//
// The tests wait for the core as they wait for the screen. A screen asks the core
// for its content on the core's own thread, which the test framework cannot see; so the
// tests' sessions count the core work queued or running, and every look and tap first
// settles: it waits until none is left. A tap then never lands on a screen still changing
// under it (a line appearing or going after a load moves the buttons below it).
@file:OptIn(ExperimentalTestApi::class)

package app.mend.ui

import androidx.compose.runtime.snapshots.Snapshot
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.test.ComposeTimeoutException
import androidx.compose.ui.test.ComposeUiTest
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SemanticsNodeInteractionsProvider
import androidx.compose.ui.test.onAllNodesWithTag
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onRoot
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextClearance
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.printToString
import app.mend.kit.BiometricKeeper
import app.mend.kit.MendSession
import app.mend.kit.SoftwareKeyStore
import app.mend.kit.coreThread
import app.mend.kit.tempVaultPath
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.atomic.AtomicInteger
import kotlin.coroutines.CoroutineContext
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runBlocking

/** Runs work on [delegate] and counts the pieces queued or running. */
class CountingDispatcher(private val delegate: CoroutineDispatcher) : CoroutineDispatcher() {
    private val pending = AtomicInteger()

    /** Whether no work is queued or running. */
    val idle: Boolean get() = pending.get() == 0

    override fun dispatch(context: CoroutineContext, block: Runnable) {
        pending.incrementAndGet()
        try {
            delegate.dispatch(context) {
                try {
                    block.run()
                } finally {
                    pending.decrementAndGet()
                }
            }
        } catch (e: Throwable) {
            pending.decrementAndGet()
            throw e
        }
    }
}

/** The core work of every session the tests made: idle when none is queued or running. */
object CoreWork {
    private val dispatchers = CopyOnWriteArrayList<CountingDispatcher>()

    /** A counted dispatcher running on [delegate]. */
    fun counted(delegate: CoroutineDispatcher): CountingDispatcher = CountingDispatcher(delegate).also { dispatchers += it }

    /** Whether no session has core work queued or running. */
    val idle: Boolean get() = dispatchers.all { it.idle }
}

/**
 * Waits until the screen and the core are both still: the screen idle, no core work left,
 * and still none after the screen settled again (a screen's effects may start new work).
 */
fun ComposeUiTest.settle(timeoutMillis: Long = 20_000) {
    val until = System.nanoTime() + timeoutMillis * 1_000_000
    while (true) {
        // State a model changed from the core's thread is announced to the screen now, as the
        // platform's frame loop would (the test's may not see a write from another thread).
        Snapshot.sendApplyNotifications()
        waitForIdle()
        if (CoreWork.idle) {
            waitForIdle()
            if (CoreWork.idle) return
        }
        if (System.nanoTime() > until) throw AssertionError("the core was still working after $timeoutMillis ms")
        Thread.sleep(5)
    }
}

/**
 * A session over [path] (a new vault's path unless given), started unless [start] is false,
 * whose core and background work [settle] waits for.
 */
fun watchedSession(
    path: String = tempVaultPath(),
    store: SoftwareKeyStore = SoftwareKeyStore(),
    biometrics: BiometricKeeper? = null,
    hasScreenLock: () -> Boolean = { true },
    start: Boolean = true,
): MendSession {
    val session = MendSession(
        path, store, biometrics, hasScreenLock,
        core = CoreWork.counted(coreThread()),
        background = CoreWork.counted(Dispatchers.IO),
    )
    if (start) runBlocking { session.start() }
    return session
}

/** Replaces the text of the field [tag] with [text], scrolled into view first. */
fun ComposeUiTest.type(tag: String, text: String) {
    settle()
    onNodeWithTag(tag).performScrollTo().performTextClearance()
    onNodeWithTag(tag).performTextInput(text)
}

/** Taps [tag], scrolled into view first (large fonts push buttons below the fold). */
fun ComposeUiTest.tap(tag: String) {
    settle()
    onNodeWithTag(tag).performScrollTo().performClick()
}

/** Taps [tag] where it stands (a tab, a top bar's button, a dialog's). */
fun ComposeUiTest.press(tag: String) {
    settle()
    onNodeWithTag(tag).performClick()
}

/** Waits for the node tagged [tag]; if it never comes, says what the screen shows instead. */
fun ComposeUiTest.await(tag: String) {
    settle()
    try {
        waitUntil("the node tagged $tag", timeoutMillis = 20_000) {
            Snapshot.sendApplyNotifications()
            onAllNodesWithTag(tag).fetchSemanticsNodes().isNotEmpty()
        }
    } catch (e: ComposeTimeoutException) {
        // What the core threads were doing, in case a call never came back.
        val core = Thread.getAllStackTraces().filterKeys { it.name == "mend-core" }.map { (t, stack) ->
            "${t.name} ${t.state}:\n" + stack.take(25).joinToString("\n") { "  at $it" }
        }
        throw AssertionError(
            "no node tagged $tag; the screen shows:\n" + onRoot(useUnmergedTree = true).printToString() + "\n" + core.joinToString("\n"),
            e,
        )
    }
}

/** Waits until [tag] can be used (a button stays disabled while its screen loads). */
fun ComposeUiTest.awaitEnabled(tag: String) {
    await(tag)
    waitUntil("$tag enabled", timeoutMillis = 20_000) {
        onAllNodesWithTag(tag).fetchSemanticsNodes().any { SemanticsProperties.Disabled !in it.config }
    }
}

/** Waits for [text] anywhere on screen. */
fun ComposeUiTest.awaitText(text: String) {
    settle()
    waitUntil("the text \"$text\"", timeoutMillis = 20_000) {
        Snapshot.sendApplyNotifications()
        onAllNodesWithText(text).fetchSemanticsNodes().isNotEmpty()
    }
}

/** The text of the node tagged [tag]. */
fun SemanticsNodeInteractionsProvider.textOf(tag: String): String =
    onNodeWithTag(tag).fetchSemanticsNode().config[SemanticsProperties.Text].joinToString("") { it.text }

/** What the field tagged [tag] holds. */
fun SemanticsNodeInteractionsProvider.editableTextOf(tag: String): String =
    onNodeWithTag(tag).fetchSemanticsNode().config[SemanticsProperties.EditableText].text
