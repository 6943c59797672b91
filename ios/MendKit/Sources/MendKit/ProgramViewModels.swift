// State for the program pages (the six steps), the progress page, the tools' pages and the
// reminders page.
import Foundation
import MendCore
import Observation

/// Drives the program pages: the steps, and the one opened.
@MainActor @Observable
public final class ProgramViewModel {
    /// The six steps.
    public private(set) var steps: [StepInfo] = []
    /// The step opened, if any.
    public private(set) var open: StepInfo?
    /// The problem to show, if any.
    public private(set) var problem: Problem?

    /// A model of the program.
    public init() {}

    /// Loads the steps.
    public func refresh() {
        do {
            steps = try programSteps()
        } catch {
            problem = Problem(error)
        }
    }

    /// Opens step `number` (1–6), or closes it with nil.
    public func open(_ number: Int?) {
        open = number.flatMap { n in steps.first { Int($0.number) == n } }
    }
}

/// Drives the progress page.
@MainActor @Observable
public final class ProgressViewModel {
    /// Progress as of today.
    public private(set) var progress: MendCore.Progress?
    /// The problem to show, if any.
    public private(set) var problem: Problem?

    private let client: MendClient
    private let zone: TimeZoneRules

    /// A model over `client`, by local days in `zone`.
    public init(client: MendClient, zone: TimeZoneRules = PlatformZone()) {
        self.client = client
        self.zone = zone
    }

    /// Loads progress.
    public func refresh() async {
        do {
            progress = try await client.progress(zone: zone)
        } catch {
            problem = Problem(error)
        }
    }
}

/// Drives the page of one tool: its entries, newest first, and adding, editing, deleting.
@MainActor @Observable
public final class ToolViewModel {
    /// The entries, newest first.
    public private(set) var entries: [ToolRecord] = []
    /// Whether a change is running.
    public private(set) var busy = false
    /// The problem to show, if any.
    public private(set) var problem: Problem?

    private let client: MendClient
    private let tool: ToolKind

    /// A model of `tool` over `client`.
    public init(client: MendClient, tool: ToolKind) {
        self.client = client
        self.tool = tool
    }

    private func change(_ work: @escaping @Sendable (MendClient) async throws -> Void) async {
        busy = true
        problem = nil
        defer { busy = false }
        do {
            try await work(client)
            entries = try await client.entries(tool)
        } catch {
            problem = Problem(error)
        }
    }

    /// Loads the entries.
    public func refresh() async { await change { _ in } }

    /// Adds an entry.
    public func add(_ entry: ToolEntry) async { await change { _ = try await $0.addEntry(entry) } }

    /// Replaces an entry.
    public func edit(id: String, _ entry: ToolEntry) async { await change { _ = try await $0.editEntry(id: id, entry) } }

    /// Deletes an entry.
    public func delete(id: String) async { await change { try await $0.deleteEntry(id: id) } }
}

/// Drives the reminders page; after every change the app reschedules `upcoming`.
@MainActor @Observable
public final class RemindersViewModel {
    /// The reminders.
    public private(set) var reminders: [ToolRecord] = []
    /// The next notifications to schedule, soonest first.
    public private(set) var upcoming: [ReminderFiring] = []
    /// The problem to show, if any.
    public private(set) var problem: Problem?

    private let client: MendClient
    private let zone: TimeZoneRules

    /// A model over `client`, with times in `zone`.
    public init(client: MendClient, zone: TimeZoneRules = PlatformZone()) {
        self.client = client
        self.zone = zone
    }

    private func change(_ work: @escaping @Sendable (MendClient) async throws -> Void) async {
        problem = nil
        do {
            try await work(client)
            reminders = try await client.entries(.reminders)
            upcoming = reminders.isEmpty ? [] : try await client.upcomingReminders(limit: 20, zone: zone)
        } catch {
            problem = Problem(error)
        }
    }

    /// Loads the reminders and their next firings.
    public func refresh() async { await change { _ in } }

    /// Adds a reminder.
    public func add(_ reminder: ToolEntry) async { await change { _ = try await $0.addEntry(reminder) } }

    /// Deletes a reminder.
    public func delete(id: String) async { await change { try await $0.deleteEntry(id: id) } }
}
