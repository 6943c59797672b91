// The lock screen's state: attempts left, the wait after too many tries, and unlocking.
package app.mend.kit

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/** What the lock screen shows. */
data class UnlockState(
    val busy: Boolean = false,
    val unlocked: Boolean = false,
    val attemptsLeft: Int = 5,
    val waitUntilMs: Long? = null,
    val problem: Problem? = null,
) {
    /** Whole seconds still to wait at [nowMs]; 0 when a try is allowed. */
    fun secondsToWait(nowMs: Long): Long =
        waitUntilMs?.let { ((it - nowMs).coerceAtLeast(0) + 999) / 1000 } ?: 0

    /** Whether the passcode field may be submitted at [nowMs]. */
    fun canSubmit(nowMs: Long): Boolean = !busy && !unlocked && secondsToWait(nowMs) == 0L
}

/** Drives the lock screen. The Android app wraps it in a ViewModel. */
class UnlockModel(
    private val client: MendClient,
    private val now: () -> Long = System::currentTimeMillis,
) {
    private val mutable = MutableStateFlow(UnlockState(unlocked = client.isUnlocked))

    /** The current state. */
    val state: StateFlow<UnlockState> = mutable.asStateFlow()

    /** Reads the attempt count and any wait in force (call when the screen appears). */
    suspend fun refresh() {
        attempt { client.unlockStatus() }
            .onSuccess { s ->
                mutable.update {
                    it.copy(
                        attemptsLeft = s.attemptsLeft.toInt(),
                        waitUntilMs = s.retryAtMs,
                        problem = s.retryAtMs?.let(Problem::MustWait),
                    )
                }
            }
            .onFailure { e -> mutable.update { it.copy(problem = problemOf(e)) } }
    }

    /** Tries [passcode] (wiped afterwards). */
    suspend fun submit(passcode: ByteArray) {
        if (!mutable.value.canSubmit(now())) {
            passcode.fill(0)
            return
        }
        mutable.update { it.copy(busy = true, problem = null) }
        val result = attempt { client.unlock(passcode) }
        val problem = result.problem
        mutable.update {
            it.copy(
                busy = false,
                unlocked = result.isSuccess,
                problem = problem,
                attemptsLeft = when (problem) {
                    is Problem.WrongPasscode -> problem.attemptsLeft
                    is Problem.MustWait -> 0
                    else -> if (result.isSuccess) 5 else it.attemptsLeft
                },
                waitUntilMs = (problem as? Problem.MustWait)?.retryAtMs,
            )
        }
        // After the last free try the core starts a wait; show it straight away.
        if (problem is Problem.WrongPasscode && problem.attemptsLeft == 0) refresh()
    }
}

internal fun problemOf(e: Throwable): Problem = (e as? ProblemException)?.problem ?: Problem.Other
