// The journal: notes newest first, a page at a time, searched as the person types, filtered
// by a step of the program or a tag; a tap opens the editor.
package app.mend.ui

import androidx.compose.foundation.horizontalScroll
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.material3.Card
import androidx.compose.material3.FilterChip
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
import app.mend.core.NoteSummary
import app.mend.core.RecordId
import app.mend.core.Step
import app.mend.kit.JournalModel
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle
import kotlinx.coroutines.launch

/** The journal's content, driven by [model]; [steps] name the step filters. */
@Composable
fun JournalContent(model: JournalModel, steps: List<Step>, onOpen: (RecordId?) -> Unit) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val scope = rememberCoroutineScope()
    var words by remember { mutableStateOf(state.query.words.orEmpty()) }
    LaunchedEffect(Unit) { model.refresh() }
    PrimaryButton(strings.newNote, { onOpen(null) }, "new-note")
    OutlinedTextField(
        value = words,
        onValueChange = {
            words = it
            model.setWords(it)
        },
        label = { Text(strings.searchNotes) },
        singleLine = true,
        modifier = Modifier.fillMaxWidth().testTag("search"),
    )
    Row(Modifier.horizontalScroll(rememberScrollState()), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        FilterChip(
            selected = state.query.step == null,
            onClick = { model.setStep(null) },
            label = { Text(strings.allSteps) },
            modifier = Modifier.heightIn(min = TouchTarget),
        )
        steps.forEach { step ->
            FilterChip(
                selected = state.query.step == step.number,
                onClick = { model.setStep(if (state.query.step == step.number) null else step.number) },
                label = { Text(step.title) },
                modifier = Modifier.heightIn(min = TouchTarget).testTag("step-${step.number}"),
            )
        }
    }
    if (state.tags.isNotEmpty()) {
        Row(Modifier.horizontalScroll(rememberScrollState()), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            state.tags.forEach { tag ->
                FilterChip(
                    selected = state.query.tag == tag,
                    onClick = { model.setTag(if (state.query.tag == tag) null else tag) },
                    label = { Text(tag) },
                    modifier = Modifier.heightIn(min = TouchTarget).testTag("tag-$tag"),
                )
            }
        }
    }
    when {
        state.isFilteredEmpty -> Text(strings.nothingFound, modifier = Modifier.testTag("nothing-found"))
        state.notes.isEmpty() && !state.loading && state.shownQuery != null ->
            Text(strings.noNotesYet, modifier = Modifier.testTag("no-notes"))
    }
    state.notes.forEach { note -> NoteRow(note) { onOpen(note.id) } }
    if (state.canLoadMore) {
        SecondaryButton(strings.showMore, { scope.launch { model.loadMore() } }, "more")
    }
    ProblemText(state.problem)
}

/** One note in the list: its title, its day, its tags. */
@Composable
private fun NoteRow(note: NoteSummary, onClick: () -> Unit) {
    val strings = LocalStrings.current
    Card(onClick = onClick, modifier = Modifier.fillMaxWidth().heightIn(min = TouchTarget).testTag("note")) {
        Column(Modifier.padding(16.dp)) {
            Text(note.title.ifBlank { strings.untitled }, style = MaterialTheme.typography.titleMedium)
            Text(
                shortDate.format(note.createdAt.atZone(ZoneId.systemDefault())),
                style = MaterialTheme.typography.bodyMedium,
            )
            if (note.tags.isNotEmpty()) {
                Text(note.tags.joinToString(" · "), style = MaterialTheme.typography.bodyMedium)
            }
        }
    }
}

/** Dates as the person's locale writes them. */
private val shortDate: DateTimeFormatter = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
