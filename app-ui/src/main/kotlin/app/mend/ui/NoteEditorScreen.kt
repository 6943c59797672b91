// The note editor: title, body and tags; save, discard changes, or delete after a
// confirmation. The core checks every length and says which field it refused.
package app.mend.ui

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
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
import app.mend.core.InputField
import app.mend.core.RecordId
import app.mend.kit.NoteEditorModel
import kotlinx.coroutines.launch

/** The editor for the note [id] (a new note when null), driven by [model]. */
@Composable
fun NoteEditorScreen(model: NoteEditorModel, id: RecordId?, onClose: () -> Unit, onHelp: () -> Unit) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val scope = rememberCoroutineScope()
    var confirmDelete by remember { mutableStateOf(false) }
    var confirmLeave by remember { mutableStateOf(false) }
    // The tags as typed, split at commas when the draft changes; the core tidies them.
    var tagsText by remember { mutableStateOf("") }
    LaunchedEffect(id) {
        if (id != null) model.load(id) else model.discard()
        tagsText = model.state.value.draft.tags.joinToString(", ")
    }
    LaunchedEffect(state.deleted) { if (state.deleted) onClose() }
    MendScreen(if (state.isNew) strings.newNote else strings.editNote, onHelp) {
        val invalid = state.invalidField
        OutlinedTextField(
            value = state.draft.title,
            onValueChange = { text -> model.edit { it.copy(title = text) } },
            label = { Text(strings.noteTitle) },
            isError = invalid == InputField.TITLE,
            modifier = Modifier.fillMaxWidth().testTag("title"),
        )
        OutlinedTextField(
            value = state.draft.body,
            onValueChange = { text -> model.edit { it.copy(body = text) } },
            label = { Text(strings.noteBody) },
            isError = invalid == InputField.BODY,
            minLines = 6,
            modifier = Modifier.fillMaxWidth().heightIn(min = 160.dp).testTag("body"),
        )
        OutlinedTextField(
            value = tagsText,
            onValueChange = { text ->
                tagsText = text
                model.edit { it.copy(tags = text.split(',').map(String::trim).filter(String::isNotEmpty)) }
            },
            label = { Text(strings.noteTags) },
            supportingText = { Text(strings.noteTagsHint) },
            isError = invalid == InputField.TAG || invalid == InputField.TAGS,
            singleLine = true,
            modifier = Modifier.fillMaxWidth().testTag("tags"),
        )
        ProblemText(state.problem)
        // Words of self-harm in the saved note: help is offered first (the note is kept).
        state.help?.let { HelpOfferCard(it, onHelp) }
        if (!state.dirty && !state.isNew && !state.busy) {
            Text(strings.saved, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("saved"))
        }
        PrimaryButton(if (state.busy) strings.busy else strings.save, { scope.launch { model.save() } }, "save", enabled = state.canSave)
        if (state.dirty) {
            SecondaryButton(strings.discardChanges, { scope.launch { model.discard() } }, "discard")
        }
        if (!state.isNew) {
            SecondaryButton(strings.delete, { confirmDelete = true }, "delete", enabled = !state.busy)
        }
        // Unsaved words are never lost without asking.
        val leave = { if (state.dirty) confirmLeave = true else onClose() }
        OnBack(action = leave)
        QuietButton(strings.back, leave, "close")
    }
    if (confirmLeave) {
        AlertDialog(
            onDismissRequest = { confirmLeave = false },
            title = { Text(strings.unsavedTitle) },
            text = { Text(strings.unsavedText) },
            confirmButton = {
                TextButton(onClick = {
                    confirmLeave = false
                    scope.launch {
                        model.save()
                        if (!model.state.value.dirty) onClose()
                    }
                }, modifier = Modifier.testTag("save-and-leave")) { Text(strings.save) }
            },
            dismissButton = {
                TextButton(onClick = {
                    confirmLeave = false
                    onClose()
                }, modifier = Modifier.testTag("leave-unsaved")) { Text(strings.leaveUnsaved) }
            },
        )
    }
    if (confirmDelete) {
        AlertDialog(
            onDismissRequest = { confirmDelete = false },
            title = { Text(strings.deleteNoteTitle) },
            text = { Text(strings.deleteNoteText) },
            confirmButton = {
                TextButton(onClick = {
                    confirmDelete = false
                    scope.launch { model.delete() }
                }, modifier = Modifier.testTag("confirm-delete")) { Text(strings.delete) }
            },
            dismissButton = {
                TextButton(onClick = { confirmDelete = false }, modifier = Modifier.testTag("keep-note")) { Text(strings.keep) }
            },
        )
    }
}
