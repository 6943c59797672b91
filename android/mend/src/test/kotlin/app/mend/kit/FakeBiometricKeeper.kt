// A biometric keeper for tests: keeps the secret in memory, and lets a test decide how the
// next check goes (passed, cancelled, or the key invalidated by new biometrics).
package app.mend.kit

/** Stands in for the platform's biometric check. */
class FakeBiometricKeeper(private val present: Boolean = true) : BiometricKeeper {
    /** The secret kept, if any. */
    var kept: ByteArray? = null
        private set

    /** How the next check goes: null passes it. */
    var next: BiometricOpening? = null

    /** How many times the secret was forgotten. */
    var forgotten = 0
        private set

    override fun available(): Boolean = present

    override suspend fun keep(secret: ByteArray): Boolean {
        if (next == BiometricOpening.Cancelled) return false
        kept = secret.copyOf()
        return true
    }

    override suspend fun open(): BiometricOpening = next ?: kept?.let { BiometricOpening.Opened(it.copyOf()) } ?: BiometricOpening.Gone

    override fun forget() {
        kept = null
        forgotten++
    }
}
