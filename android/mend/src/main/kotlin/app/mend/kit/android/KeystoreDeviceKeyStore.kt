// The device key in Android Keystore: AES-256-GCM, in StrongBox where the phone has one,
// usable only while the device is unlocked. Android-only; everything else in this module
// compiles and is tested on a plain JVM.
package app.mend.kit.android

import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import android.security.keystore.StrongBoxUnavailableException
import app.mend.core.DeviceKeyException
import app.mend.core.DeviceKeyStore
import java.security.KeyStore
import java.security.KeyStoreException
import java.security.UnrecoverableKeyException
import javax.crypto.AEADBadTagException
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/** Wraps the vault's device secret with a key that never leaves this phone's keystore. */
class KeystoreDeviceKeyStore(private val alias: String = "app.mend.device-key") : DeviceKeyStore {
    private companion object {
        const val PROVIDER = "AndroidKeyStore"
        const val TRANSFORMATION = "AES/GCM/NoPadding"
        const val IV_BYTES = 12
        const val TAG_BITS = 128
    }

    private fun keyStore(): KeyStore = KeyStore.getInstance(PROVIDER).apply { load(null) }

    private fun existingKey(): SecretKey? = keyStore().getKey(alias, null) as? SecretKey

    private fun generate(strongBox: Boolean): SecretKey {
        val spec = KeyGenParameterSpec.Builder(alias, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
            .setKeySize(256)
            .setUnlockedDeviceRequired(true)
            .setIsStrongBoxBacked(strongBox)
            .build()
        return KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, PROVIDER).run {
            init(spec)
            generateKey()
        }
    }

    private fun keyForWrapping(): SecretKey = existingKey() ?: try {
        generate(strongBox = true)
    } catch (e: StrongBoxUnavailableException) {
        generate(strongBox = false)
    }

    private inline fun <T> guarded(block: () -> T): T = try {
        block()
    } catch (e: DeviceKeyException) {
        throw e
    } catch (e: AEADBadTagException) {
        throw DeviceKeyException.Rejected()
    } catch (e: UnrecoverableKeyException) {
        throw DeviceKeyException.KeyMissing()
    } catch (e: KeyStoreException) {
        throw DeviceKeyException.Unavailable()
    } catch (e: java.security.GeneralSecurityException) {
        throw DeviceKeyException.Failed()
    }

    override fun wrap(plain: ByteArray): ByteArray = guarded {
        val cipher = Cipher.getInstance(TRANSFORMATION).apply { init(Cipher.ENCRYPT_MODE, keyForWrapping()) }
        cipher.iv + cipher.doFinal(plain)
    }

    override fun unwrap(wrapped: ByteArray): ByteArray = guarded {
        val key = existingKey() ?: throw DeviceKeyException.KeyMissing()
        if (wrapped.size <= IV_BYTES) throw DeviceKeyException.Rejected()
        val cipher = Cipher.getInstance(TRANSFORMATION).apply {
            init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(TAG_BITS, wrapped, 0, IV_BYTES))
        }
        cipher.doFinal(wrapped, IV_BYTES, wrapped.size - IV_BYTES)
    }

    override fun destroyKey() = guarded {
        keyStore().deleteEntry(alias)
    }
}
