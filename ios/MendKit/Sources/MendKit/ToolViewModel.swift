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
    }

    public func dataChanged(_ change: DataChange) {
        if change == .tool(kind: tool) { Task { await refresh() } }
    }

    private func change(_ work: @escaping @Sendable (MendVault) throws -> Void) async {
        busy = true
        problem = nil
        defer { busy = false }
        let tool = self.tool
        do {
            entries = try await session.call { v in
                try work(v)
                return try v.entries(tool: tool)
            }
        } catch {
            problem = mendError(error)
        }
    }

    /// Loads the entries.
    public func refresh() async {
        await change { _ in }
    }

    /// Adds an entry.
    public func add(_ entry: ToolEntry) async {
        await change { _ = try $0.addEntry(entry: entry) }
    }

    /// Replaces an entry.
    public func edit(id: RecordId, _ entry: ToolEntry) async {
        await change { _ = try $0.editEntry(id: id, entry: entry) }
    }

    /// Deletes an entry.
    public func delete(id: RecordId) async {
        await change { try $0.deleteEntry(id: id) }
    }
}
