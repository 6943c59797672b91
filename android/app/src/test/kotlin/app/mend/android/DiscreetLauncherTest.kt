// Discreet mode's launcher switch on the real PackageManager (Robolectric): exactly one of
// the two entries is enabled, whichever way it is switched and however often.
package app.mend.android

import android.content.ComponentName
import android.content.pm.PackageManager
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.annotation.Config
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue

@RunWith(RobolectricTestRunner::class)
@Config(sdk = [34])
class DiscreetLauncherTest {
    private val context = RuntimeEnvironment.getApplication()

    private fun state(alias: String) =
        context.packageManager.getComponentEnabledSetting(ComponentName(context.packageName, alias))

    @Test
    fun exactlyOneLauncherEntryShows() {
        DiscreetLauncher.apply(context, true)
        assertEquals(PackageManager.COMPONENT_ENABLED_STATE_ENABLED, state(DiscreetLauncher.PLAIN))
        assertEquals(PackageManager.COMPONENT_ENABLED_STATE_DISABLED, state(DiscreetLauncher.OWN))
        assertTrue(DiscreetLauncher.isDiscreet(context))
        DiscreetLauncher.apply(context, true)
        assertTrue(DiscreetLauncher.isDiscreet(context))
        DiscreetLauncher.apply(context, false)
        assertEquals(PackageManager.COMPONENT_ENABLED_STATE_ENABLED, state(DiscreetLauncher.OWN))
        assertEquals(PackageManager.COMPONENT_ENABLED_STATE_DISABLED, state(DiscreetLauncher.PLAIN))
        assertFalse(DiscreetLauncher.isDiscreet(context))
    }
}
