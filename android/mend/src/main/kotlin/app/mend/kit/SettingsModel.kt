// Settings: how soon the app locks in the background (the choices come from the core),
// discreet mode (a plain name and icon), biometric unlock where the phone can do it, and
// erasing everything.
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
    /** Whether this device can offer biometric unlock (the switch shows only then). */
    val biometricAvailable: Boolean = false,
    val biometric: Boolean = false,
    val erased: Boolean = false,
    val busy: Boolean = false,
    val problem: MendException? = null,
)

private data class Settings(val autoLock: Int, val choices: List<Int>, val discreet: Boolean, val biometric: Boolean)

/** Drives the settings screen. */
class SettingsModel(session: MendSession, scope: CoroutineScope) :
    ScreenModel<SettingsState>(session, SettingsState(), scope) {

    override suspend fun refresh() {
        val available = session.biometricsAvailable()
        val result = attempt {
            session.call { v -> Settings(v.autoLockSeconds(), limits().autoLockChoicesSeconds, v.discreetMode(), v.biometricUnlockEnabled()) }
        }
        mutable.update {
            result.fold(
                { read ->
                    it.copy(
                        autoLockSeconds = read.autoLock,
                        autoLockChoices = read.choices,
                        discreet = read.discreet,
                        biometricAvailable = available,
                        biometric = available && read.biometric,
                        problem = null,
                    )
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

    /** Switches biometric unlock on (after a check the person passes now) or off. */
    suspend fun setBiometric(on: Boolean) {
        mutable.update { it.copy(busy = true, problem = null) }
        val result = attempt { session.setBiometricUnlock(on) }
        mutable.update { it.copy(busy = false, problem = result.problem) }
        refresh()
    }

    /** Erases everything, for good. */
    suspend fun erase() {
        mutable.update { it.copy(busy = true, problem = null) }
        val result = attempt { session.erase() }
        mutable.update { it.copy(busy = false, erased = result.isSuccess, problem = result.problem) }
    }
}
