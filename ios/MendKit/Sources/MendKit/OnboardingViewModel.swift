// First run: whose vault it is, a passcode typed twice, and the recovery code shown once.
import Foundation
import MendCore
import Observation

/// The onboarding steps, in order.
public enum OnboardingStep: Sendable { case chooseRole, choosePasscode, showRecoveryCode, done }

/// Why a new passcode was not accepted.
public enum PasscodeProblem: Sendable { case tooShort, mismatch }

/// Drives onboarding.
@MainActor @Observable
public final class OnboardingViewModel {
    /// The shortest passcode the core accepts, in bytes.
    public static let minPasscodeBytes = 6

    /// The current step.
    public private(set) var step: OnboardingStep = .chooseRole
    /// The chosen role.
    public private(set) var role: VaultRole?
    /// Why the passcode was not accepted.
    public private(set) var passcodeProblem: PasscodeProblem?
    /// The recovery code, while it is being shown.
    public private(set) var recoveryCode: String?
    /// Whether the vault is being created.
    public private(set) var busy = false
    /// Any other problem.
    public private(set) var problem: Problem?
    /// The new vault, once created.
    public private(set) var client: MendClient?

    private let path: String
    private let keyStore: DeviceKeyStore
    private let kdf: KdfOptions

    /// A model that creates the vault at `path`.
    public init(path: String, keyStore: DeviceKeyStore, kdf: KdfOptions = defaultKdfOptions()) {
        self.path = path
        self.keyStore = keyStore
        self.kdf = kdf
    }

    /// Chooses whose vault this is.
    public func choose(role: VaultRole) {
        self.role = role
        step = .choosePasscode
    }

    /// Creates the vault if both entries match.
    public func choosePasscode(_ first: String, confirmation: String) async {
        guard let role else { return }
        if first.utf8.count < Self.minPasscodeBytes {
            passcodeProblem = .tooShort
            return
        }
        if first != confirmation {
            passcodeProblem = .mismatch
            return
        }
        passcodeProblem = nil
        busy = true
        defer { busy = false }
        do {
            let created = try await MendClient.create(
                path: path, passcode: Data(first.utf8), role: role, keyStore: keyStore, kdf: kdf)
            client = created.client
            recoveryCode = created.recoveryCode
            step = .showRecoveryCode
        } catch {
            problem = Problem(error)
        }
    }

    /// The person has written the code down: forget it and finish.
    public func recoveryCodeSaved() {
        recoveryCode = nil
        step = .done
    }
}
