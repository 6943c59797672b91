// Forgot passcode: the recovery code and a new passcode typed twice open the vault; a new
// recovery code replaces the used one and is shown until the person says they kept it.
import Foundation
import MendCore
import Observation

/// Drives the forgot-passcode screens.
@MainActor @Observable
public final class RecoverViewModel {
    /// The new recovery code to show, until kept.
    public private(set) var newRecoveryCode: String?
    /// The two passcode entries differed.
    public private(set) var mismatch = false
    /// Whether the person is done (the new code kept).
    public private(set) var done = false
    /// Whether a call is running.
    public private(set) var busy = false
    /// What the core refused, if anything.
    public private(set) var problem: MendError?

    @ObservationIgnored private let session: MendSession

    /// A model over `session`.
    public init(session: MendSession) {
        self.session = session
    }

    /// Opens with `recoveryCode` and sets the new passcode if both entries match.
    public func submit(recoveryCode: String, passcode first: String, again second: String) async {
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
            newRecoveryCode = try await session.recover(recoveryCode: recoveryCode, newPasscode: first)
        } catch {
            problem = mendError(error)
        }
    }

    /// The person kept the new code: recorded by the core, forgotten here.
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
