// The desktop app: one window hosting the shared screens over the host-built library. The
// device key is a file beside the vault, as for the terminal client (and as weak: whoever
// copies the folder can try passcodes offline). The window locks the vault when it has been
// minimised for longer than the chosen delay, and in discreet mode its title is a plain name.
package app.mend.desktop

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.runtime.snapshotFlow
import androidx.compose.ui.input.key.Key
import androidx.compose.ui.input.key.KeyEventType
import androidx.compose.ui.input.key.key
import androidx.compose.ui.input.key.type
import androidx.compose.ui.unit.DpSize
import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.Window
import androidx.compose.ui.window.application
import androidx.compose.ui.window.rememberWindowState
import app.mend.core.DataChange
import app.mend.ffi.MendException
import app.mend.ffi.fileDeviceKeyStore
import app.mend.kit.MendSession
import app.mend.kit.SessionState
import app.mend.ui.BackNavigation
import app.mend.ui.HelpActions
import app.mend.ui.LocalBackNavigation
import app.mend.ui.LocalHelpActions
import app.mend.ui.MendApp
import app.mend.ui.MendStrings
import app.mend.ui.MendTheme
import java.io.File
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.flow.merge
import kotlinx.coroutines.runBlocking

/** Where the desktop vault lives: `--vault DIR`, or the user's data directory. */
fun vaultDir(args: Array<String>): File {
    val given = args.indexOf("--vault").takeIf { it >= 0 }?.let { args.getOrNull(it + 1) }
    if (given != null) return File(given)
    val data = System.getenv("XDG_DATA_HOME")?.takeIf { it.isNotEmpty() }
        ?: File(System.getProperty("user.home"), ".local/share").path
    return File(data, "mend-desktop")
}

/** Creates [dir] readable only by its owner. */
private fun privateDir(dir: File) {
    if (!dir.isDirectory) Files.createDirectories(dir.toPath())
    runCatching { Files.setPosixFilePermissions(dir.toPath(), PosixFilePermissions.fromString("rwx------")) }
}

/** Whether the window should carry a plain title; false once there is no vault. */
private suspend fun discreetMode(session: MendSession): Boolean = try {
    session.state.value != SessionState.Erased && session.discreetMode()
} catch (e: MendException) {
    false
}

fun main(args: Array<String>) {
    val dir = vaultDir(args)
    privateDir(dir)
    val session = MendSession(File(dir, "vault.db").path, fileDeviceKeyStore(dir.path))
    runBlocking { session.start() }
    application {
        val windowState = rememberWindowState(size = DpSize(420.dp, 760.dp))
        var discreet by remember { mutableStateOf(runBlocking { discreetMode(session) }) }
        LaunchedEffect(Unit) {
            merge(session.state, session.changes.filter { it == DataChange.Settings }).collect {
                discreet = discreetMode(session)
            }
        }
        LaunchedEffect(Unit) {
            snapshotFlow { windowState.isMinimized }.collect { minimised ->
                if (minimised) session.movedToBackground() else session.movedToForeground()
            }
        }
        // Escape goes back, where the screen's own back button goes.
        val back = remember { BackNavigation() }
        Window(
            onCloseRequest = {
                runBlocking { session.close() }
                exitApplication()
            },
            state = windowState,
            title = MendStrings().let { if (discreet) it.discreetName else it.appName },
            onKeyEvent = { it.type == KeyEventType.KeyUp && it.key == Key.Escape && back.back() },
        ) {
            // No telephone here: help lines' numbers are copied. The quick exit locks, then
            // minimises the window.
            val helpActions = remember { object : HelpActions { override fun leave() { windowState.isMinimized = true } } }
            CompositionLocalProvider(LocalBackNavigation provides back, LocalHelpActions provides helpActions) {
                MendTheme(dark = isSystemInDarkTheme()) { MendApp(session, keyIsAFile = true, sharedFiles = DesktopFiles(dir)) }
            }
        }
    }
}
