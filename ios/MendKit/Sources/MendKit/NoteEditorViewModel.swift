// Writing and editing one note. The core validates; what it refuses comes back as a typed
// problem naming the field. Typing while a save is under way keeps the note marked unsaved.
// Saving returns the core's help offer with the note when its words sound dangerous: the note
// is saved first, whatever it says.
import Foundation
import MendCore
import Observation

/// Drives the note editor.
@MainActor @Observable
public final class NoteEditorViewModel: SessionObserver {
    /// The note's id, once saved.
    public private(set) var id: RecordId?
    /// The note as it is on screen.
    public private(set) var draft = NoteDraft(title: "", body: "")
    /// Whether a call is running.
    public private(set) var busy = false
    /// Whether the note was deleted.
    public private(set) var deleted = false
    /// What the core refused, if anything.
    public private(set) var problem: MendError?
    /// Help the core offers for the note as last saved: the screen shows its card.
    public private(set) var help: HelpOffer?

    @ObservationIgnored private let session: MendSession
    @ObservationIgnored private var revision = 0
    @ObservationIgnored private var savedRevision = 0
    /// Moves with every edit and save, so that `dirty` is observed.
    private var changes = 0

    /// A model over `session`.
    public init(session: MendSession) {
        self.session = session
        session.observe(self)
    }

    public func sessionLocked() {
        id = nil
        draft = NoteDraft(title: "", body: "")
        revision = 0
        savedRevision = 0
        help = nil
        changes += 1
    }

    public func dataChanged(_ change: DataChange) {}

    /// Whether this is a new note.
    public var isNew: Bool { id == nil }

    /// Whether there are changes not yet saved.
    public var dirty: Bool {
        _ = changes
        return revision != savedRevision
    }

    /// Whether Save is enabled.
    public var canSave: Bool { !busy && dirty }

    /// The field the last problem was about, to mark it.
    public var invalidField: InputField? {
        if case .InvalidInput(let field, _) = problem { return field }
        return nil
    }

    /// Loads an existing note.
    public func load(id: RecordId) async {
        busy = true
        defer { busy = false }
        do {
            let note = try await session.call { try $0.note(id: id) }
            self.id = id
            draft = NoteDraft(title: note.summary.title, body: note.body, step: note.summary.step, tags: note.summary.tags)
            savedRevision = revision
            changes += 1
            problem = nil
        } catch {
            problem = mendError(error)
        }
    }

    /// Changes the draft.
    public func edit(_ change: (inout NoteDraft) -> Void) {
        change(&draft)
        revision += 1
        changes += 1
        problem = nil
    }

    /// Saves the note as it is now (adding or replacing it).
    public func save() async {
        guard canSave else { return }
        let saving = draft, at = revision, id = self.id
        busy = true
        problem = nil
        defer { busy = false }
        do {
            let saved = try await session.call { v in try id.map { try v.editNote(id: $0, draft: saving) } ?? v.addNote(draft: saving) }
            self.id = saved.note.id
            help = saved.help
            // Edits made while saving stay unsaved: only the saved revision moves.
            savedRevision = at
            changes += 1
        } catch {
            problem = mendError(error)
        }
    }

    /// Forgets the unsaved changes: back to the stored note, or empty for a new one.
    public func discard() async {
        if let id {
            await load(id: id)
        } else {
            draft = NoteDraft(title: "", body: "")
            savedRevision = revision
            changes += 1
        }
    }

    /// Deletes the note for good (after the screen's confirmation).
    public func delete() async {
        guard let id else { return }
        do {
            try await session.call { try $0.deleteNote(id: id) }
            deleted = true
        } catch {
            problem = mendError(error)
        }
    }
}
