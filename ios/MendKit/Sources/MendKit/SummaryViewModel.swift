// A summary to bring to a therapist: a period the core offers, the sections the person picks,
// the notes and letters they choose one by one, a preview built by the core, then the file
// written (printable HTML or Markdown) and handed over by the platform, or sent to the print
// dialog (which also saves a PDF). Nothing goes in that the person did not pick.
import Foundation
import MendCore
import Observation

/// Drives the summary screen.
@MainActor @Observable
public final class SummaryViewModel {
    /// The periods offered, shortest first.
    public private(set) var periods: [SummaryPeriod] = []
    /// The period chosen.
    public var period: SummaryPeriod?
    /// The sections chosen.
    public var practice = true
    public var checkIns = true
    public var answeredQuestions = false
    /// Notes that can be chosen (the newest page), and those chosen.
    public private(set) var notes: [NoteSummary] = []
    public var chosenNotes: Set<RecordId> = []
    /// Letters and worksheets that can be chosen, and those chosen.
    public private(set) var letters: [ToolRecord] = []
    public var chosenLetters: Set<RecordId> = []
    /// The summary as it will be written, once asked for.
    public private(set) var preview: Summary?
    /// Whether a call is running.
    public private(set) var busy = false
    /// A summary was written.
    public private(set) var done = false
    /// Where it went, in the platform's words; nil if it was set aside.
    public private(set) var deliveredTo: String?
    /// What the core refused.
    public private(set) var problem: MendError?

    @ObservationIgnored private let session: MendSession
    @ObservationIgnored private let files: SharedFiles

    /// A model over `session`, handing summaries to `files`.
    public init(session: MendSession, files: SharedFiles) {
        self.session = session
        self.files = files
    }

    /// Loads the periods, and the notes and letters to choose from.
    public func refresh() async {
        do {
            let (periods, notes, letters) = try await session.call { vault in
                let letters = try [ToolKind.remorseLetters, .stories, .validationNotes].flatMap { try vault.entries(tool: $0) }
                let notes = try vault.notes(query: NoteQuery(step: nil, tag: nil, words: nil), offset: 0, limit: 50).notes
                return (try vault.summaryPeriods(), notes, letters)
            }
            self.periods = periods
            self.period = periods.count > 1 ? periods[1] : periods.first
            self.notes = notes
            self.letters = letters
        } catch {
            problem = mendError(error)
        }
    }

    private var request: SummaryRequest? {
        guard let period else { return nil }
        return SummaryRequest(
            firstDay: period.firstDay, lastDay: period.lastDay, practice: practice, checkIns: checkIns,
            answeredQuestions: answeredQuestions,
            noteIds: notes.map(\.id).filter { chosenNotes.contains($0) },
            letterIds: letters.map(\.id).filter { chosenLetters.contains($0) })
    }

    /// Builds the preview of what will be written.
    public func makePreview() async {
        guard let request else { return }
        busy = true
        problem = nil
        defer { busy = false }
        do {
            preview = try await session.call { try $0.summary(request: request) }
        } catch {
            preview = nil
            problem = mendError(error)
        }
    }

    /// Writes the summary in `format` and hands the file over.
    public func write(_ format: SummaryFormat) async {
        guard let request else { return }
        busy = true
        done = false
        problem = nil
        defer { busy = false }
        let path = files.newFilePath()
        do {
            try await session.call { try $0.writeSummary(request: request, format: format, path: path) }
            deliveredTo = await files.deliver(path: path, suggestedName: summaryFileName(request: request, format: format))
            done = true
        } catch {
            problem = mendError(error)
        }
    }

    /// Whether the summary can go to the platform's print dialog.
    public var canPrint: Bool { files.canPrint }

    /// Builds the summary as a page and opens the print dialog for it, where the person prints
    /// it or saves a PDF.
    public func sendToPrinter() async {
        guard let request else { return }
        busy = true
        done = false
        problem = nil
        defer { busy = false }
        do {
            let page = try await session.call { renderSummary(summary: try $0.summary(request: request), format: .html) }
            let name = summaryFileName(request: request, format: .html)
            await files.printPage(page: page, jobName: String(name.dropLast(".html".count)))
        } catch {
            problem = mendError(error)
        }
    }
}
