// Help, reachable from every screen, locked or not: first the lines to reach now for the
// person's place (the region the core chose at start from the time zone and the locale), then
// what to do in a crisis, signs it is time to get help, the cautions, how to reach help when a
// phone may be checked, finding a therapist, and every other place's lines. Help never waits
// for the core queue (which may be busy sealing a backup or restoring one): it reads the
// core's content beside it.
import Foundation
import MendCore
import Observation

/// Drives the help screen.
@MainActor @Observable
public final class HelpViewModel {
    /// The help resources.
    public private(set) var help: Help?
    /// The region whose lines come first (the core's choice from the time zone and locale).
    public private(set) var region: String?
    /// What went wrong, if anything.
    public private(set) var problem: MendError?

    @ObservationIgnored private let session: MendSession

    /// A model over `session` (help needs no vault).
    public init(session: MendSession) {
        self.session = session
    }

    /// The lines of the person's region: the "get help now" block.
    public var linesHere: [HelpResource] {
        help?.here ?? []
    }

    /// Every other place's lines, in the core's order.
    public var linesElsewhere: [HelpResource] {
        help?.resources.filter { $0.country != region } ?? []
    }

    /// Loads help.
    public func refresh() async {
        do {
            // The place the core chose at start: the time zone's country, else the locale's.
            let (chosen, loaded) = try await Task.detached { () -> (String?, Help) in
                let region = helpRegion()
                return (region, try helpResources(region: region))
            }.value
            region = chosen
            help = loaded
            problem = nil
        } catch {
            problem = mendError(error)
        }
    }
}
