// Biometric unlock's Android keeper on the framework's real classes (Robolectric): offered
// only with a secure lock screen and strong biometrics; with nothing kept, or a key store that
// cannot be reached, it never pretends: "gone", "not now" or "not kept", and never a crash. (The
// prompt itself needs a phone; the session's decisions around it are tested on the JVM.)
package app.mend.android

import android.app.KeyguardManager
import android.hardware.biometrics.BiometricManager
import app.mend.kit.BiometricOpening
import app.mend.kit.android.BiometricPromptWords
import app.mend.kit.android.KeystoreBiometricKeeper
import java.io.File
import kotlinx.coroutines.runBlocking
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.shadow.api.Shadow
import org.robolectric.shadows.ShadowBiometricManager
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue

@RunWith(RobolectricTestRunner::class)
@Config(sdk = [34])
class BiometricKeeperTest {
    private val context = RuntimeEnvironment.getApplication()
    private val keeper = KeystoreBiometricKeeper(context, BiometricPromptWords("Unlock", "Use passcode")) { null }

    private fun phone(secure: Boolean, biometrics: Boolean) {
        shadowOf(context.getSystemService(KeyguardManager::class.java)).setIsDeviceSecure(secure)
        Shadow.extract<ShadowBiometricManager>(context.getSystemService(BiometricManager::class.java)).setCanAuthenticate(biometrics)
    }

    @Test
    fun offeredOnlyWithASecureLockScreenAndBiometrics() {
        phone(secure = false, biometrics = true)
        assertFalse(keeper.available())
        phone(secure = true, biometrics = false)
        assertFalse(keeper.available())
        phone(secure = true, biometrics = true)
        assertTrue(keeper.available())
    }

    @Test
    fun nothingKeptIsGoneAndForgettingRemovesTheSealedSecret() = runBlocking {
        assertEquals(BiometricOpening.Gone, keeper.open())
        val sealed = File(context.noBackupFilesDir, "mend-biometric")
        sealed.parentFile.mkdirs()
        sealed.writeBytes(ByteArray(60) { 1 })
        // A key store that cannot be reached (none here): the passcode for now, not switched off.
        assertEquals(BiometricOpening.Cancelled, keeper.open())
        keeper.forget()
        assertFalse(sealed.exists())
    }

    @Test
    fun aKeyStoreThatCannotMakeTheKeyKeepsNothing() = runBlocking {
        // Robolectric has no Android Keystore: making the key fails, and keep says so.
        assertFalse(keeper.keep(ByteArray(32) { 3 }))
        assertFalse(File(context.noBackupFilesDir, "mend-biometric").exists())
    }
}
