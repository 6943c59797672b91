// The screens of an open vault, each through its model against the real core: today, the
// program, progress, the journal (latest search wins), the editor (typing during a save stays
// unsaved), check-ins, tools, worksheets with the phrasing check, reminders; and every model
// forgets what it showed when the vault locks.
package app.mend.kit

import app.mend.core.DataChange
import app.mend.core.InputField
import app.mend.core.NoteDraft
import app.mend.core.NoteQuery
import app.mend.core.PracticeOutcome
import app.mend.core.ProgramPage
import app.mend.core.Reminder
import app.mend.core.ReminderPurpose
import app.mend.core.Role
import app.mend.core.ToolEntry
import app.mend.core.ToolKind
import app.mend.core.Weekday
import app.mend.core.WorksheetKind
import app.mend.ffi.MendException
import kotlinx.coroutines.cancel
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.junit.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue

class ScreensTest {
    @Test
    fun aSummaryHoldsOnlyWhatThePersonPicked() = runBlocking {
        val scope = testScope()
        val files = FolderSharedFiles()
        val session = newSession()
        val kept = session.call { it.addNote(NoteDraft("For the session", "What I want to bring.", null, emptyList())) }.note
        session.call { it.addNote(NoteDraft("Private", "Not for anyone else.", null, emptyList())) }
        val model = SummaryModel(session, scope, files)
        model.refresh()
        val state = model.state.value
        assertEquals(listOf(2, 4, 12, 0), state.periods.map { it.weeks })
        assertEquals(4, state.period?.weeks, "four weeks unless the person chooses")
        assertEquals(2, state.notes.size)
        model.toggleNote(kept.id)
        model.sections(practice = true, checkIns = false, answeredQuestions = false)
        model.preview()
        val preview = assertNotNull(model.state.value.preview)
        assertEquals(listOf("Practice and progress", "Notes"), preview.sections.map { it.heading })
        assertEquals(listOf("For the session"), preview.sections[1].items.map { it.heading })
        model.write(app.mend.core.SummaryFormat.HTML)
        assertTrue(model.state.value.done)
        val written = files.dir.listFiles().orEmpty().single()
        assertTrue(written.name.matches(Regex("summary-\\d{4}-\\d{2}-\\d{2}-to-\\d{4}-\\d{2}-\\d{2}\\.html")), written.name)
        val page = written.readText()
        assertTrue("What I want to bring." in page && "Not for anyone else." !in page)
        // Printing sends the same page to the print dialog, named by its dates, with no file left.
        assertTrue(model.canPrint)
        model.sendToPrinter()
        val (job, printedPage) = files.printed.single()
        assertEquals(written.name.removeSuffix(".html"), job)
        assertEquals(page, printedPage)
        assertEquals(listOf(written), files.dir.listFiles().orEmpty().toList())
        // Nothing picked: the core says so.
        model.toggleNote(kept.id)
        model.sections(practice = false, checkIns = false, answeredQuestions = false)
        model.preview()
        assertIs<MendException.InvalidInput>(model.state.value.problem)
        scope.cancel()
    }

    @Test
    fun aNoteWithWordsOfSelfHarmBringsTheOfferOfHelpWhenSaved() = runBlocking {
        val scope = testScope()
        val editor = NoteEditorModel(newSession(), scope)
        editor.edit { it.copy(title = "Tonight", body = "Some days I dont want to be alive.") }
        editor.save()
        val help = assertNotNull(editor.state.value.help, "help is offered")
        assertEquals(listOf(app.mend.core.DangerKind.SELF_HARM), help.danger)
        assertTrue(help.title.isNotBlank() && !editor.state.value.dirty, "the note is kept")
        assertTrue(help.paragraphs.none { "alive" in it }, "the card never repeats what was written")
        editor.edit { it.copy(body = "We walked by the river and talked.") }
        editor.save()
        assertEquals(null, editor.state.value.help, "an ordinary note brings no offer")
        scope.cancel()
    }

    @Test
    fun aBackupSetAsideOrCutShortIsSaidPlainlyAndLeavesNoVault() = runBlocking {
        val scope = testScope()
        val files = object : SharedFiles {
            val folder = FolderSharedFiles()
            var cancel = false
            override fun newFilePath() = folder.newFilePath()
            override suspend fun deliver(path: String, suggestedName: String): String? = null // set aside
            override suspend fun pick(): String? = if (cancel) null else folder.pick()
        }
        val session = newSession()
        val backup = BackupModel(session, scope, files, SMALL_KDF)
        backup.refresh()
        backup.makeBackup(pass("a long passphrase for us"), pass("a long passphrase for us"))
        assertEquals(1L, backup.state.value.records, "the settings")
        assertNull(backup.state.value.deliveredTo, "set aside: the screen says it was not saved anywhere")

        val newPhone = MendSession(tempVaultPath(), SoftwareKeyStore()).also { it.start() }
        val restore = RestoreModel(newPhone, scope, files, SMALL_KDF)
        files.cancel = true
        restore.pickBackup()
        assertNull(restore.state.value.backup, "a cancelled pick chooses nothing")
        files.cancel = false
        restore.pickBackup()
        val chosen = java.io.File(assertNotNull(restore.state.value.backup))
        chosen.writeBytes(chosen.readBytes().copyOf(chosen.length().toInt() - 100))
        restore.restore(pass("a long passphrase for us"), pass("new-passcode"), pass("new-passcode"))
        assertIs<MendException.Damaged>(restore.state.value.problem)
        assertEquals(SessionState.NoVault, newPhone.state.value)
        restore.restore(pass("a long passphrase for us"), pass("new-passcode"), pass("another"))
        assertTrue(restore.state.value.mismatch)
        scope.cancel()
    }

    @Test
    fun todayOffersAnotherWhileMoreAreLeftAndRecordsPractice() = runBlocking {
        val scope = testScope()
        val session = newSession()
        val today = TodayModel(session, scope)
        val progress = ProgressModel(session, scope)
        today.refresh()
        val first = assertNotNull(today.state.value.prompt)
        assertTrue(today.state.value.canSettle && today.state.value.canAskAnother)
        assertNotNull(today.state.value.nextDayStarts)
        today.another()
        val other = assertNotNull(today.state.value.prompt)
        assertTrue(other.isAlternative)
        assertNotEquals(first.prompt.id, other.prompt.id)
        today.done("We walked and I listened.")
        assertEquals(PracticeOutcome.DONE, today.state.value.prompt?.outcome)
        assertFalse(today.state.value.canSettle)
        // Progress reloads by itself: practice changed.
        eventually { progress.state.value.progress?.daysPractised == 1 }
        today.refresh()
        assertEquals(first.prompt.id, today.state.value.prompt?.prompt?.id, "the day's prompt stays the same")
        today.skip()
        assertEquals(PracticeOutcome.SKIPPED, today.state.value.prompt?.outcome)
        session.lock()
        assertNull(today.state.value.prompt, "nothing decrypted outlives the lock")
        assertNull(progress.state.value.progress)
        today.refresh()
        assertIs<MendException.Locked>(today.state.value.problem)
        session.close()
        scope.cancel()
    }

    @Test
    fun theProgramShowsEachRolesPages() = runBlocking {
        val scope = testScope()
        val repairing = newSession(Role.REPAIRING)
        val program = ProgramModel(repairing, scope)
        program.refresh()
        assertEquals(6, program.state.value.pages.count { it is ProgramPage.Step })
        assertTrue(program.state.value.pages.drop(6).all { it is ProgramPage.Module }, "the modules follow the steps")
        program.open(4)
        assertEquals("validation", (program.state.value.open as ProgramPage.Step).v1.key)
        val hurt = newSession(Role.HURT)
        val themes = ProgramModel(hurt, scope)
        themes.refresh()
        assertTrue(themes.state.value.pages.all { it is ProgramPage.Theme })
        repairing.close()
        hurt.close()
        scope.cancel()
    }

    @Test
    fun theJournalPagesFiltersSearchesAndReloadsAfterEditsElsewhere() = runBlocking {
        val scope = testScope()
        val session = newSession()
        repeat(7) { i ->
            session.call { it.addNote(NoteDraft("note $i", if (i % 2 == 0) "even day" else "odd day", 1 + i % 3, listOf("t$i"))) }
        }
        val journal = JournalModel(session, scope, pageSize = 3)
        journal.refresh()
        assertEquals(listOf("note 6", "note 5", "note 4"), journal.state.value.notes.map { it.title })
        assertEquals(7, journal.state.value.tags.size)
        journal.loadMore()
        journal.loadMore()
        assertEquals(7, journal.state.value.notes.size)
        assertFalse(journal.state.value.canLoadMore)
        journal.setStep(1)
        journal.settled()
        assertEquals(listOf("note 6", "note 3", "note 0"), journal.state.value.notes.map { it.title })
        journal.setStep(null)
        journal.setWords("EVEN")
        journal.settled()
        assertEquals(4, journal.state.value.total)
        journal.setTag("t4")
        journal.settled()
        assertEquals(listOf("note 4"), journal.state.value.notes.map { it.title })
        journal.setWords("odd")
        journal.settled()
        assertTrue(journal.state.value.isFilteredEmpty)
        // A note written from another screen shows up without a manual refresh.
        journal.setWords("")
        journal.setTag(null)
        journal.settled()
        session.call { it.addNote(NoteDraft("from elsewhere", "b")) }
        eventually { journal.state.value.notes.firstOrNull()?.title == "from elsewhere" }
        session.lock()
        assertTrue(journal.state.value.notes.isEmpty(), "nothing decrypted outlives the lock")
        session.close()
        scope.cancel()
    }

    @Test
    fun aStaleSearchNeverReplacesANewerOne() = runBlocking {
        val scope = testScope()
        val core = HoldableDispatcher()
        val session = newSession(core = core)
        for (title in listOf("apple pie", "apricot jam", "apricot tart")) session.call { it.addNote(NoteDraft(title, "b")) }
        val journal = JournalModel(session, scope)
        val shown = mutableListOf<String?>()
        scope.launch { journal.state.collect { s -> s.shownQuery?.let { shown += it.words } } }
        core.held = true
        journal.setWords("ap")
        journal.setWords("apri")
        journal.setWords("apricot tart")
        assertTrue(core.waiting >= 1)
        // The answers arrive newest first: the older ones must not replace it.
        core.releaseNewestFirst()
        journal.settled()
        assertEquals(NoteQuery(words = "apricot tart"), journal.state.value.shownQuery)
        assertEquals(listOf("apricot tart"), journal.state.value.notes.map { it.title })
        assertEquals("apricot tart", shown.last())
        assertFalse(shown.dropWhile { it != "apricot tart" }.any { it != "apricot tart" })
        session.close()
        scope.cancel()
    }

    @Test
    fun typingDuringASaveKeepsTheNoteUnsaved() = runBlocking {
        val scope = testScope()
        val core = HoldableDispatcher()
        val session = newSession(core = core)
        val editor = NoteEditorModel(session, scope)
        assertTrue(editor.state.value.isNew)
        assertFalse(editor.state.value.canSave)
        editor.edit { it.copy(title = "First", body = "Hard evening", step = 5) }
        core.held = true
        val saving = scope.launch { editor.save() }
        editor.edit { it.copy(body = "Hard evening, then better") } // typed while saving
        core.release()
        saving.join()
        val id = assertNotNull(editor.state.value.id)
        assertTrue(editor.state.value.dirty, "the later typing is not saved yet")
        assertEquals("Hard evening", session.call { it.note(id) }.body)
        editor.save()
        assertFalse(editor.state.value.dirty)
        assertEquals("Hard evening, then better", session.call { it.note(id) }.body)
        editor.edit { it.copy(title = "x".repeat(201)) }
        editor.save()
        assertEquals(InputField.TITLE, editor.state.value.invalidField)
        editor.discard()
        assertEquals("First", editor.state.value.draft.title)
        assertFalse(editor.state.value.dirty)
        editor.delete()
        assertTrue(editor.state.value.deleted)
        val gone = NoteEditorModel(session, scope)
        gone.load(id)
        assertIs<MendException.NotFound>(gone.state.value.problem)
        session.close()
        scope.cancel()
    }

    @Test
    fun aCheckInIsStampedByTheCoreOncePerDay() = runBlocking {
        val scope = testScope()
        val session = newSession(Role.HURT)
        val model = CheckInModel(session, scope)
        model.refresh()
        assertFalse(model.state.value.checkedInToday)
        assertEquals(10, model.state.value.maxScore)
        model.edit(safety = 11)
        model.save()
        assertEquals(InputField.SAFETY, (model.state.value.problem as MendException.InvalidInput).field)
        model.edit(safety = 2, trust = 3, connection = 4, note = "A hard evening")
        model.save()
        assertTrue(model.state.value.checkedInToday)
        assertEquals("", model.state.value.note)
        model.edit(safety = 6)
        model.save()
        val saved = (model.state.value.recent.single().entry as ToolEntry.CheckIn).v1
        assertEquals(6, saved.safety)
        session.close()
        scope.cancel()
    }

    @Test
    fun toolsWorksheetsAndRemindersChangeThroughTheCore() = runBlocking {
        val scope = testScope()
        val session = newSession()
        val ties = ToolModel(session, scope, ToolKind.CUT_TIES)
        ties.add(ToolEntry.CutTie(app.mend.core.CutTie("Leave the shared gym", false)))
        val id = ties.state.value.entries.single().id
        ties.edit(id, ToolEntry.CutTie(app.mend.core.CutTie("Leave the shared gym", true)))
        assertTrue((ties.state.value.entries.single().entry as ToolEntry.CutTie).v1.done)
        ties.add(ToolEntry.CutTie(app.mend.core.CutTie(" ", false)))
        assertEquals(InputField.ITEM, (ties.state.value.problem as MendException.InvalidInput).field)
        ties.delete(id)
        assertTrue(ties.state.value.entries.isEmpty())

        val letters = ToolModel(session, scope, ToolKind.REMORSE_LETTERS)
        val letter = WorksheetModel(session, scope, WorksheetKind.REMORSE_LETTER)
        letter.open()
        assertEquals(4, letter.state.value.info?.sections?.size)
        letter.edit(0, "I'm sorry if you were hurt.")
        assertTrue("if" in letter.state.value.flags(0).single().excerpt)
        letter.edit(0, "I lied to you for months.")
        assertTrue(letter.state.value.flags(0).isEmpty())
        // A threat gets help and no writing tips, in any worksheet.
        letter.edit(1, "I'll make your life hell if you see a lawyer.")
        assertTrue(letter.state.value.flags(1).isEmpty())
        assertEquals(true, letter.state.value.help?.danger?.contains(app.mend.core.DangerKind.THREAT_OR_CONTROL))
        letter.edit(1, "")
        letter.save()
        assertTrue(letter.state.value.saved)
        eventually { letters.state.value.entries.size == 1 } // the list reloads by itself
        val reopened = WorksheetModel(session, scope, WorksheetKind.REMORSE_LETTER)
        reopened.open(letters.state.value.entries.single())
        assertEquals("I lied to you for months.", reopened.state.value.sections[0])

        val reminders = RemindersModel(session, scope)
        reminders.add(Reminder(ReminderPurpose.CHECK_IN, Weekday.values().toList(), 21, 15, true))
        assertEquals(20, reminders.state.value.upcoming.size)
        assertEquals("Time for your check-in", reminders.state.value.upcoming.first().text)
        reminders.setEnabled(reminders.state.value.reminders.single(), false)
        assertTrue(reminders.state.value.upcoming.isEmpty())
        reminders.delete(reminders.state.value.reminders.single().id)
        assertTrue(reminders.state.value.reminders.isEmpty())
        assertEquals(DataChange.Tool(ToolKind.REMINDERS), DataChange.Tool(ToolKind.REMINDERS))
        session.close()
        scope.cancel()
    }
}
