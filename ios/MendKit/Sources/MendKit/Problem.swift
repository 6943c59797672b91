// What went wrong, in the terms a screen needs. Screens show their own localized strings.
import MendCore

/// A problem a screen shows.
public enum Problem: Equatable, Sendable {
    /// The passcode was wrong; `attemptsLeft` tries before waits start.
    case wrongPasscode(attemptsLeft: Int)
    /// The recovery code was wrong.
    case wrongRecoveryCode(attemptsLeft: Int)
    /// Too many tries: the next is allowed at `retryAtMs`.
    case mustWait(retryAtMs: Int64)
    /// An input was rejected; `field` is e.g. `title`, `reason` e.g. `is too long`.
    case invalid(field: String, reason: String)
    /// The thing asked for is gone.
    case notFound
    /// The vault needs a newer version of the app; it was not changed.
    case needsNewerApp
    /// The device's keystore refused or lost its key.
    case deviceKey
    /// The device is out of storage; nothing was saved.
    case storageFull
    /// Some data failed its integrity check.
    case damaged
    /// The vault locked itself.
    case locked
    /// Anything else.
    case other

    /// The problem for any error a core call threw.
    public init(_ error: Error) {
        guard let e = error as? MendError else {
            self = .other
            return
        }
        switch e {
        case .WrongPasscode(let left): self = .wrongPasscode(attemptsLeft: Int(left))
        case .WrongRecoveryCode(let left): self = .wrongRecoveryCode(attemptsLeft: Int(left))
        case .TooManyAttempts(let at): self = .mustWait(retryAtMs: at)
        case .InvalidInput(let field, let reason): self = .invalid(field: field, reason: reason)
        case .NotFound: self = .notFound
        case .NewerVault: self = .needsNewerApp
        case .DeviceKey: self = .deviceKey
        case .StorageFull: self = .storageFull
        case .Damaged: self = .damaged
        case .Locked, .Closed: self = .locked
        case .NoVault, .AlreadyExists, .Storage: self = .other
        }
    }
}
