// The one activity: the shared screens, in a window that can be neither captured nor shown in
// the app switcher (FLAG_SECURE blanks its preview; Android 13+ also skips the recents
// screenshot), light or dark as the phone is.
package app.mend.android

import android.os.Build
import android.os.Bundle
import android.view.WindowManager
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.compose.foundation.isSystemInDarkTheme
import app.mend.ui.MendApp
import app.mend.ui.MendTheme

/** Hosts Mend's screens. */
class MainActivity : ComponentActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        window.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) setRecentsScreenshotEnabled(false)
        val session = (application as MendApplication).session
        setContent { MendTheme(dark = isSystemInDarkTheme()) { MendApp(session) } }
    }
}
