// The today screen: the day's prompt, alternatives, marking it done (with a response) or
// skipped, and the progress summary beneath it.
import Foundation
import MendCore
import Observation

/// Drives the today screen.
@MainActor @Observable
public final class TodayViewModel {
    /// The prompt on screen.
    public private(set) var prompt: DailyPrompt?
    /// Progress as of today.
    public private(set) var progress: MendCore.Progress?
    /// Whether a call is running.
    public private(set) var busy = false
    /// The problem to show, if any.
    public private(set) var problem: Problem?

    private let client: MendClient
    private let zone: TimeZoneRules

    /// A model over `client`, by local days in `zone`.
    public init(client: MendClient, zone: TimeZoneRules = PlatformZone()) {
        self.client = client
        self.zone = zone
    }

    /// Whether the prompt on screen can still be marked done or skipped.
    public var canSettle: Bool { !busy && prompt != nil && prompt?.outcome != .done }

    /// Days practised of the last seven ("5 of the last 7 days").
    public var daysThisWeek: Int { Int(progress?.daysPractisedLast7 ?? 0) }

    private func run(_ load: @escaping @Sendable (MendClient, TimeZoneRules) async throws -> DailyPrompt) async {
        busy = true
        problem = nil
        defer { busy = false }
        do {
            prompt = try await load(client, zone)
            progress = try await client.progress(zone: zone)
        } catch {
            problem = Problem(error)
        }
    }

    /// Loads today's prompt (when the screen appears, and after midnight).
    public func refresh() async { await run { try await $0.today(zone: $1) } }

    /// Shows the next alternative for today.
    public func another() async {
        let next = min(Int(prompt?.alternative ?? 0) + 1, 20)
        await run { try await $0.anotherPrompt(next, zone: $1) }
    }

    /// Marks the prompt on screen as done, with an optional response.
    public func done(response: String?) async {
        guard let id = prompt?.prompt.id else { return }
        let text = response.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        await run { try await $0.completePrompt(id, response: text, zone: $1) }
    }

    /// Skips the prompt on screen.
    public func skip() async {
        guard let id = prompt?.prompt.id else { return }
        await run { try await $0.skipPrompt(id, zone: $1) }
    }
}
