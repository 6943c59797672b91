// The today screen: the day's prompt, another one while more are available, marking it done
// (with a response) or skipped, and when the day changes next.
package app.mend.kit

import app.mend.core.HelpOffer
import app.mend.core.DailyPrompt
import app.mend.core.PracticeOutcome
import app.mend.ffi.MendException
import java.time.Instant
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the today screen shows. */
data class TodayState(
    val prompt: DailyPrompt? = null,
    /** When "today" ends: the screen refreshes then. */
    val nextDayStarts: Instant? = null,
    val busy: Boolean = false,
    val problem: MendException? = null,
    /** Help the core offered with the response last saved. */
    val help: HelpOffer? = null,
) {
    /** Whether the prompt on screen can still be marked done or skipped. */
    val canSettle: Boolean get() = !busy && prompt != null && prompt.outcome != PracticeOutcome.DONE

    /** Whether another prompt can be asked for today. */
    val canAskAnother: Boolean get() = !busy && prompt?.moreAvailable == true
}

/** Drives the today screen. */
class TodayModel(session: MendSession, scope: CoroutineScope) : ScreenModel<TodayState>(session, TodayState(), scope) {

    private suspend fun show(help: HelpOffer? = null, block: suspend () -> DailyPrompt) {
        mutable.update { it.copy(busy = true, problem = null) }
        val result = attempt { block() to session.call { it.nextDayStarts() } }
        mutable.update {
            result.fold(
                { (prompt, next) -> it.copy(prompt = prompt, nextDayStarts = next, busy = false, help = help ?: it.help) },
                { _ -> it.copy(busy = false, problem = result.problem) },
            )
        }
    }

    /** Loads today's prompt (when the screen appears, and at [TodayState.nextDayStarts]). */
    override suspend fun refresh() = show { session.call { it.todayPrompt() } }

    /** Shows another prompt for today. */
    suspend fun another() {
        if (mutable.value.canAskAnother) show { session.call { it.anotherPrompt() } }
    }

    /** Marks the prompt on screen as done, with an optional response. */
    suspend fun done(response: String?) {
        val id = mutable.value.prompt?.prompt?.id ?: return
        mutable.update { it.copy(busy = true, problem = null) }
        val saved = attempt { session.call { it.completePrompt(id, response) } }
        val done = saved.getOrNull() ?: return mutable.update { it.copy(busy = false, problem = saved.problem) }
        show(done.help) { done.prompt }
    }

    /** Skips the prompt on screen. */
    suspend fun skip() {
        val id = mutable.value.prompt?.prompt?.id ?: return
        show { session.call { it.skipPrompt(id) } }
    }
}
