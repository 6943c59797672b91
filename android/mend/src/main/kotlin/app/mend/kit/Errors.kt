// What went wrong, in the terms a screen needs: the core's typed errors mapped to problems
// a screen can show with its own (translated) strings. No user text is carried.
package app.mend.kit

import app.mend.core.MendException

/** A problem a screen shows. */
sealed interface Problem {
    /** The passcode was wrong; [attemptsLeft] tries before waits start. */
    data class WrongPasscode(val attemptsLeft: Int) : Problem

    /** The recovery code was wrong. */
    data class WrongRecoveryCode(val attemptsLeft: Int) : Problem

    /** Too many tries: the next is allowed at [retryAtMs]. */
    data class MustWait(val retryAtMs: Long) : Problem

    /** An input was rejected; [field] is e.g. `title`, [reason] e.g. `is too long`. */
    data class Invalid(val field: String, val reason: String) : Problem

    /** The thing asked for is gone. */
    data object NotFound : Problem

    /** The vault needs a newer version of the app; it was not changed. */
    data object NeedsNewerApp : Problem

    /** The device's keystore refused or lost its key. */
    data object DeviceKey : Problem

    /** The device is out of storage; nothing was saved. */
    data object StorageFull : Problem

    /** Some data failed its integrity check. */
    data object Damaged : Problem

    /** The vault locked itself (for example after a timeout). */
    data object Locked : Problem

    /** Anything else. */
    data object Other : Problem
}

/** Maps a core error to the [Problem] a screen shows. */
fun MendException.toProblem(): Problem = when (this) {
    is MendException.WrongPasscode -> Problem.WrongPasscode(attemptsLeft.toInt())
    is MendException.WrongRecoveryCode -> Problem.WrongRecoveryCode(attemptsLeft.toInt())
    is MendException.TooManyAttempts -> Problem.MustWait(retryAtMs)
    is MendException.InvalidInput -> Problem.Invalid(field, reason)
    is MendException.NotFound -> Problem.NotFound
    is MendException.NewerVault -> Problem.NeedsNewerApp
    is MendException.DeviceKey -> Problem.DeviceKey
    is MendException.StorageFull -> Problem.StorageFull
    is MendException.Damaged -> Problem.Damaged
    is MendException.Locked, is MendException.Closed -> Problem.Locked
    is MendException.NoVault, is MendException.AlreadyExists, is MendException.Storage -> Problem.Other
}

/** Runs [block]; a core error becomes a [Problem], anything else propagates. */
internal suspend fun <T> attempt(block: suspend () -> T): Result<T> =
    try {
        Result.success(block())
    } catch (e: MendException) {
        Result.failure(ProblemException(e.toProblem()))
    }

/** Carries a [Problem] through a [Result]. */
class ProblemException(val problem: Problem) : Exception()

/** The problem inside a failed [Result], if it is one. */
val Result<*>.problem: Problem? get() = (exceptionOrNull() as? ProblemException)?.problem
