// The entry forms and list rows of the remaining tools: the no-contact log, the cut-ties
// checklist, needs and boundaries, time together and reminders. Each builds the core's entry
// as typed; the core checks every field when it is saved.
package app.mend.ui

import androidx.compose.foundation.horizontalScroll
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.selection.toggleable
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Slider
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.mend.core.Boundary
import app.mend.core.Contact
import app.mend.core.CutTie
import app.mend.core.InvitationAnswer
import app.mend.core.Reminder
import app.mend.core.ReminderPurpose
import app.mend.core.TimeTogether
import app.mend.core.ToolEntry
import app.mend.core.Weekday
import java.time.Instant

/** A one-line or several-line text input. */
@Composable
fun TextInput(label: String, value: String, tag: String, lines: Int = 1, onChange: (String) -> Unit) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(label) },
        singleLine = lines == 1,
        minLines = lines,
        modifier = Modifier.fillMaxWidth().testTag(tag),
    )
}

/** A yes-or-no choice with its words, one touch target. */
@Composable
fun Check(label: String, checked: Boolean, tag: String, onChange: (Boolean) -> Unit) {
    Row(
        Modifier.fillMaxWidth().heightIn(min = TouchTarget).toggleable(checked, role = Role.Checkbox, onValueChange = onChange).testTag(tag),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Checkbox(checked = checked, onCheckedChange = null)
        Text(label, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(start = 12.dp))
    }
}

/** A choice of one among [options], as radio buttons. */
@Composable
fun <T> Choice(options: List<Pair<T, String>>, selected: T, onSelect: (T) -> Unit) {
    Column(Modifier.selectableGroup()) {
        options.forEach { (value, label) ->
            Row(
                Modifier.fillMaxWidth().heightIn(min = TouchTarget).selectable(value == selected, role = Role.RadioButton) { onSelect(value) },
                verticalAlignment = Alignment.CenterVertically,
            ) {
                RadioButton(selected = value == selected, onClick = null)
                Text(label, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(start = 12.dp))
            }
        }
    }
}

/** Logging a contact with the affair partner, or an attempt: when, how, what was done. */
@Composable
fun ContactForm(onAdd: (ToolEntry) -> Unit) {
    val strings = LocalStrings.current
    var channel by remember { mutableStateOf("") }
    var what by remember { mutableStateOf("") }
    var handled by remember { mutableStateOf("") }
    var told by remember { mutableStateOf(false) }
    TextInput(strings.contactChannel, channel, "contact-channel") { channel = it }
    TextInput(strings.contactWhat, what, "contact-what", lines = 2) { what = it }
    TextInput(strings.contactHandled, handled, "contact-handled", lines = 2) { handled = it }
    Check(strings.contactTold, told, "contact-told") { told = it }
    PrimaryButton(strings.logIt, {
        val now = Instant.now()
        onAdd(ToolEntry.Contact(Contact(now, channel, what, handled, if (told) now else null)))
        channel = ""
        what = ""
        handled = ""
        told = false
    }, "add-contact", enabled = channel.isNotBlank())
}

/** Adding an item to the cut-ties checklist. */
@Composable
fun CutTieForm(onAdd: (ToolEntry) -> Unit) {
    val strings = LocalStrings.current
    var item by remember { mutableStateOf("") }
    TextInput(strings.cutTieItem, item, "cut-tie-item") { item = it }
    PrimaryButton(strings.addToList, {
        onAdd(ToolEntry.CutTie(CutTie(item, false)))
        item = ""
    }, "add-cut-tie", enabled = item.isNotBlank())
}

/** Adding a need or a boundary. */
@Composable
fun BoundaryForm(onAdd: (ToolEntry) -> Unit) {
    val strings = LocalStrings.current
    var isNeed by remember { mutableStateOf(true) }
    var text by remember { mutableStateOf("") }
    var agreed by remember { mutableStateOf(false) }
    Choice(listOf(true to strings.aNeed, false to strings.aBoundary), isNeed) { isNeed = it }
    TextInput(strings.boundaryText, text, "boundary-text", lines = 2) { text = it }
    Check(strings.agreedTogether, agreed, "boundary-agreed") { agreed = it }
    PrimaryButton(strings.addToList, {
        onAdd(ToolEntry.Boundary(Boundary(isNeed, text, agreed)))
        text = ""
        agreed = false
    }, "add-boundary", enabled = text.isNotBlank())
}

/** Planning time together, and how the invitation went. */
@Composable
fun TimeTogetherForm(onAdd: (ToolEntry) -> Unit) {
    val strings = LocalStrings.current
    var plan by remember { mutableStateOf("") }
    var asked by remember { mutableStateOf(false) }
    var answer by remember { mutableStateOf(InvitationAnswer.PENDING) }
    var respected by remember { mutableStateOf(true) }
    TextInput(strings.timePlan, plan, "time-plan", lines = 2) { plan = it }
    Check(strings.timeAsked, asked, "time-asked") { asked = it }
    if (asked) {
        Choice(
            listOf(
                InvitationAnswer.PENDING to strings.answerPending,
                InvitationAnswer.YES to strings.answerYes,
                InvitationAnswer.NOT_NOW to strings.answerNotNow,
                InvitationAnswer.NO to strings.answerNo,
            ),
            answer,
        ) { answer = it }
        Check(strings.timeRespected, respected, "time-respected") { respected = it }
    }
    PrimaryButton(strings.addToList, {
        onAdd(ToolEntry.TimeTogether(TimeTogether(Instant.now(), plan, asked, if (asked) answer else InvitationAnswer.PENDING, respected)))
        plan = ""
        asked = false
    }, "add-time", enabled = plan.isNotBlank())
}

/** Adding a reminder: what for, which days, at what local time. */
@Composable
fun ReminderForm(onAdd: (ToolEntry) -> Unit) {
    val strings = LocalStrings.current
    var purpose by remember { mutableStateOf(ReminderPurpose.PRACTICE) }
    var days by remember { mutableStateOf(Weekday.entries.toSet()) }
    var hour by remember { mutableIntStateOf(20) }
    var minute by remember { mutableIntStateOf(0) }
    Choice(listOf(ReminderPurpose.PRACTICE to strings.remindPractice, ReminderPurpose.CHECK_IN to strings.remindCheckIn), purpose) { purpose = it }
    Row(Modifier.horizontalScroll(rememberScrollState()), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        Weekday.entries.forEach { day ->
            FilterChip(
                selected = day in days,
                onClick = { days = if (day in days) days - day else days + day },
                label = { Text(strings.weekdayShort(day)) },
                modifier = Modifier.heightIn(min = TouchTarget).testTag("day-${day.name.lowercase()}"),
            )
        }
    }
    Text(strings.atTime(hour, minute), style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("reminder-time"))
    Text(strings.hour, style = MaterialTheme.typography.bodyMedium)
    Slider(
        value = hour.toFloat(),
        onValueChange = { hour = Math.round(it) },
        valueRange = 0f..23f,
        steps = 22,
        modifier = Modifier.fillMaxWidth().semantics { contentDescription = strings.atTime(hour, minute) },
    )
    Text(strings.minutes, style = MaterialTheme.typography.bodyMedium)
    Slider(
        value = minute / 5f,
        onValueChange = { minute = Math.round(it) * 5 },
        valueRange = 0f..11f,
        steps = 10,
        modifier = Modifier.fillMaxWidth().semantics { contentDescription = strings.atTime(hour, minute) },
    )
    PrimaryButton(strings.addReminder, {
        onAdd(ToolEntry.Reminder(Reminder(purpose, Weekday.entries.filter { it in days }, hour, minute, true)))
    }, "add-reminder", enabled = days.isNotEmpty())
}
