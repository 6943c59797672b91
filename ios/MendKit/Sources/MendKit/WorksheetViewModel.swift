// A written worksheet (remorse letter, story worksheet, validation note): its headings from
// the program's content, one text per section, and for remorse letters the phrasing check
// shown inline as the person writes.
import Foundation
import MendCore
import Observation

/// Drives a worksheet.
@MainActor @Observable
public final class WorksheetViewModel: SessionObserver {
    /// The title and headings.
    public private(set) var info: WorksheetText?
    /// The worksheet's id, once saved.
    public private(set) var id: RecordId?
    /// One text per heading.
    public private(set) var sections: [String] = []
    /// For remorse letters: the flagged spans of each section, in order.
    public private(set) var flags: [[PhrasingFlag]] = []
    /// Whether the worksheet is saved as it is.
    public private(set) var saved = false
    /// What the core refused, if anything.
    public private(set) var problem: MendError?

    @ObservationIgnored private let session: MendSession
    @ObservationIgnored private let kind: WorksheetKind

    /// A model of a `kind` worksheet over `session`.
    public init(session: MendSession, kind: WorksheetKind) {
        self.session = session
        self.kind = kind
        session.observe(self)
    }

    public func sessionLocked() {
        id = nil
        sections = []
        flags = []
    }

    public func dataChanged(_ change: DataChange) {}

    private func check(_ texts: [String]) async -> [[PhrasingFlag]] {
        guard kind == .remorseLetter else { return texts.map { _ in [] } }
        var out: [[PhrasingFlag]] = []
        for text in texts {
            out.append((try? await session.anytime { try checkLetterPhrasing(text: text) }) ?? [])
        }
        return out
    }

    /// Loads the headings, and the worksheet of `existing` (from the tool's list) if given.
    public func open(_ existing: ToolRecord? = nil) async {
        let kind = self.kind
        do {
            let loaded = try await session.anytime { try worksheetInfo(kind: kind) }
            info = loaded
            id = existing?.id
            if case .worksheet(let sheet)? = existing?.entry {
                sections = sheet.sections
            } else {
                sections = loaded.sections.map { _ in "" }
            }
            flags = await check(sections)
        } catch {
            problem = mendError(error)
        }
    }

    /// Changes the text of section `index`, and checks its phrasing again.
    public func edit(section index: Int, _ text: String) async {
        guard sections.indices.contains(index) else { return }
        sections[index] = text
        saved = false
        problem = nil
        let checked = await check([text])
        if flags.indices.contains(index) { flags[index] = checked[0] }
    }

    /// Saves the worksheet (adding it, or replacing the one opened).
    public func save() async {
        let entry = ToolEntry.worksheet(Worksheet(kind: kind, sections: sections)), id = self.id
        do {
            let record = try await session.call { v in try id.map { try v.editEntry(id: $0, entry: entry) } ?? v.addEntry(entry: entry) }
            self.id = record.id
            saved = true
        } catch {
            problem = mendError(error)
        }
    }
}
