// First run: whose vault it is, a passcode typed twice, and the recovery code shown once.
package app.mend.kit

import app.mend.core.DeviceKeyStore
import app.mend.core.KdfOptions
import app.mend.core.VaultRole
import app.mend.core.defaultKdfOptions
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/** The onboarding steps, in order. */
enum class OnboardingStep { ChooseRole, ChoosePasscode, ShowRecoveryCode, Done }

/** Why a new passcode was not accepted. */
enum class PasscodeProblem { TooShort, Mismatch }

/** What the onboarding screens show. */
data class OnboardingState(
    val step: OnboardingStep = OnboardingStep.ChooseRole,
    val role: VaultRole? = null,
    val passcodeProblem: PasscodeProblem? = null,
    val recoveryCode: String? = null,
    val busy: Boolean = false,
    val problem: Problem? = null,
)

/** Drives onboarding; [client] holds the new vault once it exists. */
class OnboardingModel(
    private val path: String,
    private val keyStore: DeviceKeyStore,
    private val kdf: KdfOptions = defaultKdfOptions(),
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    companion object {
        /** The shortest passcode the core accepts, in bytes. */
        const val MIN_PASSCODE_BYTES = 6
    }

    private val mutable = MutableStateFlow(OnboardingState())

    /** The current state. */
    val state: StateFlow<OnboardingState> = mutable.asStateFlow()

    /** The new vault, unlocked, once created. */
    var client: MendClient? = null
        private set

    /** Chooses whose vault this is. */
    fun chooseRole(role: VaultRole) {
        mutable.update { it.copy(role = role, step = OnboardingStep.ChoosePasscode) }
    }

    /** Creates the vault if the two entries match; both arrays are wiped. */
    suspend fun choosePasscode(first: ByteArray, second: ByteArray) {
        val role = mutable.value.role ?: return
        val problem = when {
            first.size < MIN_PASSCODE_BYTES -> PasscodeProblem.TooShort
            !first.contentEquals(second) -> PasscodeProblem.Mismatch
            else -> null
        }
        second.fill(0)
        if (problem != null) {
            first.fill(0)
            mutable.update { it.copy(passcodeProblem = problem) }
            return
        }
        mutable.update { it.copy(busy = true, passcodeProblem = null, problem = null) }
        attempt { MendClient.create(path, first, role, keyStore, kdf, io) }
            .onSuccess { created ->
                client = created.client
                mutable.update {
                    it.copy(busy = false, step = OnboardingStep.ShowRecoveryCode, recoveryCode = created.recoveryCode)
                }
            }
            .onFailure { e -> mutable.update { it.copy(busy = false, problem = problemOf(e)) } }
    }

    /** The person has written the code down: forget it and finish. */
    fun recoveryCodeSaved() {
        mutable.update { it.copy(step = OnboardingStep.Done, recoveryCode = null) }
    }
}
