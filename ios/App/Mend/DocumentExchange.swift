// Backups through the system's document picker: the core writes the sealed file into the
// app's own storage (excluded from iCloud and device backups), the file exporter lets the
// person put it where they choose (Files, iCloud Drive, a USB drive) and the copy here is
// removed; to restore, the file importer gives the chosen file, which is copied into the
// app's storage for the core to read and removed once restored. No network, no permission.
// A summary prints through UIKit's print interaction: the page is laid out in memory and the
// system's print sheet prints it or saves it as a PDF.
import MendKit
import SwiftUI
import UIKit
import UniformTypeIdentifiers

/// The app's side of backups, bridged to SwiftUI's file exporter and importer.
@MainActor @Observable
final class DocumentExchange: SharedFiles {
    /// The backup waiting to be saved; the exporter is shown while it is set.
    private(set) var exporting: BackupDocument?
    /// The name the exporter suggests.
    private(set) var exportName = ""
    /// Whether the importer is shown.
    private(set) var importing = false
    @ObservationIgnored private var exported: CheckedContinuation<String?, Never>?
    @ObservationIgnored private var imported: CheckedContinuation<String?, Never>?

    /// A folder of the app's own, excluded from backups.
    private func folder(_ name: String) -> URL {
        let base = FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask)[0]
        var url = base.appendingPathComponent("Exchange/\(name)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try? url.setResourceValues(values)
        return url
    }

    private func empty(_ url: URL) {
        for item in (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? [] {
            try? FileManager.default.removeItem(at: item)
        }
    }

    func newFilePath() -> String {
        let dir = folder("backups")
        empty(dir) // left by an earlier run
        return dir.appendingPathComponent("backup-\(UUID().uuidString).mendbackup").path
    }

    func deliver(path: String, suggestedName: String) async -> String? {
        exportName = suggestedName
        exporting = BackupDocument(url: URL(fileURLWithPath: path))
        let place = await withCheckedContinuation { exported = $0 }
        try? FileManager.default.removeItem(atPath: path)
        return place
    }

    /// The exporter finished: where the file went, or nothing if cancelled or refused.
    func finishExport(_ result: Result<URL, Error>?) {
        let place = (try? result?.get())?.lastPathComponent
        exporting = nil
        exported?.resume(returning: place)
        exported = nil
    }

    /// The exporter went away: once its answer has come (or never will), nothing is pending.
    func exporterClosed() {
        Task { @MainActor in if exported != nil { finishExport(nil) } }
    }

    /// The importer went away without a file (cancelled), unless its answer follows.
    func importerClosed() {
        importing = false
        Task { @MainActor in if imported != nil { finishImport(nil) } }
    }

    func pick() async -> String? {
        importing = true
        return await withCheckedContinuation { imported = $0 }
    }

    /// The importer finished: the chosen file copied into the app's storage, or nothing.
    func finishImport(_ result: Result<URL, Error>?) {
        importing = false
        var copy: String?
        if let url = try? result?.get() {
            let scoped = url.startAccessingSecurityScopedResource()
            defer { if scoped { url.stopAccessingSecurityScopedResource() } }
            let dir = folder("restore")
            empty(dir)
            let target = dir.appendingPathComponent(url.lastPathComponent)
            if (try? FileManager.default.copyItem(at: url, to: target)) != nil { copy = target.path }
        }
        imported?.resume(returning: copy)
        imported = nil
    }

    func release(path: String) async {
        try? FileManager.default.removeItem(atPath: path)
    }

    var canPrint: Bool { UIPrintInteractionController.isPrintingAvailable }

    func printPage(page: String, jobName: String) async {
        let info = UIPrintInfo.printInfo()
        info.outputType = .general
        info.jobName = jobName
        let controller = UIPrintInteractionController.shared
        controller.printInfo = info
        controller.printFormatter = UIMarkupTextPrintFormatter(markupText: page)
        // On iPad the print options come as a popover, anchored to the middle of the window.
        let window = UIApplication.shared.connectedScenes
            .compactMap { $0 as? UIWindowScene }
            .flatMap(\.windows)
            .first(where: \.isKeyWindow)
        if UIDevice.current.userInterfaceIdiom == .pad, let view = window?.rootViewController?.view {
            let middle = CGRect(x: view.bounds.midX, y: view.bounds.midY, width: 1, height: 1)
            controller.present(from: middle, in: view, animated: true) { _, _, _ in controller.printFormatter = nil }
        } else {
            controller.present(animated: true) { _, _, _ in controller.printFormatter = nil }
        }
    }
}

/// A sealed backup file, as the exporter takes it: the file itself, sent as it is.
struct BackupDocument: Transferable {
    let url: URL

    static var transferRepresentation: some TransferRepresentation {
        FileRepresentation(exportedContentType: .data) { document in SentTransferredFile(document.url) }
    }
}

extension View {
    /// Presents `exchange`'s exporter and importer when it asks for them.
    func documentExchange(_ exchange: DocumentExchange) -> some View {
        modifier(DocumentExchangeModifier(exchange: exchange))
    }
}

private struct DocumentExchangeModifier: ViewModifier {
    let exchange: DocumentExchange

    func body(content: Content) -> some View {
        content
            .fileExporter(
                isPresented: Binding(get: { exchange.exporting != nil }, set: { if !$0 { exchange.exporterClosed() } }),
                item: exchange.exporting,
                contentTypes: [.data],
                defaultFilename: exchange.exportName,
                onCompletion: { exchange.finishExport($0) },
                onCancellation: { exchange.finishExport(nil) }
            )
            .fileImporter(
                isPresented: Binding(get: { exchange.importing }, set: { if !$0 { exchange.importerClosed() } }),
                allowedContentTypes: [.data],
                onCompletion: { exchange.finishImport($0) }
            )
    }
}
