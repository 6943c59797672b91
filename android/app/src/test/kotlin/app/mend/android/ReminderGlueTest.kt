// The reminder glue on the real framework classes (Robolectric): a due reminder becomes a
// notification carrying the core's neutral text and nothing else, kept off a secure lock
// screen; the next reminder is armed at its time; a restart or a zone change arms it again;
// no reminder left cancels the alarm; a core that cannot answer leaves the armed one alone;
// after an erase no notification stays.
package app.mend.android

import android.app.AlarmManager
import android.app.Application
import android.app.Notification
import android.app.NotificationManager
import android.content.Intent
import app.mend.core.CalendarDate
import app.mend.core.ReminderFiring
import app.mend.ffi.MendException
import java.time.Instant
import kotlinx.coroutines.runBlocking
import org.junit.Before
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import kotlin.test.assertEquals
import kotlin.test.assertNull
import kotlin.test.assertTrue

@RunWith(RobolectricTestRunner::class)
@Config(sdk = [34], application = ReminderGlueTest.Host::class)
class ReminderGlueTest {
    /** An app object whose core gives the firings a test sets. */
    class Host : Application(), ReminderHost {
        var firings: List<ReminderFiring> = emptyList()
        var failing = false
        var zoneChanges = 0

        override suspend fun upcomingReminders(limit: Int): List<ReminderFiring> {
            if (failing) throw MendException.Locked()
            return firings.take(limit)
        }

        override suspend fun timeZoneChanged() {
            zoneChanges++
        }
    }

    private val checkIn = "Time for your check-in"
    private val practice = "A moment for today's practice"
    private lateinit var host: Host

    private fun firing(at: Long, text: String) =
        ReminderFiring("0123456789abcdef0123456789abcdef", Instant.ofEpochMilli(at), CalendarDate(2033, 5, 18), 3, 33, text)

    private fun alarms() = shadowOf(host.getSystemService(AlarmManager::class.java))

    private fun notifications() = shadowOf(host.getSystemService(NotificationManager::class.java)).allNotifications

    private fun broadcast(action: String, text: String? = null) = runBlocking {
        val intent = Intent(action)
        if (text != null) intent.putExtra(ReminderAlarms.EXTRA_TEXT, text)
        ReminderReceiver.handle(host, host, intent)
    }

    @Before
    fun setUp() {
        host = RuntimeEnvironment.getApplication() as Host
    }

    @Test
    fun aDueReminderShowsOnlyTheNeutralTextAndArmsTheNext() {
        host.firings = listOf(firing(2_000_000_000_000, practice))
        broadcast(ReminderAlarms.ACTION_FIRE, checkIn)

        val shown = notifications().single()
        assertEquals(checkIn, shown.extras.getCharSequence(Notification.EXTRA_TITLE).toString())
        for (extra in listOf(Notification.EXTRA_TEXT, Notification.EXTRA_SUB_TEXT, Notification.EXTRA_BIG_TEXT, Notification.EXTRA_INFO_TEXT)) {
            assertNull(shown.extras.getCharSequence(extra), extra)
        }
        assertNull(shown.tickerText)
        assertEquals(Notification.VISIBILITY_SECRET, shown.visibility)
        assertNull(shown.publicVersion)
        assertEquals(ReminderNotifications.CHANNEL, shown.channelId)
        val channel = host.getSystemService(NotificationManager::class.java).getNotificationChannel(ReminderNotifications.CHANNEL)
        assertEquals(Notification.VISIBILITY_SECRET, channel.lockscreenVisibility)

        val next = alarms().scheduledAlarms.single()
        assertEquals(2_000_000_000_000, next.triggerAtMs)
        assertEquals(ReminderAlarms.WINDOW_MS, next.windowLengthMs)
        val armed = shadowOf(next.operation).savedIntent
        assertEquals(ReminderAlarms.ACTION_FIRE, armed.action)
        assertEquals(practice, armed.getStringExtra(ReminderAlarms.EXTRA_TEXT))
    }

    @Test
    fun aRestartOrAZoneChangeArmsTheNextReminderAgain() {
        host.firings = listOf(firing(2_000_000_000_000, checkIn))
        broadcast(Intent.ACTION_BOOT_COMPLETED)
        assertEquals(2_000_000_000_000, alarms().scheduledAlarms.single().triggerAtMs)
        assertTrue(notifications().isEmpty(), "a restart shows nothing by itself")

        host.firings = listOf(firing(2_000_003_600_000, checkIn))
        broadcast(Intent.ACTION_TIMEZONE_CHANGED)
        assertEquals(1, host.zoneChanges)
        assertEquals(2_000_003_600_000, alarms().scheduledAlarms.single().triggerAtMs, "one alarm, moved")
    }

    @Test
    fun noReminderLeftCancelsTheAlarmAndACoreThatCannotAnswerKeepsIt() {
        host.firings = listOf(firing(2_000_000_000_000, checkIn))
        runBlocking { ReminderAlarms.rearm(host, host) }
        host.failing = true
        runBlocking { ReminderAlarms.rearm(host, host) }
        assertEquals(1, alarms().scheduledAlarms.size)
        host.failing = false
        host.firings = emptyList()
        runBlocking { ReminderAlarms.rearm(host, host) }
        assertTrue(alarms().scheduledAlarms.isEmpty())
    }

    @Test
    fun afterAnEraseNoReminderStaysOnScreen() {
        broadcast(ReminderAlarms.ACTION_FIRE, checkIn)
        assertEquals(1, notifications().size)
        ReminderNotifications.cancelAll(host)
        assertTrue(notifications().isEmpty())
    }
}
