// A summary for a session with a therapist: the period (offered by the core), the sections,
// the notes and letters chosen one by one, the core's preview, then the phone's print dialog
// (print or PDF), or a printable page or Markdown handed over by the platform. Everything
// decided here is SummaryModel's.
package app.mend.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.selection.toggleable
import androidx.compose.material3.Card
import androidx.compose.material3.Checkbox
import androidx.compose.material3.RadioButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import app.mend.core.SummaryFormat
import app.mend.core.ToolEntry
import app.mend.core.ToolKind
import app.mend.core.WorksheetKind
import app.mend.kit.SummaryModel
import kotlinx.coroutines.launch

/** One thing to include or leave out: the whole row toggles. */
@Composable
private fun Pick(text: String, on: Boolean, tag: String, onChange: (Boolean) -> Unit) {
    Row(
        Modifier.fillMaxWidth().heightIn(min = TouchTarget).toggleable(on, role = Role.Checkbox, onValueChange = onChange).testTag(tag),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Checkbox(checked = on, onCheckedChange = null)
        Text(text, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(start = 12.dp))
    }
}

/** The summary screen, driven by [model]. */
@Composable
fun SummaryScreen(model: SummaryModel, onClose: () -> Unit, onHelp: () -> Unit) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val scope = rememberCoroutineScope()
    LaunchedEffect(Unit) { model.refresh() }
    MendScreen(strings.summaryTitle, onHelp) {
        Text(strings.summaryText, style = MaterialTheme.typography.bodyLarge)
        Column(Modifier.selectableGroup()) {
            state.periods.forEach { period ->
                Row(
                    Modifier
                        .fillMaxWidth()
                        .heightIn(min = TouchTarget)
                        .selectable(state.period == period, role = Role.RadioButton) { model.choose(period) }
                        .testTag("period-${period.weeks}"),
                    verticalAlignment = Alignment.CenterVertically,
                ) {
                    RadioButton(selected = state.period == period, onClick = null)
                    Text(strings.summaryPeriod(period.weeks), style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(start = 12.dp))
                }
            }
        }
        Pick(strings.summaryPractice, state.practice, "pick-practice") { model.sections(it, state.checkIns, state.answeredQuestions) }
        Pick(strings.summaryCheckIns, state.checkIns, "pick-check-ins") { model.sections(state.practice, it, state.answeredQuestions) }
        Pick(strings.summaryQuestions, state.answeredQuestions, "pick-questions") { model.sections(state.practice, state.checkIns, it) }
        if (state.notes.isNotEmpty()) {
            Text(strings.summaryNotes, style = MaterialTheme.typography.titleMedium)
            state.notes.forEach { note -> Pick(note.title, note.id in state.chosenNotes, "pick-note") { model.toggleNote(note.id) } }
        }
        if (state.letters.isNotEmpty()) {
            Text(strings.summaryLetters, style = MaterialTheme.typography.titleMedium)
            state.letters.forEach { letter ->
                val entry = letter.entry as? ToolEntry.Worksheet
                val label = entry?.let { w -> strings.toolName(toolOf(w.v1.kind)) + ": " + w.v1.sections.firstOrNull { it.isNotBlank() }.orEmpty().take(40) }
                Pick(label.orEmpty(), letter.id in state.chosenLetters, "pick-letter") { model.toggleLetter(letter.id) }
            }
        }
        ProblemText(state.problem)
        SecondaryButton(strings.summaryPreview, { scope.launch { model.preview() } }, "preview", enabled = !state.busy)
        state.preview?.let { preview ->
            Card(Modifier.fillMaxWidth().testTag("summary-preview")) {
                Column(Modifier.padding(16.dp)) {
                    Text(preview.title, style = MaterialTheme.typography.titleMedium)
                    Text(preview.period, style = MaterialTheme.typography.bodyMedium)
                    preview.sections.forEach { section ->
                        Text(section.heading, style = MaterialTheme.typography.titleSmall, modifier = Modifier.padding(top = 8.dp))
                        section.items.forEach { Text("• ${it.heading}", style = MaterialTheme.typography.bodyMedium) }
                    }
                }
            }
        }
        if (state.done) {
            Text(
                state.deliveredTo?.let(strings::summaryDeliveredTo) ?: strings.summaryNotDelivered,
                style = MaterialTheme.typography.titleMedium,
                modifier = Modifier.testTag("summary-done"),
            )
        }
        val saveHtml: () -> Unit = { scope.launch { model.write(SummaryFormat.HTML) } }
        if (model.canPrint) {
            PrimaryButton(strings.summaryPrint, { scope.launch { model.sendToPrinter() } }, "summary-print", enabled = !state.busy)
            SecondaryButton(strings.summaryHtml, saveHtml, "summary-html", enabled = !state.busy)
        } else {
            PrimaryButton(strings.summaryHtml, saveHtml, "summary-html", enabled = !state.busy)
        }
        SecondaryButton(strings.summaryMarkdown, { scope.launch { model.write(SummaryFormat.MARKDOWN) } }, "summary-markdown", enabled = !state.busy)
        OnBack(action = onClose)
        QuietButton(strings.back, onClose, "back")
    }
}

/** The tool a worksheet belongs to. */
private fun toolOf(kind: WorksheetKind): ToolKind = when (kind) {
    WorksheetKind.REMORSE_LETTER -> ToolKind.REMORSE_LETTERS
    WorksheetKind.STORY -> ToolKind.STORIES
    WorksheetKind.VALIDATION_NOTE -> ToolKind.VALIDATION_NOTES
}
