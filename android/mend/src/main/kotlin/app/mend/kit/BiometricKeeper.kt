// Biometric unlock, the platform's half: it keeps the secret the core hands over when the
// person switches biometric unlock on, behind a biometric check (Android: a Keystore key that
// needs a strong fingerprint or face for each use and dies when new ones are enrolled), and
// gives it back after a check. The core's half is the slot that secret opens.
package app.mend.kit

/** What a biometric check gave. */
sealed interface BiometricOpening {
    /** The check passed: the kept secret (wipe it after use). */
    class Opened(val secret: ByteArray) : BiometricOpening

    /** The person chose the passcode instead, or the check failed; nothing changes. */
    data object Cancelled : BiometricOpening

    /**
     * Nothing can be opened any more: the system invalidated the key (biometrics were added
     * or removed) or nothing is kept. Biometric unlock has to be switched on again.
     */
    data object Gone : BiometricOpening
}

/** Keeps biometric unlock's secret behind a biometric check. */
interface BiometricKeeper {
    /** Whether this device can offer it now: a strong sensor, enrolled biometrics, a secure lock screen. */
    fun available(): Boolean

    /** Keeps [secret] after a check the person passes now; false if they cancelled or it failed. */
    suspend fun keep(secret: ByteArray): Boolean

    /** Asks for a check and gives the kept secret back. */
    suspend fun open(): BiometricOpening

    /** Forgets the kept secret and its key. */
    fun forget()
}
