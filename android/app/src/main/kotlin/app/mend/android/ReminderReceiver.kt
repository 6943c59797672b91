// The broadcasts reminders depend on: the alarm itself (show the notification, arm the next),
// and the moments alarms are lost or wrong — a restart, a time-zone or clock change, an app
// update — after which the next one is armed again from the core's schedule.
package app.mend.android

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch

/** Shows reminders and keeps the next one armed. */
class ReminderReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val app = context.applicationContext
        val host = app as? ReminderHost ?: return
        val pending = goAsync()
        CoroutineScope(Dispatchers.Default).launch {
            try {
                handle(app, host, intent)
            } finally {
                pending.finish()
            }
        }
    }

    companion object {
        /** What one broadcast does: show a due reminder, follow a zone change, arm the next. */
        suspend fun handle(context: Context, host: ReminderHost, intent: Intent) {
            when (intent.action) {
                ReminderAlarms.ACTION_FIRE ->
                    intent.getStringExtra(ReminderAlarms.EXTRA_TEXT)?.let { ReminderNotifications.show(context, it) }
                Intent.ACTION_TIMEZONE_CHANGED -> host.timeZoneChanged()
            }
            ReminderAlarms.rearm(context, host)
        }
    }
}
