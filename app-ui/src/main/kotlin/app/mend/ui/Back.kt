// Going back, the same on every platform: each screen says where back goes from it (where its
// own back or close button goes: a note with unsaved words asks first), and Android's back
// gesture and the desktop's Escape key take the innermost way back there is. Where no screen
// has one (the lock screen, the first tab), back is the platform's own.
package app.mend.ui

import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.rememberUpdatedState
import androidx.compose.runtime.setValue
import androidx.compose.runtime.staticCompositionLocalOf

/** The ways back the screens on show offer, the innermost last. */
class BackNavigation {
    private class Way(val layer: Int, val go: () -> Unit)

    private var ways by mutableStateOf(emptyList<Way>())

    /** Whether a screen offers a way back (else back is the platform's: leaving the app). */
    val canGoBack: Boolean get() = ways.isNotEmpty()

    /** Goes back one step, the innermost way; false when no screen offers one. */
    fun back(): Boolean {
        val top = ways.maxOfOrNull { it.layer } ?: return false
        val way = ways.last { it.layer == top }
        way.go()
        return true
    }

    internal fun offer(layer: Int, go: () -> Unit): Any = Way(layer, go).also { ways = ways + it }

    internal fun withdraw(way: Any) {
        ways = ways.filter { it !== way }
    }
}

/** The app's ways back; the Android activity and the desktop window provide theirs. */
val LocalBackNavigation = staticCompositionLocalOf { BackNavigation() }

/**
 * While this is composed and [enabled], back goes to [action]. A higher [layer] (help, over
 * every screen) comes first whatever was offered after it.
 */
@Composable
fun OnBack(enabled: Boolean = true, layer: Int = 0, action: () -> Unit) {
    val navigation = LocalBackNavigation.current
    val current by rememberUpdatedState(action)
    DisposableEffect(navigation, enabled, layer) {
        val way = if (enabled) navigation.offer(layer) { current() } else null
        onDispose { way?.let(navigation::withdraw) }
    }
}
