// Writing and editing one note. The core validates; rejected fields come back as problems.
import Foundation
import MendCore
import Observation

/// Drives the note editor.
@MainActor @Observable
public final class NoteEditorViewModel {
    /// The note's id; nil for a new note.
    public private(set) var id: String?
    /// The title being edited.
    public var title = "" { didSet { changed() } }
    /// The body being edited.
    public var body = "" { didSet { changed() } }
    /// The step (1–6), if any.
    public var step: Int? { didSet { changed() } }
    /// The tags.
    public var tags: [String] = [] { didSet { changed() } }
    /// Whether a save or load is running.
    public private(set) var busy = false
    /// Whether there are unsaved changes.
    public private(set) var dirty = false
    /// Whether the last save succeeded.
    public private(set) var saved = false
    /// Whether the note was deleted.
    public private(set) var deleted = false
    /// The problem to show, if any.
    public private(set) var problem: Problem?

    private let client: MendClient
    private var loading = false

    /// An editor over `client`.
    public init(client: MendClient) {
        self.client = client
    }

    private func changed() {
        guard !loading else { return }
        dirty = true
        saved = false
        problem = nil
    }

    /// Whether this is a new note.
    public var isNew: Bool { id == nil }

    /// Whether Save is enabled.
    public var canSave: Bool {
        !busy && dirty && !(title.trimmingCharacters(in: .whitespaces).isEmpty && body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    /// The field the last problem was about, to highlight it.
    public var invalidField: String? {
        if case .invalid(let field, _) = problem { return field }
        return nil
    }

    /// Loads an existing note.
    public func load(id: String) async {
        busy = true
        defer { busy = false }
        do {
            let note = try await client.note(id: id)
            loading = true
            self.id = id
            title = note.summary.title
            body = note.body
            step = note.summary.step.map { Int($0) }
            tags = note.summary.tags
            loading = false
            dirty = false
        } catch {
            problem = Problem(error)
        }
    }

    /// Saves the note (adding or replacing it).
    public func save() async {
        guard canSave else { return }
        busy = true
        defer { busy = false }
        let draft = NoteDraft(title: title, body: body, step: step.map { UInt8($0) }, tags: tags)
        do {
            let summary: NoteSummary
            if let id {
                summary = try await client.editNote(id: id, draft)
            } else {
                summary = try await client.addNote(draft)
            }
            id = summary.id
            dirty = false
            saved = true
        } catch {
            problem = Problem(error)
        }
    }

    /// Deletes the note for good.
    public func delete() async {
        guard let id else { return }
        busy = true
        defer { busy = false }
        do {
            try await client.deleteNote(id: id)
            deleted = true
        } catch {
            problem = Problem(error)
        }
    }
}
