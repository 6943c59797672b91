// Which screen the session's state asks for: first run, the lock screen, a recovery code to
// keep, whose space this is again, or the open space. Help is a sheet over any of them, so it
// is one tap away while locked too.
import MendCore
import MendKit
import SwiftUI

struct RootView: View {
    let session: MendSession
    @State private var helping = false
    @Environment(\.words) private var words

    var body: some View {
        NavigationStack {
            switch session.state {
            case .starting:
                ProgressView()
            case .noVault, .erased:
                OnboardingView(session: session)
            case .locked:
                UnlockView(session: session)
            case .unlocked(let role, let recoveryCodeConfirmed, _, _, _):
                if recoveryCodeConfirmed {
                    HomeView(session: session, role: role)
                } else {
                    ReplaceRecoveryCodeView(session: session)
                }
            case .settingsLost:
                ChooseRoleAgainView(session: session)
            }
        }
        .environment(\.showHelp) { helping = true }
        .sheet(isPresented: $helping) { HelpView(session: session) }
    }
}

/// A recovery code that was never confirmed (the app stopped before it was kept): a new one.
private struct ReplaceRecoveryCodeView: View {
    @State private var model: RecoveryCodeViewModel
    @Environment(\.words) private var words

    init(session: MendSession) {
        _model = State(initialValue: RecoveryCodeViewModel(session: session))
    }

    var body: some View {
        RecoveryCodePage(text: words.newRecoveryCodeText, code: model.code, problem: model.problem) {
            Task { await model.keep() }
        }
        .task { if model.code == nil { await model.replace() } }
    }
}

/// The settings could not be read: the person says whose space this is again.
private struct ChooseRoleAgainView: View {
    let session: MendSession
    @State private var problem: MendError?
    @Environment(\.words) private var words

    var body: some View {
        Page(title: words.whoIsThisFor) {
            SecondaryButton(title: words.repairingRole, identifier: "role-repairing") { choose(.repairing) }
            SecondaryButton(title: words.hurtRole, identifier: "role-hurt") { choose(.hurt) }
            ProblemText(problem: problem)
        }
    }

    private func choose(_ role: Role) {
        Task {
            do {
                try await session.chooseRoleAgain(role)
            } catch {
                problem = error as? MendError
            }
        }
    }
}

/// The open space: today's page, with settings and lock in the toolbar.
struct HomeView: View {
    let session: MendSession
    let role: Role
    @Environment(\.words) private var words

    var body: some View {
        TodayView(session: session)
            .toolbar {
                ToolbarItem(placement: .topBarLeading) {
                    NavigationLink { SettingsView(session: session) } label: { Image(systemName: "gearshape") }
                        .accessibilityLabel(words.settings)
                        .accessibilityIdentifier("tab-settings")
                }
                ToolbarItem(placement: .topBarLeading) {
                    Button { Task { await session.lock() } } label: { Image(systemName: "lock") }
                        .accessibilityLabel(words.lock)
                        .accessibilityIdentifier("lock")
                }
            }
    }
}
