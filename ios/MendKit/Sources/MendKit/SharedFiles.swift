// How files leave the app and come into it, the platform's own way: the file exporter for
// backups, exports and summaries, the file importer for a backup to restore. The core writes
// and reads plain paths; the platform moves the file to and from them. A summary can also go
// to the print framework, which prints it or saves it as a PDF without a plain copy left in
// the app's storage.

/// The platform's side of files going out and coming in.
@MainActor
public protocol SharedFiles: AnyObject {
    /// A new path to write a backup, export or summary to (nothing there yet).
    func newFilePath() -> String

    /// Hands the written file at `path` to the person, offering `suggestedName`, and removes
    /// it from the app's storage; returns where it went, in words to show, or nil if they set
    /// it aside.
    func deliver(path: String, suggestedName: String) async -> String?

    /// Asks the person for a backup to restore; returns a path the core can read (copied into
    /// the app's own storage where needed), or nil if they cancelled.
    func pick() async -> String?

    /// A restore from `path` (as `pick()` gave it) is over: a copy may be removed.
    func release(path: String) async

    /// Whether `printPage(page:jobName:)` reaches a print framework here.
    var canPrint: Bool { get }

    /// Opens the print dialog for `page`, a self-contained HTML page, as a job named `jobName`
    /// (dates only: the print queue shows it). The person prints it or saves it as a PDF from
    /// there; returns once the dialog is open.
    func printPage(page: String, jobName: String) async
}

extension SharedFiles {
    /// No print framework, unless the platform says otherwise.
    public var canPrint: Bool { false }

    /// Nothing to print to, unless the platform says otherwise.
    public func printPage(page: String, jobName: String) async {}
}
