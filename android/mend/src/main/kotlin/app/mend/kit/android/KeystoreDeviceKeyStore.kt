// The device keys in Android Keystore, a pair per vault key alias: an AES-256-GCM key that
// wraps the vault's device secret, and an HMAC-SHA256 key whose MAC of each passcode guess the
// core mixes into the passcode's key (so no guess can be checked off this phone). Both are
// non-exportable, in StrongBox where the phone has one, and usable only while the device is
// unlocked. The small records kept beside each key (the attempt state and the write
// generation, sealed by the core) are files in the app's no-backup directory, which neither
// cloud backup nor a device transfer copies. Android-only; everything else in this module
// compiles and is tested on a plain JVM.
package app.mend.kit.android

import android.content.Context
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyPermanentlyInvalidatedException
import android.security.keystore.KeyProperties
import android.security.keystore.StrongBoxUnavailableException
import android.security.keystore.UserNotAuthenticatedException
import app.mend.core.DeviceKeyException
import app.mend.core.DeviceKeyStore
import java.io.File
import java.io.FileOutputStream
import java.io.IOException
import java.security.KeyStore
import java.security.KeyStoreException
import java.security.UnrecoverableKeyException
import javax.crypto.AEADBadTagException
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.Mac
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/** The platform key store of the Android app: Keystore keys, records in [recordsDir]. */
class KeystoreDeviceKeyStore(private val recordsDir: File) : DeviceKeyStore {
    companion object {
        private const val PROVIDER = "AndroidKeyStore"
        private const val TRANSFORMATION = "AES/GCM/NoPadding"
        private const val MAC = "HmacSHA256"
        private const val IV_BYTES = 12
        private const val TAG_BITS = 128
        private const val MAX_RECORD_BYTES = 4096L

        /** The store for [context]: records in its no-backup directory. */
        fun forContext(context: Context) = KeystoreDeviceKeyStore(File(context.noBackupFilesDir, "mend-keystore"))
    }

    // Key creation is serialised: two unlocks racing must not make two keys for one alias.
    private val creation = Any()

    private fun keyStore(): KeyStore = KeyStore.getInstance(PROVIDER).apply { load(null) }

    private fun macAlias(alias: String) = "$alias.hmac"

    private fun existing(alias: String): SecretKey? = keyStore().getKey(alias, null) as? SecretKey

    private fun generate(alias: String, strongBox: Boolean) {
        val wrapping = KeyGenParameterSpec.Builder(alias, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
            .setKeySize(256)
            .setUnlockedDeviceRequired(true)
            .setIsStrongBoxBacked(strongBox)
            .build()
        KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, PROVIDER).run {
            init(wrapping)
            generateKey()
        }
        val keyed = KeyGenParameterSpec.Builder(macAlias(alias), KeyProperties.PURPOSE_SIGN)
            .setUnlockedDeviceRequired(true)
            .setIsStrongBoxBacked(strongBox)
            .build()
        KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_HMAC_SHA256, PROVIDER).run {
            init(keyed)
            generateKey()
        }
    }

    private fun keyForWrapping(alias: String): SecretKey = synchronized(creation) {
        existing(alias) ?: run {
            try {
                generate(alias, strongBox = true)
            } catch (e: StrongBoxUnavailableException) {
                keyStore().deleteEntry(alias)
                generate(alias, strongBox = false)
            }
            existing(alias) ?: throw DeviceKeyException.Failed()
        }
    }

    private inline fun <T> guarded(block: () -> T): T = try {
        block()
    } catch (e: DeviceKeyException) {
        throw e
    } catch (e: AEADBadTagException) {
        throw DeviceKeyException.Rejected()
    } catch (e: UserNotAuthenticatedException) {
        throw DeviceKeyException.Unavailable() // the phone is locked
    } catch (e: KeyPermanentlyInvalidatedException) {
        throw DeviceKeyException.KeyMissing()
    } catch (e: UnrecoverableKeyException) {
        throw DeviceKeyException.KeyMissing()
    } catch (e: KeyStoreException) {
        throw DeviceKeyException.Unavailable()
    } catch (e: IOException) {
        throw DeviceKeyException.Unavailable()
    } catch (e: java.security.GeneralSecurityException) {
        throw DeviceKeyException.Failed()
    }

    override fun wrap(alias: String, plain: ByteArray): ByteArray = guarded {
        val cipher = Cipher.getInstance(TRANSFORMATION).apply { init(Cipher.ENCRYPT_MODE, keyForWrapping(alias)) }
        cipher.iv + cipher.doFinal(plain)
    }

    override fun unwrap(alias: String, wrapped: ByteArray): ByteArray = guarded {
        val key = existing(alias) ?: throw DeviceKeyException.KeyMissing()
        if (wrapped.size <= IV_BYTES) throw DeviceKeyException.Rejected()
        val cipher = Cipher.getInstance(TRANSFORMATION).apply {
            init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(TAG_BITS, wrapped, 0, IV_BYTES))
        }
        cipher.doFinal(wrapped, IV_BYTES, wrapped.size - IV_BYTES)
    }

    override fun derive(alias: String, input: ByteArray): ByteArray = guarded {
        val key = keyStore().getKey(macAlias(alias), null) as? SecretKey ?: throw DeviceKeyException.KeyMissing()
        Mac.getInstance(MAC).run {
            init(key)
            doFinal(input)
        }
    }

    override fun destroyKey(alias: String): Unit = guarded {
        synchronized(creation) {
            keyStore().run {
                deleteEntry(alias)
                deleteEntry(macAlias(alias))
            }
            recordsDir.listFiles { f -> f.name.startsWith("$alias.") }?.forEach { f ->
                if (!f.delete() && f.exists()) throw DeviceKeyException.Failed()
            }
            Unit
        }
    }

    private fun recordFile(alias: String, name: String) = File(recordsDir, "$alias.$name")

    override fun loadRecord(alias: String, name: String): ByteArray? = guarded {
        val file = recordFile(alias, name)
        when {
            !file.exists() -> null
            file.length() > MAX_RECORD_BYTES -> throw DeviceKeyException.Rejected()
            else -> file.readBytes()
        }
    }

    override fun storeRecord(alias: String, name: String, value: ByteArray): Unit = guarded {
        if (value.size > MAX_RECORD_BYTES) throw DeviceKeyException.Failed()
        if (!recordsDir.isDirectory && !recordsDir.mkdirs()) throw DeviceKeyException.Unavailable()
        val file = recordFile(alias, name)
        val staged = File(recordsDir, "${file.name}.new")
        FileOutputStream(staged).use { out ->
            out.write(value)
            out.fd.sync()
        }
        if (!staged.renameTo(file)) {
            staged.delete()
            throw DeviceKeyException.Unavailable()
        }
    }
}
