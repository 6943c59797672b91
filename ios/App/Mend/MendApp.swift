// Mend for iPhone and iPad: one window over MendKit's session. The vault lives in Application
// Support (no backup, file protection), its device key in the Secure Enclave; Face ID or
// Touch ID keeps biometric unlock's secret. When the app leaves the screen a privacy cover
// hides it (the app switcher's snapshot shows nothing) and the vault locks after the chosen
// delay; reminders are armed again whenever the app comes back or the vault changes. The
// library is built without the program's content: the app carries it (Content/*.mendcontent)
// and installs it before anything else, before any word is read.
import LocalAuthentication
import MendCore
import MendKit
import SwiftUI

@main
struct MendApp: App {
    @State private var session: MendSession
    @State private var reminders: NotificationReminders
    @State private var exchange: DocumentExchange
    @State private var covered = false
    @Environment(\.scenePhase) private var scenePhase

    init() {
        // First of all: every language's content, English first. A file the core refused
        // leaves the others installed; the screens then say what the core cannot answer.
        _ = try? ProgramContent.install(from: .main)
        let words = Words()
        #if targetEnvironment(simulator)
        let keyStore = SecureEnclaveKeyStore(allowSoftwareKeys: true) // the simulator has no Secure Enclave
        #else
        let keyStore = SecureEnclaveKeyStore()
        #endif
        // The UI tests (MendUITests) start each run with a new vault in a temporary folder, on a
        // simulator that has no device passcode.
        let uiTesting = ProcessInfo.processInfo.arguments.contains("--ui-testing")
        // No usable folder means no vault can be kept; the session then reports NoVault.
        let path = uiTesting
            ? FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString + ".db").path
            : (try? VaultLocation.vaultPath()) ?? ""
        let session = MendSession(
            path: path,
            keyStore: keyStore,
            biometrics: KeychainBiometricKeeper(reason: words.biometricReason),
            hasScreenLock: { uiTesting || LAContext().canEvaluatePolicy(.deviceOwnerAuthentication, error: nil) }
        )
        _session = State(initialValue: session)
        _reminders = State(initialValue: NotificationReminders(session: session))
        _exchange = State(initialValue: DocumentExchange())
    }

    var body: some Scene {
        WindowGroup {
            RootView(session: session, notifications: reminders, exchange: exchange)
                .overlay { if covered { PrivacyCover() } }
                .task {
                    _ = try? await session.start()
                    await reminders.rearm()
                }
                .onChange(of: session.state) { _, state in
                    Task {
                        if state == .erased {
                            reminders.removeAll()
                            await DiscreetIcon.show(false)
                        }
                        await reminders.rearm()
                    }
                }
                .onReceive(NotificationCenter.default.publisher(for: .NSSystemTimeZoneDidChange)) { _ in
                    Task {
                        await session.timeZoneChanged()
                        await reminders.rearm()
                    }
                }
        }
        .onChange(of: scenePhase) { _, phase in
            switch phase {
            case .active:
                covered = false
                Task {
                    await session.movedToForeground()
                    await reminders.rearm()
                }
            case .inactive:
                covered = true
            case .background:
                covered = true
                session.movedToBackground()
            @unknown default:
                covered = true
            }
        }
    }
}

/// What the app switcher sees: nothing of the app's content.
private struct PrivacyCover: View {
    var body: some View {
        Rectangle()
            .fill(.background)
            .ignoresSafeArea()
            .accessibilityHidden(true)
    }
}
