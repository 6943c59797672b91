// Help, reachable from every screen, locked or not: emergency numbers, crisis and abuse lines
// (the device's region first), signs that it is time to get help, finding a therapist, and
// the cautions about transparency and pressure. Help never waits for the core thread (which may
// be busy sealing a backup or restoring one): it reads the core's content beside it.
package app.mend.kit

import app.mend.core.Help
import app.mend.ffi.MendException
import app.mend.ffi.helpResources
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/** What the help screen shows. */
data class HelpState(val help: Help? = null, val problem: MendException? = null)

/** Drives the help screen. */
class HelpModel(session: MendSession, scope: CoroutineScope) : ScreenModel<HelpState>(session, HelpState(), scope) {

    override val keepsOnlyWhileUnlocked: Boolean get() = false

    init {
        // Help is loaded as the app starts, so it is there the moment it is asked for.
        scope.launch { refresh() }
    }

    override suspend fun refresh() {
        val region = java.util.Locale.getDefault().country.ifEmpty { null }
        val result = attempt { withContext(Dispatchers.Default) { helpResources(region) } }
        mutable.update { result.fold({ help -> it.copy(help = help, problem = null) }, { _ -> it.copy(problem = result.problem) }) }
    }
}
