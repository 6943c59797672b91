// The page of one tool (question log, no-contact log, cut-ties checklist, boundaries and
// needs, time together, trigger log…): its entries newest first, adding, editing, deleting.
import Foundation
import MendCore
import Observation

/// Drives the page of one tool.
@MainActor @Observable
public final class ToolViewModel: SessionObserver {
    /// The entries, newest first.
    public private(set) var entries: [ToolRecord] = []
    /// Whether a call is running.
    public private(set) var busy = false
    /// What the core refused, if anything.
    public private(set) var problem: MendError?
    /// Help the core offered with the entry last saved: the screen shows its card.
    public private(set) var help: HelpOffer?

    @ObservationIgnored private let session: MendSession
    @ObservationIgnored private let tool: ToolKind

    /// A model of `tool` over `session`.
    public init(session: MendSession, tool: ToolKind) {
        self.session = session
        self.tool = tool
        session.observe(self)
    }

    public func sessionLocked() {
        entries = []
        help = nil
    }

    public func dataChanged(_ change: DataChange) {
        if change == .tool(kind: tool) { Task { await refresh() } }
    }

    /// Runs `work`, if any, then shows the entries and the help `work` returned; without
    /// `work` (a reload) the help on screen stays, whenever the reload lands.
    private func change(_ work: (@Sendable (MendVault) throws -> HelpOffer?)? = nil) async {
        busy = true
        problem = nil
        defer { busy = false }
        let tool = self.tool
        do {
            let (offer, list) = try await session.call { v in (try work.map { try $0(v) } ?? nil, try v.entries(tool: tool)) }
            entries = list
            if work != nil { help = offer }
        } catch {
            problem = mendError(error)
        }
    }

    /// Loads the entries (the help on screen stays).
    public func refresh() async {
        await change()
    }

    /// Adds an entry; the core's help offer for it, if any, is shown with the list.
    public func add(_ entry: ToolEntry) async {
        await change { try $0.addEntry(entry: entry).help }
    }

    /// Replaces an entry, likewise.
    public func edit(id: RecordId, _ entry: ToolEntry) async {
        await change { try $0.editEntry(id: id, entry: entry).help }
    }

    /// Deletes an entry.
    public func delete(id: RecordId) async {
        await change { try $0.deleteEntry(id: id); return nil }
    }
}
