// First run: whose vault it is, a passcode typed twice, then the recovery code, which counts
// as shown only once the person says they kept it. On a device without a passcode the
// passcode step waits until one is set: the device key is usable only while it is unlocked.
import Foundation
import MendCore
import Observation

/// The onboarding steps, in order.
public enum OnboardingStep: Sendable { case chooseRole, choosePasscode, showRecoveryCode, done }

/// Drives onboarding; the vault it creates belongs to the session.
@MainActor @Observable
public final class OnboardingViewModel {
    /// The step on screen.
    public private(set) var step: OnboardingStep = .chooseRole
    /// Whose vault it will be.
    public private(set) var role: Role?
    /// The two passcode entries differed.
    public private(set) var mismatch = false
    /// The recovery code to show, until kept.
    public private(set) var recoveryCode: String?
    /// Whether a call is running.
    public private(set) var busy = false
    /// The device has no passcode yet: the person sets one before choosing Mend's.
    public private(set) var needsScreenLock = false
    /// What the core refused, if anything.
    public private(set) var problem: MendError?

    @ObservationIgnored private let session: MendSession
    @ObservationIgnored private let kdf: KdfParams

    /// A model over `session`; `kdf` is the key-derivation cost for the new vault.
    public init(session: MendSession, kdf: KdfParams = defaultKdfParams()) {
        self.session = session
        self.kdf = kdf
    }

    /// Chooses whose vault this is.
    public func choose(role: Role) {
        self.role = role
        step = .choosePasscode
        needsScreenLock = !session.screenLockSet()
    }

    /// Looks again whether the device has a passcode (the person went to set one).
    public func checkScreenLock() {
        needsScreenLock = !session.screenLockSet()
    }

    /// Back to choosing whose vault it is.
    public func back() {
        step = .chooseRole
        mismatch = false
        problem = nil
    }

    /// Creates the vault if the two entries match.
    public func choosePasscode(_ first: String, again second: String) async {
        guard let role, !needsScreenLock else { return }
        guard first == second else {
            mismatch = true
            problem = nil
            return
        }
        mismatch = false
        problem = nil
        busy = true
        defer { busy = false }
        do {
            recoveryCode = try await session.create(role: role, passcode: first, kdf: kdf)
            step = .showRecoveryCode
        } catch {
            problem = mendError(error)
        }
    }

    /// The person kept the code: the core records it, and the code is forgotten here.
    public func recoveryCodeKept() async {
        do {
            try await session.confirmRecoveryCode()
            recoveryCode = nil
            step = .done
        } catch {
            problem = mendError(error)
        }
    }
}
