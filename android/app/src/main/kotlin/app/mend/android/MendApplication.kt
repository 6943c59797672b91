// The app process: it owns the one session over the vault, which lives in the no-backup
// directory with its keys in Android Keystore, tells the session when the whole app goes to
// the background and comes back (so the vault locks after the chosen delay), keeps the next
// reminder armed whenever the reminders or the vault's state change, shows the launcher
// entry discreet mode asks for (Mend's own again once the vault is erased), and gives
// biometric unlock the activity its prompt shows over.
package app.mend.android

import android.app.Activity
import android.app.Application
import android.app.KeyguardManager
import android.os.Bundle
import androidx.lifecycle.DefaultLifecycleObserver
import androidx.lifecycle.LifecycleOwner
import androidx.lifecycle.ProcessLifecycleOwner
import androidx.lifecycle.lifecycleScope
import app.mend.core.DataChange
import app.mend.core.ReminderFiring
import app.mend.core.ToolKind
import app.mend.ffi.MendException
import app.mend.ffi.installContent
import app.mend.kit.MendSession
import app.mend.kit.SessionState
import app.mend.kit.android.BiometricPromptWords
import app.mend.kit.android.KeystoreBiometricKeeper
import app.mend.kit.android.KeystoreDeviceKeyStore
import app.mend.ui.MendStrings
import java.io.File
import java.lang.ref.WeakReference
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.launch

/** Mend's application object: the session, started once per process. */
class MendApplication : Application(), ReminderHost {
    /** The app's one session over its vault. */
    lateinit var session: MendSession
        private set

    /** The activity in front, for the biometric prompt; none while the app is in the background. */
    private var inFront: WeakReference<Activity>? = null

    override fun onCreate() {
        super.onCreate()
        registerActivityLifecycleCallbacks(object : ActivityLifecycleCallbacks {
            override fun onActivityResumed(activity: Activity) {
                inFront = WeakReference(activity)
            }

            override fun onActivityPaused(activity: Activity) {
                if (inFront?.get() === activity) inFront = null
            }

            override fun onActivityCreated(activity: Activity, savedInstanceState: Bundle?) = Unit
            override fun onActivityStarted(activity: Activity) = Unit
            override fun onActivityStopped(activity: Activity) = Unit
            override fun onActivitySaveInstanceState(activity: Activity, outState: Bundle) = Unit
            override fun onActivityDestroyed(activity: Activity) = Unit
        })
        // The phone library is built without the program content: the app carries it as
        // assets (content/<code>.mendcontent) and installs it before anything reads a word.
        installContentAssets()
        val strings = MendStrings()
        val biometrics = KeystoreBiometricKeeper(
            this,
            BiometricPromptWords(strings.biometricPromptTitle, strings.biometricPromptUsePasscode),
        ) { inFront?.get() }
        val keyguard = getSystemService(KeyguardManager::class.java)
        session = MendSession(
            File(noBackupFilesDir, "vault.db").path,
            KeystoreDeviceKeyStore.forContext(this),
            biometrics,
            hasScreenLock = { keyguard.isDeviceSecure },
        )
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
                if (state != SessionState.Starting) {
                    ReminderAlarms.rearm(this@MendApplication, this@MendApplication)
                    showLauncherEntry()
                }
            }
        }
        process.lifecycleScope.launch {
            // A passcode change moves the schedule to the vault's new key: armed again too.
            session.changes
                .filter { it == DataChange.Tool(ToolKind.REMINDERS) || it == DataChange.Settings }
                .collect {
                    ReminderAlarms.rearm(this@MendApplication, this@MendApplication)
                    if (it == DataChange.Settings) showLauncherEntry()
                }
        }
    }

    /**
     * Enables the launcher entry discreet mode asks for: Mend's own when there is no vault
     * (never made, or erased); unchanged if the core cannot say.
     */
    private suspend fun showLauncherEntry() {
        val gone = session.state.value == SessionState.NoVault || session.state.value == SessionState.Erased
        val discreet = try {
            !gone && session.discreetMode()
        } catch (e: MendException) {
            return
        }
        DiscreetLauncher.apply(this, discreet)
    }

    override suspend fun upcomingReminders(limit: Int): List<ReminderFiring> = session.upcomingReminders(limit)

    override suspend fun timeZoneChanged() = session.timeZoneChanged()

    /** Installs every language's program content from the assets, English first. */
    private fun installContentAssets() {
        val files = assets.list("content").orEmpty().filter { it.endsWith(".mendcontent") }.sortedBy { it != "en.mendcontent" }
        for (name in files) {
            assets.open("content/$name").use { installContent(it.readBytes()) }
        }
    }
}
