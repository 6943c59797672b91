// The app process: it owns the one session over the vault, which lives in the no-backup
// directory with its keys in Android Keystore, and tells the session when the whole app goes
// to the background and comes back (so the vault locks after the chosen delay).
package app.mend.android

import android.app.Application
import androidx.lifecycle.DefaultLifecycleObserver
import androidx.lifecycle.LifecycleOwner
import androidx.lifecycle.ProcessLifecycleOwner
import androidx.lifecycle.lifecycleScope
import app.mend.kit.MendSession
import app.mend.kit.android.KeystoreDeviceKeyStore
import java.io.File
import kotlinx.coroutines.launch

/** Mend's application object: the session, started once per process. */
class MendApplication : Application() {
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
    }
}
