// What the reminder glue needs from the app: the next notifications to arm (locked or not),
// and word that the time zone changed. MendApplication answers from its session; tests answer
// with their own.
package app.mend.android

import app.mend.core.ReminderFiring

/** The app object's side of reminders. */
interface ReminderHost {
    /** The next [limit] notifications, soonest first; none without a vault. */
    suspend fun upcomingReminders(limit: Int): List<ReminderFiring>

    /** The device's time zone changed: days and reminder times count in the new one. */
    suspend fun timeZoneChanged()
}
