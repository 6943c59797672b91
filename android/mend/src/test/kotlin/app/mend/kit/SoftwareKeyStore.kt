// Key stores for tests on a plain JVM: one with in-memory keys (the same shape as the Keystore
// one: AES-256-GCM to wrap, HMAC-SHA256 as the keyed function, records kept beside each key),
// and one that always fails.
package app.mend.kit

import app.mend.core.DeviceKeyException
import app.mend.core.DeviceKeyStore
import java.security.SecureRandom
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.atomic.AtomicInteger
import javax.crypto.AEADBadTagException
import javax.crypto.Cipher
import javax.crypto.Mac
import javax.crypto.spec.GCMParameterSpec
import javax.crypto.spec.SecretKeySpec

/** A device key store whose keys live in memory, one pair per alias. */
class SoftwareKeyStore : DeviceKeyStore {
    private class Keys(val wrap: ByteArray, val mac: ByteArray)

    private val keys = ConcurrentHashMap<String, Keys>()
    private val records = ConcurrentHashMap<Pair<String, String>, ByteArray>()

    /** How many keyed-function operations ([derive]) it has done. */
    val derivations = AtomicInteger()

    private fun random(n: Int) = ByteArray(n).also { SecureRandom().nextBytes(it) }

    private fun existing(alias: String): Keys = keys[alias] ?: throw DeviceKeyException.KeyMissing()

    private fun cipher(key: ByteArray, mode: Int, iv: ByteArray): Cipher =
        Cipher.getInstance("AES/GCM/NoPadding").apply {
            init(mode, SecretKeySpec(key, "AES"), GCMParameterSpec(128, iv))
        }

    override fun wrap(alias: String, plain: ByteArray): ByteArray {
        val key = keys.computeIfAbsent(alias) { Keys(random(32), random(32)) }
        val iv = random(12)
        return iv + cipher(key.wrap, Cipher.ENCRYPT_MODE, iv).doFinal(plain)
    }

    override fun unwrap(alias: String, wrapped: ByteArray): ByteArray {
        val key = existing(alias)
        if (wrapped.size <= 12) throw DeviceKeyException.Rejected()
        return try {
            cipher(key.wrap, Cipher.DECRYPT_MODE, wrapped.copyOfRange(0, 12)).doFinal(wrapped, 12, wrapped.size - 12)
        } catch (e: AEADBadTagException) {
            throw DeviceKeyException.Rejected()
        }
    }

    override fun derive(alias: String, input: ByteArray): ByteArray {
        val key = existing(alias)
        derivations.incrementAndGet()
        return Mac.getInstance("HmacSHA256").run {
            init(SecretKeySpec(key.mac, "HmacSHA256"))
            doFinal(input)
        }
    }

    override fun destroyKey(alias: String) {
        keys.remove(alias)?.let { it.wrap.fill(0); it.mac.fill(0) }
        records.keys.removeIf { it.first == alias }
    }

    override fun loadRecord(alias: String, name: String): ByteArray? = records[alias to name]

    override fun storeRecord(alias: String, name: String, value: ByteArray) {
        records[alias to name] = value.copyOf()
    }
}

/** A key store that fails every call: with a declared error, or with an unexpected one. */
class FailingKeyStore(private val declared: Boolean) : DeviceKeyStore {
    private fun fail(): Nothing =
        if (declared) throw DeviceKeyException.Unavailable() else throw IllegalStateException("keystore exploded")

    override fun wrap(alias: String, plain: ByteArray): ByteArray = fail()
    override fun unwrap(alias: String, wrapped: ByteArray): ByteArray = fail()
    override fun derive(alias: String, input: ByteArray): ByteArray = fail()
    override fun destroyKey(alias: String): Unit = fail()
    override fun loadRecord(alias: String, name: String): ByteArray? = fail()
    override fun storeRecord(alias: String, name: String, value: ByteArray): Unit = fail()
}
