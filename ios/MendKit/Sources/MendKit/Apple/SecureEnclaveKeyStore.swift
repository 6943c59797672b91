// The device keys on Apple platforms: per vault key alias, a P-256 key in the Secure Enclave.
// It wraps the vault's device secret (ECIES: X9.63 KDF, AES-GCM), and it computes the keyed
// function the core mixes into every passcode guess — a key agreement between the enclave's
// private key and a point derived from the guess — so no guess can be checked anywhere but on
// this device. The private key never leaves the chip and is usable only while the device is
// unlocked. Where there is no Secure Enclave (the simulator) the store refuses, unless it was
// made with `allowSoftwareKeys` for the simulator and UI tests: never a silent fallback on a
// real device. The small records kept beside each key (the attempt state and the write
// generation, sealed by the core) are this-device-only Keychain items, which restoring the
// app's files does not roll back.
#if canImport(Security) && canImport(CryptoKit) && !os(Linux)
import CryptoKit
import Foundation
import MendCore
import Security

/// The platform key store for iOS and macOS.
public final class SecureEnclaveKeyStore: DeviceKeyStore, @unchecked Sendable {
    private let algorithm: SecKeyAlgorithm = .eciesEncryptionCofactorVariableIVX963SHA256AESGCM
    private let allowSoftwareKeys: Bool
    private let recordService = "app.mend.key-records"
    /// Key creation is serialised: two unlocks racing must not make two keys for one alias.
    private let creation = NSLock()

    /// A store; `allowSoftwareKeys` lets it use Keychain keys where the device has no Secure
    /// Enclave (the simulator), and must stay false in a release build.
    public init(allowSoftwareKeys: Bool = false) {
        self.allowSoftwareKeys = allowSoftwareKeys
    }

    private func protected(_ query: [String: Any]) -> [String: Any] {
        var query = query
        #if os(macOS)
        // The iOS-style keychain on macOS: the same accessibility and this-device-only rules.
        query[kSecUseDataProtectionKeychain as String] = true
        #endif
        return query
    }

    private func keyQuery(_ alias: String) -> [String: Any] {
        protected([
            kSecClass as String: kSecClassKey,
            kSecAttrApplicationTag as String: Data(alias.utf8),
            kSecAttrKeyType as String: kSecAttrKeyTypeECSECPrimeRandom,
        ])
    }

    private func existingKey(_ alias: String) throws -> SecKey? {
        var query = keyQuery(alias)
        query[kSecReturnRef as String] = true
        var item: CFTypeRef?
        switch SecItemCopyMatching(query as CFDictionary, &item) {
        case errSecSuccess:
            guard let item, CFGetTypeID(item) == SecKeyGetTypeID() else { throw DeviceKeyError.Failed }
            return (item as! SecKey)
        case errSecItemNotFound:
            return nil
        case errSecInteractionNotAllowed:
            throw DeviceKeyError.Unavailable // the device is locked
        default:
            throw DeviceKeyError.Failed
        }
    }

    private func createKey(_ alias: String) throws -> SecKey {
        let inEnclave = SecureEnclave.isAvailable
        guard inEnclave || allowSoftwareKeys else { throw DeviceKeyError.Unavailable }
        // `.privateKeyUsage` only for a key in the Secure Enclave; a Keychain key takes none.
        let flags: SecAccessControlCreateFlags = inEnclave ? .privateKeyUsage : []
        guard let access = SecAccessControlCreateWithFlags(
            nil, kSecAttrAccessibleWhenUnlockedThisDeviceOnly, flags, nil) else { throw DeviceKeyError.Failed }
        let privateAttributes: [String: Any] = [
            kSecAttrIsPermanent as String: true,
            kSecAttrApplicationTag as String: Data(alias.utf8),
            kSecAttrAccessControl as String: access,
        ]
        var attributes = protected([
            kSecAttrKeyType as String: kSecAttrKeyTypeECSECPrimeRandom,
            kSecAttrKeySizeInBits as String: 256,
            kSecPrivateKeyAttrs as String: privateAttributes,
        ])
        if inEnclave {
            attributes[kSecAttrTokenID as String] = kSecAttrTokenIDSecureEnclave
        }
        var error: Unmanaged<CFError>?
        guard let key = SecKeyCreateRandomKey(attributes as CFDictionary, &error) else {
            throw Self.failure(error, otherwise: .Unavailable)
        }
        return key
    }

    /// The error for a failed Security call: "device locked" told apart from the rest.
    private static func failure(_ error: Unmanaged<CFError>?, otherwise: DeviceKeyError) -> DeviceKeyError {
        guard let error = error?.takeRetainedValue() else { return otherwise }
        return CFErrorGetCode(error) == Int(errSecInteractionNotAllowed) ? .Unavailable : otherwise
    }

    public func wrap(alias: String, plain: Data) throws -> Data {
        let key = try creation.withLock { try existingKey(alias) ?? createKey(alias) }
        guard let publicKey = SecKeyCopyPublicKey(key) else { throw DeviceKeyError.Failed }
        var error: Unmanaged<CFError>?
        guard let sealed = SecKeyCreateEncryptedData(publicKey, algorithm, plain as CFData, &error) else {
            throw Self.failure(error, otherwise: .Failed)
        }
        return sealed as Data
    }

    public func unwrap(alias: String, wrapped: Data) throws -> Data {
        guard let key = try existingKey(alias) else { throw DeviceKeyError.KeyMissing }
        var error: Unmanaged<CFError>?
        guard let plain = SecKeyCreateDecryptedData(key, algorithm, wrapped as CFData, &error) else {
            throw Self.failure(error, otherwise: .Rejected)
        }
        return plain as Data
    }

    public func derive(alias: String, input: Data) throws -> Data {
        guard let key = try existingKey(alias) else { throw DeviceKeyError.KeyMissing }
        let point = try Self.point(for: input)
        var error: Unmanaged<CFError>?
        guard let shared = SecKeyCopyKeyExchangeResult(
            key, .ecdhKeyExchangeStandard, point, [:] as CFDictionary, &error) else {
            throw Self.failure(error, otherwise: .Failed)
        }
        return shared as Data
    }

    /// A P-256 public key that only `input` leads to: the point of a scalar hashed from it
    /// (hashed again with a counter in the rare case the hash is not a valid scalar).
    private static func point(for input: Data) throws -> SecKey {
        for counter: UInt8 in 0...7 {
            var hasher = SHA256()
            hasher.update(data: Data("mend.device.derive.point".utf8))
            hasher.update(data: input)
            hasher.update(data: Data([counter]))
            guard let scalar = try? P256.KeyAgreement.PrivateKey(rawRepresentation: Data(hasher.finalize())) else {
                continue
            }
            let attributes: [String: Any] = [
                kSecAttrKeyType as String: kSecAttrKeyTypeECSECPrimeRandom,
                kSecAttrKeyClass as String: kSecAttrKeyClassPublic,
                kSecAttrKeySizeInBits as String: 256,
            ]
            var error: Unmanaged<CFError>?
            guard let point = SecKeyCreateWithData(
                scalar.publicKey.x963Representation as CFData, attributes as CFDictionary, &error) else {
                throw DeviceKeyError.Failed
            }
            return point
        }
        throw DeviceKeyError.Failed
    }

    public func destroyKey(alias: String) throws {
        try creation.withLock {
            for query in [keyQuery(alias), recordQuery(alias, name: nil)] {
                let status = SecItemDelete(query as CFDictionary)
                guard status == errSecSuccess || status == errSecItemNotFound else { throw DeviceKeyError.Failed }
            }
        }
    }

    private func recordQuery(_ alias: String, name: String?) -> [String: Any] {
        var query = protected([
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "\(recordService).\(alias)",
        ])
        if let name {
            query[kSecAttrAccount as String] = name
        }
        return query
    }

    public func loadRecord(alias: String, name: String) throws -> Data? {
        var query = recordQuery(alias, name: name)
        query[kSecReturnData as String] = true
        query[kSecMatchLimit as String] = kSecMatchLimitOne
        var item: CFTypeRef?
        switch SecItemCopyMatching(query as CFDictionary, &item) {
        case errSecSuccess:
            guard let data = item as? Data else { throw DeviceKeyError.Failed }
            return data
        case errSecItemNotFound:
            return nil
        case errSecInteractionNotAllowed:
            throw DeviceKeyError.Unavailable
        default:
            throw DeviceKeyError.Failed
        }
    }

    public func storeRecord(alias: String, name: String, value: Data) throws {
        let query = recordQuery(alias, name: name)
        let update = [kSecValueData as String: value]
        var status = SecItemUpdate(query as CFDictionary, update as CFDictionary)
        if status == errSecItemNotFound {
            var item = query
            item[kSecValueData as String] = value
            // Readable in the background after the first unlock (a reminder may open the
            // vault's lock screen), never restored to another device.
            item[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly
            status = SecItemAdd(item as CFDictionary, nil)
        }
        switch status {
        case errSecSuccess: return
        case errSecInteractionNotAllowed: throw DeviceKeyError.Unavailable
        default: throw DeviceKeyError.Failed
        }
    }
}
#endif
