// Biometric unlock's secret on Android: sealed with an AES-256-GCM Keystore key that needs a
// strong fingerprint or face check for each use (BiometricPrompt with a CryptoObject, so the
// key works only inside a check that passed) and that the system destroys when biometrics are
// added or removed. The sealed secret is a file in the no-backup directory. Android-only, like
// the key store beside it; its decisions (when to offer it, what to do when the key is gone)
// are the session's, tested on the JVM with a stand-in keeper.
package app.mend.kit.android

import android.app.Activity
import android.app.KeyguardManager
import android.content.Context
import android.content.pm.PackageManager
import android.hardware.biometrics.BiometricManager
import android.hardware.biometrics.BiometricPrompt
import android.os.Build
import android.os.CancellationSignal
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyPermanentlyInvalidatedException
import android.security.keystore.KeyProperties
import app.mend.kit.BiometricKeeper
import app.mend.kit.BiometricOpening
import java.io.File
import java.io.FileOutputStream
import java.io.IOException
import java.security.GeneralSecurityException
import java.security.KeyStore
import java.security.UnrecoverableKeyException
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec
import kotlin.coroutines.resume
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlinx.coroutines.withContext

/** The words of the system's biometric prompt (plain, as a notification's are). */
data class BiometricPromptWords(val title: String, val usePasscode: String)

/**
 * Keeps biometric unlock's secret behind a biometric check; [activity] gives the activity
 * the prompt shows over (none: nothing is asked, as if cancelled).
 */
class KeystoreBiometricKeeper(
    private val context: Context,
    private val words: BiometricPromptWords,
    private val activity: () -> Activity?,
) : BiometricKeeper {
    companion object {
        private const val PROVIDER = "AndroidKeyStore"
        private const val ALIAS = "app.mend.biometric"
        private const val TRANSFORMATION = "AES/GCM/NoPadding"
        private const val IV_BYTES = 12
        private const val TAG_BITS = 128
        private const val MAX_SEALED_BYTES = 256L
    }

    private val sealedFile = File(context.noBackupFilesDir, "mend-biometric")

    private fun keyStore(): KeyStore = KeyStore.getInstance(PROVIDER).apply { load(null) }

    override fun available(): Boolean {
        if (!context.getSystemService(KeyguardManager::class.java).isDeviceSecure) return false
        return when {
            Build.VERSION.SDK_INT >= Build.VERSION_CODES.R ->
                context.getSystemService(BiometricManager::class.java)
                    .canAuthenticate(BiometricManager.Authenticators.BIOMETRIC_STRONG) == BiometricManager.BIOMETRIC_SUCCESS
            Build.VERSION.SDK_INT >= Build.VERSION_CODES.Q ->
                @Suppress("DEPRECATION")
                (context.getSystemService(BiometricManager::class.java).canAuthenticate() == BiometricManager.BIOMETRIC_SUCCESS)
            else -> context.packageManager.hasSystemFeature(PackageManager.FEATURE_FINGERPRINT)
        }
    }

    /** A new key, replacing any earlier one. */
    private fun newKey(): SecretKey {
        keyStore().deleteEntry(ALIAS)
        val spec = KeyGenParameterSpec.Builder(ALIAS, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
            .setKeySize(256)
            .setUserAuthenticationRequired(true)
            .setInvalidatedByBiometricEnrollment(true)
            .apply {
                // A check for every use, by a strong biometric only (not the screen lock).
                if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
                    setUserAuthenticationParameters(0, KeyProperties.AUTH_BIOMETRIC_STRONG)
                }
            }
            .build()
        return KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, PROVIDER).run {
            init(spec)
            generateKey()
        }
    }

    override suspend fun keep(secret: ByteArray): Boolean {
        val cipher = try {
            Cipher.getInstance(TRANSFORMATION).apply { init(Cipher.ENCRYPT_MODE, newKey()) }
        } catch (e: GeneralSecurityException) {
            return false
        }
        val checked = check(cipher) ?: return false
        return try {
            write(checked.iv + checked.doFinal(secret))
            true
        } catch (e: GeneralSecurityException) {
            false
        } catch (e: IOException) {
            false
        }
    }

    override suspend fun open(): BiometricOpening {
        val sealed = sealedFile.takeIf { it.isFile && it.length() in (IV_BYTES + 1)..MAX_SEALED_BYTES }?.readBytes()
            ?: return BiometricOpening.Gone
        val cipher = try {
            val key = keyStore().getKey(ALIAS, null) as? SecretKey ?: return BiometricOpening.Gone
            Cipher.getInstance(TRANSFORMATION).apply {
                init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES))
            }
        } catch (e: KeyPermanentlyInvalidatedException) {
            return BiometricOpening.Gone // biometrics were added or removed
        } catch (e: UnrecoverableKeyException) {
            return BiometricOpening.Gone
        } catch (e: GeneralSecurityException) {
            return BiometricOpening.Cancelled // the key store is busy: the passcode for now
        }
        val checked = check(cipher) ?: return BiometricOpening.Cancelled
        return try {
            BiometricOpening.Opened(checked.doFinal(sealed, IV_BYTES, sealed.size - IV_BYTES))
        } catch (e: GeneralSecurityException) {
            BiometricOpening.Gone
        }
    }

    override fun forget() {
        sealedFile.delete()
        runCatching { keyStore().deleteEntry(ALIAS) }
    }

    private fun write(sealed: ByteArray) {
        val staged = File(sealedFile.path + ".new")
        FileOutputStream(staged).use { out ->
            out.write(sealed)
            out.fd.sync()
        }
        if (!staged.renameTo(sealedFile)) {
            staged.delete()
            throw IOException("could not store the sealed secret")
        }
    }

    /** Shows the system's prompt for [cipher]; the cipher unlocked by a passed check, or null. */
    private suspend fun check(cipher: Cipher): Cipher? = withContext(Dispatchers.Main) {
        val host = activity() ?: return@withContext null
        suspendCancellableCoroutine { done ->
            val executor = host.mainExecutor
            val cancel = CancellationSignal()
            done.invokeOnCancellation { cancel.cancel() }
            val prompt = BiometricPrompt.Builder(host)
                .setTitle(words.title)
                .setNegativeButton(words.usePasscode, executor) { _, _ -> if (done.isActive) done.resume(null) }
                .apply {
                    if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
                        setAllowedAuthenticators(BiometricManager.Authenticators.BIOMETRIC_STRONG)
                    }
                }
                .build()
            val callback = object : BiometricPrompt.AuthenticationCallback() {
                override fun onAuthenticationSucceeded(result: BiometricPrompt.AuthenticationResult) {
                    if (done.isActive) done.resume(result.cryptoObject?.cipher)
                }

                override fun onAuthenticationError(errorCode: Int, errString: CharSequence) {
                    // Cancelled, too many tries, no biometrics: the passcode is there.
                    if (done.isActive) done.resume(null)
                }
                // A finger that does not match leaves the prompt up for another try.
            }
            prompt.authenticate(BiometricPrompt.CryptoObject(cipher), cancel, executor, callback)
        }
    }
}
