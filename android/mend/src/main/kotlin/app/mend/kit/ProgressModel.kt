// The progress screen: practice per step or theme, days practised, milestones and the weekly
// check-in averages, reloaded when practice or a check-in changes.
package app.mend.kit

import app.mend.core.DataChange
import app.mend.core.ProgramProgress
import app.mend.core.ToolKind
import app.mend.ffi.MendException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the progress screen shows. */
data class ProgressState(val progress: ProgramProgress? = null, val problem: MendException? = null)

/** Drives the progress screen. */
class ProgressModel(session: MendSession, scope: CoroutineScope) : ScreenModel<ProgressState>(session, ProgressState(), scope) {

    override fun reloadsOn(change: DataChange) =
        change == DataChange.Practice || change == DataChange.Tool(ToolKind.CHECK_INS)

    override suspend fun refresh() {
        val result = attempt { session.call { it.progress() } }
        mutable.update { result.fold({ p -> it.copy(progress = p, problem = null) }, { _ -> it.copy(problem = result.problem) }) }
    }
}
