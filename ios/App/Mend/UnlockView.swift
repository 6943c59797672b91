// The lock screen: tries left, the wait after too many (counted down live), Face ID or
// Touch ID where it is on, and "forgot passcode". Help stays reachable while locked. The
// counting and the waits are the core's; the view only shows the seconds the model gives.
import MendCore
import MendKit
import SwiftUI

struct UnlockView: View {
    @State private var model: UnlockViewModel
    @State private var passcode = ""
    let onForgot: () -> Void
    @Environment(\.words) private var words
    @Environment(\.problemWords) private var problemWords

    init(session: MendSession, onForgot: @escaping () -> Void) {
        _model = State(initialValue: UnlockViewModel(session: session))
        self.onForgot = onForgot
    }

    var body: some View {
        Group {
            // Redrawn each second while a wait applies, so the countdown stays live.
            TimelineView(.periodic(from: .now, by: 1)) { _ in
                Page(title: words.unlockTitle) {
                    PasscodeField(label: words.passcode, text: $passcode, identifier: "passcode")
                    if model.secondsToWait > 0 {
                        Text(problemWords.wait(model.secondsToWait))
                            .foregroundStyle(.red)
                            .accessibilityIdentifier("wait")
                        if model.status?.lastAttemptInterrupted == true { Text(words.interruptedAttempt) }
                    } else {
                        ProblemText(problem: model.problem)
                    }
                    PrimaryButton(title: model.busy ? words.busy : words.unlock, identifier: "unlock",
                                  enabled: model.canSubmit && !passcode.isEmpty) {
                        let typed = passcode
                        passcode = ""
                        Task { await model.submit(typed) }
                    }
                    if model.biometricReady {
                        SecondaryButton(title: words.biometricUnlock, identifier: "biometric-unlock", enabled: model.canSubmit) {
                            Task { await model.unlockWithBiometrics() }
                        }
                    }
                    if model.biometricSwitchedOff {
                        Text(words.biometricSwitchedOff).accessibilityIdentifier("biometric-off")
                    }
                    Button(words.forgotPasscode, action: onForgot)
                        .frame(minHeight: 48)
                        .accessibilityIdentifier("forgot")
                }
            }
            .task { await model.refresh() }
            .onChange(of: model.secondsToWait == 0) { _, allowed in
                if allowed { Task { await model.refresh() } }
            }
        }
    }
}

/// Forgot passcode: the recovery code and a new passcode twice; then a new recovery code.
struct RecoverView: View {
    /// Held by the root, so that the new recovery code stays on screen after the vault opens.
    let model: RecoverViewModel
    let onBack: () -> Void
    @State private var code = ""
    @State private var first = ""
    @State private var second = ""
    @Environment(\.words) private var words

    init(model: RecoverViewModel, onBack: @escaping () -> Void) {
        self.model = model
        self.onBack = onBack
    }

    var body: some View {
        if model.newRecoveryCode != nil {
            RecoveryCodePage(text: words.recoveryCodeText, code: model.newRecoveryCode, problem: model.problem) {
                Task { await model.recoveryCodeKept() }
            }
        } else {
            Page(title: words.forgotPasscode) {
                Text(words.recoverText)
                TextField(words.recoveryCode, text: $code)
                    .textInputAutocapitalization(.characters)
                    .autocorrectionDisabled()
                    .font(.system(.body, design: .monospaced))
                    .padding(12)
                    .overlay(RoundedRectangle(cornerRadius: 8).stroke(.secondary))
                    .accessibilityIdentifier("code")
                PasscodeField(label: words.newPasscode, text: $first, identifier: "passcode")
                if !first.isEmpty { PasscodeStrengthText(passcode: first) }
                PasscodeField(label: words.passcodeAgain, text: $second, identifier: "passcode-again")
                if model.mismatch {
                    Text(words.passcodesDiffer).foregroundStyle(.red).accessibilityIdentifier("mismatch")
                }
                ProblemText(problem: model.problem)
                PrimaryButton(title: model.busy ? words.busy : words.setNewPasscode, identifier: "recover",
                              enabled: !model.busy && !code.isEmpty && !first.isEmpty && !second.isEmpty) {
                    let (typedCode, a, b) = (code, first, second)
                    first = ""
                    second = ""
                    Task { await model.submit(recoveryCode: typedCode, passcode: a, again: b) }
                }
                SecondaryButton(title: words.back, identifier: "back", action: onBack)
            }
        }
    }
}
