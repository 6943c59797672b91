// The generated Kotlin bindings, exercised across the whole exported surface on the JVM:
// every record, enum and call, and every error a screen can see.
package app.mend.tests

import app.mend.core.Asker
import app.mend.core.CalendarDate
import app.mend.core.CheckIn
import app.mend.core.Contact
import app.mend.core.CutTie
import app.mend.core.DataChange
import app.mend.core.DeviceKeyException
import app.mend.core.Focus
import app.mend.core.InputField
import app.mend.core.InputProblem
import app.mend.core.InvitationAnswer
import app.mend.core.KdfParams
import app.mend.core.LengthUnit
import app.mend.core.LockState
import app.mend.core.NoteDraft
import app.mend.core.NoteQuery
import app.mend.core.PhrasingReason
import app.mend.core.DangerKind
import app.mend.core.ResourceKind
import app.mend.core.CheckInConcern
import app.mend.core.PracticeOutcome
import app.mend.core.ProgramPage
import app.mend.core.Question
import app.mend.core.QuestionKind
import app.mend.core.QuestionStatus
import app.mend.core.Reminder
import app.mend.core.ReminderPurpose
import app.mend.core.Role
import app.mend.core.TimeTogether
import app.mend.core.ToolEntry
import app.mend.core.ToolKind
import app.mend.core.Trigger
import app.mend.core.VaultListener
import app.mend.core.Weekday
import app.mend.core.Worksheet
import app.mend.core.WorksheetKind
import app.mend.ffi.MendException
import app.mend.ffi.MendVault
import app.mend.ffi.checkLetterPhrasing
import app.mend.ffi.helpRegion
import app.mend.ffi.setPlace
import app.mend.ffi.createVault
import app.mend.ffi.defaultKdfParams
import app.mend.ffi.fileDeviceKeyStore
import app.mend.ffi.helpResources
import app.mend.ffi.limits
import app.mend.ffi.programStep
import app.mend.ffi.programSteps
import app.mend.ffi.programThemes
import app.mend.ffi.vaultExists
import app.mend.ffi.worksheetInfo
import app.mend.kit.FailingKeyStore
import app.mend.kit.PlatformZone
import app.mend.kit.SoftwareKeyStore
import java.io.File
import java.io.RandomAccessFile
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermission
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.Test
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotEquals
import kotlin.test.assertNull
import kotlin.test.assertTrue

private val SMALL = KdfParams(memoryKib = 256u, iterations = 1u, parallelism = 1u)
private val PASS get() = "passcode-1".toByteArray()
private val ALL = NoteQuery()

private fun dir(): File = Files.createTempDirectory("mend-kt").toFile()

class BindingsTest {
    private fun newVault(store: SoftwareKeyStore = SoftwareKeyStore(), role: Role = Role.REPAIRING) =
        File(dir(), "vault.db").path.let { path -> Triple(path, store, createVault(path, PASS, role, SMALL, store)) }

    @Test
    fun createUnlockLockAndReopen() {
        assertEquals(65536u, defaultKdfParams().memoryKib)
        val (path, store, created) = newVault(role = Role.HURT)
        val v = created.vault
        assertTrue(vaultExists(path))
        assertFalse(vaultExists("$path.none"))
        assertEquals(34, created.recoveryCode.length)
        assertTrue(v.isUnlocked())
        assertEquals(LockState.UNLOCKED, v.lockState())
        assertEquals(Role.HURT, v.role())
        assertTrue(Duration.between(v.startedAt(), Instant.now()).abs() < Duration.ofMinutes(1))
        assertEquals(0, v.damagedRecordCount())
        assertFalse(v.recoveryCodeConfirmed())
        v.confirmRecoveryCode()
        assertTrue(v.recoveryCodeConfirmed())
        v.lock()
        assertFalse(v.isUnlocked())
        MendVault.open(path, store).use { again ->
            val status = again.unlockStatus()
            assertEquals(0, status.failedAttempts)
            assertEquals(5, status.attemptsLeft)
            assertNull(status.retryAt)
            again.unlock(PASS)
            assertTrue(again.isUnlocked())
        }
    }

    @Test
    fun everyErrorAScreenCanSeeArrivesAsItsOwnType() {
        val (path, store, created) = newVault()
        val v = created.vault
        assertFailsWith<MendException.AlreadyExists> { createVault(path, PASS, Role.HURT, SMALL, store) }
        assertFailsWith<MendException.NoVault> { MendVault.open("$path.none", store) }
        val short = assertFailsWith<MendException.InvalidInput> { createVault("$path.2", "12345".toByteArray(), Role.HURT, SMALL, store) }
        assertEquals(InputField.PASSCODE, short.field)
        assertEquals(InputProblem.TooShort(limits().passcodeMinBytes.toUInt(), LengthUnit.BYTES), short.problem)
        assertFailsWith<MendException.NotFound> { v.note("0".repeat(32)) }
        v.lock()
        assertFailsWith<MendException.Locked> { v.noteCount() }
        repeat(4) { assertFailsWith<MendException.WrongPasscode> { v.unlock("wrong-code".toByteArray()) } }
        assertEquals(0, assertFailsWith<MendException.WrongPasscode> { v.unlock("wrong-code".toByteArray()) }.attemptsLeft)
        val wait = assertFailsWith<MendException.TooManyAttempts> { v.unlock(PASS) }
        assertTrue(wait.retryAt > Instant.now().plusSeconds(20))
        assertFalse(wait.afterInterruption)
        assertFalse(v.unlockStatus().lastAttemptInterrupted)
        assertEquals(wait.retryAt, v.unlockStatus().retryAt)
        assertEquals(4, assertFailsWith<MendException.WrongRecoveryCode> {
            newVault().third.vault.also { it.lock() }.recover("0000-0000-0000-0000-0000-0000-0000", "new-passcode".toByteArray())
        }.attemptsLeft)
        // Another device's key store: this vault can never open there.
        val (elsewhere, _, elsewhereVault) = newVault()
        elsewhereVault.vault.close()
        assertFailsWith<MendException.DeviceKeyMissing> { MendVault.open(elsewhere, SoftwareKeyStore()).unlock(PASS) }
        // A key store that cannot be used right now, declared or unexpected.
        val d = dir()
        assertFailsWith<MendException.DeviceKeyUnavailable> { createVault(File(d, "a.db").path, PASS, Role.HURT, SMALL, FailingKeyStore(declared = true)) }
        assertFailsWith<MendException.DeviceKeyUnavailable> { createVault(File(d, "b.db").path, PASS, Role.HURT, SMALL, FailingKeyStore(declared = false)) }
        // A vault from a newer app, and a damaged one.
        val (newer, newerStore, newerVault) = newVault()
        newerVault.vault.close()
        RandomAccessFile(newer, "rw").use { f -> f.seek(60); f.writeInt(99) } // SQLite's user_version
        val e = assertFailsWith<MendException.NewerVault> { MendVault.open(newer, newerStore) }
        assertEquals(99 to 3, e.found to e.supported)
        val (damaged, damagedStore, damagedVault) = newVault()
        damagedVault.vault.close()
        RandomAccessFile(damaged, "rw").use { f -> f.seek(0); f.write(ByteArray(100)) }
        assertFailsWith<MendException.Damaged> { MendVault.open(damaged, damagedStore) }
        // An older copy put back after a delete: readable, no changes until kept.
        val (restored, restoredStore, restoredVault) = newVault()
        val gone = restoredVault.vault.addNote(NoteDraft("deleted later", "body")).note
        restoredVault.vault.lock()
        val copy = File("$restored.copy").also { File(restored).copyTo(it) }
        restoredVault.vault.unlock(PASS)
        restoredVault.vault.deleteNote(gone.id)
        restoredVault.vault.close()
        listOf("-wal", "-shm").forEach { File("$restored$it").delete() }
        Files.move(copy.toPath(), File(restored).toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING)
        MendVault.open(restored, restoredStore).use { old ->
            old.unlock(PASS)
            assertTrue(old.check().olderCopy)
            assertEquals("body", old.note(gone.id).body)
            assertFailsWith<MendException.OlderCopy> { old.addNote(NoteDraft("t", "b")) }
            old.keepRecordsAsTheyAre()
            old.addNote(NoteDraft("t", "b"))
        }
        v.erase()
        assertFalse(File(path).exists())
        assertEquals(LockState.ERASED, v.lockState())
        assertFailsWith<MendException.Closed> { v.unlockStatus() }
    }

    @Test
    fun aFullDiskIsStorageFullAndLosesNothing() {
        val d = dir()
        val mounted = ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", d.path).start().waitFor() == 0
        if (!mounted) {
            println("SKIPPED aFullDiskIsStorageFullAndLosesNothing: cannot mount a tmpfs here (needs root)")
            return
        }
        try {
            createVault(File(d, "v.db").path, PASS, Role.HURT, SMALL, SoftwareKeyStore()).vault.use { v ->
                var kept = 0
                assertFailsWith<MendException.StorageFull> {
                    repeat(40) { i ->
                        v.addNote(NoteDraft("t$i", "x".repeat(100_000)))
                        kept++
                    }
                }
                assertTrue(kept > 0)
                assertEquals(kept, v.noteCount())
            }
        } finally {
            ProcessBuilder("umount", "-l", d.path).start().waitFor()
        }
    }

    @Test
    fun aBusyDatabaseIsAnotherStorageFailureAndPasses() {
        val (path, _, created) = newVault()
        val v = created.vault
        // Another writer holds the file longer than the core waits for it.
        val holder = ProcessBuilder(
            "python3", "-c",
            "import sqlite3, sys, time\n" +
                "c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)\n" +
                "c.execute('BEGIN IMMEDIATE')\nprint('held', flush=True)\ntime.sleep(30)",
            path,
        ).start()
        try {
            assertEquals("held", holder.inputStream.bufferedReader().readLine())
            val e = assertFailsWith<MendException.Other> { v.addNote(NoteDraft("t", "b")) }
            assertTrue("busy" in e.detail.lowercase(), e.detail)
        } finally {
            holder.destroy()
            holder.waitFor()
        }
        v.addNote(NoteDraft("t", "b"))
        assertEquals(1, v.noteCount())
    }

    @Test
    fun notesRoundTripWithAnyTextAndALargeBody() {
        val v = newVault().third.vault
        val texts = listOf("Évening walk — café ☕", "שלום, we listened", "🙏🏽 thank you", "日本語のメモ")
        val ids = texts.mapIndexed { i, t -> v.addNote(NoteDraft(t, "$t body", i + 1, listOf(t.take(5)))).note.id }
        ids.zip(texts).forEach { (id, t) ->
            val n = v.note(id)
            assertEquals(t, n.summary.title)
            assertEquals("$t body", n.body)
            assertFalse(n.summary.edited)
        }
        val big = "ü".repeat(512 * 1024)
        val bigId = v.addNote(NoteDraft("big", big)).note.id
        assertEquals(big, v.note(bigId).body)
        val tooBig = assertFailsWith<MendException.InvalidInput> { v.addNote(NoteDraft("big", "$big!")) }
        assertEquals(InputField.BODY, tooBig.field)
        assertEquals(InputProblem.TooLong(1024u * 1024u, LengthUnit.BYTES), tooBig.problem)
        assertEquals(5, v.noteCount())
        val page = v.notes(ALL, 0, 2)
        assertEquals(5, page.total)
        assertEquals(listOf(bigId, ids[3]), page.notes.map { it.id })
        assertEquals(listOf(ids[1], ids[0]), v.notes(ALL, 3, 50).notes.map { it.id })
        assertEquals(listOf(ids[1]), v.notes(NoteQuery(step = 2), 0, 50).notes.map { it.id })
        assertEquals(4, v.tagsInUse().size)
        v.prepareSearch()
        assertEquals(listOf(ids[0]), v.notes(NoteQuery(words = "CAFÉ évening"), 0, 10).notes.map { it.id })
        assertEquals(1, v.notes(NoteQuery(words = "שלום"), 0, 10).total)
        val edited = v.editNote(ids[0], NoteDraft("Morning", "new words")).note
        assertEquals("Morning", edited.title)
        assertTrue(edited.edited || edited.updatedAt == edited.createdAt)
        assertEquals("new words", v.note(ids[0]).body)
        v.deleteNote(ids[0])
        assertFailsWith<MendException.NotFound> { v.note(ids[0]) }
        val limit = assertFailsWith<MendException.InvalidInput> { v.notes(ALL, 0, 0) }
        assertEquals(InputProblem.OutOfRange(1, limits().pageMax.toLong()), limit.problem)
    }

    @Test
    fun passcodeChangeAndRecovery() {
        val created = newVault().third
        val v = created.vault
        v.addNote(NoteDraft("kept", "body"))
        // A change rekeys the vault and replaces the recovery code too.
        val changedCode = v.changePasscode(PASS, "second-pass".toByteArray())
        assertNotEquals(created.recoveryCode, changedCode)
        v.lock()
        assertFailsWith<MendException.WrongPasscode> { v.unlock(PASS) }
        v.unlock("second-pass".toByteArray())
        v.lock()
        assertFailsWith<MendException.WrongRecoveryCode> { v.recover(created.recoveryCode, "third-pass".toByteArray()) }
        val newCode = v.recover(changedCode, "third-pass".toByteArray())
        assertNotEquals(changedCode, newCode)
        assertTrue(v.isUnlocked())
        assertFalse(v.recoveryCodeConfirmed())
        assertEquals(1, v.noteCount())
        val fresh = v.newRecoveryCode()
        v.confirmRecoveryCode()
        v.lock()
        assertFailsWith<MendException.WrongRecoveryCode> { v.recover(newCode, "fourth-pass".toByteArray()) }
        v.recover(fresh, "fourth-pass".toByteArray())
    }

    @Test
    fun theRustFileKeyStoreWorksFromKotlin() {
        val d = dir()
        fileDeviceKeyStore(d.path).let { store ->
            val alias = "app.mend.vault.test.1"
            val wrapped = store.wrap(alias, "secret".toByteArray())
            assertEquals("secret", String(store.unwrap(alias, wrapped)))
            assertContentEquals(store.derive(alias, byteArrayOf(1)), store.derive(alias, byteArrayOf(1)))
            createVault(File(d, "vault.db").path, PASS, Role.HURT, SMALL, store).vault.use { it.addNote(NoteDraft("t", "b")) }
            val keys = d.listFiles { f -> f.name.endsWith(".key") }.orEmpty()
            assertEquals(2, keys.size)
            for (f in d.listFiles().orEmpty().filter { !it.name.startsWith("vault.db") }) {
                val perms = Files.getPosixFilePermissions(f.toPath())
                assertEquals(setOf(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), perms, f.name)
            }
            store.destroyKey(alias)
            assertFailsWith<DeviceKeyException.KeyMissing> { store.unwrap(alias, wrapped) }
        }
    }

    @Test
    fun callsFromManyThreadsAtOnce() {
        val v = newVault().third.vault
        val pool = Executors.newFixedThreadPool(6)
        val jobs = (0 until 6).map { t ->
            pool.submit {
                repeat(20) { i ->
                    val s = v.addNote(NoteDraft("t$t n$i", "body")).note
                    assertEquals("t$t n$i", v.note(s.id).summary.title)
                    v.notes(ALL, 0, 10)
                }
            }
        }
        jobs.forEach { it.get(60, TimeUnit.SECONDS) }
        pool.shutdown()
        assertEquals(120, v.noteCount())
    }

    @Test
    fun aListenerHearsChangesWithoutContent() {
        val v = newVault().third.vault
        val heard = mutableListOf<Any>()
        v.setListener(object : VaultListener {
            override fun lockStateChanged(state: LockState) { heard += state }
            override fun dataChanged(change: DataChange) { heard += change }
        })
        v.addNote(NoteDraft("t", "b"))
        v.checkIn(3, 4, 5, "")
        v.lock()
        assertEquals(listOf<Any>(DataChange.Notes, DataChange.Tool(ToolKind.CHECK_INS), LockState.LOCKED), heard)
    }

    @Test
    fun theProgramTodayPracticeAndProgress() {
        assertEquals(listOf(1, 2, 3, 4, 5, 6), programSteps().map { it.number })
        assertEquals("remorse", programStep(3).key)
        assertFailsWith<MendException.NotFound> { programStep(9) }
        assertTrue(programThemes().size >= 5)
        val help = helpResources("NZ")
        assertEquals("NZ", help.resources.first().country, "the region's lines first")
        assertTrue(help.resources.all { it.checked.matches(Regex("\\d{4}-\\d{2}-\\d{2}")) })
        val v = newVault().third.vault
        v.setTimeZone(PlatformZone(ZoneId.of("Europe/Berlin")))
        val pages = v.programPages()
        assertEquals(6, pages.count { it is ProgramPage.Step })
        assertTrue(pages.drop(6).isNotEmpty() && pages.drop(6).all { it is ProgramPage.Module }, "the modules follow the steps")
        assertEquals(1, (pages[0] as ProgramPage.Step).v1.number)
        val today = v.todayPrompt()
        assertEquals(PracticeOutcome.SHOWN, today.outcome)
        assertIs<Focus.Step>(today.prompt.focus)
        val berlin = LocalDate.now(ZoneId.of("Europe/Berlin"))
        assertEquals(CalendarDate(berlin.year, berlin.monthValue, berlin.dayOfMonth), today.date)
        assertTrue(today.moreAvailable && !today.isAlternative)
        assertEquals(today.prompt.id, v.todayPrompt().prompt.id)
        val other = v.anotherPrompt()
        assertNotEquals(today.prompt.id, other.prompt.id)
        assertTrue(other.isAlternative)
        assertEquals(PracticeOutcome.SKIPPED, v.skipPrompt(other.prompt.id).outcome)
        val done = v.completePrompt(today.prompt.id, "Écouté, sans me défendre. 🙏").prompt
        assertEquals(PracticeOutcome.DONE, done.outcome)
        assertEquals("Écouté, sans me défendre. 🙏", done.response)
        val progress = v.progress()
        assertEquals(1, progress.daysPractisedLast7)
        assertEquals(listOf("first-practice"), progress.milestones.map { it.key })
        val midnight = v.nextDayStarts().atZone(ZoneId.of("Europe/Berlin"))
        assertEquals(0 to 0, midnight.hour to midnight.minute)
        v.setTimeZone(object : app.mend.core.TimeZoneRules { override fun offsetSeconds(utcMs: Long) = 25 * 3600 })
        assertEquals(InputField.TIME_ZONE, assertFailsWith<MendException.InvalidInput> { v.todayPrompt() }.field)
    }

    @Test
    fun theLetterPhrasingCheck() {
        val text = "I'm sorry if you were hurt. Please forgive me, but you never listened."
        val check = checkLetterPhrasing(text)
        val reasons = check.flags.map { it.reason }
        assertTrue(PhrasingReason.CONDITIONAL in reasons && PhrasingReason.ASKS_FORGIVENESS in reasons, reasons.toString())
        val first = check.flags[0]
        assertEquals(first.excerpt, text.substring(first.start.toInt(), first.end.toInt()))
        assertNull(check.help)
        val clean = checkLetterPhrasing("I lied to you for two years, and I chose to.")
        assertTrue(clean.flags.isEmpty() && clean.help == null && "not every one" in clean.nothingFound)
        val threat = checkLetterPhrasing("I'll make your life hell if you see a lawyer, so please forgive me.")
        assertTrue(threat.flags.isEmpty(), "a threat gets help, never writing tips")
        assertTrue(DangerKind.THREAT_OR_CONTROL in threat.help!!.danger)
    }

    @Test
    fun savingFreeTextReturnsTheHelpOfferAfterSaving() {
        setPlace("en-IE", "Europe/Dublin")
        val v = newVault(role = Role.HURT).third.vault
        val saved = v.addNote(NoteDraft("tonight", "I keep thinking about the pills in the cabinet"))
        assertEquals(listOf(DangerKind.SELF_HARM), saved.help?.danger)
        assertEquals(ResourceKind.CRISIS, saved.help!!.lines.first().kind)
        assertEquals("IE", saved.help!!.lines.first().country)
        assertEquals("I keep thinking about the pills in the cabinet", v.note(saved.note.id).body, "saved first")
        assertEquals(CheckInConcern.LOW_SAFETY, v.checkIn(1, 5, 5, "").help?.checkIns)
        assertNull(v.checkIn(8, 8, 8, "a calm walk").help)
        assertEquals("IE", helpRegion())
    }

    @Test
    fun theToolsAddEditDeleteAndList() {
        val v = newVault(role = Role.HURT).third.vault
        v.setTimeZone(PlatformZone(ZoneId.of("Pacific/Auckland")))
        assertNull(v.todaysCheckIn())
        val checkIn = v.checkIn(3, 2, 4, "Long day").record
        assertEquals(32, checkIn.id.length)
        val auckland = LocalDate.now(ZoneId.of("Pacific/Auckland"))
        assertEquals(CalendarDate(auckland.year, auckland.monthValue, auckland.dayOfMonth), (checkIn.entry as ToolEntry.CheckIn).v1.date)
        assertEquals(checkIn.id, v.checkIn(5, 5, 5, "").record.id)
        val trigger = v.addEntry(ToolEntry.Trigger(Trigger(Instant.ofEpochMilli(1_000), "A song 🎵", 7, "Walking"))).record
        val question = v.addEntry(ToolEntry.Question(Question("Why?", Asker.ME, QuestionKind.MEANING, "", QuestionStatus.OPEN))).record
        v.addEntry(ToolEntry.Contact(Contact(Instant.ofEpochMilli(2_000), "call", "", "Hung up", null)))
        for (kind in listOf(ToolKind.CHECK_INS, ToolKind.TRIGGERS, ToolKind.QUESTIONS, ToolKind.CONTACTS)) assertEquals(1, v.entries(kind).size, kind.name)
        val answered = v.editEntry(question.id, ToolEntry.Question(Question("Why?", Asker.ME, QuestionKind.MEANING, "I was afraid.", QuestionStatus.ANSWERED))).record
        assertEquals("I was afraid.", (answered.entry as ToolEntry.Question).v1.answer)
        val high = assertFailsWith<MendException.InvalidInput> { v.checkIn(11, 2, 4, "") }
        assertEquals(InputField.SAFETY to InputProblem.OutOfRange(0, 10), high.field to high.problem)
        val impossible = assertFailsWith<MendException.InvalidInput> { v.addEntry(ToolEntry.CheckIn(CheckIn(CalendarDate(2026, 2, 30), 1, 1, 1, ""))) }
        assertEquals(InputField.DATE, impossible.field)
        v.deleteEntry(trigger.id)
        assertTrue(v.entries(ToolKind.TRIGGERS).isEmpty())
        assertFailsWith<MendException.NotFound> { v.deleteEntry(trigger.id) }
    }

    @Test
    fun remindersScheduleInThePlatformZone() {
        val v = newVault().third.vault
        v.setTimeZone(PlatformZone(ZoneId.of("Asia/Tokyo")))
        val r = v.addEntry(ToolEntry.Reminder(Reminder(ReminderPurpose.CHECK_IN, Weekday.values().toList(), 21, 15, true))).record
        val upcoming = v.upcomingReminders(3)
        assertEquals(3, upcoming.size)
        upcoming.forEach {
            assertEquals("Time for your check-in", it.text)
            assertEquals(r.id, it.reminderId)
            val utc = it.at.atZone(ZoneId.of("UTC"))
            assertEquals(12 to 15, utc.hour to utc.minute)
        }
        val none = assertFailsWith<MendException.InvalidInput> { v.addEntry(ToolEntry.Reminder(Reminder(ReminderPurpose.PRACTICE, emptyList(), 1, 0, true))) }
        assertEquals(InputField.WEEKDAYS to InputProblem.Empty, none.field to none.problem)
    }

    @Test
    fun theStepToolsWorksheetsBoundariesCutTiesAndTimeTogether() {
        val v = newVault().third.vault
        v.addEntry(ToolEntry.Worksheet(Worksheet(WorksheetKind.REMORSE_LETTER, listOf("I lied.", "You stopped sleeping.", "It was my choice.", "I answer every question."))))
        assertFailsWith<MendException.InvalidInput> { v.addEntry(ToolEntry.Worksheet(Worksheet(WorksheetKind.STORY, listOf("one")))) }
        assertEquals(4, worksheetInfo(WorksheetKind.REMORSE_LETTER).sections.size)
        val tie = v.addEntry(ToolEntry.CutTie(CutTie("Leave the shared gym", false))).record
        v.addEntry(ToolEntry.Boundary(app.mend.core.Boundary(false, "No contact with them at all", true)))
        v.addEntry(ToolEntry.TimeTogether(TimeTogether(Instant.ofEpochMilli(1_000), "A walk", true, InvitationAnswer.NOT_NOW, true)))
        assertEquals(1, v.entries(ToolKind.REMORSE_LETTERS).size)
        assertEquals(1, v.entries(ToolKind.BOUNDARIES).size)
        assertEquals(1, v.entries(ToolKind.TIME_TOGETHER).size)
        val done = v.editEntry(tie.id, ToolEntry.CutTie(CutTie("Leave the shared gym", true))).record
        assertTrue((done.entry as ToolEntry.CutTie).v1.done)
    }

    @Test
    fun lockedObjectsGiveTypedErrors() {
        val v = newVault().third.vault
        val id = v.addNote(NoteDraft("t", "b")).note.id
        v.lock()
        val calls: List<() -> Any> = listOf(
            { v.note(id) }, { v.noteCount() }, { v.role() }, { v.prepareSearch() }, { v.todayPrompt() },
            { v.addNote(NoteDraft("a", "b")) }, { v.deleteNote(id) }, { v.notes(ALL, 0, 5) }, { v.autoLockSeconds() },
        )
        calls.forEach { call -> assertFailsWith<MendException.Locked> { call() } }
    }
}
