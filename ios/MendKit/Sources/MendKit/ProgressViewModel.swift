// The progress screen: practice per step or theme, days practised, milestones and the weekly
// check-in averages, reloaded when practice or a check-in changes.
import Foundation
import MendCore
import Observation

/// Drives the progress screen.
@MainActor @Observable
public final class ProgressViewModel: SessionObserver {
    /// Progress as of today.
    public private(set) var progress: ProgramProgress?
    /// What went wrong, if anything.
    public private(set) var problem: MendError?

    @ObservationIgnored private let session: MendSession

    /// A model over `session`.
    public init(session: MendSession) {
        self.session = session
        session.observe(self)
    }

    public func sessionLocked() {
        progress = nil
    }

    public func dataChanged(_ change: DataChange) {
        if change == .practice || change == .tool(kind: .checkIns) {
            Task { await refresh() }
        }
    }

    /// Loads progress.
    public func refresh() async {
        do {
            progress = try await session.call { try $0.progress() }
            problem = nil
        } catch {
            problem = mendError(error)
        }
    }
}
