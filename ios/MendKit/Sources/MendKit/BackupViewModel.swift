// Making a backup, from settings: a passphrase typed twice (long enough for a file anyone
// could try to open anywhere), the core seals the whole vault under it with progress shown,
// and the platform hands the file to the person.
import Foundation
import MendCore
import Observation

/// Drives the backup screen.
@MainActor @Observable
public final class BackupViewModel {
    /// The shortest passphrase, in characters (the core's rule).
    public private(set) var minChars = 0
    /// The two passphrase entries differed.
    public private(set) var mismatch = false
    /// The fraction done while a backup is written; nil when none is.
    public private(set) var progress: Double?
    /// Records written by the last backup, once it is written.
    public private(set) var records: Int64?
    /// Records left out of it because they could not be read.
    public private(set) var damagedLeftOut: Int32 = 0
    /// Where the backup went, in the platform's words; nil if it was set aside.
    public private(set) var deliveredTo: String?
    /// What the core refused.
    public private(set) var problem: MendError?

    @ObservationIgnored private let session: MendSession
    @ObservationIgnored private let files: SharedFiles
    @ObservationIgnored private let kdf: KdfParams

    /// A model over `session`, handing backups to `files`.
    public init(session: MendSession, files: SharedFiles, kdf: KdfParams = defaultKdfParams()) {
        self.session = session
        self.files = files
        self.kdf = kdf
    }

    /// Loads the passphrase rule.
    public func refresh() async {
        minChars = Int((try? await session.anytime { limits().backupPassphraseMinChars }) ?? 0)
    }

    /// Writes a backup if the two entries match.
    public func makeBackup(passphrase first: String, again second: String) async {
        guard first == second else {
            mismatch = true
            problem = nil
            return
        }
        mismatch = false
        problem = nil
        records = nil
        deliveredTo = nil
        progress = 0
        defer { progress = nil }
        let path = files.newFilePath()
        do {
            let summary = try await session.backup(to: path, passphrase: first, kdf: kdf) { done in
                Task { @MainActor [weak self] in if self?.progress != nil { self?.progress = done } }
            }
            let name = (try? await session.call { try $0.backupFileName() }) ?? URL(fileURLWithPath: path).lastPathComponent
            deliveredTo = await files.deliver(path: path, suggestedName: name)
            records = summary.records
            damagedLeftOut = summary.damagedLeftOut
        } catch {
            problem = mendError(error)
        }
    }

    /// Back to an empty form (leaving the screen).
    public func reset() {
        mismatch = false
        records = nil
        deliveredTo = nil
        damagedLeftOut = 0
        problem = nil
    }
}
