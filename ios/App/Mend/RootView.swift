// Which screen the session's state asks for: first run, the lock screen, a recovery code to
// keep, whose space this is again, or the open space. Help is a sheet over any of them, so it
// is one tap away while locked too.
import MendCore
import MendKit
import SwiftUI

struct RootView: View {
    let session: MendSession
    let notifications: NotificationReminders
    @State private var helping = false
    @Environment(\.words) private var words

    var body: some View {
        Group {
            switch session.state {
            case .starting:
                ProgressView()
            case .noVault, .erased:
                NavigationStack { OnboardingView(session: session) }
            case .locked:
                NavigationStack { UnlockView(session: session) }
            case .unlocked(let role, let recoveryCodeConfirmed, let damaged, let olderCopy, let unmatched):
                if recoveryCodeConfirmed {
                    HomeView(session: session, role: role, notifications: notifications)
                        .safeAreaInset(edge: .top) {
                            RecordsBanner(session: session, damaged: damaged, olderCopy: olderCopy, unmatched: unmatched)
                        }
                } else {
                    NavigationStack { ReplaceRecoveryCodeView(session: session) }
                }
            case .settingsLost:
                NavigationStack { ChooseRoleAgainView(session: session) }
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

/// What an unlock found, said above every tab until the person keeps the records as they are:
/// an older copy (read-only until kept), records not as last saved, records left out.
private struct RecordsBanner: View {
    let session: MendSession
    let damaged: Int32
    let olderCopy: Bool
    let unmatched: Bool
    @State private var problem: MendError?
    @Environment(\.words) private var words

    var body: some View {
        if olderCopy || unmatched || damaged > 0 {
            VStack(alignment: .leading, spacing: 8) {
                if olderCopy { Text(words.olderCopyText).accessibilityIdentifier("older-copy") }
                if unmatched { Text(words.unmatchedText).accessibilityIdentifier("unmatched") }
                if damaged > 0 { Text(words.damagedText(damaged)) }
                if olderCopy || unmatched {
                    Button(words.keepAsItIs) {
                        Task {
                            do { try await session.keepRecordsAsTheyAre() } catch { problem = error as? MendError }
                        }
                    }
                    .accessibilityIdentifier("keep-as-is")
                }
                ProblemText(problem: problem)
            }
            .padding()
            .frame(maxWidth: .infinity, alignment: .leading)
            .background(.yellow.opacity(0.2))
            .accessibilityElement(children: .contain)
            .accessibilityIdentifier("records-banner")
        }
    }
}

/// The settings could not be read: the person says whose space this is again.
private struct ChooseRoleAgainView: View {
    let session: MendSession
    @State private var problem: MendError?
    @Environment(\.words) private var words

    var body: some View {
        Page(title: words.whoIsThisFor) {
            Text(words.settingsLostText)
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

/// The open space: a tab each for today, the program, the journal, the tools and progress,
/// with settings, reminders and lock in every tab's toolbar and help on every page.
struct HomeView: View {
    let session: MendSession
    let role: Role
    let notifications: NotificationReminders
    @Environment(\.words) private var words

    var body: some View {
        TabView {
            tab(TodayView(session: session), words.today, "sun.max", "tab-today")
            tab(ProgramView(session: session, role: role), role == .repairing ? words.programRepairing : words.programHurt,
                "list.bullet", "tab-program")
            tab(JournalView(session: session), words.journal, "square.and.pencil", "tab-journal")
            tab(ToolsView(session: session, role: role, notifications: notifications), words.tools, "wrench.and.screwdriver", "tab-tools")
            tab(ProgressPage(session: session), words.progress, "chart.bar", "tab-progress")
        }
    }

    private func tab(_ content: some View, _ title: String, _ symbol: String, _ identifier: String) -> some View {
        NavigationStack {
            content.toolbar {
                ToolbarItemGroup(placement: .topBarLeading) {
                    NavigationLink { SettingsView(session: session) } label: { Image(systemName: "gearshape") }
                        .accessibilityLabel(words.settings)
                        .accessibilityIdentifier("tab-settings")
                    NavigationLink { RemindersView(session: session, notifications: notifications) } label: {
                        Image(systemName: "bell")
                    }
                    .accessibilityLabel(words.reminders)
                    .accessibilityIdentifier("tool-reminders")
                    Button { Task { await session.lock() } } label: { Image(systemName: "lock") }
                        .accessibilityLabel(words.lock)
                        .accessibilityIdentifier("lock")
                }
            }
        }
        .tabItem { Label(title, systemImage: symbol) }
        .accessibilityIdentifier(identifier)
    }
}
