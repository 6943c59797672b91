// Reminder notifications. Each carries the core's neutral text and nothing else: no step, no
// note, no name, never a word the person wrote. They stay off a secure lock screen entirely
// (VISIBILITY_SECRET), use a system bell rather than the app's icon, and open the app at its
// lock screen when tapped. Erasing the vault takes any shown one away.
package app.mend.android

import android.app.Notification
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import app.mend.ui.MendStrings

/** Posts and removes Mend's reminder notifications. */
object ReminderNotifications {
    /** The one channel reminders use. */
    const val CHANNEL = "reminders"

    /** One reminder shows at a time; a new one replaces the last. */
    const val ID = 1

    private fun manager(context: Context) = context.getSystemService(NotificationManager::class.java)

    /** Creates the channel (again harmlessly), named from [strings]. */
    fun ensureChannel(context: Context, strings: MendStrings = MendStrings()) {
        val channel = NotificationChannel(CHANNEL, strings.reminderChannel, NotificationManager.IMPORTANCE_DEFAULT).apply {
            description = strings.reminderChannelAbout
            lockscreenVisibility = Notification.VISIBILITY_SECRET
            setShowBadge(false)
        }
        manager(context).createNotificationChannel(channel)
    }

    /** The notification for a reminder whose neutral text is [text]. */
    fun build(context: Context, text: String): Notification {
        val open = PendingIntent.getActivity(
            context,
            0,
            Intent(context, MainActivity::class.java).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK),
            PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
        )
        return Notification.Builder(context, CHANNEL)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(text)
            .setCategory(Notification.CATEGORY_REMINDER)
            .setVisibility(Notification.VISIBILITY_SECRET)
            .setContentIntent(open)
            .setAutoCancel(true)
            .build()
    }

    /** Shows a reminder whose neutral text is [text]. */
    fun show(context: Context, text: String) {
        ensureChannel(context)
        if (manager(context).areNotificationsEnabled()) manager(context).notify(ID, build(context, text))
    }

    /** Takes away any reminder shown (after an erase). */
    fun cancelAll(context: Context) = manager(context).cancelAll()
}
