// Settings: how soon the app locks in the background (the core's choices), Face ID or Touch
// ID where the device has it, discreet mode (a plain icon), the passcode pages, and erasing
// everything after typing a word. The model decides; this lays it out.
import MendCore
import MendKit
import SwiftUI
import UIKit

struct SettingsView: View {
    let session: MendSession
    @State private var model: SettingsViewModel
    @State private var erasing = false
    @State private var typed = ""
    @Environment(\.words) private var words
    @Environment(\.sharedFiles) private var sharedFiles

    init(session: MendSession) {
        self.session = session
        _model = State(initialValue: SettingsViewModel(session: session))
    }

    var body: some View {
        Form {
            Section {
                Picker(words.autoLockTitle, selection: Binding(
                    get: { model.autoLockSeconds ?? 0 },
                    set: { seconds in Task { await model.setAutoLock(seconds: seconds) } }
                )) {
                    ForEach(model.autoLockChoices, id: \.self) { Text(words.autoLockChoice($0)).tag($0) }
                }
                .accessibilityIdentifier("autolock")
            } footer: { Text(words.autoLockText) }
            if model.biometricAvailable {
                Section {
                    Toggle(words.biometricTitle, isOn: Binding(
                        get: { model.biometric },
                        set: { on in Task { await model.setBiometric(on) } }
                    ))
                    .disabled(model.busy)
                    .accessibilityIdentifier("biometric")
                } footer: { Text(words.biometricText) }
            }
            Section {
                Toggle(words.discreetTitle, isOn: Binding(
                    get: { model.discreet },
                    set: { on in
                        Task {
                            await model.setDiscreet(on)
                            await DiscreetIcon.show(model.discreet)
                        }
                    }
                ))
                .accessibilityIdentifier("discreet")
            } footer: {
                // For the partner repairing the harm, hiding can itself feel like a new secret.
                if case .unlocked(role: .repairing, _, _, _, _) = session.state {
                    Text(words.discreetText + "\n\n" + words.discreetRepairingNote)
                } else {
                    Text(words.discreetText)
                }
            }
            if let sharedFiles {
                Section(words.backupSection) {
                    NavigationLink(words.makeBackup) { BackupView(session: session, files: sharedFiles) }
                        .accessibilityIdentifier("backup")
                    NavigationLink(words.exportTitle) { ExportView(session: session, files: sharedFiles) }
                        .accessibilityIdentifier("export")
                    NavigationLink(words.summaryTitle) { SummaryView(session: session, files: sharedFiles) }
                        .accessibilityIdentifier("summary")
                }
            }
            Section(words.passcodeSection) {
                NavigationLink(words.changePasscode) { ChangePasscodeView(session: session, title: words.changePasscode) }
                    .accessibilityIdentifier("change-passcode")
                NavigationLink(words.someoneMayKnow) { ChangePasscodeView(session: session, title: words.someoneMayKnow) }
                    .accessibilityIdentifier("someone-may-know")
                NavigationLink(words.newRecoveryCode) { NewRecoveryCodeView(session: session) }
                    .accessibilityIdentifier("new-recovery-code")
            }
            Section {
                Button(words.erase, role: .destructive) { erasing = true }
                    .accessibilityIdentifier("erase")
            } header: { Text(words.eraseSection) } footer: { Text(words.eraseText) }
            if let problem = model.problem { ProblemText(problem: problem) }
        }
        .navigationTitle(words.settings)
        .withHelp()
        .task { await model.refresh() }
        .alert(words.eraseConfirmTitle, isPresented: $erasing) {
            TextField(words.eraseWord, text: $typed)
                .textInputAutocapitalization(.characters)
                .accessibilityIdentifier("erase-word")
            Button(words.cancel, role: .cancel) { typed = "" }
            Button(words.erase, role: .destructive) {
                typed = ""
                Task { await model.erase() }
            }
            .disabled(typed != words.eraseWord)
            .accessibilityIdentifier("confirm-erase")
        } message: {
            Text(words.eraseConfirmText(words.eraseWord))
        }
    }
}

/// Discreet mode's icon: the plain alternate icon, or Mend's own. (iOS keeps the name under
/// the icon; the app's display name stays.)
enum DiscreetIcon {
    @MainActor
    static func show(_ discreet: Bool) async {
        let wanted = discreet ? "Discreet" : nil
        guard UIApplication.shared.supportsAlternateIcons, UIApplication.shared.alternateIconName != wanted else { return }
        try? await UIApplication.shared.setAlternateIconName(wanted)
    }
}

/// Changing the passcode (also "someone may know my passcode"): the current one, the new one
/// twice, then the new recovery code to keep.
struct ChangePasscodeView: View {
    let title: String
    @State private var model: ChangePasscodeViewModel
    @State private var current = ""
    @State private var first = ""
    @State private var second = ""
    @Environment(\.words) private var words
    @Environment(\.dismiss) private var dismiss
    @Environment(\.showsOwnRecoveryCode) private var showsOwnRecoveryCode

    init(session: MendSession, title: String) {
        self.title = title
        _model = State(initialValue: ChangePasscodeViewModel(session: session))
    }

    var body: some View {
        // While this page is open it shows its own new code: the space puts no other over it.
        content
            .onAppear { showsOwnRecoveryCode.wrappedValue = true }
            .onDisappear { showsOwnRecoveryCode.wrappedValue = false }
    }

    @ViewBuilder private var content: some View {
        if model.newRecoveryCode != nil {
            RecoveryCodePage(text: words.recoveryCodeText, code: model.newRecoveryCode, problem: model.problem) {
                Task {
                    await model.recoveryCodeKept()
                    if model.done { dismiss() }
                }
            }
        } else {
            Page(title: title) {
                PasscodeField(label: words.passcode, text: $current, identifier: "current")
                PasscodeField(label: words.newPasscode, text: $first, identifier: "passcode")
                if !first.isEmpty { PasscodeStrengthText(passcode: first) }
                PasscodeField(label: words.passcodeAgain, text: $second, identifier: "passcode-again")
                if model.mismatch {
                    Text(words.passcodesDiffer).foregroundStyle(.red).accessibilityIdentifier("mismatch")
                }
                ProblemText(problem: model.problem)
                PrimaryButton(title: model.busy ? words.busy : words.changePasscode, identifier: "change",
                              enabled: !model.busy && !current.isEmpty && !first.isEmpty && !second.isEmpty) {
                    let (now, a, b) = (current, first, second)
                    current = ""
                    first = ""
                    second = ""
                    Task { await model.submit(current: now, new: a, again: b) }
                }
            }
        }
    }
}

/// A new recovery code on request: the old one stops working; this one is shown until kept.
struct NewRecoveryCodeView: View {
    @State private var model: RecoveryCodeViewModel
    @Environment(\.words) private var words
    @Environment(\.dismiss) private var dismiss
    @Environment(\.showsOwnRecoveryCode) private var showsOwnRecoveryCode

    init(session: MendSession) {
        _model = State(initialValue: RecoveryCodeViewModel(session: session))
    }

    var body: some View {
        RecoveryCodePage(text: words.newRecoveryCodeAsked, code: model.code, problem: model.problem) {
            Task {
                await model.keep()
                if model.kept { dismiss() }
            }
        }
        .onAppear { showsOwnRecoveryCode.wrappedValue = true }
        .onDisappear { showsOwnRecoveryCode.wrappedValue = false }
        .task { if model.code == nil { await model.replace() } }
    }
}
