// The program pages for this vault's role: the six steps, or the hurt partner's themes.
import Foundation
import MendCore
import Observation

/// Drives the program screens.
@MainActor @Observable
public final class ProgramViewModel: SessionObserver {
    /// The pages, in order.
    public private(set) var pages: [ProgramPage] = []
    /// The page opened, if any.
    public private(set) var open: ProgramPage?
    /// What went wrong, if anything.
    public private(set) var problem: MendError?

    @ObservationIgnored private let session: MendSession

    /// A model over `session`.
    public init(session: MendSession) {
        self.session = session
        session.observe(self)
    }

    public func sessionLocked() {
        pages = []
        open = nil
    }

    public func dataChanged(_ change: DataChange) {}

    /// Loads the pages.
    public func refresh() async {
        do {
            pages = try await session.call { try $0.programPages() }
            problem = nil
        } catch {
            problem = mendError(error)
        }
    }

    /// Opens the page at `index`, or closes it with nil.
    public func open(index: Int?) {
        open = index.flatMap { pages.indices.contains($0) ? pages[$0] : nil }
    }
}
