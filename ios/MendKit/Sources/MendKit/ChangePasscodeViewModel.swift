// Changing the passcode — also what "someone may know my passcode" leads to: the current
// one, then the new one typed twice. The vault gets new keys, and a new recovery code that is
// shown until the person says they kept it.
import Foundation
import MendCore
import Observation

/// Drives the change-passcode screen.
@MainActor @Observable
public final class ChangePasscodeViewModel {
    /// The new recovery code to show once, until the person says they kept it.
    public private(set) var newRecoveryCode: String?
    /// The two new entries differed.
    public private(set) var mismatch = false
    /// Whether the passcode was changed and the new code kept.
    public private(set) var done = false
    /// Whether a call is running.
    public private(set) var busy = false
    /// What the core refused (a wrong current passcode, a new one too short…).
    public private(set) var problem: MendError?

    @ObservationIgnored private let session: MendSession

    /// A model over `session`.
    public init(session: MendSession) {
        self.session = session
    }

    /// Changes the passcode if the two new entries match.
    public func submit(current: String, new first: String, again second: String) async {
        guard first == second else {
            mismatch = true
            problem = nil
            return
        }
        mismatch = false
        problem = nil
        busy = true
        defer { busy = false }
        do {
            newRecoveryCode = try await session.changePasscode(current: current, new: first)
        } catch {
            problem = mendError(error)
        }
    }

    /// The person kept the new recovery code: recorded by the core, forgotten here.
    public func recoveryCodeKept() async {
        do {
            try await session.confirmRecoveryCode()
            newRecoveryCode = nil
            done = true
        } catch {
            problem = mendError(error)
        }
    }
}
