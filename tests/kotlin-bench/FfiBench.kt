// The cost of crossing the FFI from Kotlin on the JVM: the same calls as bindings/benches/ffi.rs
// on a vault of 10,000 notes. Prints the median time per call of each, in nanoseconds.
package app.mend.bench

import app.mend.core.KdfParams
import app.mend.core.NoteDraft
import app.mend.core.NoteQuery
import app.mend.core.Role
import app.mend.ffi.createVault
import app.mend.ffi.fileDeviceKeyStore
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
    val store = fileDeviceKeyStore(dir.resolve("device.key").path)
    val kdf = KdfParams(memoryKib = 8u, iterations = 1u, parallelism = 1u)
    val vault = createVault(dir.resolve("vault.db").path, "bench-passcode".toByteArray(), Role.REPAIRING, kdf, store).vault
    val body = "We talked about the week and listened. ".repeat(25)
    for (i in 0 until 10_000) {
        vault.addNote(NoteDraft("Note $i: an evening walk", body, 1 + i % 6, listOf("tag${i % 7}")))
    }
    val all = NoteQuery()
    val step = NoteQuery(step = 3)
    var sink = 0L
    // Warm up the JIT on both calls before measuring.
    repeat(20_000) { if (vault.isUnlocked()) sink++ }
    repeat(2_000) { sink += vault.notes(all, 0, 50).notes.size + vault.notes(step, 0, 50).notes.size }
    val cheap = measure(51, 20_000) { if (vault.isUnlocked()) sink++ }
    val list = measure(51, 200) { sink += vault.notes(all, 0, 50).notes.size }
    val filtered = measure(51, 200) { sink += vault.notes(step, 0, 50).notes.size }
    println("kotlin is_unlocked ${"%.1f".format(cheap)} ns")
    println("kotlin list_50 ${"%.1f".format(list)} ns")
    println("kotlin list_50_filtered ${"%.1f".format(filtered)} ns")
    if (sink == 42L) println()
    vault.close()
    dir.deleteRecursively()
}
