// A new recovery code: asked for in settings, or offered at unlock when the last code was
// never confirmed as kept (the app stopped before it was shown). Shown until confirmed.
import Foundation
import MendCore
import Observation

/// Drives the recovery-code screen.
@MainActor @Observable
public final class RecoveryCodeViewModel: SessionObserver {
    /// The code to show, until kept.
    public private(set) var code: String?
    /// Whether the person kept it.
    public private(set) var kept = false
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
        code = nil
    }

    public func dataChanged(_ change: DataChange) {}

    /// Makes a new code (the old one stops working) and shows it.
    public func replace() async {
        busy = true
        kept = false
        defer { busy = false }
        do {
            code = try await session.newRecoveryCode()
        } catch {
            problem = mendError(error)
        }
    }

    /// The person kept the code: recorded by the core, forgotten here.
    public func keep() async {
        do {
            try await session.confirmRecoveryCode()
            code = nil
            kept = true
        } catch {
            problem = mendError(error)
        }
    }
}
