// Progress: today's check-in (three sliders and a note), how often each step or theme has been
// practised, the weekly check-in trends, and milestones reached — drawn with Compose's Canvas
// from what the core computed (the screen computes nothing).
package app.mend.ui

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Slider
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.graphics.Path
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.mend.core.CheckInWeek
import app.mend.core.Focus
import app.mend.core.FocusProgress
import app.mend.core.ToolEntry
import app.mend.kit.CheckInModel
import app.mend.kit.ProgressModel
import kotlinx.coroutines.launch

/** The progress screen's content; [titleOf] names a step or theme. */
@Composable
fun ProgressContent(checkIn: CheckInModel, progress: ProgressModel, titleOf: (Focus) -> String, onHelp: () -> Unit) {
    val strings = LocalStrings.current
    val p by progress.state.collectAsState()
    val max = checkIn.state.collectAsState().value.maxScore
    LaunchedEffect(Unit) { progress.refresh() }
    CheckInCard(checkIn)
    // Low safety, the same low score twice in a week, or a note that sounds dangerous.
    checkIn.state.collectAsState().value.help?.let { HelpOfferCard(it, onHelp) }
    val data = p.progress ?: run {
        ProblemText(p.problem)
        return
    }
    Text(strings.practisedDays(data.daysPractisedLast7, data.daysPractisedLast28), style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("practised"))
    Text(strings.practiceByFocus, style = MaterialTheme.typography.titleMedium)
    FocusBars(data.focuses, titleOf)
    if (data.checkInWeeks.isNotEmpty()) {
        Text(strings.checkInTrends, style = MaterialTheme.typography.titleMedium)
        TrendChart(data.checkInWeeks, max)
    }
    if (data.milestones.isNotEmpty()) {
        Text(strings.milestones, style = MaterialTheme.typography.titleMedium)
        data.milestones.forEach { m ->
            Card(Modifier.fillMaxWidth()) {
                Column(Modifier.padding(16.dp)) {
                    Text(m.title, style = MaterialTheme.typography.titleSmall)
                    Text(m.text, style = MaterialTheme.typography.bodyMedium)
                }
            }
        }
    }
}

/** Today's check-in: three scores and an optional note, or what was said today. */
@Composable
private fun CheckInCard(model: CheckInModel) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val scope = rememberCoroutineScope()
    LaunchedEffect(Unit) { model.refresh() }
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(strings.checkInTitle, style = MaterialTheme.typography.titleMedium)
            val today = (state.today?.entry as? ToolEntry.CheckIn)?.v1
            if (today != null) {
                Text(strings.checkedIn(today.safety, today.trust, today.connection), modifier = Modifier.testTag("checked-in"))
            } else {
                Score(strings.safety, state.safety, state.maxScore, "safety") { model.edit(safety = it) }
                Score(strings.trust, state.trust, state.maxScore, "trust") { model.edit(trust = it) }
                Score(strings.connection, state.connection, state.maxScore, "connection") { model.edit(connection = it) }
                OutlinedTextField(
                    value = state.note,
                    onValueChange = { model.edit(note = it) },
                    label = { Text(strings.checkInNote) },
                    modifier = Modifier.fillMaxWidth().testTag("check-in-note"),
                )
                ProblemText(state.problem)
                PrimaryButton(strings.saveCheckIn, { scope.launch { model.save() } }, "save-check-in", enabled = !state.busy)
            }
        }
    }
}

/** One score, 0 to [max], with its value said aloud. */
@Composable
private fun Score(label: String, value: Int, max: Int, tag: String, onChange: (Int) -> Unit) {
    val strings = LocalStrings.current
    Text("$label: $value", style = MaterialTheme.typography.bodyLarge)
    Slider(
        value = value.toFloat(),
        onValueChange = { onChange(Math.round(it)) },
        valueRange = 0f..max.toFloat(),
        steps = maxOf(max - 1, 0),
        modifier = Modifier.fillMaxWidth().testTag(tag).semantics { contentDescription = strings.scoreOf(label, value, max) },
    )
}

/** How often each step or theme has been practised: one bar each. */
@Composable
private fun FocusBars(focuses: List<FocusProgress>, titleOf: (Focus) -> String) {
    val most = focuses.maxOfOrNull { it.timesPractised }?.takeIf { it > 0 } ?: 1
    val bar = MaterialTheme.colorScheme.primary
    val track = MaterialTheme.colorScheme.surfaceVariant
    focuses.forEach { f ->
        Column(Modifier.fillMaxWidth().semantics(mergeDescendants = true) {}) {
            Row(Modifier.fillMaxWidth(), verticalAlignment = Alignment.CenterVertically) {
                Text(titleOf(f.focus), style = MaterialTheme.typography.bodyMedium, modifier = Modifier.weight(1f))
                Text(f.timesPractised.toString(), style = MaterialTheme.typography.bodyMedium)
            }
            Canvas(Modifier.fillMaxWidth().height(10.dp)) {
                drawRoundRect(track, cornerRadius = androidx.compose.ui.geometry.CornerRadius(size.height / 2))
                drawRoundRect(
                    bar,
                    size = size.copy(width = size.width * f.timesPractised / most),
                    cornerRadius = androidx.compose.ui.geometry.CornerRadius(size.height / 2),
                )
            }
        }
    }
}

/** Weekly check-in averages as three lines over the weeks, 0 to [max], with a legend. */
@Composable
private fun TrendChart(weeks: List<CheckInWeek>, max: Int) {
    val strings = LocalStrings.current
    val colors = listOf(MaterialTheme.colorScheme.primary, MaterialTheme.colorScheme.secondary, MaterialTheme.colorScheme.error)
    val grid = MaterialTheme.colorScheme.outlineVariant
    val series = listOf(weeks.map { it.safety }, weeks.map { it.trust }, weeks.map { it.connection })
    val last = weeks.last()
    Canvas(
        Modifier
            .fillMaxWidth()
            .height(160.dp)
            .testTag("trend")
            .semantics { contentDescription = strings.trendSummary(weeks.size, last.safety, last.trust, last.connection) },
    ) {
        for (level in 0..2) {
            val y = size.height * level / 2
            drawLine(grid, Offset(0f, y), Offset(size.width, y))
        }
        series.forEachIndexed { i, values ->
            val path = Path()
            values.forEachIndexed { w, v ->
                val x = if (values.size == 1) size.width / 2 else size.width * w / (values.size - 1)
                val y = size.height * (1f - v / max)
                if (w == 0) path.moveTo(x, y) else path.lineTo(x, y)
                drawCircle(colors[i], radius = 4.dp.toPx(), center = Offset(x, y))
            }
            drawPath(path, colors[i], style = Stroke(width = 2.dp.toPx()))
        }
    }
    Row(horizontalArrangement = Arrangement.spacedBy(16.dp)) {
        listOf(strings.safety, strings.trust, strings.connection).forEachIndexed { i, name ->
            Row(verticalAlignment = Alignment.CenterVertically) {
                Canvas(Modifier.size(12.dp)) { drawCircle(colors[i]) }
                Text(" $name", style = MaterialTheme.typography.bodyMedium)
            }
        }
    }
}
