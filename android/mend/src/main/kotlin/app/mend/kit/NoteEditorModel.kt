// Writing and editing one note. The core validates; rejected fields come back as problems.
package app.mend.kit

import app.mend.core.NoteDraft
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/** What the editor shows. */
data class EditorState(
    val id: String? = null,
    val title: String = "",
    val body: String = "",
    val step: Int? = null,
    val tags: List<String> = emptyList(),
    val busy: Boolean = false,
    val dirty: Boolean = false,
    val saved: Boolean = false,
    val deleted: Boolean = false,
    val problem: Problem? = null,
) {
    /** Whether this is a new note. */
    val isNew: Boolean get() = id == null

    /** Whether Save is enabled. */
    val canSave: Boolean get() = !busy && dirty && (title.isNotBlank() || body.isNotBlank())

    /** The field the last problem was about, to highlight it. */
    val invalidField: String? get() = (problem as? Problem.Invalid)?.field
}

/** Drives the note editor. */
class NoteEditorModel(private val client: MendClient) {
    private val mutable = MutableStateFlow(EditorState())

    /** The current state. */
    val state: StateFlow<EditorState> = mutable.asStateFlow()

    /** Loads an existing note. */
    suspend fun load(id: String) {
        mutable.update { it.copy(busy = true) }
        attempt { client.note(id) }
            .onSuccess { n ->
                mutable.value = EditorState(
                    id = id,
                    title = n.summary.title,
                    body = n.body,
                    step = n.summary.step?.toInt(),
                    tags = n.summary.tags,
                )
            }
            .onFailure { e -> mutable.update { it.copy(busy = false, problem = problemOf(e)) } }
    }

    /** Changes any of the fields. */
    fun edit(
        title: String = mutable.value.title,
        body: String = mutable.value.body,
        step: Int? = mutable.value.step,
        tags: List<String> = mutable.value.tags,
    ) {
        mutable.update {
            it.copy(title = title, body = body, step = step, tags = tags, dirty = true, saved = false, problem = null)
        }
    }

    /** Saves the note (adding or replacing it). */
    suspend fun save() {
        val s = mutable.value
        if (!s.canSave) return
        mutable.update { it.copy(busy = true, problem = null) }
        val draft = NoteDraft(title = s.title, body = s.body, step = s.step?.toUByte(), tags = s.tags)
        attempt { if (s.id == null) client.addNote(draft) else client.editNote(s.id, draft) }
            .onSuccess { summary ->
                mutable.update { it.copy(id = summary.id, busy = false, dirty = false, saved = true) }
            }
            .onFailure { e -> mutable.update { it.copy(busy = false, problem = problemOf(e)) } }
    }

    /** Deletes the note for good. */
    suspend fun delete() {
        val id = mutable.value.id ?: return
        mutable.update { it.copy(busy = true, problem = null) }
        attempt { client.deleteNote(id) }
            .onSuccess { mutable.update { it.copy(busy = false, deleted = true) } }
            .onFailure { e -> mutable.update { it.copy(busy = false, problem = problemOf(e)) } }
    }
}
