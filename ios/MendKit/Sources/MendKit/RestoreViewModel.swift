// Restoring a backup on first run (a new or reset device): the person picks the file, types
// its passphrase and a new passcode for this device twice; the core makes a new vault from it
// with progress shown, and its new recovery code is shown until kept.
import Foundation
import MendCore
import Observation

/// Drives the restore screen.
@MainActor @Observable
public final class RestoreViewModel {
    /// The backup chosen, as a path the core reads; nil until one is.
    public private(set) var backup: String?
    /// The two passcode entries differed.
    public private(set) var mismatch = false
    /// The fraction done while restoring; nil when not.
    public private(set) var progress: Double?
    /// The new vault's recovery code, shown until the person keeps it.
    public private(set) var recoveryCode: String?
    /// The code was kept: restoring is over.
    public private(set) var done = false
    /// What the core refused (a wrong passphrase, a damaged or newer backup…).
    public private(set) var problem: MendError?

    /// The name of the chosen backup file, to show.
    public var backupName: String? { backup.map { URL(fileURLWithPath: $0).lastPathComponent } }

    @ObservationIgnored private let session: MendSession
    @ObservationIgnored private let files: SharedFiles
    @ObservationIgnored private let kdf: KdfParams

    /// A model over `session`, taking backups from `files`.
    public init(session: MendSession, files: SharedFiles, kdf: KdfParams = defaultKdfParams()) {
        self.session = session
        self.files = files
        self.kdf = kdf
    }

    /// Asks the platform for the backup file.
    public func pickBackup() async {
        guard let picked = await files.pick() else { return }
        backup = picked
        problem = nil
    }

    /// Restores if a backup is chosen and the passcode entries match.
    public func restore(passphrase: String, passcode first: String, again second: String) async {
        guard let backup, first == second else {
            mismatch = first != second
            problem = nil
            return
        }
        mismatch = false
        problem = nil
        progress = 0
        defer { progress = nil }
        do {
            recoveryCode = try await session.restore(from: backup, passphrase: passphrase, passcode: first, kdf: kdf) { done in
                Task { @MainActor [weak self] in if self?.progress != nil { self?.progress = done } }
            }
            await files.release(path: backup)
        } catch {
            problem = mendError(error)
        }
    }

    /// The person kept the new code: recorded by the core, forgotten here.
    public func recoveryCodeKept() async {
        do {
            try await session.confirmRecoveryCode()
            recoveryCode = nil
            done = true
        } catch {
            problem = mendError(error)
        }
    }

    /// Leaves restoring (back to first run).
    public func reset() {
        backup = nil
        mismatch = false
        recoveryCode = nil
        done = false
        problem = nil
    }
}
