// The generated Kotlin bindings, exercised across the whole exported surface on the JVM.
package app.mend.tests

import app.mend.core.DeviceKeyException
import app.mend.core.FileDeviceKeyStore
import app.mend.core.KdfOptions
import app.mend.core.MendException
import app.mend.core.MendVault
import app.mend.core.NoteDraft
import app.mend.core.NoteFilter
import app.mend.core.VaultRole
import app.mend.core.PracticeOutcome
import app.mend.core.Asker
import app.mend.core.PhrasingReason
import app.mend.core.QuestionKind
import app.mend.core.QuestionStatus
import app.mend.core.ReminderPurpose
import app.mend.core.ToolEntry
import app.mend.core.ToolKind
import app.mend.core.checkLetterPhrasing
import app.mend.core.createVault
import app.mend.core.helpResources
import app.mend.core.programStep
import app.mend.core.programSteps
import app.mend.core.programThemes
import app.mend.core.defaultKdfOptions
import app.mend.core.vaultExists
import app.mend.kit.FailingKeyStore
import app.mend.kit.PlatformZone
import app.mend.kit.SoftwareKeyStore
import java.io.File
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermission
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotEquals
import kotlin.test.assertNull
import kotlin.test.assertTrue

private val SMALL = KdfOptions(memoryKib = 256u, iterations = 1u, parallelism = 1u)
private val PASS get() = "passcode-1".toByteArray()
private val ALL = NoteFilter(step = null, tag = null)

private fun dir(): File = Files.createTempDirectory("mend-kt").toFile()

class BindingsTest {
    private fun newVault(store: SoftwareKeyStore = SoftwareKeyStore(), role: VaultRole = VaultRole.REPAIRING) =
        File(dir(), "vault.db").path.let { path -> Triple(path, store, createVault(path, PASS, role, SMALL, store)) }

    @Test
    fun createUnlockLockAndReopen() {
        assertEquals(65536u, defaultKdfOptions().memoryKib)
        val (path, store, created) = newVault(role = VaultRole.HURT)
        val v = created.vault
        assertTrue(vaultExists(path))
        assertFalse(vaultExists("$path.none"))
        assertEquals(34, created.recoveryCode.length)
        assertTrue(v.isUnlocked())
        assertEquals(VaultRole.HURT, v.role())
        assertTrue(kotlin.math.abs(v.startedAtMs() - System.currentTimeMillis()) < 60_000)
        assertEquals(0u, v.damagedRecordCount())
        v.lock()
        assertFalse(v.isUnlocked())
        MendVault.open(path, store).use { again ->
            val status = again.unlockStatus()
            assertEquals(0u, status.failedAttempts)
            assertEquals(5u, status.attemptsLeft)
            assertNull(status.retryAtMs)
            again.unlock(PASS)
            assertTrue(again.isUnlocked())
        }
        assertFailsWith<MendException.AlreadyExists> { createVault(path, PASS, VaultRole.HURT, SMALL, store) }
        assertFailsWith<MendException.NoVault> { MendVault.open("$path.none", store) }
    }

    @Test
    fun wrongPasscodesCarryAttemptsLeftThenARetryTime() {
        val v = newVault().third.vault
        v.lock()
        for (left in 4 downTo 0) {
            val e = assertFailsWith<MendException.WrongPasscode> { v.unlock("wrong-code".toByteArray()) }
            assertEquals(left.toUInt(), e.attemptsLeft)
        }
        val e = assertFailsWith<MendException.TooManyAttempts> { v.unlock(PASS) }
        assertTrue(e.retryAtMs > System.currentTimeMillis() + 20_000)
        assertEquals(e.retryAtMs, v.unlockStatus().retryAtMs)
    }

    @Test
    fun notesRoundTripWithAnyTextAndALargeBody() {
        val v = newVault().third.vault
        val texts = listOf("Évening walk — café ☕", "שלום, we listened", "🙏🏽 thank you", "日本語のメモ")
        val ids = texts.mapIndexed { i, t -> v.addNote(NoteDraft(t, "$t body", (i + 1).toUByte(), listOf(t.take(5)))).id }
        ids.zip(texts).forEach { (id, t) ->
            val n = v.getNote(id)
            assertEquals(t, n.summary.title)
            assertEquals("$t body", n.body)
        }
        val big = "ü".repeat(512 * 1024)
        val bigId = v.addNote(NoteDraft("big", big, null, emptyList())).id
        assertEquals(big, v.getNote(bigId).body)
        val tooBig = assertFailsWith<MendException.InvalidInput> { v.addNote(NoteDraft("big", "$big!", null, emptyList())) }
        assertEquals("body" to "is too long", tooBig.field to tooBig.reason)
        assertEquals(5u, v.noteCount())
        val page = v.listNotes(ALL, 0u, 2u)
        assertEquals(5u, page.total)
        assertEquals(listOf(bigId, ids[3]), page.notes.map { it.id })
        assertEquals(v.listNotes(ALL, 1u, 2u), v.newestNotes(1u, 2u))
        assertEquals(listOf(ids[1], ids[0]), v.newestNotes(3u, 50u).notes.map { it.id })
        assertEquals(listOf(ids[1]), v.listNotes(NoteFilter(step = 2u, tag = null), 0u, 50u).notes.map { it.id })
        v.prepareSearch()
        assertEquals(listOf(ids[0]), v.searchNotes("CAFÉ évening", ALL, 0u, 10u).notes.map { it.id })
        assertEquals(1u, v.searchNotes("שלום", ALL, 0u, 10u).total)
        val edited = v.editNote(ids[0], NoteDraft("Morning", "new words", null, emptyList()))
        assertEquals("Morning", edited.title)
        assertTrue(edited.updatedAtMs >= edited.createdAtMs)
        assertEquals("new words", v.getNote(ids[0]).body)
        v.deleteNote(ids[0])
        assertFailsWith<MendException.NotFound> { v.getNote(ids[0]) }
        assertEquals("id", assertFailsWith<MendException.InvalidInput> { v.getNote("not-an-id") }.field)
    }

    @Test
    fun passcodeChangeAndRecovery() {
        val created = newVault().third
        val v = created.vault
        v.addNote(NoteDraft("kept", "body", null, emptyList()))
        v.changePasscode(PASS, "second-pass".toByteArray())
        v.lock()
        assertFailsWith<MendException.WrongPasscode> { v.unlock(PASS) }
        v.unlock("second-pass".toByteArray())
        v.lock()
        val wrong = assertFailsWith<MendException.WrongRecoveryCode> {
            v.recover("0000-0000-0000-0000-0000-0000-0000", "third-pass".toByteArray())
        }
        assertEquals(4u, wrong.attemptsLeft)
        val newCode = v.recover(created.recoveryCode, "third-pass".toByteArray())
        assertNotEquals(created.recoveryCode, newCode)
        assertTrue(v.isUnlocked())
        assertEquals(1u, v.noteCount())
        v.lock()
        assertFailsWith<MendException.WrongRecoveryCode> { v.recover(created.recoveryCode, "fourth-pass".toByteArray()) }
        v.unlock("third-pass".toByteArray())
    }

    @Test
    fun aKeyStoreWrittenInKotlinBindsTheVaultToIt() {
        val (path, _, created) = newVault()
        created.vault.lock()
        val e = assertFailsWith<MendException.DeviceKey> { MendVault.open(path, SoftwareKeyStore()).unlock(PASS) }
        assertIs<DeviceKeyException.Rejected>(e.reason)
    }

    @Test
    fun aThrowingKeyStoreSurfacesAsATypedError() {
        val d = dir()
        val declared = assertFailsWith<MendException.DeviceKey> {
            createVault(File(d, "a.db").path, PASS, VaultRole.HURT, SMALL, FailingKeyStore(declared = true))
        }
        assertIs<DeviceKeyException.Unavailable>(declared.reason)
        val unexpected = assertFailsWith<MendException.DeviceKey> {
            createVault(File(d, "b.db").path, PASS, VaultRole.HURT, SMALL, FailingKeyStore(declared = false))
        }
        assertIs<DeviceKeyException.Failed>(unexpected.reason)
    }

    @Test
    fun theRustFileKeyStoreWorksFromKotlin() {
        val d = dir()
        FileDeviceKeyStore(File(d, "device.key").path).use { store ->
            val wrapped = store.wrap("secret".toByteArray())
            assertEquals("secret", String(store.unwrap(wrapped)))
            createVault(File(d, "vault.db").path, PASS, VaultRole.HURT, SMALL, store).vault.use { it.addNote(NoteDraft("t", "b", null, emptyList())) }
            val perms = Files.getPosixFilePermissions(File(d, "device.key").toPath())
            assertEquals(setOf(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), perms)
            store.destroyKey()
            assertFailsWith<DeviceKeyException.KeyMissing> { store.unwrap(wrapped) }
        }
    }

    @Test
    fun callsFromManyThreadsAtOnce() {
        val v = newVault().third.vault
        val pool = Executors.newFixedThreadPool(6)
        val jobs = (0 until 6).map { t ->
            pool.submit {
                repeat(20) { i ->
                    val s = v.addNote(NoteDraft("t$t n$i", "body", null, emptyList()))
                    assertEquals("t$t n$i", v.getNote(s.id).summary.title)
                    v.listNotes(ALL, 0u, 10u)
                }
            }
        }
        jobs.forEach { it.get(60, TimeUnit.SECONDS) }
        pool.shutdown()
        assertEquals(120u, v.noteCount())
    }

    @Test
    fun theProgramTodayPracticeAndProgress() {
        assertEquals(listOf(1, 2, 3, 4, 5, 6), programSteps().map { it.number.toInt() })
        assertEquals("remorse", programStep(3u).key)
        assertFailsWith<MendException.NotFound> { programStep(9u) }
        assertTrue(programThemes().size >= 5)
        assertTrue(helpResources().crisisLines.isNotEmpty())
        val v = newVault().third.vault
        val tz = PlatformZone(java.time.ZoneId.of("Europe/Berlin"))
        val today = v.today(tz)
        assertEquals(PracticeOutcome.SHOWN, today.outcome)
        assertEquals(today.prompt.id, v.today(tz).prompt.id)
        val other = v.anotherPrompt(tz, 1u)
        assertNotEquals(today.prompt.id, other.prompt.id)
        assertEquals(PracticeOutcome.SKIPPED, v.skipPrompt(tz, other.prompt.id).outcome)
        val done = v.completePrompt(tz, today.prompt.id, "Écouté, sans me défendre. 🙏")
        assertEquals(PracticeOutcome.DONE, done.outcome)
        assertEquals("Écouté, sans me défendre. 🙏", done.response)
        val progress = v.progress(tz)
        assertEquals(1u, progress.daysPractisedLast7)
        assertEquals(listOf("first-practice"), progress.milestones.map { it.key })
        val impossible = object : app.mend.core.TimeZoneRules { override fun offsetSeconds(utcMs: Long) = 25 * 3600 }
        assertEquals("time zone", assertFailsWith<MendException.InvalidInput> { v.today(impossible) }.field)
    }

    @Test
    fun theLetterPhrasingCheck() {
        val flags = checkLetterPhrasing("I'm sorry if you were hurt. Please forgive me, but you never listened.")
        assertEquals(listOf(PhrasingReason.MINIMISES, PhrasingReason.ASKS_FORGIVENESS, PhrasingReason.BLAMES), flags.map { it.reason })
        assertEquals("if you were hurt", flags[0].excerpt)
        assertTrue(checkLetterPhrasing("I lied to you, and I am sorry.").isEmpty())
    }

    @Test
    fun theToolsAddEditDeleteAndList() {
        val v = newVault(role = VaultRole.HURT).third.vault
        val checkIn = v.addEntry(ToolEntry.CheckIn("2026-11-25", 3u, 2u, 4u, "Long day"))
        assertEquals(32, checkIn.id.length)
        val trigger = v.addEntry(ToolEntry.Trigger(1_000L, "A song 🎵", 7u, "Walking"))
        val question = v.addEntry(ToolEntry.Question("Why?", Asker.ME, QuestionKind.MEANING, "", QuestionStatus.OPEN))
        v.addEntry(ToolEntry.Contact(2_000L, "call", "", "Hung up", null))
        for (kind in listOf(ToolKind.CHECK_INS, ToolKind.TRIGGERS, ToolKind.QUESTIONS, ToolKind.CONTACTS)) assertEquals(1, v.entries(kind).size, kind.name)
        val answered = v.editEntry(question.id, ToolEntry.Question("Why?", Asker.ME, QuestionKind.MEANING, "I was afraid.", QuestionStatus.ANSWERED))
        assertEquals("I was afraid.", (answered.entry as ToolEntry.Question).answer)
        assertEquals("safety", assertFailsWith<MendException.InvalidInput> { v.addEntry(ToolEntry.CheckIn("2026-11-25", 11u, 2u, 4u, "")) }.field)
        v.deleteEntry(trigger.id)
        assertTrue(v.entries(ToolKind.TRIGGERS).isEmpty())
        assertFailsWith<MendException.NotFound> { v.deleteEntry(trigger.id) }
    }

    @Test
    fun remindersScheduleInThePlatformZone() {
        val v = newVault().third.vault
        val r = v.addEntry(ToolEntry.Reminder(ReminderPurpose.CHECK_IN, byteArrayOf(1, 2, 3, 4, 5, 6, 7), 21u, 15u, true))
        val upcoming = v.upcomingReminders(PlatformZone(java.time.ZoneId.of("Asia/Tokyo")), 3u)
        assertEquals(3, upcoming.size)
        upcoming.forEach {
            assertEquals("Time for your check-in", it.text)
            assertEquals(r.id, it.reminderId)
            assertEquals((12 * 60 + 15) * 60_000L, Math.floorMod(it.atMs, 86_400_000L))
        }
    }

    @Test
    fun theStepToolsWorksheetsBoundariesCutTiesAndTimeTogether() {
        val v = newVault().third.vault
        v.addEntry(ToolEntry.Worksheet(app.mend.core.WorksheetKind.REMORSE_LETTER, listOf("I lied.", "You stopped sleeping.", "It was my choice.", "I answer every question.")))
        assertFailsWith<MendException.InvalidInput> { v.addEntry(ToolEntry.Worksheet(app.mend.core.WorksheetKind.STORY, listOf("one"))) }
        assertEquals(4, app.mend.core.worksheetInfo(app.mend.core.WorksheetKind.REMORSE_LETTER).sections.size)
        val tie = v.addEntry(ToolEntry.CutTie("Leave the shared gym", false))
        v.addEntry(ToolEntry.Boundary(false, "No contact with them at all", true))
        v.addEntry(ToolEntry.TimeTogether(1_000L, "A walk", true, app.mend.core.InvitationAnswer.NOT_NOW, true))
        assertEquals(1, v.entries(ToolKind.REMORSE_LETTERS).size)
        assertEquals(1, v.entries(ToolKind.BOUNDARIES).size)
        assertEquals(1, v.entries(ToolKind.TIME_TOGETHER).size)
        val done = v.editEntry(tie.id, ToolEntry.CutTie("Leave the shared gym", true))
        assertTrue((done.entry as ToolEntry.CutTie).done)
    }

    @Test
    fun lockedAndErasedObjectsGiveTypedErrors() {
        val (path, _, created) = newVault()
        val v = created.vault
        val id = v.addNote(NoteDraft("t", "b", null, emptyList())).id
        v.lock()
        val calls: List<() -> Any> = listOf(
            { v.getNote(id) }, { v.noteCount() }, { v.role() }, { v.prepareSearch() },
            { v.addNote(NoteDraft("a", "b", null, emptyList())) }, { v.deleteNote(id) },
            { v.listNotes(ALL, 0u, 5u) }, { v.searchNotes("b", ALL, 0u, 5u) },
        )
        calls.forEach { call -> assertFailsWith<MendException.Locked> { call() } }
        v.erase()
        assertFalse(File(path).exists())
        assertFailsWith<MendException.Closed> { v.unlock(PASS) }
        assertFailsWith<MendException.Closed> { v.unlockStatus() }
    }
}
