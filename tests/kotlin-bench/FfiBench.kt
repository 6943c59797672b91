// The cost of crossing the FFI from Kotlin on the JVM: the same calls as bindings/benches/ffi.rs
// on a vault of 10,000 notes. Prints the median time per call of each, in nanoseconds.
package app.mend.bench

import app.mend.core.FileDeviceKeyStore
import app.mend.core.KdfOptions
import app.mend.core.NoteDraft
import app.mend.core.NoteFilter
import app.mend.core.VaultRole
import app.mend.core.createVault
import java.nio.file.Files

/** Median nanoseconds per call of [block], over [batches] batches of [perBatch] calls. */
fun measure(batches: Int, perBatch: Int, block: () -> Unit): Double {
    // Let the collector and JNA's cleaner finish with the previous measurement's garbage.
    System.gc()
    Thread.sleep(500)
    val perCall = DoubleArray(batches) {
        val start = System.nanoTime()
        repeat(perBatch) { block() }
        (System.nanoTime() - start).toDouble() / perBatch
    }
    perCall.sort()
    return perCall[batches / 2]
}

fun main() {
    val dir = Files.createTempDirectory("mend-bench").toFile()
    val store = FileDeviceKeyStore(dir.resolve("device.key").path)
    val kdf = KdfOptions(memoryKib = 8u, iterations = 1u, parallelism = 1u)
    val vault = createVault(dir.resolve("vault.db").path, "bench-passcode".toByteArray(), VaultRole.REPAIRING, kdf, store).vault
    val body = "We talked about the week and listened. ".repeat(25)
    for (i in 0 until 10_000) {
        vault.addNote(NoteDraft("Note $i: an evening walk", body, (1 + i % 6).toUByte(), listOf("tag${i % 7}")))
    }
    val all = NoteFilter(step = null, tag = null)
    var sink = 0L
    // Warm up the JIT on both calls before measuring.
    repeat(20_000) { if (vault.isUnlocked()) sink++ }
    repeat(2_000) { sink += vault.newestNotes(0u, 50u).notes.size + vault.listNotes(all, 0u, 50u).notes.size }
    val cheap = measure(51, 20_000) { if (vault.isUnlocked()) sink++ }
    val list = measure(51, 200) { sink += vault.newestNotes(0u, 50u).notes.size }
    val filtered = measure(51, 200) { sink += vault.listNotes(all, 0u, 50u).notes.size }
    println("kotlin is_unlocked ${"%.1f".format(cheap)} ns")
    println("kotlin list_50 ${"%.1f".format(list)} ns")
    println("kotlin list_50_filtered ${"%.1f".format(filtered)} ns")
    if (sink == 42L) println()
    vault.close()
    dir.deleteRecursively()
}
