// The daily check-in screen: how safe, trusting and connected the person feels today (0–10),
// a note, and the recent check-ins.
import Foundation
import MendCore
import Observation

/// Drives the check-in screen.
@MainActor @Observable
public final class CheckInViewModel {
    /// Safety, 0–10.
    public private(set) var safety = 5
    /// Trust, 0–10.
    public private(set) var trust = 5
    /// Connection, 0–10.
    public private(set) var connection = 5
    /// A note.
    public var note = ""
    /// Recent check-ins, newest first.
    public private(set) var recent: [ToolRecord] = []
    /// Whether a call is running.
    public private(set) var busy = false
    /// The problem to show, if any.
    public private(set) var problem: Problem?

    private let client: MendClient
    private let today: () -> String

    /// A model over `client`; `today` gives the local date as `YYYY-MM-DD` (injectable).
    public init(client: MendClient, today: @escaping () -> String = CheckInViewModel.localToday) {
        self.client = client
        self.today = today
    }

    /// Today's date in the device's time zone, `YYYY-MM-DD`.
    public nonisolated static func localToday() -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Sets the scores, each kept within 0–10.
    public func set(safety: Int? = nil, trust: Int? = nil, connection: Int? = nil) {
        let clamp = { (v: Int) in min(max(v, 0), 10) }
        if let safety { self.safety = clamp(safety) }
        if let trust { self.trust = clamp(trust) }
        if let connection { self.connection = clamp(connection) }
    }

    /// Whether today's check-in is saved.
    public var savedToday: Bool {
        recent.contains { record in
            if case .checkIn(let date, _, _, _, _) = record.entry { return date == today() }
            return false
        }
    }

    /// Loads the recent check-ins.
    public func refresh() async {
        do {
            recent = try await client.entries(.checkIns)
        } catch {
            problem = Problem(error)
        }
    }

    /// Saves today's check-in.
    public func save() async {
        busy = true
        problem = nil
        defer { busy = false }
        do {
            _ = try await client.addEntry(.checkIn(date: today(), safety: UInt8(safety), trust: UInt8(trust),
                                                   connection: UInt8(connection), note: note))
            note = ""
            recent = try await client.entries(.checkIns)
        } catch {
            problem = Problem(error)
        }
    }
}
