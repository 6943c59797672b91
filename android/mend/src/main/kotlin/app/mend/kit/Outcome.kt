// Screen models catch the core's typed errors and keep them in their state: a screen shows
// a MendException in its own words (each variant is a case a screen handles differently).
package app.mend.kit

import app.mend.ffi.MendException

/** Runs [block]; a core error becomes a failed [Result], anything else propagates. */
suspend fun <T> attempt(block: suspend () -> T): Result<T> =
    try {
        Result.success(block())
    } catch (e: MendException) {
        Result.failure(e)
    }

/** The core error inside a failed [Result], if it is one. */
val Result<*>.problem: MendException? get() = exceptionOrNull() as? MendException
