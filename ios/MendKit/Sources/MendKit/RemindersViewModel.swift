// The reminders page: add, edit, switch on or off, delete; and the next notifications for the
// app to schedule (neutral texts from the core), refreshed after every change.
import Foundation
import MendCore
import Observation

/// Drives the reminders page; after every change the app reschedules `upcoming`.
@MainActor @Observable
public final class RemindersViewModel: SessionObserver {
    /// The reminders.
    public private(set) var reminders: [ToolRecord] = []
    /// The next notifications to schedule, soonest first.
    public private(set) var upcoming: [ReminderFiring] = []
    /// What the core refused, if anything.
    public private(set) var problem: MendError?

    @ObservationIgnored private let session: MendSession
    @ObservationIgnored private let schedule: Int32

    /// A model over `session`; `schedule` is how many notifications the app keeps scheduled.
    public init(session: MendSession, schedule: Int32 = 20) {
        self.session = session
        self.schedule = schedule
        session.observe(self)
    }

    public func sessionLocked() {
        reminders = []
        upcoming = []
    }

    public func dataChanged(_ change: DataChange) {
        if change == .tool(kind: .reminders) { Task { await refresh() } }
    }

    private func change(_ work: @escaping @Sendable (MendVault) throws -> Void) async {
        let limit = schedule
        do {
            let (list, next) = try await session.call { v in
                try work(v)
                return (try v.entries(tool: .reminders), try v.upcomingReminders(limit: limit))
            }
            reminders = list
            upcoming = next
            problem = nil
        } catch {
            problem = mendError(error)
        }
    }

    /// Loads the reminders and their next firings.
    public func refresh() async {
        await change { _ in }
    }

    /// Adds a reminder.
    public func add(_ reminder: Reminder) async {
        await change { _ = try $0.addEntry(entry: .reminder(reminder)) }
    }

    /// Replaces a reminder.
    public func edit(id: RecordId, _ reminder: Reminder) async {
        await change { _ = try $0.editEntry(id: id, entry: .reminder(reminder)) }
    }

    /// Switches a reminder on or off.
    public func setEnabled(_ record: ToolRecord, _ enabled: Bool) async {
        guard case .reminder(var reminder) = record.entry else { return }
        reminder.enabled = enabled
        await edit(id: record.id, reminder)
    }

    /// Deletes a reminder.
    public func delete(id: RecordId) async {
        await change { try $0.deleteEntry(id: id) }
    }
}
