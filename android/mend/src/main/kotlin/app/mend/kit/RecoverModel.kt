// Forgot passcode: the recovery code and a new passcode typed twice open the vault; a new
// recovery code replaces the used one and is shown until the person says they kept it.
package app.mend.kit

import app.mend.ffi.MendException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the forgot-passcode screens show. */
data class RecoverState(
    val newRecoveryCode: String? = null,
    val mismatch: Boolean = false,
    val done: Boolean = false,
    val busy: Boolean = false,
    val problem: MendException? = null,
)

/** Drives the forgot-passcode screens. */
class RecoverModel(session: MendSession, scope: CoroutineScope) :
    ScreenModel<RecoverState>(session, RecoverState(), scope) {

    override val keepsOnlyWhileUnlocked: Boolean get() = false

    /** Opens with [recoveryCode] and sets the new passcode if both entries match (wiped). */
    suspend fun submit(recoveryCode: String, first: ByteArray, second: ByteArray) {
        val same = wiping(second) { first.contentEquals(second) }
        if (!same) {
            first.fill(0)
            mutable.update { it.copy(mismatch = true, problem = null) }
            return
        }
        mutable.update { it.copy(busy = true, mismatch = false, problem = null) }
        val result = attempt { session.recover(recoveryCode, first) }
        mutable.update { result.fold({ code -> it.copy(busy = false, newRecoveryCode = code) }, { _ -> it.copy(busy = false, problem = result.problem) }) }
    }

    /** The person kept the new code: recorded by the core, forgotten here. */
    suspend fun recoveryCodeKept() {
        val result = attempt { session.confirmRecoveryCode() }
        mutable.update { if (result.isSuccess) RecoverState(done = true) else it.copy(problem = result.problem) }
    }
}
