// State for the program pages (the six steps), the progress page, the tools' logs and the
// reminders page. Each is a small StateFlow holder; the app wraps them in ViewModels.
package app.mend.kit

import app.mend.core.Progress
import app.mend.core.ReminderFiring
import app.mend.core.StepInfo
import app.mend.core.TimeZoneRules
import app.mend.core.ToolEntry
import app.mend.core.ToolKind
import app.mend.core.ToolRecord
import app.mend.core.programSteps
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.withContext

/** What the program pages show: the steps, and the one opened. */
data class ProgramState(val steps: List<StepInfo> = emptyList(), val open: StepInfo? = null, val problem: Problem? = null)

/** Drives the program pages. */
class ProgramModel(private val io: CoroutineDispatcher = Dispatchers.IO) {
    private val mutable = MutableStateFlow(ProgramState())

    /** The current state. */
    val state: StateFlow<ProgramState> = mutable.asStateFlow()

    /** Loads the six steps. */
    suspend fun refresh() {
        attempt { withContext(io) { programSteps() } }
            .onSuccess { steps -> mutable.update { it.copy(steps = steps) } }
            .onFailure { e -> mutable.update { it.copy(problem = problemOf(e)) } }
    }

    /** Opens step [number] (1–6), or closes it with null. */
    fun open(number: Int?) {
        mutable.update { s -> s.copy(open = number?.let { n -> s.steps.firstOrNull { it.number.toInt() == n } }) }
    }
}

/** What the progress page shows. */
data class ProgressState(val progress: Progress? = null, val problem: Problem? = null)

/** Drives the progress page. */
class ProgressModel(private val client: MendClient, private val zone: TimeZoneRules = PlatformZone()) {
    private val mutable = MutableStateFlow(ProgressState())

    /** The current state. */
    val state: StateFlow<ProgressState> = mutable.asStateFlow()

    /** Loads progress as of today. */
    suspend fun refresh() {
        attempt { client.progress(zone) }
            .onSuccess { p -> mutable.value = ProgressState(progress = p) }
            .onFailure { e -> mutable.update { it.copy(problem = problemOf(e)) } }
    }
}

/** What a tool's page shows. */
data class ToolState(val entries: List<ToolRecord> = emptyList(), val busy: Boolean = false, val problem: Problem? = null)

/** Drives the page of one tool: its entries, newest first, and adding, editing, deleting. */
class ToolModel(private val client: MendClient, private val tool: ToolKind) {
    private val mutable = MutableStateFlow(ToolState())

    /** The current state. */
    val state: StateFlow<ToolState> = mutable.asStateFlow()

    private suspend fun change(block: suspend () -> Unit) {
        mutable.update { it.copy(busy = true, problem = null) }
        attempt { block(); client.entries(tool) }
            .onSuccess { list -> mutable.value = ToolState(entries = list) }
            .onFailure { e -> mutable.update { it.copy(busy = false, problem = problemOf(e)) } }
    }

    /** Loads the entries. */
    suspend fun refresh() = change {}

    /** Adds an entry. */
    suspend fun add(entry: ToolEntry) = change { client.addEntry(entry) }

    /** Replaces an entry. */
    suspend fun edit(id: String, entry: ToolEntry) = change { client.editEntry(id, entry) }

    /** Deletes an entry. */
    suspend fun delete(id: String) = change { client.deleteEntry(id) }
}

/** What the reminders page shows, and the next notifications for the app to schedule. */
data class RemindersState(
    val reminders: List<ToolRecord> = emptyList(),
    val upcoming: List<ReminderFiring> = emptyList(),
    val problem: Problem? = null,
)

/** Drives the reminders page; after every change the app reschedules [RemindersState.upcoming]. */
class RemindersModel(private val client: MendClient, private val zone: TimeZoneRules = PlatformZone()) {
    private val mutable = MutableStateFlow(RemindersState())

    /** The current state. */
    val state: StateFlow<RemindersState> = mutable.asStateFlow()

    private suspend fun change(block: suspend () -> Unit) {
        attempt {
            block()
            val reminders = client.entries(ToolKind.REMINDERS)
            RemindersState(reminders, if (reminders.isEmpty()) emptyList() else client.upcomingReminders(20, zone))
        }
            .onSuccess { mutable.value = it }
            .onFailure { e -> mutable.update { it.copy(problem = problemOf(e)) } }
    }

    /** Loads the reminders and their next firings. */
    suspend fun refresh() = change {}

    /** Adds a reminder. */
    suspend fun add(reminder: ToolEntry.Reminder) = change { client.addEntry(reminder) }

    /** Deletes a reminder. */
    suspend fun delete(id: String) = change { client.deleteEntry(id) }
}
