// Passcodes cross into the core as bytes and are overwritten as soon as the call returns.
package app.mend.kit

/** Runs [block], then overwrites every secret it was given, whatever happened. */
inline fun <T> wiping(vararg secrets: ByteArray, block: () -> T): T =
    try {
        block()
    } finally {
        secrets.forEach { it.fill(0) }
    }
