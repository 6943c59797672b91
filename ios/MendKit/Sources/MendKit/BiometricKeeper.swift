// Biometric unlock, the platform's half: it keeps the secret the core hands over when the
// person switches biometric unlock on, behind a biometric check (on Apple, a Keychain item
// whose access control asks for Face ID or Touch ID and ends when the enrolled biometry
// changes), and gives it back after a check. The core's half is the slot that secret opens;
// the session decides when to offer it and what to do when it is gone.
import Foundation

/// What a biometric check gave.
public enum BiometricOpening: Sendable {
    /// The check passed: the kept secret.
    case opened(Data)
    /// The person chose the passcode instead, or the check failed; nothing changes.
    case cancelled
    /// Nothing can be opened any more (the enrolled biometry changed, or nothing is kept):
    /// biometric unlock has to be switched on again.
    case gone
}

/// What trying biometric unlock came to.
public enum BiometricUnlock: Sendable {
    /// Unlocked.
    case unlocked
    /// The person chose the passcode instead; still locked.
    case cancelled
    /// The platform's item is gone (biometry changed): switched off; the passcode is needed.
    case switchedOff
}

/// Keeps biometric unlock's secret behind a biometric check.
@MainActor
public protocol BiometricKeeper: AnyObject {
    /// Whether this device can offer it now (biometry enrolled, a passcode set on the device).
    func available() -> Bool
    /// Keeps `secret` after a check the person passes now; false if they cancelled or it failed.
    func keep(_ secret: Data) async -> Bool
    /// Asks for a check and gives the kept secret back.
    func open() async -> BiometricOpening
    /// Forgets the kept secret.
    func forget()
}
