// Backups: making one from settings (a passphrase typed twice, progress while the core seals
// the space, where the file went), and restoring one on first run (the file, its passphrase,
// a new passcode for this device, then the new recovery code until it is kept). Everything
// decided here is BackupViewModel's and RestoreViewModel's.
import MendCore
import MendKit
import SwiftUI

/// Progress of long work, with what is happening in words.
private struct Working: View {
    let words: String
    let fraction: Double

    var body: some View {
        ProgressView(value: fraction) { Text(words) }
            .accessibilityIdentifier("progress")
    }
}

/// Making a backup, from settings.
struct BackupView: View {
    @State private var model: BackupViewModel
    @State private var first = ""
    @State private var second = ""
    @Environment(\.words) private var words
    @Environment(\.dismiss) private var dismiss

    init(session: MendSession, files: SharedFiles) {
        _model = State(initialValue: BackupViewModel(session: session, files: files))
    }

    var body: some View {
        Page(title: words.makeBackup) {
            Text(words.backupText)
            if let records = model.records {
                Text(words.backupDone(records)).font(.headline).accessibilityIdentifier("backup-done")
                Text(model.deliveredTo.map(words.backupDeliveredTo) ?? words.backupNotDelivered)
                if model.damagedLeftOut > 0 { Text(words.backupLeftOut(model.damagedLeftOut)) }
                PrimaryButton(title: words.back, identifier: "close") {
                    model.reset()
                    dismiss()
                }
            } else {
                PasscodeField(label: words.backupPassphrase, text: $first, identifier: "backup-passphrase")
                Text(words.backupPassphraseHint(model.minChars)).font(.callout).foregroundStyle(.secondary)
                PasscodeField(label: words.backupPassphraseAgain, text: $second, identifier: "backup-passphrase-again")
                if model.mismatch {
                    Text(words.passphrasesDiffer).foregroundStyle(.red).accessibilityIdentifier("mismatch")
                }
                if let progress = model.progress { Working(words: words.backingUp, fraction: progress) }
                ProblemText(problem: model.problem)
                PrimaryButton(title: words.makeBackup, identifier: "make-backup",
                              enabled: model.progress == nil && !first.isEmpty && !second.isEmpty) {
                    let (a, b) = (first, second)
                    first = ""
                    second = ""
                    Task { await model.makeBackup(passphrase: a, again: b) }
                }
            }
        }
        .task { await model.refresh() }
    }
}

/// Exporting everything, from settings: the warning first, then the two formats.
struct ExportView: View {
    @State private var model: ExportViewModel
    @Environment(\.words) private var words

    init(session: MendSession, files: SharedFiles) {
        _model = State(initialValue: ExportViewModel(session: session, files: files))
    }

    var body: some View {
        Page(title: words.exportTitle) {
            Text(words.exportText).accessibilityIdentifier("export-warning")
            if model.done {
                Text(model.deliveredTo.map(words.exportDeliveredTo) ?? words.exportNotDelivered)
                    .font(.headline)
                    .accessibilityIdentifier("export-done")
            }
            if model.busy { ProgressView().accessibilityIdentifier("progress") }
            ProblemText(problem: model.problem)
            SecondaryButton(title: words.exportJson, identifier: "export-json", enabled: !model.busy) {
                Task { await model.export(.json) }
            }
            SecondaryButton(title: words.exportMarkdown, identifier: "export-markdown", enabled: !model.busy) {
                Task { await model.export(.markdown) }
            }
        }
    }
}

/// Restoring a backup on first run; `onBack` returns to the welcome.
struct RestoreView: View {
    let model: RestoreViewModel
    let onBack: () -> Void
    @State private var passphrase = ""
    @State private var first = ""
    @State private var second = ""
    @Environment(\.words) private var words

    var body: some View {
        if model.recoveryCode != nil {
            RecoveryCodePage(text: words.restoredCodeText, code: model.recoveryCode, problem: model.problem) {
                Task { await model.recoveryCodeKept() }
            }
        } else {
            Page(title: words.restoreTitle) {
                Text(words.restoreText)
                if let name = model.backupName {
                    Text(words.backupChosen(name)).accessibilityIdentifier("backup-chosen")
                }
                SecondaryButton(title: words.chooseBackup, identifier: "choose-backup", enabled: model.progress == nil) {
                    Task { await model.pickBackup() }
                }
                PasscodeField(label: words.backupPassphrase, text: $passphrase, identifier: "backup-passphrase")
                PasscodeField(label: words.passcodeForThisDevice, text: $first, identifier: "passcode")
                if !first.isEmpty { PasscodeStrengthText(passcode: first) }
                PasscodeField(label: words.passcodeAgain, text: $second, identifier: "passcode-again")
                if model.mismatch {
                    Text(words.passcodesDiffer).foregroundStyle(.red).accessibilityIdentifier("mismatch")
                }
                if let progress = model.progress { Working(words: words.restoring, fraction: progress) }
                ProblemText(problem: model.problem, aboutABackup: true)
                PrimaryButton(title: words.restore, identifier: "restore",
                              enabled: model.progress == nil && model.backup != nil && !passphrase.isEmpty
                                && !first.isEmpty && !second.isEmpty) {
                    let (p, a, b) = (passphrase, first, second)
                    passphrase = ""
                    first = ""
                    second = ""
                    Task { await model.restore(passphrase: p, passcode: a, again: b) }
                }
                SecondaryButton(title: words.back, identifier: "back") {
                    model.reset()
                    onBack()
                }
            }
        }
    }
}
