// A written worksheet (remorse letter, story worksheet, validation note): its headings from
// the program's content, one text per section, and the core's letter check of each section as
// the person writes — help first when a section sounds dangerous, otherwise the phrasing
// worth another look, or what it means that nothing was flagged. Saving returns the core's
// help offer too.
package app.mend.kit

import app.mend.core.HelpOffer
import app.mend.core.LetterCheck
import app.mend.core.PhrasingFlag
import app.mend.core.RecordId
import app.mend.core.ToolEntry
import app.mend.core.ToolRecord
import app.mend.core.Worksheet
import app.mend.core.WorksheetKind
import app.mend.core.WorksheetText
import app.mend.ffi.MendException
import app.mend.ffi.checkLetterPhrasing
import app.mend.ffi.worksheetInfo
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What a worksheet screen shows. */
data class WorksheetState(
    val info: WorksheetText? = null,
    val id: RecordId? = null,
    val sections: List<String> = emptyList(),
    /** The core's letter check of each section, in order (none for an empty section). */
    val checks: List<LetterCheck?> = emptyList(),
    /** Help the core offered when the worksheet was last saved. */
    val savedHelp: HelpOffer? = null,
    val saved: Boolean = false,
    val busy: Boolean = false,
    val problem: MendException? = null,
) {
    /** The flagged spans of section [index]. */
    fun flags(index: Int): List<PhrasingFlag> = checks.getOrNull(index)?.flags.orEmpty()

    /** Help to offer now: for a section as written, or for the worksheet as saved. */
    val help: HelpOffer? get() = checks.firstNotNullOfOrNull { it?.help } ?: savedHelp
}

/** Drives a worksheet of [kind]. */
class WorksheetModel(session: MendSession, scope: CoroutineScope, private val kind: WorksheetKind) :
    ScreenModel<WorksheetState>(session, WorksheetState(), scope) {

    /** Loads the headings, and the worksheet of [existing] (from the tool's list) if given. */
    suspend fun open(existing: ToolRecord? = null) {
        val result = attempt { session.anytime { worksheetInfo(kind) } }
        val info = result.getOrNull() ?: return mutable.update { it.copy(problem = result.problem) }
        val sections = (existing?.entry as? ToolEntry.Worksheet)?.v1?.sections ?: info.sections.map { "" }
        mutable.value = WorksheetState(info = info, id = existing?.id, sections = sections, checks = sections.map { check(it) })
    }

    private suspend fun check(text: String): LetterCheck? =
        if (text.isBlank()) null else attempt { session.anytime { checkLetterPhrasing(text) } }.getOrNull()

    /** Changes the text of section [index], and checks it again. */
    suspend fun edit(index: Int, text: String) {
        val sections = mutable.value.sections.toMutableList().also { if (index in it.indices) it[index] = text }
        val checks = mutable.value.checks.toMutableList()
        if (index in checks.indices) checks[index] = check(text)
        mutable.update { it.copy(sections = sections, checks = checks, saved = false, problem = null) }
    }

    /** Saves the worksheet (adding it, or replacing the one opened). */
    suspend fun save() {
        val s = mutable.value
        mutable.update { it.copy(busy = true, problem = null) }
        val entry = ToolEntry.Worksheet(Worksheet(kind, s.sections))
        val result = attempt { session.call { v -> s.id?.let { v.editEntry(it, entry) } ?: v.addEntry(entry) } }
        mutable.update {
            result.fold({ r -> it.copy(id = r.record.id, busy = false, saved = true, savedHelp = r.help) }, { _ -> it.copy(busy = false, problem = result.problem) })
        }
    }
}
