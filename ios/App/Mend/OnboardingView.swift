// First run: whose space this is, a device passcode if there is none, a passcode typed
// twice with the core's strength estimate, then the recovery code, kept only once the person
// says so. Everything decided here is the OnboardingViewModel's.
import MendCore
import MendKit
import SwiftUI

struct OnboardingView: View {
    /// Held by the root, so that the recovery code stays on screen after the vault opens.
    let model: OnboardingViewModel
    /// Offers to restore a backup instead, where given.
    let onRestore: (() -> Void)?
    @State private var first = ""
    @State private var second = ""
    @Environment(\.words) private var words

    init(model: OnboardingViewModel, onRestore: (() -> Void)? = nil) {
        self.model = model
        self.onRestore = onRestore
    }

    var body: some View {
        switch model.step {
        case .chooseRole:
            Page(title: words.welcomeTitle) {
                Text(words.welcomeText)
                Text(words.whoIsThisFor).font(.headline)
                RoleButton(title: words.repairingRole, detail: words.repairingRoleDetail, identifier: "role-repairing") {
                    model.choose(role: .repairing)
                }
                RoleButton(title: words.hurtRole, detail: words.hurtRoleDetail, identifier: "role-hurt") {
                    model.choose(role: .hurt)
                }
                if let onRestore {
                    SecondaryButton(title: words.restoreOffer, identifier: "restore-offer", action: onRestore)
                }
            }
        case .choosePasscode where model.needsScreenLock:
            Page(title: words.screenLockTitle) {
                Text(words.screenLockText).accessibilityIdentifier("needs-screen-lock")
                PrimaryButton(title: words.screenLockCheckAgain, identifier: "check-screen-lock") { model.checkScreenLock() }
                SecondaryButton(title: words.back, identifier: "back") { model.back() }
            }
        case .choosePasscode:
            Page(title: words.choosePasscodeTitle) {
                Text(words.choosePasscodeText)
                PasscodeField(label: words.passcode, text: $first, identifier: "passcode")
                if !first.isEmpty { PasscodeStrengthText(passcode: first) }
                PasscodeField(label: words.passcodeAgain, text: $second, identifier: "passcode-again")
                if model.mismatch {
                    Text(words.passcodesDiffer).foregroundStyle(.red).accessibilityIdentifier("mismatch")
                }
                ProblemText(problem: model.problem)
                PrimaryButton(title: model.busy ? words.busy : words.createVault, identifier: "create",
                              enabled: !model.busy && !first.isEmpty && !second.isEmpty) {
                    let (a, b) = (first, second)
                    first = ""
                    second = ""
                    Task { await model.choosePasscode(a, again: b) }
                }
                SecondaryButton(title: words.back, identifier: "back") { model.back() }
            }
        case .showRecoveryCode:
            RecoveryCodePage(text: words.recoveryCodeText, code: model.recoveryCode, problem: model.problem) {
                Task { await model.recoveryCodeKept() }
            }
        case .done:
            EmptyView()
        }
    }
}

/// One choice of whose space this is: a card that is one big button.
private struct RoleButton: View {
    let title: String
    let detail: String
    let identifier: String
    let action: () -> Void

    var body: some View {
        Button(action: action) {
            VStack(alignment: .leading, spacing: 4) {
                Text(title).font(.headline)
                Text(detail).font(.subheadline).foregroundStyle(.secondary)
            }
            .frame(maxWidth: .infinity, minHeight: 48, alignment: .leading)
            .padding()
        }
        .buttonStyle(.bordered)
        .accessibilityElement(children: .combine)
        .accessibilityIdentifier(identifier)
    }
}

/// A recovery code to write down, grouped for reading aloud, and the button that says it was kept.
struct RecoveryCodePage: View {
    let text: String
    let code: String?
    let problem: MendError?
    let onKept: () -> Void
    @Environment(\.words) private var words

    init(text: String, code: String?, problem: MendError?, onKept: @escaping () -> Void) {
        self.text = text
        self.code = code
        self.problem = problem
        self.onKept = onKept
    }

    var body: some View {
        Page(title: words.recoveryCodeTitle) {
            Text(text)
            if let code {
                Text(code)
                    .font(.system(.title2, design: .monospaced))
                    .textSelection(.enabled)
                    .accessibilityLabel(code.map { String($0) }.joined(separator: " "))
                    .accessibilityIdentifier("recovery-code")
            }
            ProblemText(problem: problem)
            PrimaryButton(title: words.keptRecoveryCode, identifier: "kept", action: onKept)
        }
    }
}
