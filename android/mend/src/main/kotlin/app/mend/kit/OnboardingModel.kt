// First run: whose vault it is, a passcode typed twice, then the recovery code, which counts
// as shown only once the person says they kept it. On a phone without a screen lock the
// passcode step waits until one is set: the device key is usable only while the phone is
// unlocked, which means nothing on a phone anyone can open.
package app.mend.kit

import app.mend.core.KdfParams
import app.mend.core.Role
import app.mend.ffi.MendException
import app.mend.ffi.defaultKdfParams
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** The onboarding steps, in order. */
enum class OnboardingStep { ChooseRole, ChoosePasscode, ShowRecoveryCode, Done }

/** What the onboarding screens show. */
data class OnboardingState(
    val step: OnboardingStep = OnboardingStep.ChooseRole,
    val role: Role? = null,
    /** The two passcode entries differed. */
    val mismatch: Boolean = false,
    val recoveryCode: String? = null,
    val busy: Boolean = false,
    /** The phone has no screen lock yet: the person sets one before choosing a passcode. */
    val needsScreenLock: Boolean = false,
    /** What the core refused (a passcode too short or too long, a key store failure…). */
    val problem: MendException? = null,
)

/** Drives onboarding; the vault it creates belongs to [session]. */
class OnboardingModel(session: MendSession, scope: CoroutineScope, private val kdf: KdfParams = defaultKdfParams()) :
    ScreenModel<OnboardingState>(session, OnboardingState(), scope) {

    override val keepsOnlyWhileUnlocked: Boolean get() = false

    /** Chooses whose vault this is. */
    fun chooseRole(role: Role) =
        mutable.update { it.copy(role = role, step = OnboardingStep.ChoosePasscode, needsScreenLock = !session.screenLockSet()) }

    /** Looks again whether the phone has a screen lock (the person went to set one). */
    fun checkScreenLock() = mutable.update { it.copy(needsScreenLock = !session.screenLockSet()) }

    /** Back to choosing whose vault it is. */
    fun back() = mutable.update { it.copy(step = OnboardingStep.ChooseRole, mismatch = false, problem = null) }

    /** Creates the vault if the two entries match; both arrays are wiped. */
    suspend fun choosePasscode(first: ByteArray, second: ByteArray) {
        val role = mutable.value.role
        if (role == null || mutable.value.needsScreenLock) {
            wiping(first, second) {}
            return
        }
        val same = wiping(second) { first.contentEquals(second) }
        if (!same) {
            first.fill(0)
            mutable.update { it.copy(mismatch = true, problem = null) }
            return
        }
        mutable.update { it.copy(busy = true, mismatch = false, problem = null) }
        val result = attempt { session.create(role, first, kdf) }
        mutable.update {
            result.fold(
                { code -> it.copy(busy = false, step = OnboardingStep.ShowRecoveryCode, recoveryCode = code) },
                { _ -> it.copy(busy = false, problem = result.problem) },
            )
        }
    }

    /** The person has kept the code: the core records it, and the code is forgotten here. */
    suspend fun recoveryCodeKept() {
        val result = attempt { session.confirmRecoveryCode() }
        mutable.update {
            if (result.isSuccess) it.copy(step = OnboardingStep.Done, recoveryCode = null)
            else it.copy(problem = result.problem)
        }
    }
}
