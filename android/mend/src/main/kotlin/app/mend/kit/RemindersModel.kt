// The reminders page: add, edit, switch on or off, delete; and the next notifications for the
// app to schedule (neutral texts from the core), refreshed after every change.
package app.mend.kit

import app.mend.core.DataChange
import app.mend.core.RecordId
import app.mend.core.Reminder
import app.mend.core.ReminderFiring
import app.mend.core.ToolEntry
import app.mend.core.ToolKind
import app.mend.core.ToolRecord
import app.mend.ffi.MendException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the reminders page shows, and what the app schedules. */
data class RemindersState(
    val reminders: List<ToolRecord> = emptyList(),
    val upcoming: List<ReminderFiring> = emptyList(),
    val busy: Boolean = false,
    val problem: MendException? = null,
)

/** Drives the reminders page; after every change the app reschedules [RemindersState.upcoming]. */
class RemindersModel(session: MendSession, scope: CoroutineScope, private val schedule: Int = 20) :
    ScreenModel<RemindersState>(session, RemindersState(), scope) {

    override fun reloadsOn(change: DataChange) = change == DataChange.Tool(ToolKind.REMINDERS)

    override suspend fun refresh() = change {}

    private suspend fun change(block: suspend () -> Unit) {
        mutable.update { it.copy(busy = true, problem = null) }
        val result = attempt {
            block()
            session.call { v -> v.entries(ToolKind.REMINDERS) to v.upcomingReminders(schedule) }
        }
        mutable.update {
            result.fold({ (list, next) -> RemindersState(list, next) }, { _ -> it.copy(busy = false, problem = result.problem) })
        }
    }

    /** Adds a reminder. */
    suspend fun add(reminder: Reminder) = change { session.call { it.addEntry(ToolEntry.Reminder(reminder)) }; Unit }

    /** Replaces a reminder. */
    suspend fun edit(id: RecordId, reminder: Reminder) = change { session.call { it.editEntry(id, ToolEntry.Reminder(reminder)) }; Unit }

    /** Switches a reminder on or off. */
    suspend fun setEnabled(record: ToolRecord, enabled: Boolean) {
        val reminder = (record.entry as? ToolEntry.Reminder)?.v1 ?: return
        edit(record.id, reminder.copy(enabled = enabled))
    }

    /** Deletes a reminder. */
    suspend fun delete(id: RecordId) = change { session.call { it.deleteEntry(id) } }
}
