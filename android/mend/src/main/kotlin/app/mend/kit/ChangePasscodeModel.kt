// Changing the passcode — also what "someone may know my passcode" leads to: the current
// one, then the new one typed twice. The vault gets new keys, and a new recovery code that is
// shown until the person says they kept it.
package app.mend.kit

import app.mend.ffi.MendException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the change-passcode screen shows. */
data class ChangePasscodeState(
    val newRecoveryCode: String? = null,
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
        val result = attempt { session.changePasscode(current, first) }
        mutable.update { result.fold({ code -> it.copy(busy = false, newRecoveryCode = code) }, { _ -> it.copy(busy = false, problem = result.problem) }) }
    }

    /** The person kept the new recovery code: recorded by the core, forgotten here. */
    suspend fun recoveryCodeKept() {
        val result = attempt { session.confirmRecoveryCode() }
        mutable.update { if (result.isSuccess) ChangePasscodeState(done = true) else it.copy(problem = result.problem) }
    }
}
