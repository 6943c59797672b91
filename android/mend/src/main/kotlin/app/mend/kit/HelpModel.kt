// Help, reachable from every screen, locked or not: emergency numbers, crisis and abuse lines
// (the device's region first), signs that it is time to get help, finding a therapist, and
// the cautions about transparency and pressure. Help never waits for the core thread (which may
// be busy sealing a backup or restoring one): it reads the core's content beside it.
package app.mend.kit

import app.mend.core.Help
import app.mend.ffi.MendException
import app.mend.ffi.helpRegion
import app.mend.ffi.helpResources
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/** What the help screen shows. */
data class HelpState(
    val help: Help? = null,
    /** The region whose lines come first (the core's choice from the time zone and locale). */
    val region: String? = null,
    val problem: MendException? = null,
)

/** Drives the help screen. */
class HelpModel(session: MendSession, scope: CoroutineScope) : ScreenModel<HelpState>(session, HelpState(), scope) {

    override val keepsOnlyWhileUnlocked: Boolean get() = false

    init {
        // Help is loaded as the app starts, so it is there the moment it is asked for.
        scope.launch { refresh() }
    }

    override suspend fun refresh() {
        // The place the core chose at start: the time zone's country, else the locale's.
        val result = attempt { withContext(Dispatchers.Default) { helpRegion().let { region -> region to helpResources(region) } } }
        mutable.update { result.fold({ (region, help) -> it.copy(help = help, region = region, problem = null) }, { _ -> it.copy(problem = result.problem) }) }
    }
}
