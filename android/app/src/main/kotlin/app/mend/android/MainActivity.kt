// The one activity: the shared screens, in a window that can be neither captured nor shown in
// the app switcher (FLAG_SECURE blanks its preview; Android 13+ also skips the recents
// screenshot), light or dark as the phone is. On Android 13+ it asks to show notifications
// when the person adds or switches on a reminder, not before. Backups go through the system's
// document picker.
package app.mend.android

import android.net.Uri
import android.content.Intent
import android.Manifest
import android.content.pm.PackageManager
import android.os.Build
import android.os.Bundle
import android.view.WindowManager
import androidx.activity.ComponentActivity
import androidx.activity.OnBackPressedCallback
import androidx.activity.compose.setContent
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.snapshotFlow
import androidx.lifecycle.lifecycleScope
import app.mend.core.DataChange
import app.mend.core.ToolKind
import app.mend.ui.BackNavigation
import app.mend.ui.HelpActions
import app.mend.ui.LocalBackNavigation
import app.mend.ui.LocalHelpActions
import app.mend.ui.MendApp
import app.mend.ui.MendTheme
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.launch

/** Hosts Mend's screens. */
class MainActivity : ComponentActivity() {
    private val askToNotify = registerForActivityResult(ActivityResultContracts.RequestPermission()) {}

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        window.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) setRecentsScreenshotEnabled(false)
        val session = (application as MendApplication).session
        val sharedFiles = DocumentFiles(this)
        // Back (the button or the gesture) goes where the screen's own back button goes; where
        // no screen offers a way back (the lock screen, today's tab) it leaves the app as usual.
        val back = BackNavigation()
        val backCallback = object : OnBackPressedCallback(false) {
            override fun handleOnBackPressed() {
                back.back()
            }
        }
        onBackPressedDispatcher.addCallback(this, backCallback)
        lifecycleScope.launch { snapshotFlow { back.canGoBack }.collect { backCallback.isEnabled = it } }
        // Help lines open the dialler or a new text (nothing is sent without the person); the
        // quick exit leaves for the home screen and takes the task out of recents.
        val helpActions = object : HelpActions {
            override val canDial: Boolean = packageManager.hasSystemFeature(PackageManager.FEATURE_TELEPHONY)

            override fun call(number: String) {
                runCatching { startActivity(Intent(Intent.ACTION_DIAL, Uri.fromParts("tel", number, null))) }
            }

            override fun text(number: String, body: String) {
                val intent = Intent(Intent.ACTION_SENDTO, Uri.fromParts("smsto", number, null))
                if (body.isNotEmpty()) intent.putExtra("sms_body", body)
                runCatching { startActivity(intent) }
            }

            override fun leave() = finishAndRemoveTask()
        }
        setContent {
            CompositionLocalProvider(LocalBackNavigation provides back, LocalHelpActions provides helpActions) {
                MendTheme(dark = isSystemInDarkTheme()) { MendApp(session, sharedFiles = sharedFiles) }
            }
        }
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
            lifecycleScope.launch {
                session.changes.filter { it == DataChange.Tool(ToolKind.REMINDERS) }.collect {
                    val granted = checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED
                    if (!granted && session.upcomingReminders(1).isNotEmpty()) askToNotify.launch(Manifest.permission.POST_NOTIFICATIONS)
                }
            }
        }
    }
}
