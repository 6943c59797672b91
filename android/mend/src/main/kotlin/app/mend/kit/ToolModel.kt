// The page of one tool (question log, no-contact log, cut-ties checklist, boundaries and
// needs, time together, trigger log…): its entries newest first, adding, editing, deleting.
package app.mend.kit

import app.mend.core.DataChange
import app.mend.core.RecordId
import app.mend.core.ToolEntry
import app.mend.core.ToolKind
import app.mend.core.ToolRecord
import app.mend.ffi.MendException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What a tool's page shows. */
data class ToolState(val entries: List<ToolRecord> = emptyList(), val busy: Boolean = false, val problem: MendException? = null)

/** Drives the page of [tool]. */
class ToolModel(session: MendSession, scope: CoroutineScope, private val tool: ToolKind) :
    ScreenModel<ToolState>(session, ToolState(), scope) {

    override fun reloadsOn(change: DataChange) = change == DataChange.Tool(tool)

    override suspend fun refresh() = change {}

    private suspend fun change(block: suspend () -> Unit) {
        mutable.update { it.copy(busy = true, problem = null) }
        val result = attempt { block(); session.call { it.entries(tool) } }
        mutable.update { result.fold({ list -> ToolState(entries = list) }, { _ -> it.copy(busy = false, problem = result.problem) }) }
    }

    /** Adds an entry. */
    suspend fun add(entry: ToolEntry) = change { session.call { it.addEntry(entry) } }

    /** Replaces an entry. */
    suspend fun edit(id: RecordId, entry: ToolEntry) = change { session.call { it.editEntry(id, entry) } }

    /** Deletes an entry. */
    suspend fun delete(id: RecordId) = change { session.call { it.deleteEntry(id) } }
}
