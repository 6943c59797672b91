// Key stores for tests on a plain JVM: AES-256-GCM with an in-memory key (the same shape as
// the Keystore one), and one that always fails.
package app.mend.kit

import app.mend.core.DeviceKeyException
import app.mend.core.DeviceKeyStore
import java.security.SecureRandom
import javax.crypto.AEADBadTagException
import javax.crypto.Cipher
import javax.crypto.spec.GCMParameterSpec
import javax.crypto.spec.SecretKeySpec

/** A device key store whose key lives in memory. */
class SoftwareKeyStore : DeviceKeyStore {
    @Volatile private var key: ByteArray? = ByteArray(32).also { SecureRandom().nextBytes(it) }

    private fun cipher(mode: Int, iv: ByteArray): Cipher {
        val k = key ?: throw DeviceKeyException.KeyMissing()
        return Cipher.getInstance("AES/GCM/NoPadding").apply {
            init(mode, SecretKeySpec(k, "AES"), GCMParameterSpec(128, iv))
        }
    }

    override fun wrap(plain: ByteArray): ByteArray {
        val iv = ByteArray(12).also { SecureRandom().nextBytes(it) }
        return iv + cipher(Cipher.ENCRYPT_MODE, iv).doFinal(plain)
    }

    override fun unwrap(wrapped: ByteArray): ByteArray {
        if (wrapped.size <= 12) throw DeviceKeyException.Rejected()
        return try {
            cipher(Cipher.DECRYPT_MODE, wrapped.copyOfRange(0, 12)).doFinal(wrapped, 12, wrapped.size - 12)
        } catch (e: AEADBadTagException) {
            throw DeviceKeyException.Rejected()
        }
    }

    override fun destroyKey() {
        key?.fill(0)
        key = null
    }
}

/** A key store that fails every call: with a declared error, or with an unexpected one. */
class FailingKeyStore(private val declared: Boolean) : DeviceKeyStore {
    private fun fail(): Nothing =
        if (declared) throw DeviceKeyException.Unavailable() else throw IllegalStateException("keystore exploded")

    override fun wrap(plain: ByteArray): ByteArray = fail()
    override fun unwrap(wrapped: ByteArray): ByteArray = fail()
    override fun destroyKey(): Unit = fail()
}
