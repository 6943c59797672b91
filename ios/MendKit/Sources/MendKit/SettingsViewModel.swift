// Settings: how soon the app locks in the background (the choices come from the core),
// discreet mode (a plain name and icon), biometric unlock where the device can do it, and
// erasing everything.
import Foundation
import MendCore
import Observation

/// Drives the settings screen.
@MainActor @Observable
public final class SettingsViewModel: SessionObserver {
    /// The chosen auto-lock delay, in seconds.
    public private(set) var autoLockSeconds: Int32?
    /// The delays to choose from, in seconds.
    public private(set) var autoLockChoices: [Int32] = []
    /// Whether the app shows a plain name and icon (discreet mode).
    public private(set) var discreet = false
    /// Whether this device can offer biometric unlock (the switch shows only then).
    public private(set) var biometricAvailable = false
    /// Whether biometric unlock is on.
    public private(set) var biometric = false
    /// Whether a call is running.
    public private(set) var busy = false
    /// Whether the vault was erased.
    public private(set) var erased = false
    /// What went wrong, if anything.
    public private(set) var problem: MendError?

    @ObservationIgnored private let session: MendSession

    /// A model over `session`.
    public init(session: MendSession) {
        self.session = session
        session.observe(self)
    }

    public func sessionLocked() {
        autoLockSeconds = nil
    }

    public func dataChanged(_ change: DataChange) {}

    /// Loads the settings.
    public func refresh() async {
        do {
            let (seconds, choices, isDiscreet, biometricOn) = try await session.call {
                (try $0.autoLockSeconds(), limits().autoLockChoicesSeconds, try $0.discreetMode(),
                 try $0.biometricUnlockEnabled())
            }
            autoLockSeconds = seconds
            autoLockChoices = choices
            discreet = isDiscreet
            biometricAvailable = session.biometricsAvailable()
            biometric = biometricAvailable && biometricOn
            problem = nil
        } catch {
            problem = mendError(error)
        }
    }

    /// Chooses the auto-lock delay, one of `autoLockChoices`.
    public func setAutoLock(seconds: Int32) async {
        do {
            try await session.call { try $0.setAutoLockSeconds(seconds: seconds) }
            await refresh()
        } catch {
            problem = mendError(error)
        }
    }

    /// Turns discreet mode on or off; the app changes its icon and name on this device.
    public func setDiscreet(_ on: Bool) async {
        do {
            try await session.call { try $0.setDiscreetMode(on: on) }
            await refresh()
        } catch {
            problem = mendError(error)
        }
    }

    /// Switches biometric unlock on (after a check the person passes now) or off.
    public func setBiometric(_ on: Bool) async {
        busy = true
        problem = nil
        do {
            try await session.setBiometricUnlock(on)
        } catch {
            problem = mendError(error)
        }
        busy = false
        await refresh()
    }

    /// Erases everything, for good.
    public func erase() async {
        do {
            try await session.erase()
            erased = true
        } catch {
            problem = mendError(error)
        }
    }
}
