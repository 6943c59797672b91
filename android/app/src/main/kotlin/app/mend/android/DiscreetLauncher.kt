// Discreet mode on Android: the launcher entry is one of two activity-aliases of the one
// activity — Mend's own, or a plain one ("Notes", a plain icon) — and exactly one is enabled.
// Switching keeps the app running (DONT_KILL_APP); some launchers take a moment to redraw.
package app.mend.android

import android.content.ComponentName
import android.content.Context
import android.content.pm.PackageManager

/** Switches the launcher entry between Mend's own and the plain one. */
object DiscreetLauncher {
    /** The alias showing Mend's name and icon. */
    const val OWN = "app.mend.android.Launcher"

    /** The alias showing a plain name and icon. */
    const val PLAIN = "app.mend.android.DiscreetLauncher"

    private fun set(context: Context, alias: String, enabled: Boolean) {
        val state = if (enabled) PackageManager.COMPONENT_ENABLED_STATE_ENABLED else PackageManager.COMPONENT_ENABLED_STATE_DISABLED
        val component = ComponentName(context.packageName, alias)
        if (context.packageManager.getComponentEnabledSetting(component) != state) {
            context.packageManager.setComponentEnabledSetting(component, state, PackageManager.DONT_KILL_APP)
        }
    }

    /** Shows the plain entry when [discreet], Mend's own otherwise (enabling first, so one always shows). */
    fun apply(context: Context, discreet: Boolean) {
        set(context, if (discreet) PLAIN else OWN, true)
        set(context, if (discreet) OWN else PLAIN, false)
    }

    /** Whether the plain entry is the one showing. */
    fun isDiscreet(context: Context): Boolean =
        context.packageManager.getComponentEnabledSetting(ComponentName(context.packageName, PLAIN)) ==
            PackageManager.COMPONENT_ENABLED_STATE_ENABLED
}
