// Biometric unlock's secret on Apple platforms: a this-device-only Keychain item whose access
// control asks for the currently enrolled Face ID or Touch ID (`.biometryCurrentSet`), so
// adding or removing a face or a finger makes it unreadable, and the keeper then reports it
// gone (the session switches biometric unlock off; the passcode always works). The item needs
// a device passcode to exist at all (`WhenPasscodeSetThisDeviceOnly`) and never leaves the
// device in a backup. Apple-only; the decisions around it are the session's, tested on Linux
// with a stand-in keeper.
#if canImport(LocalAuthentication) && canImport(Security) && !os(Linux)
import Foundation
import LocalAuthentication
import Security

/// Keeps biometric unlock's secret behind Face ID or Touch ID.
@MainActor
public final class KeychainBiometricKeeper: BiometricKeeper {
    private let reason: String

    /// A keeper whose system prompt gives `reason` (plain words: the prompt can be seen).
    public init(reason: String) {
        self.reason = reason
    }

    public func available() -> Bool {
        var error: NSError?
        return LAContext().canEvaluatePolicy(.deviceOwnerAuthenticationWithBiometrics, error: &error)
    }

    public func keep(_ secret: Data) async -> Bool {
        // A check first, so that switching it on is the person's own act.
        guard await Self.check(reason: reason) else { return false }
        return Self.store(secret)
    }

    public func open() async -> BiometricOpening {
        let reason = self.reason
        let (status, data) = await Task.detached { Self.read(reason: reason) }.value
        switch status {
        case errSecSuccess:
            guard let data else { return .gone }
            return .opened(data)
        case errSecItemNotFound:
            // Never kept, or dropped by the system when the enrolled biometry changed.
            return .gone
        default:
            // Cancelled, failed, or the device is locked: the passcode for now.
            return .cancelled
        }
    }

    public func forget() {
        SecItemDelete(Self.query() as CFDictionary)
    }

    nonisolated private static func query() -> [String: Any] {
        var query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "app.mend.biometric",
            kSecAttrAccount as String: "secret",
        ]
        #if os(macOS)
        query[kSecUseDataProtectionKeychain as String] = true
        #endif
        return query
    }

    nonisolated private static func check(reason: String) async -> Bool {
        let context = LAContext()
        return (try? await context.evaluatePolicy(.deviceOwnerAuthenticationWithBiometrics, localizedReason: reason)) ?? false
    }

    nonisolated private static func store(_ secret: Data) -> Bool {
        guard let access = SecAccessControlCreateWithFlags(
            nil, kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly, .biometryCurrentSet, nil
        ) else { return false }
        SecItemDelete(query() as CFDictionary)
        var add = query()
        add[kSecValueData as String] = secret
        add[kSecAttrAccessControl as String] = access
        return SecItemAdd(add as CFDictionary, nil) == errSecSuccess
    }

    /// Reads the item; the system shows its Face ID or Touch ID prompt meanwhile, so this runs
    /// off the main actor.
    nonisolated private static func read(reason: String) -> (OSStatus, Data?) {
        let context = LAContext()
        context.localizedReason = reason
        var search = query()
        search[kSecReturnData as String] = true
        search[kSecMatchLimit as String] = kSecMatchLimitOne
        search[kSecUseAuthenticationContext as String] = context
        var item: CFTypeRef?
        let status = SecItemCopyMatching(search as CFDictionary, &item)
        return (status, item as? Data)
    }
}
#endif
