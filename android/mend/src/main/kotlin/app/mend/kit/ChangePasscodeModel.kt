// Changing the passcode: the current one, then the new one typed twice.
package app.mend.kit

import app.mend.ffi.MendException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the change-passcode screen shows. */
data class ChangePasscodeState(
    val mismatch: Boolean = false,
    val done: Boolean = false,
    val busy: Boolean = false,
    val problem: MendException? = null,
)

/** Drives the change-passcode screen. */
class ChangePasscodeModel(session: MendSession, scope: CoroutineScope) :
    ScreenModel<ChangePasscodeState>(session, ChangePasscodeState(), scope) {

    /** Changes the passcode if the two new entries match; every array is wiped. */
    suspend fun submit(current: ByteArray, first: ByteArray, second: ByteArray) {
        val same = wiping(second) { first.contentEquals(second) }
        if (!same) {
            current.fill(0)
            first.fill(0)
            mutable.update { it.copy(mismatch = true, problem = null) }
            return
        }
        mutable.update { it.copy(busy = true, mismatch = false, problem = null) }
        val result = attempt { session.call { v -> wiping(current, first) { v.changePasscode(current, first) } } }
        mutable.update { it.copy(busy = false, done = result.isSuccess, problem = result.problem) }
    }
}
