// Reminders: what for, which days, at what time; each switched on or off or deleted; and when
// the next ones will come, with the neutral words the notification will show (the core makes
// both, so no notification can carry anything a person wrote).
package app.mend.ui

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import app.mend.core.ToolEntry
import app.mend.core.ToolKind
import app.mend.kit.RemindersModel
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle
import kotlinx.coroutines.launch

/** The reminders screen, driven by [model]. */
@Composable
fun RemindersScreen(model: RemindersModel, onBack: () -> Unit, onHelp: () -> Unit) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val scope = rememberCoroutineScope()
    LaunchedEffect(Unit) { model.refresh() }
    MendScreen(strings.toolName(ToolKind.REMINDERS), onHelp) {
        Text(strings.toolIntro(ToolKind.REMINDERS), style = MaterialTheme.typography.bodyLarge)
        ReminderForm { entry -> (entry as? ToolEntry.Reminder)?.let { scope.launch { model.add(it.v1) } } }
        ProblemText(state.problem)
        state.reminders.forEach { record ->
            val reminder = (record.entry as? ToolEntry.Reminder)?.v1 ?: return@forEach
            Check(strings.reminderSummary(reminder.copy(enabled = true)), reminder.enabled, "entry") { on ->
                scope.launch { model.setEnabled(record, on) }
            }
            QuietButton(strings.delete, { scope.launch { model.delete(record.id) } }, "delete-entry")
        }
        if (state.upcoming.isNotEmpty()) {
            Text(strings.comingUp, style = MaterialTheme.typography.titleMedium)
            state.upcoming.take(3).forEach { firing ->
                Text(
                    "${when_.format(firing.at.atZone(ZoneId.systemDefault()))} — ${firing.text}",
                    style = MaterialTheme.typography.bodyMedium,
                    modifier = Modifier.testTag("upcoming"),
                )
            }
        }
        OnBack(action = onBack)
        QuietButton(strings.back, onBack, "tool-back")
    }
}

/** Times as the person's locale writes them. */
private val when_: DateTimeFormatter = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
