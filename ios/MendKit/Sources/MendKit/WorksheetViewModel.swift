// A written worksheet (remorse letter, story worksheet, validation note): its headings from
// the program's content, one text per section, and the core's letter check of each section as
// the person writes — help first when a section sounds dangerous, otherwise the phrasing
// worth another look, or what it means that nothing was flagged. Saving returns the core's
// help offer too.
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
    /// The core's letter check of each section, in order (none for an empty section).
    public private(set) var checks: [LetterCheck?] = []
    /// Help the core offered when the worksheet was last saved.
    public private(set) var savedHelp: HelpOffer?
    /// Whether the worksheet is saved as it is.
    public private(set) var saved = false
    /// Whether a save is running.
    public private(set) var busy = false
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
        checks = []
        savedHelp = nil
        saved = false
    }

    public func dataChanged(_ change: DataChange) {}

    /// The flagged spans of section `index`.
    public func flags(_ index: Int) -> [PhrasingFlag] {
        checks.indices.contains(index) ? checks[index]?.flags ?? [] : []
    }

    /// Help to offer now: for a section as written, or for the worksheet as saved.
    public var help: HelpOffer? {
        checks.lazy.compactMap { $0?.help }.first ?? savedHelp
    }

    private func check(_ text: String) async -> LetterCheck? {
        guard !text.allSatisfy(\.isWhitespace) else { return nil }
        return try? await session.anytime { try checkLetterPhrasing(text: text) }
    }

    /// Loads the headings, and the worksheet of `existing` (from the tool's list) if given.
    public func open(_ existing: ToolRecord? = nil) async {
        let kind = self.kind
        do {
            let loaded = try await session.anytime { try worksheetInfo(kind: kind) }
            let texts: [String]
            if case .worksheet(let sheet)? = existing?.entry {
                texts = sheet.sections
            } else {
                texts = loaded.sections.map { _ in "" }
            }
            var checked: [LetterCheck?] = []
            for text in texts { checked.append(await check(text)) }
            info = loaded
            id = existing?.id
            sections = texts
            checks = checked
            savedHelp = nil
            saved = false
            problem = nil
        } catch {
            problem = mendError(error)
        }
    }

    /// Changes the text of section `index`, and checks it again.
    public func edit(section index: Int, _ text: String) async {
        guard sections.indices.contains(index) else { return }
        sections[index] = text
        saved = false
        problem = nil
        let checked = await check(text)
        // A check of words since replaced (typing went on meanwhile) is not shown.
        guard sections.indices.contains(index), sections[index] == text, checks.indices.contains(index) else { return }
        checks[index] = checked
    }

    /// Saves the worksheet (adding it, or replacing the one opened).
    public func save() async {
        guard !busy else { return }
        let entry = ToolEntry.worksheet(Worksheet(kind: kind, sections: sections)), id = self.id
        busy = true
        problem = nil
        defer { busy = false }
        do {
            let result = try await session.call { v in try id.map { try v.editEntry(id: $0, entry: entry) } ?? v.addEntry(entry: entry) }
            self.id = result.record.id
            savedHelp = result.help
            saved = true
        } catch {
            problem = mendError(error)
        }
    }
}
