// The today screen: the day's prompt, another one while more are available, marking it done
// (with a response) or skipped, and when the day changes next.
import Foundation
import MendCore
import Observation

/// Drives the today screen.
@MainActor @Observable
public final class TodayViewModel: SessionObserver {
    /// The prompt on screen.
    public private(set) var prompt: DailyPrompt?
    /// When "today" ends: the screen refreshes then.
    public private(set) var nextDayStarts: Date?
    /// Whether a call is running.
    public private(set) var busy = false
    /// What went wrong, if anything.
    public private(set) var problem: MendError?

    @ObservationIgnored private let session: MendSession

    /// A model over `session`.
    public init(session: MendSession) {
        self.session = session
        session.observe(self)
    }

    public func sessionLocked() {
        prompt = nil
        nextDayStarts = nil
    }

    public func dataChanged(_ change: DataChange) {}

    /// Whether the prompt on screen can still be marked done or skipped.
    public var canSettle: Bool { !busy && prompt != nil && prompt?.outcome != .done }

    /// Whether another prompt can be asked for today.
    public var canAskAnother: Bool { !busy && prompt?.moreAvailable == true }

    private func show(_ work: @escaping @Sendable (MendVault) throws -> DailyPrompt) async {
        busy = true
        problem = nil
        defer { busy = false }
        do {
            let (shown, next) = try await session.call { (try work($0), try $0.nextDayStarts()) }
            prompt = shown
            nextDayStarts = next
        } catch {
            problem = mendError(error)
        }
    }

    /// Loads today's prompt (when the screen appears, and at `nextDayStarts`).
    public func refresh() async {
        await show { try $0.todayPrompt() }
    }

    /// Shows another prompt for today.
    public func another() async {
        guard canAskAnother else { return }
        await show { try $0.anotherPrompt() }
    }

    /// Marks the prompt on screen as done, with an optional response.
    public func done(response: String?) async {
        guard let id = prompt?.prompt.id else { return }
        await show { try $0.completePrompt(promptId: id, response: response) }
    }

    /// Skips the prompt on screen.
    public func skip() async {
        guard let id = prompt?.prompt.id else { return }
        await show { try $0.skipPrompt(promptId: id) }
    }
}
