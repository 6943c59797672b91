// The tools: the ones the core lists for the person's role, each with its entries, newest
// first, and a way to add one; the written worksheets open their own screen.
package app.mend.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Card
import androidx.compose.material3.TextButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Slider
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.mend.core.Asker
import app.mend.core.Question
import app.mend.core.QuestionKind
import app.mend.core.QuestionStatus
import app.mend.core.ToolEntry
import app.mend.core.ToolKind
import app.mend.core.ToolRecord
import app.mend.core.Trigger
import app.mend.core.WorksheetKind
import app.mend.ffi.limits
import app.mend.kit.ToolModel
import java.time.Instant
import kotlinx.coroutines.launch

/** The worksheet a tool writes, for the written tools. */
fun worksheetOf(tool: ToolKind): WorksheetKind? = when (tool) {
    ToolKind.REMORSE_LETTERS -> WorksheetKind.REMORSE_LETTER
    ToolKind.STORIES -> WorksheetKind.STORY
    ToolKind.VALIDATION_NOTES -> WorksheetKind.VALIDATION_NOTE
    else -> null
}

/** The tools with a screen here (check-ins have theirs with progress). */
fun hasScreen(tool: ToolKind): Boolean = tool != ToolKind.CHECK_INS

/** The list of tools: [tools] as the core lists them for the role. */
@Composable
fun ToolsContent(tools: List<ToolKind>, onOpen: (ToolKind) -> Unit) {
    val strings = LocalStrings.current
    tools.filter(::hasScreen).forEach { tool ->
        Card(onClick = { onOpen(tool) }, modifier = Modifier.fillMaxWidth().heightIn(min = TouchTarget).testTag("tool-${tool.name.lowercase()}")) {
            Column(Modifier.padding(16.dp)) {
                Text(strings.toolName(tool), style = MaterialTheme.typography.titleMedium)
                Text(strings.toolIntro(tool), style = MaterialTheme.typography.bodyMedium)
            }
        }
    }
}

/** One tool's screen: an entry form and the entries. [onWrite] opens a worksheet (new or one of them). */
@Composable
fun ToolScreen(tool: ToolKind, model: ToolModel, onWrite: (ToolRecord?) -> Unit, onBack: () -> Unit, onHelp: () -> Unit) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val scope = rememberCoroutineScope()
    LaunchedEffect(tool) { model.refresh() }
    MendScreen(strings.toolName(tool), onHelp) {
        Text(strings.toolIntro(tool), style = MaterialTheme.typography.bodyLarge)
        when (tool) {
            ToolKind.TRIGGERS -> TriggerForm { entry -> scope.launch { model.add(entry) } }
            ToolKind.QUESTIONS -> QuestionForm { entry -> scope.launch { model.add(entry) } }
            ToolKind.CONTACTS -> ContactForm { entry -> scope.launch { model.add(entry) } }
            ToolKind.CUT_TIES -> CutTieForm { entry -> scope.launch { model.add(entry) } }
            ToolKind.BOUNDARIES -> BoundaryForm { entry -> scope.launch { model.add(entry) } }
            ToolKind.TIME_TOGETHER -> TimeTogetherForm { entry -> scope.launch { model.add(entry) } }
            ToolKind.REMINDERS -> ReminderForm { entry -> scope.launch { model.add(entry) } }
            else -> if (worksheetOf(tool) != null) PrimaryButton(strings.writeNew, { onWrite(null) }, "write")
        }
        ProblemText(state.problem)
        var deleting by remember { mutableStateOf<ToolRecord?>(null) }
        var answering by remember { mutableStateOf<ToolRecord?>(null) }
        // What was just saved is kept first; help comes after, when its words sound dangerous.
        state.help?.let { HelpOfferCard(it, onHelp) }
        state.entries.forEach { record ->
            val entry = record.entry
            if (entry is ToolEntry.CutTie) {
                // The checklist: each item ticked off in place.
                Check(entry.v1.item, entry.v1.done, "entry") { done ->
                    scope.launch { model.edit(record.id, ToolEntry.CutTie(entry.v1.copy(done = done))) }
                }
            } else {
                Card(
                    onClick = {
                        when {
                            worksheetOf(tool) != null -> onWrite(record)
                            entry is ToolEntry.Question -> answering = record
                        }
                    },
                    modifier = Modifier.fillMaxWidth().testTag("entry"),
                ) {
                    Text(entrySummary(entry), style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(16.dp))
                }
            }
            QuietButton(strings.delete, { deleting = record }, "delete-entry")
        }
        deleting?.let { record ->
            AlertDialog(
                onDismissRequest = { deleting = null },
                title = { Text(strings.deleteEntryTitle) },
                text = { Text(strings.deleteEntryText) },
                confirmButton = {
                    TextButton(onClick = {
                        deleting = null
                        scope.launch { model.delete(record.id) }
                    }, modifier = Modifier.testTag("confirm-delete")) { Text(strings.delete) }
                },
                dismissButton = { TextButton(onClick = { deleting = null }) { Text(strings.keep) } },
            )
        }
        answering?.let { record ->
            val question = (record.entry as? ToolEntry.Question)?.v1 ?: return@let
            var answer by remember(record.id) { mutableStateOf(question.answer) }
            var revisit by remember(record.id) { mutableStateOf(question.status == QuestionStatus.REVISIT) }
            AlertDialog(
                onDismissRequest = { answering = null },
                title = { Text(question.text) },
                text = {
                    Column {
                        TextInput(strings.theAnswer, answer, "answer", lines = 3) { answer = it }
                        Check(strings.comeBackToIt, revisit, "revisit") { revisit = it }
                    }
                },
                confirmButton = {
                    TextButton(onClick = {
                        answering = null
                        val status = when {
                            answer.isBlank() -> QuestionStatus.OPEN
                            revisit -> QuestionStatus.REVISIT
                            else -> QuestionStatus.ANSWERED
                        }
                        scope.launch { model.edit(record.id, ToolEntry.Question(question.copy(answer = answer, status = status))) }
                    }, modifier = Modifier.testTag("save-answer")) { Text(strings.save) }
                },
                dismissButton = { TextButton(onClick = { answering = null }) { Text(strings.cancel) } },
            )
        }
        OnBack(action = onBack)
        QuietButton(strings.back, onBack, "tool-back")
    }
}

/** What an entry says in a list. */
@Composable
private fun entrySummary(entry: ToolEntry): String {
    val strings = LocalStrings.current
    return when (entry) {
        is ToolEntry.Trigger -> strings.triggerSummary(entry.v1.what, entry.v1.intensity, entry.v1.helped)
        is ToolEntry.Question -> entry.v1.text + entry.v1.answer.takeIf(String::isNotBlank)?.let { "\n— $it" }.orEmpty()
        is ToolEntry.Worksheet -> entry.v1.sections.firstOrNull(String::isNotBlank) ?: strings.untitled
        is ToolEntry.Contact -> strings.contactSummary(entry.v1.channel, entry.v1.whatHappened, entry.v1.disclosedAt != null)
        is ToolEntry.CutTie -> entry.v1.item
        is ToolEntry.Boundary -> (if (entry.v1.isNeed) strings.aNeed else strings.aBoundary) + ": " + entry.v1.text +
            if (entry.v1.agreed) " (${strings.agreedTogether.lowercase()})" else ""
        is ToolEntry.TimeTogether -> entry.v1.plan
        is ToolEntry.Reminder -> strings.reminderSummary(entry.v1)
        is ToolEntry.CheckIn -> strings.checkedIn(entry.v1.safety, entry.v1.trust, entry.v1.connection)
    }
}

/** Logging a trigger: what set it off, how strong, what helped. */
@Composable
private fun TriggerForm(onAdd: (ToolEntry) -> Unit) {
    val strings = LocalStrings.current
    var what by remember { mutableStateOf("") }
    var helped by remember { mutableStateOf("") }
    var intensity by remember { mutableIntStateOf(5) }
    val max = remember { limits().maxScore }
    OutlinedTextField(what, { what = it }, label = { Text(strings.triggerWhat) }, modifier = Modifier.fillMaxWidth().testTag("trigger-what"))
    Text(strings.triggerIntensity(intensity), style = MaterialTheme.typography.bodyLarge)
    Slider(
        value = intensity.toFloat(),
        onValueChange = { intensity = Math.round(it) },
        valueRange = 0f..max.toFloat(),
        steps = maxOf(max - 1, 0),
        modifier = Modifier.fillMaxWidth().testTag("trigger-intensity").semantics { contentDescription = strings.triggerIntensity(intensity) },
    )
    OutlinedTextField(helped, { helped = it }, label = { Text(strings.triggerHelped) }, modifier = Modifier.fillMaxWidth().testTag("trigger-helped"))
    PrimaryButton(strings.logIt, {
        onAdd(ToolEntry.Trigger(Trigger(Instant.now(), what, intensity, helped)))
        what = ""
        helped = ""
    }, "add-trigger", enabled = what.isNotBlank())
}

/** Adding a question: its words, fact or meaning, and who asks. */
@Composable
private fun QuestionForm(onAdd: (ToolEntry) -> Unit) {
    val strings = LocalStrings.current
    var text by remember { mutableStateOf("") }
    var kind by remember { mutableStateOf(QuestionKind.FACT) }
    var asker by remember { mutableStateOf(Asker.PARTNER) }
    OutlinedTextField(text, { text = it }, label = { Text(strings.questionText) }, modifier = Modifier.fillMaxWidth().testTag("question-text"))
    Choice(listOf(QuestionKind.FACT to strings.factQuestion, QuestionKind.MEANING to strings.meaningQuestion), kind) { kind = it }
    Choice(listOf(Asker.PARTNER to strings.askedByPartner, Asker.ME to strings.askedByMe), asker) { asker = it }
    PrimaryButton(strings.addQuestion, {
        onAdd(ToolEntry.Question(Question(text, asker, kind, "", QuestionStatus.OPEN)))
        text = ""
    }, "add-question", enabled = text.isNotBlank())
}
