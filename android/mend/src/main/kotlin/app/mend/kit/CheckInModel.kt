// The daily check-in: how safe, trusting and connected the person feels today, a note, and
// the recent check-ins. The core stamps the local day and keeps one check-in per day; the
// sliders' range comes from the core's limits.
package app.mend.kit

import app.mend.core.HelpOffer
import app.mend.core.DataChange
import app.mend.core.ToolKind
import app.mend.core.ToolRecord
import app.mend.ffi.MendException
import app.mend.ffi.limits
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the check-in screen shows. */
data class CheckInState(
    val safety: Int = 5,
    val trust: Int = 5,
    val connection: Int = 5,
    val note: String = "",
    /** The highest score a slider offers (the lowest is 0). */
    val maxScore: Int = 10,
    /** Today's check-in, once made: saving again replaces it. */
    val today: ToolRecord? = null,
    val recent: List<ToolRecord> = emptyList(),
    val busy: Boolean = false,
    val problem: MendException? = null,
    /** Help the core offered with the last check-in saved (low safety, low scores twice in a week, or a note that sounds dangerous). */
    val help: HelpOffer? = null,
) {
    /** Whether the person has checked in today. */
    val checkedInToday: Boolean get() = today != null
}

/** Drives the check-in screen. */
class CheckInModel(session: MendSession, scope: CoroutineScope) : ScreenModel<CheckInState>(session, CheckInState(), scope) {

    override fun reloadsOn(change: DataChange) = change == DataChange.Tool(ToolKind.CHECK_INS)

    override suspend fun refresh() {
        val result = attempt { session.call { v -> Triple(v.todaysCheckIn(), v.entries(ToolKind.CHECK_INS), limits().maxScore) } }
        mutable.update {
            result.fold(
                { (today, recent, max) -> it.copy(today = today, recent = recent, maxScore = max, problem = null) },
                { _ -> it.copy(problem = result.problem) },
            )
        }
    }

    /** Changes the scores or the note (the core checks them when saving). */
    fun edit(
        safety: Int = mutable.value.safety,
        trust: Int = mutable.value.trust,
        connection: Int = mutable.value.connection,
        note: String = mutable.value.note,
    ) = mutable.update { it.copy(safety = safety, trust = trust, connection = connection, note = note, problem = null) }

    /** Saves today's check-in. */
    suspend fun save() {
        val s = mutable.value
        mutable.update { it.copy(busy = true, problem = null) }
        val result = attempt { session.call { it.checkIn(s.safety, s.trust, s.connection, s.note) } }
        mutable.update {
            it.copy(busy = false, note = if (result.isSuccess) "" else it.note, problem = result.problem, help = result.getOrNull()?.help ?: it.help)
        }
        if (result.isSuccess) refresh()
    }
}
