// How the Keystore key store reports trouble, on the real framework classes (Robolectric) with
// a stand-in "AndroidKeyStore" provider: no key store at all is "unavailable" (try again), a key
// the store cannot give back is "missing", a wrapped secret that does not open is "rejected",
// and oversized records are refused both ways. A working provider round-trips and keeps each
// vault's records apart.
package app.mend.android

import app.mend.core.DeviceKeyException
import app.mend.kit.android.KeystoreDeviceKeyStore
import java.io.File
import java.io.InputStream
import java.io.OutputStream
import java.security.Key
import java.security.KeyStoreException
import java.security.KeyStoreSpi
import java.security.Provider
import java.security.Security
import java.security.UnrecoverableKeyException
import java.security.cert.Certificate
import java.util.Collections
import java.util.Date
import java.util.Enumeration
import javax.crypto.spec.SecretKeySpec
import org.junit.After
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config
import kotlin.io.path.createTempDirectory
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull

@RunWith(RobolectricTestRunner::class)
@Config(sdk = [34])
class KeystoreErrorsTest {
    /** A key store holding plain keys in memory, with switchable failures. */
    class FakeKeyStoreSpi : KeyStoreSpi() {
        companion object {
            val keys = mutableMapOf<String, Key>()
            var unreachable = false
            var unrecoverable = false
        }

        override fun engineLoad(stream: InputStream?, password: CharArray?) {
            if (unreachable) throw java.io.IOException("keystore daemon gone")
        }

        override fun engineGetKey(alias: String, password: CharArray?): Key? {
            if (unrecoverable) throw UnrecoverableKeyException()
            return keys[alias]
        }

        override fun engineDeleteEntry(alias: String) {
            keys.remove(alias)
        }

        override fun engineContainsAlias(alias: String) = alias in keys
        override fun engineAliases(): Enumeration<String> = Collections.enumeration(keys.keys.toList())
        override fun engineSize() = keys.size
        override fun engineIsKeyEntry(alias: String) = alias in keys
        override fun engineIsCertificateEntry(alias: String) = false
        override fun engineGetCertificateChain(alias: String): Array<Certificate>? = null
        override fun engineGetCertificate(alias: String): Certificate? = null
        override fun engineGetCreationDate(alias: String): Date? = null
        override fun engineGetCertificateAlias(cert: Certificate): String? = null
        override fun engineSetKeyEntry(alias: String, key: Key, password: CharArray?, chain: Array<out Certificate>?) {
            keys[alias] = key
        }
        override fun engineSetKeyEntry(alias: String, key: ByteArray, chain: Array<out Certificate>?) =
            throw KeyStoreException("not supported")
        override fun engineSetCertificateEntry(alias: String, cert: Certificate) = throw KeyStoreException("not supported")
        override fun engineStore(stream: OutputStream?, password: CharArray?) = Unit
    }

    private val alias = "app.mend.vault.00112233445566778899aabbccddeeff.01020304"
    private val dir: File = createTempDirectory("keystore").toFile()
    private val store = KeystoreDeviceKeyStore(dir)

    private fun provide() {
        val provider = object : Provider("AndroidKeyStore", "1.0", "stand-in for tests") {}
        provider["KeyStore.AndroidKeyStore"] = FakeKeyStoreSpi::class.java.name
        Security.insertProviderAt(provider, 1)
        FakeKeyStoreSpi.keys[alias] = SecretKeySpec(ByteArray(32) { 7 }, "AES")
        FakeKeyStoreSpi.keys["$alias.hmac"] = SecretKeySpec(ByteArray(32) { 9 }, "HmacSHA256")
    }

    @After
    fun tearDown() {
        Security.removeProvider("AndroidKeyStore")
        FakeKeyStoreSpi.keys.clear()
        FakeKeyStoreSpi.unreachable = false
        FakeKeyStoreSpi.unrecoverable = false
        dir.deleteRecursively()
    }

    @Test
    fun noKeyStoreIsUnavailableNotACrash() {
        assertFailsWith<DeviceKeyException.Unavailable> { store.unwrap(alias, ByteArray(40)) }
        assertFailsWith<DeviceKeyException.Unavailable> { store.derive(alias, ByteArray(32)) }
    }

    @Test
    fun aWorkingKeyStoreWrapsDerivesAndKeepsRecordsPerVault() {
        provide()
        val secret = ByteArray(32) { it.toByte() }
        val wrapped = store.wrap(alias, secret)
        assertContentEquals(secret, store.unwrap(alias, wrapped))
        assertContentEquals(store.derive(alias, byteArrayOf(1)), store.derive(alias, byteArrayOf(1)))
        store.storeRecord(alias, "generation", byteArrayOf(5))
        store.storeRecord("$alias-other", "generation", byteArrayOf(6))
        assertContentEquals(byteArrayOf(5), store.loadRecord(alias, "generation"))
        store.destroyKey(alias)
        assertNull(store.loadRecord(alias, "generation"))
        assertContentEquals(byteArrayOf(6), store.loadRecord("$alias-other", "generation"))
        assertFailsWith<DeviceKeyException.KeyMissing> { store.unwrap(alias, wrapped) }
    }

    @Test
    fun eachTroubleHasItsOwnAnswer() {
        provide()
        val wrapped = store.wrap(alias, ByteArray(32))
        wrapped[wrapped.size - 1] = (wrapped.last() + 1).toByte()
        assertFailsWith<DeviceKeyException.Rejected> { store.unwrap(alias, wrapped) }
        assertFailsWith<DeviceKeyException.Rejected> { store.unwrap(alias, ByteArray(12)) }
        FakeKeyStoreSpi.unrecoverable = true
        assertFailsWith<DeviceKeyException.KeyMissing> { store.unwrap(alias, wrapped) }
        FakeKeyStoreSpi.unrecoverable = false
        FakeKeyStoreSpi.unreachable = true
        assertFailsWith<DeviceKeyException.Unavailable> { store.derive(alias, ByteArray(32)) }
        FakeKeyStoreSpi.unreachable = false
        // A new vault's key cannot be made without Keystore's key generator: a failure, said.
        assertFailsWith<DeviceKeyException.Failed> { store.wrap("app.mend.vault.new.00000000", ByteArray(32)) }
    }

    @Test
    fun oversizedRecordsAreRefusedBothWays() {
        assertFailsWith<DeviceKeyException.Failed> { store.storeRecord(alias, "attempts", ByteArray(5000)) }
        dir.mkdirs()
        File(dir, "$alias.attempts").writeBytes(ByteArray(5000))
        assertFailsWith<DeviceKeyException.Rejected> { store.loadRecord(alias, "attempts") }
        assertEquals(null, store.loadRecord(alias, "generation"))
    }
}
