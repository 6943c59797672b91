// Help, reachable from every screen, locked or not: crisis lines, finding a therapist, and
// the caution about transparency and pressure.
package app.mend.kit

import app.mend.core.Help
import app.mend.ffi.MendException
import app.mend.ffi.helpResources
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the help screen shows. */
data class HelpState(val help: Help? = null, val problem: MendException? = null)

/** Drives the help screen. */
class HelpModel(session: MendSession, scope: CoroutineScope) : ScreenModel<HelpState>(session, HelpState(), scope) {

    override val keepsOnlyWhileUnlocked: Boolean get() = false

    override suspend fun refresh() {
        val result = attempt { session.anytime { helpResources() } }
        mutable.update { result.fold({ help -> it.copy(help = help, problem = null) }, { _ -> it.copy(problem = result.problem) }) }
    }
}
