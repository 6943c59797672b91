// The lock screen: attempts left, the wait after too many tries (counted down), unlocking
// with the passcode or, where it is on, after a biometric check.
package app.mend.kit

import app.mend.core.UnlockStatus
import app.mend.ffi.MendException
import java.time.Duration
import java.time.Instant
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** Whole seconds from [now] until [at], rounded up; 0 once it has passed. For countdowns. */
fun secondsUntil(now: Instant, at: Instant): Long {
    val millis = Duration.between(now, at).toMillis()
    return if (millis <= 0) 0 else (millis + 999) / 1000
}

/** What the lock screen shows. */
data class UnlockState(
    val status: UnlockStatus? = null,
    val busy: Boolean = false,
    val problem: MendException? = null,
    /** Whether biometric unlock is offered. */
    val biometricReady: Boolean = false,
    /** Biometric unlock was just switched off because the phone's biometrics changed. */
    val biometricSwitchedOff: Boolean = false,
) {
    /** Whole seconds still to wait at [now] before a try is allowed; 0 when it is. */
    fun secondsToWait(now: Instant): Long = status?.retryAt?.let { secondsUntil(now, it) } ?: 0

    /** Whether the passcode can be submitted at [now]. */
    fun canSubmit(now: Instant): Boolean = !busy && secondsToWait(now) == 0L
}

/** Drives the lock screen. */
class UnlockModel(session: MendSession, scope: CoroutineScope, private val now: () -> Instant = Instant::now) :
    ScreenModel<UnlockState>(session, UnlockState(), scope) {

    override val keepsOnlyWhileUnlocked: Boolean get() = false

    /** Reads the attempt count and any wait in force (when the screen appears, and after a wait). */
    override suspend fun refresh() {
        val result = attempt { session.call { it.unlockStatus() } to session.biometricUnlockReady() }
        mutable.update {
            result.fold(
                { (s, ready) -> it.copy(status = s, biometricReady = ready, problem = null) },
                { _ -> it.copy(problem = result.problem) },
            )
        }
    }

    /** Asks for a biometric check and unlocks with it (when a try is allowed). */
    suspend fun unlockWithBiometrics() {
        if (!mutable.value.canSubmit(now()) || !mutable.value.biometricReady) return
        mutable.update { it.copy(busy = true, problem = null) }
        val result = attempt { session.unlockWithBiometrics() }
        val off = result.getOrNull() == BiometricUnlock.SWITCHED_OFF
        mutable.update { it.copy(busy = false, problem = result.problem, biometricSwitchedOff = off) }
        if (result.isFailure || off) refresh().also { mutable.update { it.copy(problem = result.problem) } }
    }

    /** Tries [passcode] (wiped afterwards, also when no try is allowed yet). */
    suspend fun submit(passcode: ByteArray) {
        if (!mutable.value.canSubmit(now())) {
            passcode.fill(0)
            return
        }
        mutable.update { it.copy(busy = true, problem = null) }
        val result = attempt { session.unlock(passcode) }
        mutable.update { it.copy(busy = false, problem = result.problem) }
        if (result.isFailure) refresh().also { mutable.update { it.copy(problem = result.problem) } }
    }
}
