// The page of one tool (question log, no-contact log, cut-ties checklist, boundaries and
// needs, time together, trigger log…): its entries newest first, adding, editing, deleting.
package app.mend.kit

import app.mend.core.HelpOffer
import app.mend.core.DataChange
import app.mend.core.RecordId
import app.mend.core.ToolEntry
import app.mend.core.ToolKind
import app.mend.core.ToolRecord
import app.mend.ffi.MendException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What a tool's page shows. */
data class ToolState(
    val entries: List<ToolRecord> = emptyList(),
    val busy: Boolean = false,
    val problem: MendException? = null,
    /** Help the core offered with the entry last saved. */
    val help: HelpOffer? = null,
)

/** Drives the page of [tool]. */
class ToolModel(session: MendSession, scope: CoroutineScope, private val tool: ToolKind) :
    ScreenModel<ToolState>(session, ToolState(), scope) {

    override fun reloadsOn(change: DataChange) = change == DataChange.Tool(tool)

    // A reload (the core says the tool's entries changed) keeps any help card on screen: it
    // may follow the very save that showed it.
    override suspend fun refresh() {
        val result = attempt { session.call { it.entries(tool) } }
        mutable.update { result.fold({ list -> it.copy(entries = list, busy = false) }, { _ -> it.copy(problem = result.problem) }) }
    }

    private suspend fun change(block: suspend () -> HelpOffer?) {
        // The help card belongs to the save that brought it: a later save or delete replaces it.
        mutable.update { it.copy(busy = true, problem = null) }
        val result = attempt { block() to session.call { it.entries(tool) } }
        mutable.update {
            result.fold({ (help, list) -> ToolState(entries = list, help = help) }, { _ -> it.copy(busy = false, problem = result.problem) })
        }
    }

    /** Adds an entry; the core's help offer for it, if any, is shown with the list. */
    suspend fun add(entry: ToolEntry) = change { session.call { it.addEntry(entry) }.help }

    /** Replaces an entry, likewise. */
    suspend fun edit(id: RecordId, entry: ToolEntry) = change { session.call { it.editEntry(id, entry) }.help }

    /** Deletes an entry. */
    suspend fun delete(id: RecordId) = change { session.call { it.deleteEntry(id) }; null }
}
