// The lock screen: attempts left, the wait after too many tries (counted down), unlocking
// with the passcode or, where it is on, after a biometric check.
import Foundation
import MendCore
import Observation

/// Drives the lock screen.
@MainActor @Observable
public final class UnlockViewModel {
    /// Attempts and any wait in force, from the core.
    public private(set) var status: UnlockStatus?
    /// Whether a try is running.
    public private(set) var busy = false
    /// The last problem (a wrong passcode with attempts left, a wait…).
    public private(set) var problem: MendError?
    /// Whether biometric unlock is offered.
    public private(set) var biometricReady = false
    /// Biometric unlock was just switched off because the device's biometry changed.
    public private(set) var biometricSwitchedOff = false

    @ObservationIgnored private let session: MendSession
    @ObservationIgnored private let now: () -> Date

    /// A model over `session`; `now` is injectable for tests.
    public init(session: MendSession, now: @escaping () -> Date = Date.init) {
        self.session = session
        self.now = now
    }

    /// Whole seconds still to wait before a try is allowed; 0 when it is.
    public var secondsToWait: Int {
        guard let retryAt = status?.retryAt else { return 0 }
        return max(0, Int(retryAt.timeIntervalSince(now()).rounded(.up)))
    }

    /// Whether the passcode can be submitted now.
    public var canSubmit: Bool { !busy && secondsToWait == 0 }

    /// Reads the attempt count and any wait in force (when the screen appears, after a wait).
    public func refresh() async {
        do {
            status = try await session.call { try $0.unlockStatus() }
            biometricReady = try await session.biometricUnlockReady()
            problem = nil
        } catch {
            problem = mendError(error)
        }
    }

    /// Tries `passcode`.
    public func submit(_ passcode: String) async {
        guard canSubmit else { return }
        busy = true
        problem = nil
        do {
            try await session.unlock(passcode: passcode)
            busy = false
        } catch {
            busy = false
            await refresh()
            problem = mendError(error)
        }
    }

    /// Asks for a biometric check and unlocks with it (when a try is allowed).
    public func unlockWithBiometrics() async {
        guard canSubmit, biometricReady else { return }
        busy = true
        problem = nil
        do {
            let outcome = try await session.unlockWithBiometrics()
            busy = false
            if outcome == .switchedOff {
                biometricSwitchedOff = true
                await refresh()
            }
        } catch {
            busy = false
            await refresh()
            problem = mendError(error)
        }
    }
}
