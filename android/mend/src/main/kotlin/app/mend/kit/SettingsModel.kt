// Settings: how soon the app locks in the background (the choices come from the core),
// discreet mode (a plain name and icon), and erasing everything.
package app.mend.kit

import app.mend.ffi.MendException
import app.mend.ffi.limits
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the settings screen shows. */
data class SettingsState(
    val autoLockSeconds: Int? = null,
    val autoLockChoices: List<Int> = emptyList(),
    val discreet: Boolean = false,
    val erased: Boolean = false,
    val busy: Boolean = false,
    val problem: MendException? = null,
)

/** Drives the settings screen. */
class SettingsModel(session: MendSession, scope: CoroutineScope) :
    ScreenModel<SettingsState>(session, SettingsState(), scope) {

    override suspend fun refresh() {
        val result = attempt { session.call { v -> Triple(v.autoLockSeconds(), limits().autoLockChoicesSeconds, v.discreetMode()) } }
        mutable.update {
            result.fold(
                { (seconds, choices, discreet) ->
                    it.copy(autoLockSeconds = seconds, autoLockChoices = choices, discreet = discreet, problem = null)
                },
                { _ -> it.copy(problem = result.problem) },
            )
        }
    }

    /** Chooses the auto-lock delay, one of [SettingsState.autoLockChoices]. */
    suspend fun setAutoLock(seconds: Int) {
        val result = attempt { session.call { it.setAutoLockSeconds(seconds) } }
        if (result.isSuccess) refresh() else mutable.update { it.copy(problem = result.problem) }
    }

    /** Turns discreet mode on or off; the app changes its name and icon on this device. */
    suspend fun setDiscreet(on: Boolean) {
        val result = attempt { session.call { it.setDiscreetMode(on) } }
        if (result.isSuccess) refresh() else mutable.update { it.copy(problem = result.problem) }
    }

    /** Erases everything, for good. */
    suspend fun erase() {
        mutable.update { it.copy(busy = true, problem = null) }
        val result = attempt { session.erase() }
        mutable.update { it.copy(busy = false, erased = result.isSuccess, problem = result.problem) }
    }
}
