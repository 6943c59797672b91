// Which screen the session's state asks for: first run, the lock screen, a recovery code to
// keep, whose space this is again, or the open space. Help is a sheet over any of them, so it
// is one tap away while locked too; so is the quick exit, which locks, clears the screen and
// leaves.
import MendCore
import MendKit
import SwiftUI
import UIKit

struct RootView: View {
    let session: MendSession
    let notifications: NotificationReminders
    /// The flows that end by showing a new recovery code live here, so that the code stays on
    /// screen after the vault has opened, until the person says they kept it.
    @State private var onboarding: OnboardingViewModel
    @State private var recover: RecoverViewModel
    @State private var restore: RestoreViewModel
    @State private var restoring = false
    @State private var forgot = false
    let exchange: DocumentExchange
    @State private var helping = false
    /// Whether this device opens the dialler (an iPhone), or help lines' numbers are copied.
    @State private var canDial: Bool
    @Environment(\.words) private var words

    init(session: MendSession, notifications: NotificationReminders, exchange: DocumentExchange) {
        self.session = session
        self.notifications = notifications
        self.exchange = exchange
        _onboarding = State(initialValue: OnboardingViewModel(session: session))
        _recover = State(initialValue: RecoverViewModel(session: session))
        _restore = State(initialValue: RestoreViewModel(session: session, files: exchange))
        // Answers only for the schemes Info.plist declares (LSApplicationQueriesSchemes).
        _canDial = State(initialValue: URL(string: "tel:").map { UIApplication.shared.canOpenURL($0) } ?? false)
    }

    var body: some View {
        Group {
            if onboarding.step == .showRecoveryCode {
                NavigationStack { OnboardingView(model: onboarding) }
            } else if restore.recoveryCode != nil || (restoring && session.state == .noVault) {
                NavigationStack { RestoreView(model: restore) { restoring = false } }
            } else if forgot && (session.state == .locked || recover.newRecoveryCode != nil) {
                NavigationStack { RecoverView(model: recover) { forgot = false } }
            } else {
                screen
            }
        }
        .environment(\.showHelp) { helping = true }
        .environment(\.quickExit) { quickExit() }
        .environment(\.canDial, canDial)
        .environment(\.sharedFiles, exchange)
        .documentExchange(exchange)
        .onChange(of: restore.done) { _, done in if done { restoring = false } }
        .sheet(isPresented: $helping) { HelpView(session: session) }
        .onChange(of: session.state) { _, state in
            if case .unlocked = state, recover.newRecoveryCode == nil { forgot = false }
        }
    }

    /// The quick exit, on every screen: the vault locks first, then nothing that was open stays
    /// on screen (the open space gives way to the lock screen, and its sheets close with it).
    /// iOS offers apps no public way to send themselves to the home screen, so the person
    /// swipes home from the lock screen; the app switcher shows the privacy cover (MendApp).
    private func quickExit() {
        Task {
            await session.lock()
            helping = false
            forgot = false
            restoring = false
        }
    }

    @ViewBuilder private var screen: some View {
        switch session.state {
        case .starting:
            ProgressView()
        case .noVault, .erased:
            NavigationStack { OnboardingView(model: onboarding) { restoring = true } }
        case .locked:
            NavigationStack { UnlockView(session: session) { forgot = true } }
        case .unlocked(let role, let recoveryCodeConfirmed, let damaged, let olderCopy, let unmatched):
            HomeView(session: session, role: role, notifications: notifications, recoveryCodeConfirmed: recoveryCodeConfirmed)
                .safeAreaInset(edge: .top) {
                    RecordsBanner(session: session, damaged: damaged, olderCopy: olderCopy, unmatched: unmatched)
                }
        case .settingsLost:
            NavigationStack { ChooseRoleAgainView(session: session) }
        }
    }
}

/// The platform's side of backups, for the settings page.
extension EnvironmentValues {
    @Entry var sharedFiles: DocumentExchange? = nil
}

/// Whether a page that shows its own new recovery code (changing the passcode) is open, so
/// that the space does not put a second one over it.
extension EnvironmentValues {
    @Entry var showsOwnRecoveryCode: Binding<Bool> = .constant(false)
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

    init(session: MendSession, damaged: Int32, olderCopy: Bool, unmatched: Bool) {
        self.session = session
        self.damaged = damaged
        self.olderCopy = olderCopy
        self.unmatched = unmatched
    }

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

    init(session: MendSession) {
        self.session = session
    }

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
    let recoveryCodeConfirmed: Bool
    @State private var ownCode = false
    @Environment(\.words) private var words

    init(session: MendSession, role: Role, notifications: NotificationReminders, recoveryCodeConfirmed: Bool) {
        self.session = session
        self.role = role
        self.notifications = notifications
        self.recoveryCodeConfirmed = recoveryCodeConfirmed
    }

    var body: some View {
        TabView {
            tab(TodayView(session: session), words.today, "sun.max", "tab-today")
            tab(ProgramView(session: session, role: role), role == .repairing ? words.programRepairing : words.programHurt,
                "list.bullet", "tab-program")
            tab(JournalView(session: session), words.journal, "square.and.pencil", "tab-journal")
            tab(ToolsView(session: session, role: role, notifications: notifications), words.tools, "wrench.and.screwdriver", "tab-tools")
            tab(ProgressPage(session: session), words.progress, "chart.bar", "tab-progress")
        }
        .environment(\.showsOwnRecoveryCode, $ownCode)
        // A code never confirmed (the app stopped before it was kept) is replaced and shown
        // first, unless a page is showing its own new code.
        .fullScreenCover(isPresented: .constant(!recoveryCodeConfirmed && !ownCode)) {
            NavigationStack { ReplaceRecoveryCodeView(session: session) }
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
