// The app process: it owns the one session over the vault, which lives in the no-backup
// directory with its keys in Android Keystore, tells the session when the whole app goes to
// the background and comes back (so the vault locks after the chosen delay), and keeps the
// next reminder armed whenever the reminders or the vault's state change.
package app.mend.android

import android.app.Application
import androidx.lifecycle.DefaultLifecycleObserver
import androidx.lifecycle.LifecycleOwner
import androidx.lifecycle.ProcessLifecycleOwner
import androidx.lifecycle.lifecycleScope
import app.mend.core.DataChange
import app.mend.core.ReminderFiring
import app.mend.core.ToolKind
import app.mend.kit.MendSession
import app.mend.kit.SessionState
import app.mend.kit.android.KeystoreDeviceKeyStore
import java.io.File
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.launch

/** Mend's application object: the session, started once per process. */
class MendApplication : Application(), ReminderHost {
    /** The app's one session over its vault. */
    lateinit var session: MendSession
        private set

    override fun onCreate() {
        super.onCreate()
        session = MendSession(File(noBackupFilesDir, "vault.db").path, KeystoreDeviceKeyStore.forContext(this))
        val process = ProcessLifecycleOwner.get()
        process.lifecycleScope.launch { session.start() }
        process.lifecycle.addObserver(object : DefaultLifecycleObserver {
            override fun onStop(owner: LifecycleOwner) = session.movedToBackground()

            override fun onStart(owner: LifecycleOwner) {
                owner.lifecycleScope.launch { session.movedToForeground() }
            }
        })
        process.lifecycleScope.launch {
            session.state.collect { state ->
                if (state == SessionState.Erased) ReminderNotifications.cancelAll(this@MendApplication)
                if (state != SessionState.Starting) ReminderAlarms.rearm(this@MendApplication, this@MendApplication)
            }
        }
        process.lifecycleScope.launch {
            // A passcode change moves the schedule to the vault's new key: armed again too.
            session.changes
                .filter { it == DataChange.Tool(ToolKind.REMINDERS) || it == DataChange.Settings }
                .collect { ReminderAlarms.rearm(this@MendApplication, this@MendApplication) }
        }
    }

    override suspend fun upcomingReminders(limit: Int): List<ReminderFiring> = session.upcomingReminders(limit)

    override suspend fun timeZoneChanged() = session.timeZoneChanged()
}
