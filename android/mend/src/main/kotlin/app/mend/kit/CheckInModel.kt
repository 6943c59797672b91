// The daily check-in screen: how safe, trusting and connected the person feels today (0–10),
// a note, and the recent check-ins.
package app.mend.kit

import app.mend.core.ToolEntry
import app.mend.core.ToolKind
import app.mend.core.ToolRecord
import java.time.LocalDate
import java.time.ZoneId
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/** What the check-in screen shows. */
data class CheckInState(
    val safety: Int = 5,
    val trust: Int = 5,
    val connection: Int = 5,
    val note: String = "",
    val recent: List<ToolRecord> = emptyList(),
    val savedToday: Boolean = false,
    val busy: Boolean = false,
    val problem: Problem? = null,
)

/** Drives the check-in screen; [today] gives the local date (injectable for tests). */
class CheckInModel(
    private val client: MendClient,
    private val today: () -> LocalDate = { LocalDate.now(ZoneId.systemDefault()) },
) {
    private val mutable = MutableStateFlow(CheckInState())

    /** The current state. */
    val state: StateFlow<CheckInState> = mutable.asStateFlow()

    /** Changes the scores (each kept within 0–10) or the note. */
    fun edit(
        safety: Int = mutable.value.safety,
        trust: Int = mutable.value.trust,
        connection: Int = mutable.value.connection,
        note: String = mutable.value.note,
    ) {
        mutable.update {
            it.copy(safety = safety.coerceIn(0, 10), trust = trust.coerceIn(0, 10), connection = connection.coerceIn(0, 10), note = note)
        }
    }

    /** Loads the recent check-ins. */
    suspend fun refresh() {
        attempt { client.entries(ToolKind.CHECK_INS) }
            .onSuccess { list -> mutable.update { it.copy(recent = list, savedToday = list.any { r -> isToday(r) }) } }
            .onFailure { e -> mutable.update { it.copy(problem = problemOf(e)) } }
    }

    private fun isToday(r: ToolRecord) = (r.entry as? ToolEntry.CheckIn)?.date == today().toString()

    /** Saves today's check-in. */
    suspend fun save() {
        val s = mutable.value
        mutable.update { it.copy(busy = true, problem = null) }
        val entry = ToolEntry.CheckIn(today().toString(), s.safety.toUByte(), s.trust.toUByte(), s.connection.toUByte(), s.note)
        attempt { client.addEntry(entry) }
            .onSuccess { mutable.update { it.copy(busy = false, note = "") }; refresh() }
            .onFailure { e -> mutable.update { it.copy(busy = false, problem = problemOf(e)) } }
    }
}
