// The program: the six steps for the partner repairing the harm, the themes for the hurt
// partner, and each one's page — what it asks, why it matters, practices, phrases to put in
// one's own words, cautions and questions to reflect on. Every word comes from the core.
package app.mend.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.mend.core.ProgramPage
import app.mend.kit.ProgramModel

/** The list of the program's pages, driven by [model]. */
@Composable
fun ProgramContent(model: ProgramModel) {
    val state by model.state.collectAsState()
    LaunchedEffect(Unit) { model.refresh() }
    val strings = LocalStrings.current
    val firstModule = state.pages.indexOfFirst { it is ProgramPage.Module }
    state.pages.forEachIndexed { index, page ->
        if (index == firstModule) {
            Text(strings.goingDeeper, style = MaterialTheme.typography.titleMedium, modifier = Modifier.padding(top = 8.dp).semantics { heading() })
        }
        val (title, summary) = when (page) {
            is ProgramPage.Step -> "${page.v1.number}. ${page.v1.title}" to page.v1.summary
            is ProgramPage.Theme -> page.v1.title to page.v1.summary
            is ProgramPage.Module -> page.v1.title to page.v1.summary
        }
        Card(
            onClick = { model.open(index) },
            modifier = Modifier.fillMaxWidth().heightIn(min = TouchTarget).testTag("page-$index"),
        ) {
            Column(Modifier.padding(16.dp)) {
                Text(title, style = MaterialTheme.typography.titleMedium)
                Text(summary, style = MaterialTheme.typography.bodyMedium)
            }
        }
    }
    ProblemText(state.problem)
}

/** One page of the program, over the list; [onBack] returns to it. */
@Composable
fun ProgramPageScreen(page: ProgramPage, onBack: () -> Unit, onHelp: () -> Unit) {
    val strings = LocalStrings.current
    val title = when (page) {
        is ProgramPage.Step -> page.v1.title
        is ProgramPage.Theme -> page.v1.title
        is ProgramPage.Module -> page.v1.title
    }
    MendScreen(title, onHelp) {
        when (page) {
            is ProgramPage.Step -> {
                val step = page.v1
                Text(step.summary, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("page-summary"))
                Section(strings.whyItMatters, listOf(step.why))
                Section(strings.practices, step.practices)
                Section(strings.phrases, step.phrases)
                Section(strings.cautions, step.cautions)
                Section(strings.reflections, step.reflections)
            }
            is ProgramPage.Theme -> {
                val theme = page.v1
                Text(theme.summary, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("page-summary"))
                Section(strings.practices, theme.practices)
                Section(strings.phrases, theme.phrases)
                Section(strings.cautions, theme.cautions)
                Section(strings.reflections, theme.reflections)
            }
            is ProgramPage.Module -> {
                val module = page.v1
                Text(module.summary, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("page-summary"))
                Text(strings.partOfStep(module.step), style = MaterialTheme.typography.bodyMedium)
                Section(strings.practices, module.practices)
                Section(strings.phrases, module.phrases)
                Section(strings.cautions, module.cautions)
                Section(strings.reflections, module.reflections)
            }
        }
        OnBack(action = onBack)
        SecondaryButton(strings.back, onBack, "page-back")
    }
}

/** A heading and its items, one paragraph each. */
@Composable
private fun Section(heading: String, items: List<String>) {
    if (items.isEmpty()) return
    Text(
        heading,
        style = MaterialTheme.typography.titleMedium,
        color = MaterialTheme.colorScheme.primary,
        modifier = Modifier.semantics { heading() },
    )
    if (items.size == 1) {
        Text(items.single(), style = MaterialTheme.typography.bodyLarge)
    } else {
        items.forEach { Text("• $it", style = MaterialTheme.typography.bodyLarge) }
    }
}
