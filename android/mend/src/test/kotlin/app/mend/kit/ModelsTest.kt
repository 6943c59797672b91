// The Kotlin API and the screens' state logic, against a real vault on the JVM.
package app.mend.kit

import app.mend.core.KdfOptions
import app.mend.core.MendException
import app.mend.core.NoteDraft
import app.mend.core.NoteFilter
import app.mend.core.VaultRole
import java.nio.file.Files
import kotlinx.coroutines.runBlocking
import org.junit.Test
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue

val SMALL_KDF = KdfOptions(memoryKib = 256u, iterations = 1u, parallelism = 1u)

fun tempVaultPath(): String = Files.createTempDirectory("mend").resolve("vault.db").toString()

fun pass(text: String = "passcode-1"): ByteArray = text.toByteArray()

class ModelsTest {
    private fun newClient(): Pair<MendClient, String> = runBlocking {
        val path = tempVaultPath()
        MendClient.create(path, pass(), VaultRole.REPAIRING, SoftwareKeyStore(), SMALL_KDF).client to path
    }

    @Test
    fun clientWipesPasscodesAndRunsTheWholeFlow() = runBlocking {
        val path = tempVaultPath()
        val store = SoftwareKeyStore()
        val secret = pass()
        val created = MendClient.create(path, secret, VaultRole.HURT, store, SMALL_KDF)
        assertTrue(secret.all { it == 0.toByte() }, "the passcode was not wiped")
        assertTrue(MendClient.exists(path))
        created.client.use { client ->
            assertEquals(VaultRole.HURT, client.role())
            val id = client.addNote(NoteDraft("Évening", "We listened 🙏", 5u, listOf("walk"))).id
            client.prepareSearch()
            assertEquals(1u, client.search("évening", NoteFilter(), 0, 10).total)
            client.lock()
            assertFailsWith<MendException.Locked> { client.note(id) }
            val again = pass()
            client.unlock(again)
            assertTrue(again.all { it == 0.toByte() })
            assertEquals("We listened 🙏", client.note(id).body)
        }
        MendClient.open(path, store).use { reopened ->
            assertFalse(reopened.isUnlocked)
            reopened.unlock(pass())
            assertEquals(1u, reopened.notes(NoteFilter(), 0, 10).total)
        }
    }

    @Test
    fun unlockStateCountsDownThenWaits() = runBlocking {
        val (client, _) = newClient()
        client.lock()
        var now = System.currentTimeMillis()
        val model = UnlockModel(client) { now }
        model.refresh()
        assertEquals(5, model.state.value.attemptsLeft)
        assertTrue(model.state.value.canSubmit(now))
        for (left in 4 downTo 1) {
            model.submit(pass("wrong-code"))
            assertEquals(Problem.WrongPasscode(left), model.state.value.problem)
            assertEquals(left, model.state.value.attemptsLeft)
        }
        model.submit(pass("wrong-code"))
        val state = model.state.value
        val waitUntil = assertNotNull(state.waitUntilMs)
        assertEquals(Problem.MustWait(waitUntil), state.problem)
        assertFalse(state.canSubmit(now))
        assertTrue(state.secondsToWait(now) in 30..32)
        // While waiting, submitting does nothing (and still wipes the passcode).
        val secret = pass()
        model.submit(secret)
        assertTrue(secret.all { it == 0.toByte() })
        assertFalse(model.state.value.unlocked)
        now = waitUntil
        assertTrue(model.state.value.canSubmit(now))
    }

    @Test
    fun unlockStateUnlocksWithTheRightPasscode() = runBlocking {
        val (client, _) = newClient()
        client.lock()
        val model = UnlockModel(client)
        model.submit(pass("wrong-code"))
        model.submit(pass())
        assertTrue(model.state.value.unlocked)
        assertNull(model.state.value.problem)
        assertTrue(client.isUnlocked)
    }

    @Test
    fun onboardingChecksThePasscodeThenShowsTheCodeOnce() = runBlocking {
        val model = OnboardingModel(tempVaultPath(), SoftwareKeyStore(), SMALL_KDF)
        assertEquals(OnboardingStep.ChooseRole, model.state.value.step)
        model.chooseRole(VaultRole.HURT)
        assertEquals(OnboardingStep.ChoosePasscode, model.state.value.step)
        model.choosePasscode(pass("12345"), pass("12345"))
        assertEquals(PasscodeProblem.TooShort, model.state.value.passcodeProblem)
        model.choosePasscode(pass("123456"), pass("123457"))
        assertEquals(PasscodeProblem.Mismatch, model.state.value.passcodeProblem)
        assertNull(model.client)
        model.choosePasscode(pass("123456"), pass("123456"))
        val shown = model.state.value
        assertEquals(OnboardingStep.ShowRecoveryCode, shown.step)
        assertEquals(34, assertNotNull(shown.recoveryCode).length)
        assertEquals(VaultRole.HURT, assertNotNull(model.client).role())
        model.recoveryCodeSaved()
        assertEquals(OnboardingStep.Done, model.state.value.step)
        assertNull(model.state.value.recoveryCode)
    }

    @Test
    fun journalPagesFiltersAndSearches() = runBlocking {
        val (client, _) = newClient()
        repeat(7) { i ->
            client.addNote(NoteDraft("note $i", if (i % 2 == 0) "even day" else "odd day", (1 + i % 3).toUByte(), listOf("t$i")))
        }
        val model = JournalModel(client, pageSize = 3)
        model.refresh()
        assertEquals(listOf("note 6", "note 5", "note 4"), model.state.value.rows.map { it.title })
        assertTrue(model.state.value.canLoadMore)
        model.loadMore()
        model.loadMore()
        assertEquals(7, model.state.value.rows.size)
        assertFalse(model.state.value.canLoadMore)
        model.setStep(1)
        assertEquals(listOf("note 6", "note 3", "note 0"), model.state.value.rows.map { it.title })
        model.setStep(null)
        model.setQuery("EVEN")
        assertEquals(4, model.state.value.total)
        model.setTag("t4")
        assertEquals(listOf("note 4"), model.state.value.rows.map { it.title })
        model.setQuery("odd")
        assertTrue(model.state.value.isFilteredEmpty)
    }

    @Test
    fun editorAddsEditsRejectsAndDeletes() = runBlocking {
        val (client, _) = newClient()
        val editor = NoteEditorModel(client)
        assertTrue(editor.state.value.isNew)
        assertFalse(editor.state.value.canSave)
        editor.edit(title = "First", body = "Hard evening", step = 5)
        editor.save()
        val id = assertNotNull(editor.state.value.id)
        assertTrue(editor.state.value.saved)
        editor.edit(title = "x".repeat(201))
        editor.save()
        assertEquals("title", editor.state.value.invalidField)
        assertEquals(Problem.Invalid("title", "is too long"), editor.state.value.problem)

        val other = NoteEditorModel(client)
        other.load(id)
        assertEquals("Hard evening", other.state.value.body)
        assertEquals(5, other.state.value.step)
        other.edit(body = "Better now")
        other.save()
        assertEquals("Better now", client.note(id).body)
        other.delete()
        assertTrue(other.state.value.deleted)
        val gone = NoteEditorModel(client)
        gone.load(id)
        assertEquals(Problem.NotFound, gone.state.value.problem)
    }

    @Test
    fun platformZoneFollowsDaylightSaving() {
        val berlin = PlatformZone(java.time.ZoneId.of("Europe/Berlin"))
        assertEquals(3600, berlin.offsetSeconds(1_767_225_600_000)) // 2026-01-01, winter
        assertEquals(7200, berlin.offsetSeconds(1_782_864_000_000)) // 2026-07-01, summer
    }

    @Test
    fun problemsMapFromEveryCoreError() {
        assertEquals(Problem.WrongPasscode(2), MendException.WrongPasscode(2u).toProblem())
        assertEquals(Problem.MustWait(9L), MendException.TooManyAttempts(9L).toProblem())
        assertEquals(Problem.NeedsNewerApp, MendException.NewerVault(2u, 1u).toProblem())
        assertEquals(Problem.Locked, MendException.Closed().toProblem())
        assertContentEquals(byteArrayOf(0, 0), byteArrayOf(1, 2).also { MendClient.wiping(it) {} })
    }
}

class TodayModelTest {
    @Test
    fun todayShowsAlternativesAndRecordsPractice() = runBlocking {
        val client = MendClient.create(tempVaultPath(), pass(), app.mend.core.VaultRole.REPAIRING, SoftwareKeyStore(), SMALL_KDF).client
        val zone = PlatformZone(java.time.ZoneId.of("Europe/Berlin"))
        val model = TodayModel(client, zone)
        model.refresh()
        val first = assertNotNull(model.state.value.prompt)
        assertEquals(0u, first.alternative)
        assertTrue(model.state.value.canSettle)
        model.another()
        val other = assertNotNull(model.state.value.prompt)
        assertEquals(1u, other.alternative)
        kotlin.test.assertNotEquals(first.prompt.id, other.prompt.id)
        model.done("We walked and I listened.")
        assertEquals(app.mend.core.PracticeOutcome.DONE, model.state.value.prompt?.outcome)
        assertFalse(model.state.value.canSettle)
        assertEquals(1, model.state.value.daysThisWeek)
        model.refresh()
        assertEquals(first.prompt.id, model.state.value.prompt?.prompt?.id, "the day's prompt stays the same")
        model.skip()
        assertEquals(app.mend.core.PracticeOutcome.SKIPPED, model.state.value.prompt?.outcome)
        client.lock()
        model.refresh()
        assertEquals(Problem.Locked, model.state.value.problem)
    }
}

class CheckInModelTest {
    @Test
    fun checkInsAreSavedForTheDayAndListed() = runBlocking {
        val client = MendClient.create(tempVaultPath(), pass(), app.mend.core.VaultRole.HURT, SoftwareKeyStore(), SMALL_KDF).client
        val model = CheckInModel(client) { java.time.LocalDate.of(2026, 3, 29) }
        model.refresh()
        assertFalse(model.state.value.savedToday)
        model.edit(safety = 12, trust = 3, connection = -1, note = "A hard evening")
        assertEquals(Triple(10, 3, 0), Triple(model.state.value.safety, model.state.value.trust, model.state.value.connection))
        model.save()
        assertTrue(model.state.value.savedToday)
        assertEquals("", model.state.value.note)
        val saved = model.state.value.recent.single().entry as app.mend.core.ToolEntry.CheckIn
        assertEquals("2026-03-29", saved.date)
        assertEquals("A hard evening", saved.note)
    }
}

class ProgramModelsTest {
    @Test
    fun programProgressToolsAndReminders() = runBlocking {
        val client = MendClient.create(tempVaultPath(), pass(), app.mend.core.VaultRole.REPAIRING, SoftwareKeyStore(), SMALL_KDF).client
        val zone = PlatformZone(java.time.ZoneId.of("Asia/Tokyo"))

        val program = ProgramModel()
        program.refresh()
        assertEquals(6, program.state.value.steps.size)
        program.open(5)
        assertEquals("validation", program.state.value.open?.key)

        val today = TodayModel(client, zone)
        today.refresh()
        today.done(null)
        val progress = ProgressModel(client, zone)
        progress.refresh()
        assertEquals(1u, progress.state.value.progress?.daysPractised)

        val ties = ToolModel(client, app.mend.core.ToolKind.CUT_TIES)
        ties.add(app.mend.core.ToolEntry.CutTie("Leave the shared gym", false))
        val id = ties.state.value.entries.single().id
        ties.edit(id, app.mend.core.ToolEntry.CutTie("Leave the shared gym", true))
        assertTrue((ties.state.value.entries.single().entry as app.mend.core.ToolEntry.CutTie).done)
        ties.add(app.mend.core.ToolEntry.CutTie(" ", false))
        assertEquals("item", (ties.state.value.problem as? Problem.Invalid)?.field)
        ties.delete(id)
        assertTrue(ties.state.value.entries.isEmpty())

        val reminders = RemindersModel(client, zone)
        reminders.add(app.mend.core.ToolEntry.Reminder(app.mend.core.ReminderPurpose.CHECK_IN, byteArrayOf(1, 2, 3, 4, 5, 6, 7), 21u, 15u, true))
        assertEquals(1, reminders.state.value.reminders.size)
        assertEquals(20, reminders.state.value.upcoming.size)
        assertEquals("Time for your check-in", reminders.state.value.upcoming.first().text)
        reminders.delete(reminders.state.value.reminders.single().id)
        assertTrue(reminders.state.value.upcoming.isEmpty())
    }
}
