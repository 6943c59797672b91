// The pieces every screen is built from: a scrolling page with its title, help one tap away
// and the quick exit, a passcode field, the problem line, and the strength the core estimates
// for a new passcode. They grow with Dynamic Type and carry VoiceOver labels and identifiers
// for the UI tests.
import MendCore
import MendKit
import SwiftUI

/// The app's words, for every view.
extension EnvironmentValues {
    @Entry var words = Words()
    @Entry var problemWords = ProblemWords()
    @Entry var showHelp: () -> Void = {}
    /// Locks the vault, clears what is on screen and leaves the app (RootView's).
    @Entry var quickExit: () -> Void = {}
}

/// A page: scrolls at large text sizes, with help in its toolbar.
struct Page<Content: View>: View {
    let title: String
    let content: Content

    init(title: String, @ViewBuilder content: () -> Content) {
        self.title = title
        self.content = content()
    }

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 16) { content }
                .padding()
                .frame(maxWidth: 640, alignment: .leading)
                .frame(maxWidth: .infinity)
        }
        .navigationTitle(title)
        .withHelp()
    }
}

extension View {
    /// Help and the quick exit in the toolbar: one tap away from every screen.
    func withHelp() -> some View { modifier(HelpButton()) }
}

/// The labelled help button (help is for now, not an "about" icon) and the quick exit.
private struct HelpButton: ViewModifier {
    @Environment(\.words) private var words
    @Environment(\.showHelp) private var showHelp

    func body(content: Content) -> some View {
        content.toolbar {
            ToolbarItemGroup(placement: .topBarTrailing) {
                Button(words.help, action: showHelp)
                    .bold()
                    .accessibilityIdentifier("help")
                QuickExitButton()
            }
        }
    }
}

/// Leaves at once: the vault locks, the screen clears, the app goes to the background.
struct QuickExitButton: View {
    @Environment(\.words) private var words
    @Environment(\.quickExit) private var quickExit

    var body: some View {
        Button(action: quickExit) { Image(systemName: "rectangle.portrait.and.arrow.right") }
            .accessibilityLabel(words.quickExit)
            .accessibilityHint(words.quickExitHint)
            .accessibilityIdentifier("quick-exit")
    }
}

/// A passcode field: hidden text, no autocorrection or suggestions.
struct PasscodeField: View {
    let label: String
    @Binding var text: String
    let identifier: String

    var body: some View {
        SecureField(label, text: $text)
            .textContentType(.password)
            .textInputAutocapitalization(.never)
            .autocorrectionDisabled()
            .padding(12)
            .overlay(RoundedRectangle(cornerRadius: 8).stroke(.secondary))
            .accessibilityIdentifier(identifier)
    }
}

/// What the core refused, in the app's words; said by VoiceOver as it appears.
struct ProblemText: View {
    let problem: MendError?
    let waitSeconds: Int
    /// Damaged data means a damaged backup here (restoring), not damage in the space.
    let aboutABackup: Bool
    @Environment(\.problemWords) private var words

    init(problem: MendError?, waitSeconds: Int = 0, aboutABackup: Bool = false) {
        self.problem = problem
        self.waitSeconds = waitSeconds
        self.aboutABackup = aboutABackup
    }

    var body: some View {
        if let problem {
            Text(aboutABackup && problem.isDamaged ? words.backupDamaged : words.words(for: problem, waitSeconds: waitSeconds))
                .foregroundStyle(.red)
                .accessibilityIdentifier("problem")
                .accessibilityAddTraits(.updatesFrequently)
        }
    }
}

/// The core's estimate of a new passcode, said under the field.
struct PasscodeStrengthText: View {
    let passcode: String
    @Environment(\.words) private var words

    init(passcode: String) {
        self.passcode = passcode
    }

    var body: some View {
        Text(words.strength(passcodeStrength(passcode: Data(passcode.utf8))))
            .font(.callout)
            .foregroundStyle(.secondary)
            .accessibilityIdentifier("strength")
    }
}

/// The app's main button: full width, at least 48 points tall.
struct PrimaryButton: View {
    let title: String
    let identifier: String
    var enabled = true
    let action: () -> Void

    var body: some View {
        Button(action: action) {
            Text(title).frame(maxWidth: .infinity, minHeight: 48)
        }
        .buttonStyle(.borderedProminent)
        .disabled(!enabled)
        .accessibilityIdentifier(identifier)
    }
}

/// A second choice beside the main one.
struct SecondaryButton: View {
    let title: String
    let identifier: String
    var enabled = true
    let action: () -> Void

    var body: some View {
        Button(action: action) {
            Text(title).frame(maxWidth: .infinity, minHeight: 48)
        }
        .buttonStyle(.bordered)
        .disabled(!enabled)
        .accessibilityIdentifier(identifier)
    }
}

extension MendError {
    /// Whether data failed its integrity check.
    var isDamaged: Bool {
        if case .Damaged = self { true } else { false }
    }
}
