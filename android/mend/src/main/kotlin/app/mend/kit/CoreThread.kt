// The one thread every call into the core runs on, in the order made: screens never wait for
// the core on the main thread, and calls never overlap in surprising ways.
package app.mend.kit

import java.util.concurrent.Executors
import kotlinx.coroutines.ExecutorCoroutineDispatcher
import kotlinx.coroutines.asCoroutineDispatcher

/** A new serial dispatcher on a daemon thread named `mend-core`. Close it with the session. */
fun coreThread(): ExecutorCoroutineDispatcher =
    Executors.newSingleThreadExecutor { task -> Thread(task, "mend-core").apply { isDaemon = true } }
        .asCoroutineDispatcher()
