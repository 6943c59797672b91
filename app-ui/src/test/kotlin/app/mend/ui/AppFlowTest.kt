// The app's screens driven as a person would, through the real core: UI → Kotlin API →
// UniFFI → Rust → SQLite. Each role's whole life runs through one vault (first run, today,
// the journal, the tools, a check-in and progress, reminders, a lock in the background, a
// wrong then right passcode, a passcode change, erase); the other flows are the side roads.
// Shared code: these compile against Android's Compose too.
package app.mend.ui

import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.assertIsOff
import androidx.compose.ui.test.assertIsOn
import androidx.compose.ui.input.key.Key
import androidx.compose.ui.test.onAllNodesWithTag
import androidx.compose.ui.test.isFocused
import androidx.compose.ui.test.onRoot
import androidx.compose.ui.test.performKeyInput
import androidx.compose.ui.test.pressKey
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.v2.runComposeUiTest
import androidx.compose.ui.test.ComposeUiTest
import androidx.compose.ui.test.performSemanticsAction
import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.getValue
import androidx.compose.runtime.key
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import app.mend.kit.FakeBiometricKeeper
import app.mend.kit.FolderSharedFiles
import app.mend.kit.MendSession
import app.mend.kit.SMALL_KDF
import app.mend.kit.SoftwareKeyStore
import app.mend.kit.pass
import app.mend.kit.tempVaultPath
import app.mend.core.NoteDraft
import app.mend.core.NoteQuery
import app.mend.core.Role
import java.io.File
import java.time.Instant
import kotlinx.coroutines.runBlocking
import org.junit.Test
import androidx.compose.ui.test.onFirst
import kotlin.test.assertEquals
import kotlin.test.assertTrue

@OptIn(ExperimentalTestApi::class)
class AppFlowTest {
    private val strings = MendStrings()
    private val problems = ProblemStrings()

    private fun newSession(): MendSession = watchedSession()

    private fun ComposeUiTest.show(session: MendSession) = setContent { MendTheme(dark = false) { MendApp(session, SMALL_KDF) } }

    /** First run as [roleTag], keeping the recovery code; returns the code. */
    private fun ComposeUiTest.firstRun(roleTag: String, passcode: String): String {
        await(roleTag)
        press(roleTag)
        await("passcode")
        onNodeWithTag("create").assertIsNotEnabled()
        // The core's estimate is said as the passcode is typed.
        type("passcode", "123456")
        awaitText(strings.strength(app.mend.core.PasscodeStrength.WEAK))
        type("passcode", passcode)
        type("passcode-again", passcode)
        tap("create")
        await("recovery-code")
        val code = textOf("recovery-code")
        assertEquals(7, code.split('-').size, "the code is shown in seven groups")
        tap("kept")
        return code
    }

    @Test
    fun theRepairingPartnersWholeLife() = runComposeUiTest {
        val session = newSession()
        show(session)
        val code = firstRun("role-repairing", "first-passcode")
        practiseToday("I answered every question she asked tonight.")
        writeFindChangeAndDeleteANote()
        addToEachRepairingTool()
        checkInAndSeeProgress()
        lockInTheBackgroundThenUnlock(session, "first-passcode")
        changeThePasscodeThenEraseEverything(session, code, "first-passcode", "second-passcode")
        runBlocking { session.close() }
    }

    @Test
    fun theHurtPartnersWholeLife() = runComposeUiTest {
        val session = newSession()
        show(session)
        val code = firstRun("role-hurt", "first-passcode")
        practiseToday("I said what I needed tonight, and it was heard.")
        writeFindChangeAndDeleteANote()
        logATriggerAndAQuestion()
        addAReminder()
        checkInAndSeeProgress()
        lockInTheBackgroundThenUnlock(session, "first-passcode")
        changeThePasscodeThenEraseEverything(session, code, "first-passcode", "second-passcode")
        runBlocking { session.close() }
    }

    /** Today: the prompt done, with a response. */
    private fun ComposeUiTest.practiseToday(response: String) {
        await("prompt")
        type("response", response)
        tap("done")
        awaitText(strings.doneToday)
    }

    /** A check-in; progress shows it and the day's practice. */
    private fun ComposeUiTest.checkInAndSeeProgress() {
        press("tab-progress")
        await("save-check-in")
        tap("save-check-in")
        await("checked-in")
        await("trend")
        awaitText(strings.practisedDays(1, 1))
    }

    /** Away for longer than the delay: locked on return; a wrong passcode, then the right one. */
    private fun ComposeUiTest.lockInTheBackgroundThenUnlock(session: MendSession, passcode: String) {
        press("tab-today")
        await("prompt")
        session.movedToBackground(Instant.now().minusSeconds(3_600))
        runBlocking { session.movedToForeground() }
        await("unlock")
        type("passcode", "not-the-passcode")
        tap("unlock")
        awaitText(problems.wrongPasscode(4))
        type("passcode", passcode)
        tap("unlock")
        await("prompt")
        awaitText(strings.doneToday)
    }

    /** A reminder added from the tools; the notifications coming up are listed. */
    private fun ComposeUiTest.addAReminder() {
        press("tab-tools")
        await("tool-reminders")
        tap("tool-reminders")
        tap("day-sunday")
        tap("add-reminder")
        await("upcoming")
        awaitText("Practice, Mon Tue Wed Thu Fri Sat, 20:00")
        tap("tool-back")
    }

    /**
     * A note written, found by a word in it, changed (leaving with unsaved words asks first)
     * and deleted after a confirmation.
     */
    private fun ComposeUiTest.writeFindChangeAndDeleteANote() {
        await("tab-journal")
        press("tab-journal")
        await("no-notes")
        tap("new-note")
        await("title")
        type("title", "After the walk")
        type("body", "We talked about the lighthouse trip. I felt heard.")
        type("tags", "walks, hope")
        tap("save")
        await("saved")
        tap("close")
        awaitText("After the walk")
        awaitText("walks · hope")
        // Search as you type: a word from the body finds it, another word finds nothing.
        type("search", "lighthouse")
        awaitText("After the walk")
        type("search", "xylophone")
        await("nothing-found")
        type("search", "")
        awaitText("After the walk")
        tap("note")
        await("delete")
        type("body", "We talked about the lighthouse trip. I felt heard, and safe.")
        // Leaving with unsaved words asks first; saving from there keeps them.
        tap("close")
        await("save-and-leave")
        press("save-and-leave")
        await("note")
        tap("note")
        awaitEnabled("delete")
        tap("delete")
        await("keep-note")
        press("keep-note")
        tap("delete")
        await("confirm-delete")
        press("confirm-delete")
        await("no-notes")
    }

    /**
     * The hurt partner's trigger log, and a question answered, then deleted; the repairing
     * partner's tools are not offered.
     */
    private fun ComposeUiTest.logATriggerAndAQuestion() {
        await("tab-tools")
        press("tab-tools")
        await("tool-triggers")
        assertTrue(onAllNodesWithTag("tool-remorse_letters").fetchSemanticsNodes().isEmpty(), "not a hurt partner's tool")
        tap("tool-triggers")
        await("trigger-what")
        type("trigger-what", "A song on the radio")
        type("trigger-helped", "Walking outside")
        tap("add-trigger")
        awaitText(strings.triggerSummary("A song on the radio", 5, "Walking outside"))
        tap("tool-back")
        tap("tool-questions")
        await("question-text")
        type("question-text", "When did it start?")
        tap("add-question")
        awaitText("When did it start?")
        // Answered, then deleted after a confirmation.
        tap("entry")
        await("answer")
        onNodeWithTag("answer").performTextInput("In March.")
        press("save-answer")
        awaitText("When did it start?\n— In March.")
        tap("delete-entry")
        await("confirm-delete")
        press("confirm-delete")
        waitUntil("the entry to go", timeoutMillis = 20_000) { onAllNodesWithTag("entry").fetchSemanticsNodes().isEmpty() }
        tap("tool-back")
        await("tool-triggers")
    }

    /** An entry added in each of the repairing partner's tools, reminders among them. */
    private fun ComposeUiTest.addToEachRepairingTool() {
        await("tab-tools")
        press("tab-tools")
        fun ComposeUiTest.inTool(tag: String, fill: ComposeUiTest.() -> Unit, expect: String) {
            tap(tag)
            fill()
            awaitText(expect)
            tap("tool-back")
            await(tag)
        }
        inTool("tool-contacts", {
            type("contact-channel", "A message")
            tap("contact-told")
            tap("add-contact")
        }, strings.contactSummary("A message", "", true))
        inTool("tool-cut_ties", {
            type("cut-tie-item", "Delete the number")
            tap("add-cut-tie")
            await("entry")
            tap("entry")
        }, "Delete the number")
        inTool("tool-boundaries", {
            type("boundary-text", "No phone at dinner")
            tap("add-boundary")
        }, "${strings.aNeed}: No phone at dinner")
        inTool("tool-time_together", {
            type("time-plan", "A walk by the river")
            tap("add-time")
        }, "A walk by the river")
        inTool("tool-reminders", {
            tap("day-sunday")
            tap("add-reminder")
            await("upcoming")
        }, "Practice, Mon Tue Wed Thu Fri Sat, 20:00")
    }

    /**
     * Settings: the delay and discreet mode chosen, the passcode changed (a wrong current one
     * refused; a new recovery code), the old passcode refused and the new one taken, then
     * everything erased after typing the word.
     */
    private fun ComposeUiTest.changeThePasscodeThenEraseEverything(session: MendSession, firstCode: String, first: String, second: String) {
        await("tab-settings")
        press("tab-settings")
        await("autolock-30")
        tap("autolock-30")
        // Discreet mode: switched on here, known to the core (and so to the launcher) at once.
        onNodeWithTag("discreet").assertIsOff()
        tap("discreet")
        waitUntil("discreet mode on", timeoutMillis = 20_000) { runBlocking { session.discreetMode() } }
        onNodeWithTag("discreet").assertIsOn()
        tap("someone-may-know")
        await("current")
        type("current", "not-it-at-all")
        type("passcode", second)
        type("passcode-again", second)
        tap("change")
        awaitText(problems.wrongPasscode(4))
        type("current", first)
        type("passcode", second)
        type("passcode-again", second)
        tap("change")
        await("recovery-code")
        val newCode = textOf("recovery-code")
        assertTrue(newCode != firstCode, "the change gives a new recovery code")
        tap("kept")
        await("erase")
        // The old passcode opens nothing now; the new one does.
        press("lock")
        await("unlock")
        type("passcode", first)
        tap("unlock")
        await("problem")
        type("passcode", second)
        tap("unlock")
        await("tab-settings")
        press("tab-settings")
        await("erase")
        // Still discreet after the passcode change and a lock.
        onNodeWithTag("discreet").assertIsOn()
        tap("erase")
        await("erase-word")
        onNodeWithTag("confirm-erase").assertIsNotEnabled()
        onNodeWithTag("erase-word").performTextInput(strings.eraseWord)
        press("confirm-erase")
        await("erased")
    }

    @Test
    fun theHurtPartnerMistypesThenForgetsThePasscodeAndRecovers() = runComposeUiTest {
        val session = newSession()
        show(session)
        await("role-hurt")
        tap("role-hurt")
        await("passcode")
        type("passcode", "my-own-space")
        type("passcode-again", "my-own-spade")
        tap("create")
        await("mismatch")
        val code = firstRunAfterMismatch()
        await("prompt")
        press("lock")
        await("forgot")
        tap("forgot")
        await("code")
        type("code", "0000-0000-0000-0000-0000-0000-0000")
        type("passcode", "a-new-passcode")
        type("passcode-again", "a-new-passcode")
        tap("recover")
        awaitText(problems.wrongRecoveryCode)
        type("code", code)
        type("passcode", "a-new-passcode")
        type("passcode-again", "a-new-passcode")
        tap("recover")
        await("recovery-code")
        val newCode = textOf("recovery-code")
        assertTrue(newCode != code, "a new code replaces the used one")
        tap("kept")
        await("prompt")
        runBlocking { session.close() }
    }

    /** After a mismatch, types the passcode twice the same and keeps the code. */
    private fun ComposeUiTest.firstRunAfterMismatch(): String {
        type("passcode", "my-own-space")
        type("passcode-again", "my-own-space")
        tap("create")
        await("recovery-code")
        val code = textOf("recovery-code")
        tap("kept")
        return code
    }

    @Test
    fun fingerprintUnlockOnceSwitchedOnUntilThePhonesBiometricsChange() = runComposeUiTest {
        val keeper = FakeBiometricKeeper()
        val session = watchedSession(biometrics = keeper)
        show(session)
        firstRun("role-hurt", "first-passcode")
        await("tab-settings")
        press("tab-settings")
        await("biometric")
        onNodeWithTag("biometric").assertIsOff()
        tap("biometric")
        waitUntil("the secret kept", timeoutMillis = 20_000) { keeper.kept != null }
        onNodeWithTag("biometric").assertIsOn()
        press("lock")
        // The person chooses the passcode instead: still locked, still offered.
        await("biometric-unlock")
        keeper.next = app.mend.kit.BiometricOpening.Cancelled
        tap("biometric-unlock")
        await("unlock")
        onNodeWithTag("biometric-unlock").assertExists()
        keeper.next = null
        tap("biometric-unlock")
        await("tab-today")
        // New fingerprints on the phone: said on the lock screen, switched off, passcode needed.
        press("lock")
        await("biometric-unlock")
        keeper.next = app.mend.kit.BiometricOpening.Gone
        tap("biometric-unlock")
        await("biometric-off")
        assertTrue(onAllNodesWithTag("biometric-unlock").fetchSemanticsNodes().isEmpty())
        type("passcode", "first-passcode")
        tap("unlock")
        await("tab-today")
        runBlocking { session.close() }
    }

    @Test
    fun theRemorseLetterUnderlinesWordsWorthAnotherLook() = runComposeUiTest {
        val session = newSession()
        show(session)
        firstRun("role-repairing", "first-passcode")
        await("tab-tools")
        press("tab-tools")
        tap("tool-remorse_letters")
        tap("write")
        await("section-0")
        type("section-0", "I am sorry if you were hurt. You pushed me away.")
        await("flag")
        assertTrue(onAllNodesWithTag("flag").fetchSemanticsNodes().size >= 2, "a conditional and a blaming phrase")
        // Words of self-harm are answered with help, not a style note, and help opens from there.
        type("section-1", "Some days I dont want to be alive.")
        await("help-offer")
        assertEquals(2, onAllNodesWithTag("flag").fetchSemanticsNodes().size, "no style note for them")
        tap("open-help")
        await("help-intro")
        press("top-back")
        // Help opened over the letter, which is as it was; it was also kept before help opened.
        await("section-1")
        assertEquals("Some days I dont want to be alive.", editableTextOf("section-1"))
        tap("close")
        await("tool-back")
        tap("tool-back")
        await("tab-tools")
        press("tab-tools")
        tap("tool-remorse_letters")
        await("entry")
        runBlocking { session.close() }
    }

    @Test
    fun anOlderCopyIsSaidOnScreenAndKeptOnlyWhenThePersonChooses() = runComposeUiTest {
        val path = tempVaultPath()
        val store = SoftwareKeyStore()
        runBlocking {
            val first = MendSession(path, store)
            first.start()
            first.create(Role.HURT, pass(), SMALL_KDF)
            first.confirmRecoveryCode()
            first.call { it.addNote(NoteDraft("In the copy", "body")) }
            first.lock()
            first.close()
        }
        File(path).copyTo(File("$path.copy"))
        runBlocking {
            val second = MendSession(path, store)
            second.start()
            second.unlock(pass())
            second.call { v -> v.deleteNote(v.notes(NoteQuery(), 0, 1).notes.single().id) }
            second.lock()
            second.close()
        }
        listOf("-wal", "-shm").forEach { File("$path$it").delete() }
        File("$path.copy").copyTo(File(path), overwrite = true)
        val session = watchedSession(path, store)
        show(session)
        await("unlock")
        type("passcode", "passcode-1")
        tap("unlock")
        await("older-copy")
        tap("keep-as-is")
        waitUntil("the banner to go", timeoutMillis = 20_000) { onAllNodesWithTag("records-banner").fetchSemanticsNodes().isEmpty() }
        runBlocking { session.close() }
    }

    @Test
    fun aBackupCarriesTheSpaceToANewDevice() = runComposeUiTest {
        val files = FolderSharedFiles()
        var session by mutableStateOf(newSession())
        setContent { key(session) { MendTheme(dark = false) { MendApp(session, SMALL_KDF, sharedFiles = files) } } }
        firstRun("role-hurt", "old-phone-passcode")
        runBlocking { session.call { it.addNote(NoteDraft("Carried over", "Written on the old phone.", null, emptyList())) } }
        await("tab-settings")
        press("tab-settings")
        tap("backup")
        await("backup-passphrase")
        onNodeWithTag("make-backup").assertIsNotEnabled()
        type("backup-passphrase", "a long passphrase for us")
        type("backup-passphrase-again", "a long passphrase for me")
        tap("make-backup")
        await("mismatch")
        // The core's rule: a passphrase anyone could try anywhere must be long.
        type("backup-passphrase", "too short")
        type("backup-passphrase-again", "too short")
        tap("make-backup")
        await("problem")
        assertEquals(problems.tooShort(12), textOf("problem"))
        type("backup-passphrase", "a long passphrase for us")
        type("backup-passphrase-again", "a long passphrase for us")
        tap("make-backup")
        await("backup-done")
        assertEquals(strings.backupDone(2), textOf("backup-done"), "the settings and the note")
        awaitText(strings.backupDeliveredTo("the backups folder"))
        assertTrue(files.suggested.orEmpty().matches(Regex("mend-\\d{4}-\\d{2}-\\d{2}\\.mendbackup")), "${files.suggested}")
        assertTrue(files.dir.listFiles().orEmpty().single().readBytes().decodeToString().let { "Carried over" !in it && "old phone" !in it })
        tap("close")
        await("erase")
        runBlocking { session.close() }

        // A new phone: another key store, no vault yet.
        session = newSession()
        await("restore-offer")
        tap("restore-offer")
        await("choose-backup")
        onNodeWithTag("restore").assertIsNotEnabled()
        tap("choose-backup")
        await("backup-chosen")
        assertEquals(strings.backupChosen(files.dir.listFiles().orEmpty().single().name), textOf("backup-chosen"))
        type("backup-passphrase", "not the passphrase")
        type("passcode", "new-phone-passcode")
        type("passcode-again", "new-phone-passcode")
        tap("restore")
        await("problem")
        assertEquals(problems.wrongBackupPassphrase, textOf("problem"))
        type("backup-passphrase", "a long passphrase for us")
        type("passcode", "new-phone-passcode")
        type("passcode-again", "new-phone-passcode")
        tap("restore")
        await("recovery-code")
        assertEquals(7, textOf("recovery-code").split('-').size)
        tap("kept")
        await("tab-journal")
        press("tab-journal")
        awaitText("Carried over")
        // The restored space is this phone's: its own passcode opens it.
        runBlocking { session.lock() }
        await("unlock")
        type("passcode", "new-phone-passcode")
        tap("unlock")
        await("tab-journal")
        runBlocking { session.close() }
    }

    @Test
    fun anExportSaysFirstThatItIsNotProtected() = runComposeUiTest {
        val files = FolderSharedFiles()
        val session = newSession()
        setContent { MendTheme(dark = false) { MendApp(session, SMALL_KDF, sharedFiles = files) } }
        firstRun("role-repairing", "a-passcode")
        runBlocking { session.call { it.addNote(NoteDraft("Exported note", "Words to keep.", null, emptyList())) } }
        await("tab-settings")
        press("tab-settings")
        tap("export")
        await("export-warning")
        assertEquals(strings.exportText, textOf("export-warning"))
        tap("export-json")
        await("export-done")
        assertEquals(strings.exportDeliveredTo("the backups folder"), textOf("export-done"))
        val saved = files.dir.listFiles().orEmpty().single()
        assertTrue(saved.name.matches(Regex("mend-export-\\d{4}-\\d{2}-\\d{2}\\.json")), saved.name)
        assertTrue("Words to keep." in saved.readText())
        saved.delete()
        tap("export-markdown")
        waitUntil("the Markdown file", timeoutMillis = 20_000) { files.dir.listFiles().orEmpty().any { it.name.endsWith(".md") } }
        assertTrue(files.dir.listFiles().orEmpty().single().readText().startsWith("# Everything in Mend"))
        files.dir.listFiles().orEmpty().forEach { it.delete() }
        // A summary with the note picked: previewed, then saved as a printable page.
        tap("back")
        await("summary")
        tap("summary")
        await("pick-note")
        tap("pick-note")
        tap("preview")
        await("summary-preview")
        awaitText("• Exported note")
        tap("summary-html")
        await("summary-done")
        val page = files.dir.listFiles().orEmpty().single()
        assertTrue(page.name.startsWith("summary-") && page.name.endsWith(".html"), page.name)
        assertTrue("Words to keep." in page.readText())
        // Where the platform prints (the phones), the same page goes to its print dialog.
        tap("summary-print")
        waitUntil("the print dialog", timeoutMillis = 20_000) { files.printed.isNotEmpty() }
        assertEquals(page.readText(), files.printed.single().second)
        runBlocking { session.close() }
    }

    @Test
    fun aLowCheckInAndANoteWithWordsOfSelfHarmEachBringTheHelpCardAfterSaving() = runComposeUiTest {
        // Whatever is printed meanwhile is kept, to show none of the person's words reach it.
        val printed = java.io.ByteArrayOutputStream()
        val (out, err) = System.out to System.err
        val tee = java.io.PrintStream(printed, true)
        System.setOut(tee)
        System.setErr(tee)
        try {
            val session = newSession()
            show(session)
            firstRun("role-hurt", "first-passcode")
            press("tab-progress")
            await("save-check-in")
            onNodeWithTag("safety").performSemanticsAction(SemanticsActions.SetProgress) { it(1f) }
            type("check-in-note", "MARKER-CHECKIN quiet evening")
            tap("save-check-in")
            await("help-offer")
            await("checked-in") // saved first; the card is an offer beside it
            press("tab-journal")
            tap("new-note")
            await("body")
            type("title", "Tonight")
            type("body", "MARKER-NOTE I keep thinking about the pills in the cabinet")
            tap("save")
            await("help-offer")
            val saved = runBlocking { session.call { it.notes(NoteQuery(), 0, 10) } }
            assertEquals(listOf("Tonight"), saved.notes.map { it.title }, "the note is saved, whatever it says")
            assertTrue(onAllNodesWithText("pills", substring = true).fetchSemanticsNodes().size <= 1, "the card does not repeat the note")
            runBlocking { session.close() }
        } finally {
            System.setOut(out)
            System.setErr(err)
        }
        val log = printed.toString()
        assertTrue("MARKER-" !in log, "no words the person wrote are printed")
    }

    @Test
    fun helpOpensOverAHalfWrittenNoteAndLeavesItAsItWas() = runComposeUiTest {
        val session = newSession()
        show(session)
        firstRun("role-hurt", "first-passcode")
        await("tab-journal")
        press("tab-journal")
        tap("new-note")
        await("body")
        type("title", "Not saved yet")
        type("body", "Half of what I wanted to say")
        press("help")
        await("help-intro")
        // Beneath help, the note is neither reachable nor announced.
        assertTrue(onAllNodesWithTag("body").fetchSemanticsNodes().isEmpty())
        // The keyboard cannot reach the note beneath either: Tab moves only through help.
        repeat(12) {
            onRoot().performKeyInput { pressKey(Key.Tab) }
            settle()
            assertTrue(onAllNodes(isFocused()).fetchSemanticsNodes().isNotEmpty(), "Tab reaches help's own buttons")
            onRoot().performKeyInput { pressKey(Key.Z) }
        }
        press("top-back")
        await("body")
        assertEquals("Half of what I wanted to say", editableTextOf("body"))
        assertEquals("Not saved yet", editableTextOf("title"))
        runBlocking { session.close() }
    }

    @Test
    fun backGoesWhereEachScreensOwnBackButtonGoes() = runComposeUiTest {
        val back = BackNavigation()
        val session = newSession()
        setContent { CompositionLocalProvider(LocalBackNavigation provides back) { MendTheme(dark = false) { MendApp(session, SMALL_KDF) } } }
        firstRun("role-hurt", "first-passcode")
        await("tab-today")
        fun goBack(): Boolean {
            settle()
            return runOnIdle { back.back() }
        }
        assertTrue(!goBack(), "today's tab has no way back inside the app: the platform's back leaves it")
        press("tab-journal")
        tap("new-note")
        type("body", "Half of a thought")
        press("help")
        await("help-intro")
        // Help first, over the note; then the note, which asks before dropping unsaved words.
        assertTrue(goBack())
        await("body")
        assertEquals("Half of a thought", editableTextOf("body"))
        assertTrue(goBack())
        await("leave-unsaved")
        press("leave-unsaved")
        await("new-note")
        // Another tab goes back to today's.
        assertTrue(goBack())
        await("prompt")
        press("tab-tools")
        tap("tool-triggers")
        await("tool-back")
        assertTrue(goBack())
        await("tool-triggers")
        press("lock")
        await("unlock")
        assertTrue(!goBack(), "the lock screen has no way back")
        runBlocking { session.close() }
    }

    @Test
    fun helpIsOneTapAwayWhileLocked() = runComposeUiTest {
        val session = newSession()
        show(session)
        firstRun("role-repairing", "first-passcode")
        await("lock")
        press("lock")
        await("unlock")
        press("help")
        await("help-intro")
        // The lines of every country the app knows, each saying when it was last checked.
        for (country in listOf("US", "GB", "IE", "CA", "AU", "NZ", "ALL")) {
            assertTrue(onAllNodesWithTag("resource-$country").fetchSemanticsNodes().isNotEmpty(), country)
        }
        onAllNodesWithText("Details checked on", substring = true).onFirst().assertExists()
        onNodeWithTag("transparency").assertExists()
        press("top-back")
        await("unlock")
        runBlocking { session.close() }
    }
}
