// The app session: the one object that owns the vault for the app's life. It knows whether
// there is a vault and whether it is locked, runs every core call on the core queue, hears
// the core's change events, and locks after the chosen delay in the background. View models
// hold it and drop what they show when it locks.
import Foundation
import MendCore
import Observation

/// Where the app's vault stands.
public enum SessionState: Equatable, Sendable {
    /// Not known yet: `start()` has not run.
    case starting
    /// There is no vault: onboarding.
    case noVault
    /// The vault is locked: the lock screen.
    case locked
    /// Unlocked. When `recoveryCodeConfirmed` is false the app shows a recovery code first;
    /// `olderCopy` (a restored file: read-only until kept) and `recordsUnmatched` are said on
    /// every screen until the records are kept as they are;
    /// when `damagedRecords` is not 0 it says that many records failed their integrity check
    /// and are left out of every list.
    case unlocked(
        role: Role, recoveryCodeConfirmed: Bool, damagedRecords: Int32 = 0,
        olderCopy: Bool = false, recordsUnmatched: Bool = false)
    /// Unlocked, but the settings could not be read: the person says whose vault it is again.
    case settingsLost
    /// The vault was erased: the app starts over.
    case erased
}

/// Owns the vault at `path`, bound to `keyStore`. `biometrics`, where the device has them,
/// keeps biometric unlock's secret; `hasScreenLock` says whether the device has a passcode
/// (a phone needs one before a vault is made).
@MainActor @Observable
public final class MendSession {
    /// Where the vault stands.
    public private(set) var state: SessionState = .starting

    @ObservationIgnored private let path: String
    @ObservationIgnored private let keyStore: DeviceKeyStore
    @ObservationIgnored private let zone: () -> TimeZoneRules
    @ObservationIgnored private let place: () -> DevicePlace
    @ObservationIgnored private let core: CoreQueue
    @ObservationIgnored private let biometrics: BiometricKeeper?
    @ObservationIgnored private let hasScreenLock: () -> Bool
    @ObservationIgnored private var vault: MendVault?
    @ObservationIgnored private var observers: [WeakObserver] = []
    @ObservationIgnored private var backgroundedAt: Date?
    @ObservationIgnored private var autoLock: Task<Void, Never>?
    @ObservationIgnored private lazy var listener = Listener(session: self)

    /// A session for the vault at `path`. `place` says where the device is (its locale and
    /// time zone identifiers), for whose help lines come first.
    public init(path: String, keyStore: DeviceKeyStore, zone: @escaping () -> TimeZoneRules = { PlatformZone() },
                core: CoreQueue = CoreQueue(), biometrics: BiometricKeeper? = nil,
                hasScreenLock: @escaping () -> Bool = { true },
                place: @escaping () -> DevicePlace = { DevicePlace() }) {
        self.path = path
        self.keyStore = keyStore
        self.zone = zone
        self.place = place
        self.core = core
        self.biometrics = biometrics
        self.hasScreenLock = hasScreenLock
    }

    /// Whether the device has a screen lock; a phone needs one before a vault is made.
    public func screenLockSet() -> Bool { hasScreenLock() }

    /// Whether the device can offer biometric unlock at all (whether or not it is on).
    public func biometricsAvailable() -> Bool { biometrics?.available() ?? false }

    /// Whether the lock screen offers biometric unlock: on in the vault, and possible here.
    public func biometricUnlockReady() async throws -> Bool {
        guard biometricsAvailable() else { return false }
        return try await call { try $0.biometricUnlockEnabled() }
    }

    /// Unlocks after a biometric check. When the platform's item is gone, biometric unlock is
    /// switched off in the vault too, and the passcode is needed.
    public func unlockWithBiometrics() async throws -> BiometricUnlock {
        guard let biometrics else { return .cancelled }
        switch await biometrics.open() {
        case .opened(let secret):
            try await call { try $0.unlockWithBiometric(secret: secret) }
            try await publishUnlocked()
            prepareSearch()
            return .unlocked
        case .cancelled:
            return .cancelled
        case .gone:
            try await call { try $0.disableBiometricUnlock() }
            biometrics.forget()
            return .switchedOff
        }
    }

    /// Switches biometric unlock on (after a check the person passes now) or off; returns
    /// whether it is on afterwards.
    @discardableResult
    public func setBiometricUnlock(_ on: Bool) async throws -> Bool {
        guard let biometrics else { return false }
        guard on else {
            try await call { try $0.disableBiometricUnlock() }
            biometrics.forget()
            return false
        }
        let secret = try await call { try $0.enableBiometricUnlock() }
        let kept = await biometrics.keep(secret)
        if !kept { try await call { try $0.disableBiometricUnlock() } }
        return kept
    }

    /// Lets `observer` hear locks and changes for as long as it lives.
    public func observe(_ observer: SessionObserver) {
        observers.removeAll { $0.observer == nil }
        observers.append(WeakObserver(observer: observer))
    }

    private func attach(_ opened: MendVault) {
        opened.setTimeZone(zone: zone())
        opened.setListener(listener: listener)
        vault = opened
    }

    private func publishUnlocked() async throws {
        guard let vault else { return }
        let facts = try await core.run { () -> (VaultCheck, Role?, Bool)? in
            guard vault.isUnlocked() else { return nil }
            let check = try vault.check()
            if check.settingsLost { return (check, nil, false) }
            return (check, try vault.role(), try vault.recoveryCodeConfirmed())
        }
        guard let (check, role, confirmed) = facts else { return }
        if let role {
            state = .unlocked(
                role: role, recoveryCodeConfirmed: confirmed, damagedRecords: check.damagedRecords,
                olderCopy: check.olderCopy, recordsUnmatched: check.recordsUnmatched)
        } else {
            state = .settingsLost
        }
    }

    fileprivate func heard(_ lockState: LockState) {
        switch lockState {
        case .locked: state = .locked
        case .erased: state = .erased
        case .unlocked: return
        }
        observers.forEach { $0.observer?.sessionLocked() }
    }

    fileprivate func heard(_ change: DataChange) {
        observers.forEach { $0.observer?.dataChanged(change) }
    }

    /// Finds the vault: no vault (onboarding) or locked. Call once when the app starts, after
    /// the program's content is installed (`ProgramContent.install`). The program's language
    /// follows the device's, where the core has it; help lines come first for where the device
    /// is (its time zone's country, else its region).
    @discardableResult
    public func start() async throws -> SessionState {
        let here = place()
        _ = setLanguage(tag: here.locale)
        _ = setPlace(locale: here.locale, timeZone: here.timeZone)
        if vault == nil {
            let path = self.path, keyStore = self.keyStore
            let opened = try await core.run { () -> MendVault? in
                guard vaultExists(path: path) else { return nil }
                let vault = try MendVault.open(path: path, keyStore: keyStore)
                guard vault.lockState() == .erased else { return vault }
                // An erase was interrupted: finish it; the person starts over.
                try? vault.erase()
                return nil
            }
            if let opened { attach(opened) }
        }
        state = vault == nil ? .noVault : .locked
        return state
    }

    /// Runs `work` with the vault on the core queue; `MendError.NoVault` before there is one.
    public func call<T: Sendable>(_ work: @escaping @Sendable (MendVault) throws -> T) async throws -> T {
        guard let vault else { throw MendError.NoVault }
        return try await core.run { try work(vault) }
    }

    /// The next `limit` notifications to schedule, soonest first, whether the vault is locked
    /// or not (the core keeps the schedule beside the platform key); none without a vault.
    public func upcomingReminders(limit: Int32) async throws -> [ReminderFiring] {
        guard let vault else { return [] }
        return try await core.run { try vault.upcomingReminders(limit: limit) }
    }

    /// The device's time zone changed (`NSSystemTimeZoneDidChange`): days count in the new one.
    public func timeZoneChanged() async {
        guard let vault else { return }
        let rules = zone()
        _ = try? await core.run { vault.setTimeZone(zone: rules) }
    }

    /// Runs `work` on the core queue; for calls that need no vault (help, limits, content).
    public func anytime<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await core.run(work)
    }

    /// Creates the vault with `passcode`; returns the recovery code to show.
    public func create(role: Role, passcode: String, kdf: KdfParams = defaultKdfParams()) async throws -> String {
        let path = self.path, keyStore = self.keyStore
        let created = try await core.run {
            try createVault(path: path, passcode: Data(passcode.utf8), role: role, kdf: kdf, keyStore: keyStore)
        }
        attach(created.vault)
        try await publishUnlocked()
        return created.recoveryCode
    }

    /// Makes a new vault here from the backup at `backupPath`, sealed under `passphrase`, with a
    /// new `passcode`; returns the new recovery code to show. `progress` hears the fraction done,
    /// from the core queue. Never replaces a vault.
    public func restore(from backupPath: String, passphrase: String, passcode: String,
                        kdf: KdfParams = defaultKdfParams(),
                        progress: @escaping @Sendable (Double) -> Void = { _ in }) async throws -> String {
        guard vault == nil else { throw MendError.AlreadyExists }
        let path = self.path, keyStore = self.keyStore, relay = ProgressRelay(progress)
        let restored = try await core.run {
            try restoreBackup(backupPath: backupPath, passphrase: Data(passphrase.utf8), path: path,
                              passcode: Data(passcode.utf8), kdf: kdf, keyStore: keyStore, progress: relay)
        }
        attach(restored.vault)
        try await publishUnlocked()
        prepareSearch()
        return restored.recoveryCode
    }

    /// Writes a backup of the whole vault to a new file at `path`, sealed under `passphrase`.
    /// `progress` hears the fraction done, from the core queue.
    public func backup(to path: String, passphrase: String, kdf: KdfParams = defaultKdfParams(),
                       progress: @escaping @Sendable (Double) -> Void = { _ in }) async throws -> BackupSummary {
        let relay = ProgressRelay(progress)
        return try await call { try $0.backup(path: path, passphrase: Data(passphrase.utf8), kdf: kdf, progress: relay) }
    }

    /// Unlocks with `passcode`, then warms search in the background.
    public func unlock(passcode: String) async throws {
        try await call { try $0.unlock(passcode: Data(passcode.utf8)) }
        try await publishUnlocked()
        prepareSearch()
    }

    /// Sets a new passcode with the recovery code; returns the new recovery code to show.
    public func recover(recoveryCode: String, newPasscode: String) async throws -> String {
        let code = try await call { try $0.recover(recoveryCode: recoveryCode, newPasscode: Data(newPasscode.utf8)) }
        biometrics?.forget() // the rekey removed its slot
        try await publishUnlocked()
        prepareSearch()
        return code
    }

    /// Replaces the passcode and rekeys the vault (also the "someone may know my passcode"
    /// action); returns the new recovery code to show.
    public func changePasscode(current: String, new: String) async throws -> String {
        let code = try await call { try $0.changePasscode(current: Data(current.utf8), new: Data(new.utf8)) }
        biometrics?.forget() // the rekey removed its slot
        try await publishUnlocked()
        prepareSearch()
        return code
    }

    /// Says whose vault it is again after its settings were lost (`.settingsLost`).
    public func chooseRoleAgain(_ role: Role) async throws {
        try await call { try $0.chooseRoleAgain(role: role) }
        try await publishUnlocked()
    }

    /// Keeps the records as they are: an older copy restored on purpose, or unmatched records.
    public func keepRecordsAsTheyAre() async throws {
        try await call { try $0.keepRecordsAsTheyAre() }
        try await publishUnlocked()
    }

    /// Records that the person kept the latest recovery code.
    public func confirmRecoveryCode() async throws {
        try await call { try $0.confirmRecoveryCode() }
        try await publishUnlocked()
    }

    /// Makes a new recovery code (the old one stops working); returns it, unconfirmed.
    public func newRecoveryCode() async throws -> String {
        let code = try await call { try $0.newRecoveryCode() }
        try await publishUnlocked()
        return code
    }

    private func prepareSearch() {
        guard let vault else { return }
        // Decrypting every body takes a while; the core lets lists answer meanwhile, so this
        // runs beside the core queue rather than on it.
        DispatchQueue.global(qos: .utility).async { try? vault.prepareSearch() }
    }

    /// Locks: the core drops its keys; every view model drops what it showed.
    public func lock() async {
        guard (try? await call({ $0.lock() })) != nil else { return }
        // The core's event says the same; this makes it so before the caller goes on.
        switch state {
        case .unlocked, .settingsLost: heard(.locked)
        default: break
        }
    }

    /// The app went to the background at `at`: it locks after the chosen delay.
    public func movedToBackground(at: Date = Date()) {
        backgroundedAt = at
        autoLock?.cancel()
        autoLock = Task { [weak self] in
            guard let self, let seconds = try? await self.call({ try $0.autoLockSeconds() }) else { return }
            try? await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000)
            if Task.isCancelled { return }
            _ = try? await self.call { try $0.lockIfDue(backgroundedAt: at) }
        }
    }

    /// The app came back: locks if it was away for at least the delay.
    public func movedToForeground() async {
        autoLock?.cancel()
        guard let at = backgroundedAt else { return }
        backgroundedAt = nil
        if (try? await call({ try $0.lockIfDue(backgroundedAt: at) })) == true, case .unlocked = state {
            heard(.locked)
        }
    }

    /// Erases the vault for good (and any biometric secret); the session is then `.erased`.
    public func erase() async throws {
        try await call { try $0.erase() }
        biometrics?.forget()
        heard(.erased)
    }

    /// Locks and lets go of the vault.
    public func close() async {
        guard let vault else { return }
        _ = try? await core.run {
            vault.setListener(listener: nil)
            vault.lock()
        }
        self.vault = nil
    }
}

/// Hears the core on its queue and hands each event to the session on the main actor.
private final class Listener: VaultListener, @unchecked Sendable {
    weak var session: MendSession?

    init(session: MendSession) {
        self.session = session
    }

    func lockStateChanged(state: LockState) {
        Task { @MainActor [weak session] in session?.heard(state) }
    }

    func dataChanged(change: DataChange) {
        Task { @MainActor [weak session] in session?.heard(change) }
    }
}

/// Passes the core's progress on as a fraction done.
private final class ProgressRelay: ProgressListener, Sendable {
    private let report: @Sendable (Double) -> Void

    init(_ report: @escaping @Sendable (Double) -> Void) {
        self.report = report
    }

    func progress(done: Int64, total: Int64) {
        if total > 0 { report(Double(done) / Double(total)) }
    }
}

/// Where the device is, for the core to choose whose help lines come first.
public struct DevicePlace: Sendable, Equatable {
    /// The locale's identifier (`en_GB`, `de-AT`).
    public var locale: String
    /// The time zone's identifier (`Europe/Berlin`), if known.
    public var timeZone: String?

    /// The device's own: its current locale and time zone.
    public init(locale: String = Locale.current.identifier, timeZone: String? = TimeZone.current.identifier) {
        self.locale = locale
        self.timeZone = timeZone
    }
}
