// The today screen: the day's prompt, alternatives, marking it done (with a response) or
// skipped, and the progress summary beneath it.
package app.mend.kit

import app.mend.core.DailyPrompt
import app.mend.core.PracticeOutcome
import app.mend.core.Progress
import app.mend.core.TimeZoneRules
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/** What the today screen shows. */
data class TodayState(
    val prompt: DailyPrompt? = null,
    val progress: Progress? = null,
    val busy: Boolean = false,
    val problem: Problem? = null,
) {
    /** Whether the prompt on screen can still be marked done or skipped. */
    val canSettle: Boolean get() = !busy && prompt != null && prompt.outcome != PracticeOutcome.DONE

    /** Days practised of the last seven, for "5 of the last 7 days". */
    val daysThisWeek: Int get() = progress?.daysPractisedLast7?.toInt() ?: 0
}

/** Drives the today screen. */
class TodayModel(private val client: MendClient, private val zone: TimeZoneRules = PlatformZone()) {
    private val mutable = MutableStateFlow(TodayState())

    /** The current state. */
    val state: StateFlow<TodayState> = mutable.asStateFlow()

    private suspend fun run(block: suspend () -> DailyPrompt) {
        mutable.update { it.copy(busy = true, problem = null) }
        attempt { block() to client.progress(zone) }
            .onSuccess { (prompt, progress) -> mutable.update { it.copy(prompt = prompt, progress = progress, busy = false) } }
            .onFailure { e -> mutable.update { it.copy(busy = false, problem = problemOf(e)) } }
    }

    /** Loads today's prompt (call when the screen appears, and after midnight). */
    suspend fun refresh() = run { client.today(zone) }

    /** Shows the next alternative for today. */
    suspend fun another() {
        val next = (mutable.value.prompt?.alternative?.toInt() ?: 0) + 1
        run { client.anotherPrompt(next.coerceAtMost(20), zone) }
    }

    /** Marks the prompt on screen as done, with an optional response. */
    suspend fun done(response: String?) {
        val prompt = mutable.value.prompt ?: return
        run { client.completePrompt(prompt.prompt.id, response?.takeIf { it.isNotBlank() }, zone) }
    }

    /** Skips the prompt on screen. */
    suspend fun skip() {
        val prompt = mutable.value.prompt ?: return
        run { client.skipPrompt(prompt.prompt.id, zone) }
    }
}
