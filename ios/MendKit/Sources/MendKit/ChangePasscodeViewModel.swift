// Changing the passcode: the current one, then the new one typed twice.
import Foundation
import MendCore
import Observation

/// Drives the change-passcode screen.
@MainActor @Observable
public final class ChangePasscodeViewModel {
    /// The two new entries differed.
    public private(set) var mismatch = false
    /// Whether the passcode was changed.
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
            try await session.call { try $0.changePasscode(current: Data(current.utf8), new: Data(first.utf8)) }
            done = true
        } catch {
            problem = mendError(error)
        }
    }
}
