// The lock screen's state: attempts left, the wait after too many tries, and unlocking.
import Foundation
import Observation

/// Drives the lock screen.
@MainActor @Observable
public final class UnlockViewModel {
    /// Whether a try is running.
    public private(set) var busy = false
    /// Whether the vault is open.
    public private(set) var unlocked: Bool
    /// Tries left before waits start.
    public private(set) var attemptsLeft = 5
    /// When the next try is allowed, if a wait is in force (ms since the epoch).
    public private(set) var waitUntilMs: Int64?
    /// The problem to show, if any.
    public private(set) var problem: Problem?

    private let client: MendClient
    private let now: () -> Int64

    /// A model for `client`; `now` is injectable for tests.
    public init(client: MendClient, now: @escaping () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }) {
        self.client = client
        self.now = now
        self.unlocked = client.isUnlocked
    }

    /// Whole seconds still to wait; 0 when a try is allowed.
    public var secondsToWait: Int64 {
        guard let until = waitUntilMs else { return 0 }
        return (max(until - now(), 0) + 999) / 1000
    }

    /// Whether the passcode may be submitted now.
    public var canSubmit: Bool { !busy && !unlocked && secondsToWait == 0 }

    /// Reads the attempt count and any wait in force.
    public func refresh() async {
        do {
            let status = try await client.unlockStatus()
            attemptsLeft = Int(status.attemptsLeft)
            waitUntilMs = status.retryAtMs
            problem = status.retryAtMs.map { .mustWait(retryAtMs: $0) }
        } catch {
            problem = Problem(error)
        }
    }

    /// Tries `passcode`.
    public func submit(passcode: String) async {
        guard canSubmit else { return }
        busy = true
        problem = nil
        defer { busy = false }
        do {
            try await client.unlock(passcode: Data(passcode.utf8))
            unlocked = true
            attemptsLeft = 5
            waitUntilMs = nil
        } catch {
            let p = Problem(error)
            problem = p
            switch p {
            case .wrongPasscode(let left):
                attemptsLeft = left
                // After the last free try the core starts a wait; show it straight away.
                if left == 0 { await refresh() }
            case .mustWait(let at):
                attemptsLeft = 0
                waitUntilMs = at
            default:
                break
            }
        }
    }
}
