// A new recovery code: asked for in settings, or offered at unlock when the last code was
// never confirmed as kept (the app stopped before it was shown). Shown until confirmed.
package app.mend.kit

import app.mend.ffi.MendException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the recovery-code screen shows. */
data class RecoveryCodeState(
    val code: String? = null,
    val kept: Boolean = false,
    val busy: Boolean = false,
    val problem: MendException? = null,
)

/** Drives the recovery-code screen. */
class RecoveryCodeModel(session: MendSession, scope: CoroutineScope) :
    ScreenModel<RecoveryCodeState>(session, RecoveryCodeState(), scope) {

    /** Makes a new code (the old one stops working) and shows it. */
    suspend fun replace() {
        mutable.update { it.copy(busy = true, kept = false, problem = null) }
        val result = attempt { session.newRecoveryCode() }
        mutable.update { result.fold({ code -> it.copy(busy = false, code = code) }, { _ -> it.copy(busy = false, problem = result.problem) }) }
    }

    /** The person kept the code: recorded by the core, forgotten here. */
    suspend fun kept() {
        val result = attempt { session.confirmRecoveryCode() }
        mutable.update { if (result.isSuccess) RecoveryCodeState(kept = true) else it.copy(problem = result.problem) }
    }
}
