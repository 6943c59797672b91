// What the platform does for help: dial or text a help line where the device can, copy its
// number where it cannot (the desktop), and leave at once — the quick exit, which locks the
// vault, clears the screen and goes to the home screen, as abuse-support websites offer.
package app.mend.ui

import androidx.compose.runtime.staticCompositionLocalOf

/** The platform's side of help. */
interface HelpActions {
    /** Whether this device places calls and sends texts; otherwise numbers are copied. */
    val canDial: Boolean get() = false

    /** Opens the dialler with [number] (nothing is dialled without the person). */
    fun call(number: String) {}

    /** Opens a new text to [number], with [body] filled in when the line asks for a word. */
    fun text(number: String, body: String) {}

    /** Leaves the app for the home screen once the vault is locked, keeping nothing of what was open in the app switcher. */
    fun leave() {}
}

/** The help actions in use; by default numbers are copied and leaving is the lock alone. */
val LocalHelpActions = staticCompositionLocalOf<HelpActions> { object : HelpActions {} }
