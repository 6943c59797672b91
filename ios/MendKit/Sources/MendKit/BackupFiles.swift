// Where backups are written and where a backup to restore comes from: the platform's own way
// (the share sheet or a save panel, the document picker). The core writes and reads plain
// paths; the platform moves the sealed file to and from them.

/// The platform's side of backups.
@MainActor
public protocol BackupFiles: AnyObject {
    /// A new path to write a backup to (nothing there yet).
    func newBackupPath() -> String

    /// Hands the written backup at `path` to the person, offering `suggestedName`; returns
    /// where it went, in words to show, or nil if they set it aside.
    func deliver(path: String, suggestedName: String) async -> String?

    /// Asks the person for a backup to restore; returns a path the core can read (copied into
    /// the app's own storage where needed), or nil if they cancelled.
    func pick() async -> String?

    /// A restore from `path` (as `pick()` gave it) is over: a copy may be removed.
    func release(path: String) async
}
