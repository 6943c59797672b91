// Exporting everything, from settings: after a plain warning that the file is not protected,
// the core writes everything as JSON (for other programs) or Markdown (to read) into the
// app's own storage, and the platform hands it to the person and removes the copy.
import Foundation
import MendCore
import Observation

/// Drives the export screen.
@MainActor @Observable
public final class ExportViewModel {
    /// Whether an export is being written.
    public private(set) var busy = false
    /// An export was written.
    public private(set) var done = false
    /// Where it went, in the platform's words; nil if it was set aside.
    public private(set) var deliveredTo: String?
    /// What the core refused.
    public private(set) var problem: MendError?

    @ObservationIgnored private let session: MendSession
    @ObservationIgnored private let files: SharedFiles

    /// A model over `session`, handing exports to `files`.
    public init(session: MendSession, files: SharedFiles) {
        self.session = session
        self.files = files
    }

    /// Writes everything in `format` and hands the file over.
    public func export(_ format: ExportFormat) async {
        busy = true
        done = false
        deliveredTo = nil
        problem = nil
        defer { busy = false }
        let path = files.newFilePath()
        do {
            let name = try await session.call { vault -> String in
                try vault.export(format: format, path: path)
                return try vault.exportFileName(format: format)
            }
            deliveredTo = await files.deliver(path: path, suggestedName: name)
            done = true
        } catch {
            problem = mendError(error)
        }
    }
}
