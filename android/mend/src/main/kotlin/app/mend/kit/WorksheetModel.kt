// A written worksheet (remorse letter, story worksheet, validation note): its headings from
// the program's content, one text per section, and for remorse letters the phrasing check
// shown inline as the person writes.
package app.mend.kit

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
    /** For remorse letters: the flagged spans of each section, in order. */
    val flags: List<List<PhrasingFlag>> = emptyList(),
    val saved: Boolean = false,
    val busy: Boolean = false,
    val problem: MendException? = null,
)

/** Drives a worksheet of [kind]. */
class WorksheetModel(session: MendSession, scope: CoroutineScope, private val kind: WorksheetKind) :
    ScreenModel<WorksheetState>(session, WorksheetState(), scope) {

    /** Loads the headings, and the worksheet of [existing] (from the tool's list) if given. */
    suspend fun open(existing: ToolRecord? = null) {
        val result = attempt { session.anytime { worksheetInfo(kind) } }
        val info = result.getOrNull() ?: return mutable.update { it.copy(problem = result.problem) }
        val sections = (existing?.entry as? ToolEntry.Worksheet)?.v1?.sections ?: info.sections.map { "" }
        mutable.value = WorksheetState(info = info, id = existing?.id, sections = sections, flags = check(sections))
    }

    private suspend fun check(sections: List<String>): List<List<PhrasingFlag>> =
        if (kind != WorksheetKind.REMORSE_LETTER) sections.map { emptyList() }
        else sections.map { text -> attempt { session.anytime { checkLetterPhrasing(text) } }.getOrDefault(emptyList()) }

    /** Changes the text of section [index], and checks its phrasing again. */
    suspend fun edit(index: Int, text: String) {
        val sections = mutable.value.sections.toMutableList().also { if (index in it.indices) it[index] = text }
        val flags = mutable.value.flags.toMutableList()
        if (index in flags.indices) flags[index] = check(listOf(text)).first()
        mutable.update { it.copy(sections = sections, flags = flags, saved = false, problem = null) }
    }

    /** Saves the worksheet (adding it, or replacing the one opened). */
    suspend fun save() {
        val s = mutable.value
        mutable.update { it.copy(busy = true, problem = null) }
        val entry = ToolEntry.Worksheet(Worksheet(kind, s.sections))
        val result = attempt { session.call { v -> s.id?.let { v.editEntry(it, entry) } ?: v.addEntry(entry) } }
        mutable.update { result.fold({ r -> it.copy(id = r.id, busy = false, saved = true) }, { _ -> it.copy(busy = false, problem = result.problem) }) }
    }
}
