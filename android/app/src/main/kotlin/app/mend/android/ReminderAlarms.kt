// Arming reminders with AlarmManager: one alarm at a time, for the next notification the core
// gives. It is armed again after each firing, after every change to the reminders, when the
// vault locks, unlocks or is erased, and after a restart, a time-zone or clock change or an app
// update (ReminderReceiver). The core answers while the vault is locked, so no passcode is
// needed for that. Alarms are inexact within a ten-minute window: no exact-alarm permission,
// and a reminder a few minutes late does no harm.
package app.mend.android

import android.app.AlarmManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import app.mend.ffi.MendException

/** Keeps the next reminder armed. */
object ReminderAlarms {
    /** The action of the alarm's broadcast. */
    const val ACTION_FIRE = "app.mend.android.action.REMINDER"

    /** The extra carrying the notification's neutral text. */
    const val EXTRA_TEXT = "app.mend.android.extra.TEXT"

    /** How late a reminder may come, so that the system can batch it with other work. */
    const val WINDOW_MS = 10 * 60 * 1000L

    private fun intent(context: Context, text: String?): PendingIntent {
        val fire = Intent(context, ReminderReceiver::class.java).setAction(ACTION_FIRE)
        if (text != null) fire.putExtra(EXTRA_TEXT, text)
        return PendingIntent.getBroadcast(context, 0, fire, PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT)
    }

    /**
     * Arms the next reminder [host] gives, or cancels the alarm when there is none. When the
     * core cannot answer (the key store is unavailable), the alarm already armed stays.
     */
    suspend fun rearm(context: Context, host: ReminderHost) {
        val next = try {
            host.upcomingReminders(1).firstOrNull()
        } catch (e: MendException) {
            return
        }
        val alarms = context.getSystemService(AlarmManager::class.java)
        if (next == null) {
            alarms.cancel(intent(context, null))
        } else {
            alarms.setWindow(AlarmManager.RTC_WAKEUP, next.at.toEpochMilli(), WINDOW_MS, intent(context, next.text))
        }
    }
}
