// Help, reachable from every screen, locked or not: emergency numbers, crisis and abuse lines
// (the device's region first), signs it is time to get help, finding a therapist, and the
// cautions about transparency and pressure. Help never waits for the core queue (which may
// be busy sealing a backup or restoring one): it reads the core's content beside it.
import Foundation
import MendCore
import Observation

/// Drives the help screen.
@MainActor @Observable
public final class HelpViewModel {
    /// The help resources.
    public private(set) var help: Help?
    /// What went wrong, if anything.
    public private(set) var problem: MendError?

    @ObservationIgnored private let session: MendSession

    /// A model over `session` (help needs no vault).
    public init(session: MendSession) {
        self.session = session
    }

    /// Loads help.
    public func refresh() async {
        do {
            let region = Locale.current.region?.identifier
            help = try await Task.detached { try helpResources(region: region) }.value
        } catch {
            problem = mendError(error)
        }
    }
}
