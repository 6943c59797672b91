// Today: the day's prompt from the program, marked done with an optional response or skipped,
// and another prompt while more are offered. The day's words come from the core's content.
package app.mend.ui

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.unit.dp
import app.mend.core.PracticeOutcome
import app.mend.kit.TodayModel
import java.time.Duration
import java.time.Instant
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch

/** The today screen's content, driven by [model]; [onHelp] opens help from a caution or a help card. */
@Composable
fun TodayContent(model: TodayModel, onHelp: () -> Unit = {}, now: () -> Instant = Instant::now) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val scope = rememberCoroutineScope()
    var response by remember { mutableStateOf("") }
    LaunchedEffect(Unit) { model.refresh() }
    // A new day brings a new prompt: refresh when the core says the day changes.
    LaunchedEffect(state.nextDayStarts) {
        val next = state.nextDayStarts ?: return@LaunchedEffect
        delay(maxOf(0L, Duration.between(now(), next).toMillis()))
        model.refresh()
    }
    val daily = state.prompt ?: run {
        ProblemText(state.problem)
        return
    }
    // A transparency practice comes with the caution: offered, never demanded; safety first.
    daily.caution?.let { caution ->
        Card(
            Modifier.fillMaxWidth().testTag("caution"),
            colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.secondaryContainer),
        ) {
            Text(caution, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.padding(start = 20.dp, end = 20.dp, top = 16.dp))
            QuietButton(strings.help, onHelp, "caution-help")
        }
    }
    Card(Modifier.fillMaxWidth()) {
        Text(
            daily.prompt.text,
            style = MaterialTheme.typography.titleLarge,
            modifier = Modifier.padding(20.dp).testTag("prompt"),
        )
        Text(
            strings.promptMeta(daily.prompt.kind, daily.prompt.minutes),
            style = MaterialTheme.typography.bodyMedium,
            modifier = Modifier.padding(start = 20.dp, end = 20.dp, bottom = 16.dp).testTag("prompt-meta"),
        )
    }
    daily.prompt.followUp?.let { Text(it, style = MaterialTheme.typography.bodyLarge) }
    when (daily.outcome) {
        PracticeOutcome.DONE -> {
            Text(strings.doneToday, modifier = Modifier.testTag("outcome"))
            // The response is saved first; help comes after, when its words sound dangerous.
            state.help?.let { HelpOfferCard(it, onHelp) }
        }
        PracticeOutcome.SKIPPED -> Text(strings.skippedToday, modifier = Modifier.testTag("outcome"))
        else -> {}
    }
    if (state.canSettle) {
        OutlinedTextField(
            value = response,
            onValueChange = { response = it },
            label = { Text(strings.yourResponse) },
            minLines = 3,
            modifier = Modifier.fillMaxWidth().heightIn(min = 120.dp).testTag("response"),
        )
        PrimaryButton(strings.done, {
            val written = response.takeIf { it.isNotBlank() }
            scope.launch { model.done(written) }
        }, "done")
        if (daily.outcome != PracticeOutcome.SKIPPED) {
            SecondaryButton(strings.skip, { scope.launch { model.skip() } }, "skip")
        }
    }
    if (state.canAskAnother) {
        QuietButton(strings.another, { scope.launch { model.another() } }, "another")
    }
    ProblemText(state.problem)
}
