// The daily check-in: how safe, trusting and connected the person feels today, a note, and
// the recent check-ins. The core stamps the local day and keeps one check-in per day; the
// sliders' range comes from the core's limits.
import Foundation
import MendCore
import Observation

/// Drives the check-in screen.
@MainActor @Observable
public final class CheckInViewModel: SessionObserver {
    /// How safe the person feels.
    public var safety: Int32 = 5
    /// How much trust they feel.
    public var trust: Int32 = 5
    /// How connected they feel.
    public var connection: Int32 = 5
    /// A note.
    public var note = ""
    /// The highest score a slider offers (the lowest is 0).
    public private(set) var maxScore: Int32 = 10
    /// Today's check-in, once made: saving again replaces it.
    public private(set) var today: ToolRecord?
    /// The recent check-ins, newest first.
    public private(set) var recent: [ToolRecord] = []
    /// Whether a call is running.
    public private(set) var busy = false
    /// What the core refused, if anything.
    public private(set) var problem: MendError?
    /// Help the core offered with the last check-in saved (low safety, low scores twice in a
    /// week, or a note that sounds dangerous): the screen shows its card.
    public private(set) var help: HelpOffer?

    @ObservationIgnored private let session: MendSession

    /// A model over `session`.
    public init(session: MendSession) {
        self.session = session
        session.observe(self)
    }

    public func sessionLocked() {
        today = nil
        recent = []
        note = ""
        help = nil
    }

    public func dataChanged(_ change: DataChange) {
        if change == .tool(kind: .checkIns) { Task { await refresh() } }
    }

    /// Whether the person has checked in today.
    public var checkedInToday: Bool { today != nil }

    /// Loads today's check-in and the recent ones.
    public func refresh() async {
        do {
            let (todays, list, max) = try await session.call { (try $0.todaysCheckIn(), try $0.entries(tool: .checkIns), limits().maxScore) }
            today = todays
            recent = list
            maxScore = max
            problem = nil
        } catch {
            problem = mendError(error)
        }
    }

    /// Saves today's check-in; the core's help offer for it, if any, is kept to show.
    public func save() async {
        let (s, t, c, n) = (safety, trust, connection, note)
        busy = true
        problem = nil
        defer { busy = false }
        do {
            let saved = try await session.call { try $0.checkIn(safety: s, trust: t, connection: c, note: n) }
            help = saved.help ?? help
            note = ""
            await refresh()
        } catch {
            problem = mendError(error)
        }
    }
}
