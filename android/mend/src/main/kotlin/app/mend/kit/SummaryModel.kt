// A summary to bring to a therapist: a period the core offers, the sections the person picks,
// the notes and letters they choose one by one, a preview built by the core, then the file
// written (printable HTML or Markdown) and handed over by the platform, or sent to the phone's
// print dialog (which also saves a PDF). Nothing goes in that the person did not pick.
package app.mend.kit

import app.mend.core.NoteQuery
import app.mend.core.NoteSummary
import app.mend.core.RecordId
import app.mend.core.Summary
import app.mend.core.SummaryFormat
import app.mend.core.SummaryPeriod
import app.mend.core.SummaryRequest
import app.mend.core.ToolKind
import app.mend.core.ToolRecord
import app.mend.ffi.MendException
import app.mend.ffi.renderSummary
import app.mend.ffi.summaryFileName
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the summary screen shows. */
data class SummaryState(
    val periods: List<SummaryPeriod> = emptyList(),
    val period: SummaryPeriod? = null,
    val practice: Boolean = true,
    val checkIns: Boolean = true,
    val answeredQuestions: Boolean = false,
    /** Notes that can be chosen, newest first (the latest page). */
    val notes: List<NoteSummary> = emptyList(),
    val chosenNotes: Set<RecordId> = emptySet(),
    /** Letters and worksheets that can be chosen. */
    val letters: List<ToolRecord> = emptyList(),
    val chosenLetters: Set<RecordId> = emptySet(),
    /** The summary as it will be written, once asked for. */
    val preview: Summary? = null,
    val busy: Boolean = false,
    /** A summary was written. */
    val done: Boolean = false,
    /** Where it went, in the platform's words; null if it was set aside. */
    val deliveredTo: String? = null,
    val problem: MendException? = null,
)

/** The most notes offered to choose from. */
private const val NOTES_OFFERED = 50

/** Drives the summary screen; [files] is the platform's. */
class SummaryModel(session: MendSession, scope: CoroutineScope, private val files: SharedFiles) :
    ScreenModel<SummaryState>(session, SummaryState(), scope) {

    override suspend fun refresh() {
        val result = attempt {
            session.call { v ->
                val letters = listOf(ToolKind.REMORSE_LETTERS, ToolKind.STORIES, ToolKind.VALIDATION_NOTES).flatMap { v.entries(it) }
                Triple(v.summaryPeriods(), v.notes(NoteQuery(null, null, null), 0, NOTES_OFFERED).notes, letters)
            }
        }
        mutable.update { state ->
            result.fold(
                { (periods, notes, letters) ->
                    SummaryState(periods = periods, period = periods.getOrNull(1) ?: periods.firstOrNull(), notes = notes, letters = letters)
                },
                { _ -> state.copy(problem = result.problem) },
            )
        }
    }

    /** Chooses the period covered. */
    fun choose(period: SummaryPeriod) = mutable.update { it.copy(period = period, preview = null, done = false) }

    /** Switches the practice, check-in and answered-question sections on or off. */
    fun sections(practice: Boolean, checkIns: Boolean, answeredQuestions: Boolean) =
        mutable.update { it.copy(practice = practice, checkIns = checkIns, answeredQuestions = answeredQuestions, preview = null, done = false) }

    /** Adds a note to the summary, or takes it out. */
    fun toggleNote(id: RecordId) = mutable.update {
        it.copy(chosenNotes = if (id in it.chosenNotes) it.chosenNotes - id else it.chosenNotes + id, preview = null, done = false)
    }

    /** Adds a letter or worksheet to the summary, or takes it out. */
    fun toggleLetter(id: RecordId) = mutable.update {
        it.copy(chosenLetters = if (id in it.chosenLetters) it.chosenLetters - id else it.chosenLetters + id, preview = null, done = false)
    }

    private fun request(s: SummaryState): SummaryRequest? {
        val period = s.period ?: return null
        return SummaryRequest(
            period.firstDay, period.lastDay, s.practice, s.checkIns, s.answeredQuestions,
            s.notes.map { it.id }.filter { it in s.chosenNotes },
            s.letters.map { it.id }.filter { it in s.chosenLetters },
        )
    }

    /** Builds the preview of what will be written. */
    suspend fun preview() {
        val request = request(mutable.value) ?: return
        mutable.update { it.copy(busy = true, problem = null) }
        val result = attempt { session.call { it.summary(request) } }
        mutable.update { it.copy(busy = false, preview = result.getOrNull(), problem = result.problem) }
    }

    /** Writes the summary in [format] and hands the file over. */
    suspend fun write(format: SummaryFormat) {
        val request = request(mutable.value) ?: return
        mutable.update { it.copy(busy = true, problem = null, done = false) }
        val path = files.newFilePath()
        val result = attempt { session.call { it.writeSummary(request, format, path) } }
        if (result.isFailure) {
            mutable.update { it.copy(busy = false, problem = result.problem) }
            return
        }
        val delivered = files.deliver(path, summaryFileName(request, format))
        mutable.update { it.copy(busy = false, done = true, deliveredTo = delivered) }
    }

    /** Whether the summary can go to the platform's print dialog (the phones have one). */
    val canPrint: Boolean get() = files.canPrint

    /** Builds the summary as a page and opens the print dialog for it, where the person prints it or saves a PDF. */
    suspend fun sendToPrinter() {
        val request = request(mutable.value) ?: return
        mutable.update { it.copy(busy = true, problem = null, done = false) }
        val result = attempt { session.call { renderSummary(it.summary(request), SummaryFormat.HTML) } }
        result.getOrNull()?.let { page -> files.printPage(page, summaryFileName(request, SummaryFormat.HTML).substringBeforeLast('.')) }
        mutable.update { it.copy(busy = false, problem = result.problem) }
    }
}
