// Writing and editing one note. The core validates; what it refuses comes back as a typed
// problem naming the field. Typing while a save is under way keeps the note marked unsaved.
// Saving returns the core's help offer with the note when its words sound dangerous: the note
// is saved first, whatever it says.
package app.mend.kit

import app.mend.core.InputField
import app.mend.core.NoteDraft
import app.mend.core.HelpOffer
import app.mend.core.RecordId
import app.mend.ffi.MendException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the editor shows. */
data class EditorState(
    val id: RecordId? = null,
    val draft: NoteDraft = NoteDraft("", ""),
    /** Moves on every edit. */
    val revision: Long = 0,
    /** The revision last saved (or loaded). */
    val savedRevision: Long = 0,
    val busy: Boolean = false,
    val deleted: Boolean = false,
    val problem: MendException? = null,
    /** Help the core offers for the note as last saved: the screen shows its card. */
    val help: HelpOffer? = null,
) {
    /** Whether this is a new note. */
    val isNew: Boolean get() = id == null

    /** Whether there are changes not yet saved. */
    val dirty: Boolean get() = revision != savedRevision

    /** Whether Save is enabled. */
    val canSave: Boolean get() = !busy && dirty

    /** The field the last problem was about, to mark it. */
    val invalidField: InputField? get() = (problem as? MendException.InvalidInput)?.field
}

/** Drives the note editor. */
class NoteEditorModel(session: MendSession, scope: CoroutineScope) : ScreenModel<EditorState>(session, EditorState(), scope) {

    /** Loads an existing note. */
    suspend fun load(id: RecordId) {
        mutable.update { it.copy(busy = true) }
        val result = attempt { session.call { it.note(id) } }
        mutable.update {
            result.fold(
                { n -> EditorState(id = id, draft = NoteDraft(n.summary.title, n.body, n.summary.step, n.summary.tags)) },
                { _ -> it.copy(busy = false, problem = result.problem) },
            )
        }
    }

    /** Changes the draft (any of its fields). */
    fun edit(change: (NoteDraft) -> NoteDraft) =
        mutable.update { it.copy(draft = change(it.draft), revision = it.revision + 1, problem = null) }

    /** Saves the note as it is now (adding or replacing it). */
    suspend fun save() {
        val before = mutable.value
        if (!before.canSave) return
        mutable.update { it.copy(busy = true, problem = null) }
        val id = before.id
        val result = attempt { session.call { v -> if (id == null) v.addNote(before.draft) else v.editNote(id, before.draft) } }
        mutable.update {
            result.fold(
                // Edits made while saving stay unsaved: only the saved revision moves.
                { saved -> it.copy(id = saved.note.id, busy = false, savedRevision = before.revision, help = saved.help) },
                { _ -> it.copy(busy = false, problem = result.problem) },
            )
        }
    }

    /** Forgets the unsaved changes: back to the stored note, or empty for a new one. */
    suspend fun discard() {
        val id = mutable.value.id
        if (id == null) mutable.value = EditorState() else load(id)
    }

    /** Deletes the note for good (after the screen's confirmation). */
    suspend fun delete() {
        val id = mutable.value.id ?: return
        mutable.update { it.copy(busy = true, problem = null) }
        val result = attempt { session.call { it.deleteNote(id) } }
        mutable.update { it.copy(busy = false, deleted = result.isSuccess, problem = result.problem) }
    }
}
