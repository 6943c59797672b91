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
    /// Help the core offered with the response last saved: the screen shows its card.
    public private(set) var help: HelpOffer?

    @ObservationIgnored private let session: MendSession

    /// A model over `session`.
    public init(session: MendSession) {
        self.session = session
        session.observe(self)
    }

    public func sessionLocked() {
        prompt = nil
        nextDayStarts = nil
        help = nil
    }

    public func dataChanged(_ change: DataChange) {}

    /// Whether the prompt on screen can still be marked done or skipped.
    public var canSettle: Bool { !busy && prompt != nil && prompt?.outcome != .done }

    /// Whether another prompt can be asked for today.
    public var canAskAnother: Bool { !busy && prompt?.moreAvailable == true }

    /// Shows the prompt `work` returns, with the help offered with it, if any.
    private func show(_ work: @escaping @Sendable (MendVault) throws -> (DailyPrompt, HelpOffer?)) async {
        busy = true
        problem = nil
        defer { busy = false }
        do {
            let (shown, offer, next) = try await session.call { v in
                let (shown, offer) = try work(v)
                return (shown, offer, try v.nextDayStarts())
            }
            prompt = shown
            nextDayStarts = next
            help = offer ?? help
        } catch {
            problem = mendError(error)
        }
    }

    /// Loads today's prompt (when the screen appears, and at `nextDayStarts`).
    public func refresh() async {
        await show { (try $0.todayPrompt(), nil) }
    }

    /// Shows another prompt for today.
    public func another() async {
        guard canAskAnother else { return }
        await show { (try $0.anotherPrompt(), nil) }
    }

    /// Marks the prompt on screen as done, with an optional response; the core's help offer
    /// for the response, if any, is kept to show.
    public func done(response: String?) async {
        guard let id = prompt?.prompt.id else { return }
        await show { v in
            let saved = try v.completePrompt(promptId: id, response: response)
            return (saved.prompt, saved.help)
        }
    }

    /// Skips the prompt on screen.
    public func skip() async {
        guard let id = prompt?.prompt.id else { return }
        await show { (try $0.skipPrompt(promptId: id), nil) }
    }
}
