// The device key on Apple platforms: a P-256 key in the Secure Enclave (a this-device-only
// Keychain key where there is no Secure Enclave, such as the simulator). The vault's device
// secret is sealed to it with ECIES (X9.63 KDF, AES-GCM); the private key never leaves the
// chip and is usable only while the device is unlocked.
#if canImport(Security) && !os(Linux)
import Foundation
import MendCore
import Security

/// The platform key store for iOS and macOS.
public final class SecureEnclaveKeyStore: DeviceKeyStore, @unchecked Sendable {
    private let tag: Data
    private let algorithm: SecKeyAlgorithm = .eciesEncryptionCofactorVariableIVX963SHA256AESGCM

    /// A store whose key carries the Keychain application tag `tag`.
    public init(tag: String = "app.mend.device-key") {
        self.tag = Data(tag.utf8)
    }

    private var query: [String: Any] {
        [
            kSecClass as String: kSecClassKey,
            kSecAttrApplicationTag as String: tag,
            kSecAttrKeyType as String: kSecAttrKeyTypeECSECPrimeRandom,
        ]
    }

    private func existingKey() throws -> SecKey? {
        var q = query
        q[kSecReturnRef as String] = true
        var item: CFTypeRef?
        let status = SecItemCopyMatching(q as CFDictionary, &item)
        switch status {
        case errSecSuccess: return (item as! SecKey)
        case errSecItemNotFound: return nil
        case errSecInteractionNotAllowed: throw DeviceKeyError.Unavailable
        default: throw DeviceKeyError.Failed
        }
    }

    private func createKey(inSecureEnclave: Bool) -> SecKey? {
        guard let access = SecAccessControlCreateWithFlags(
            nil, kSecAttrAccessibleWhenUnlockedThisDeviceOnly, .privateKeyUsage, nil) else { return nil }
        var attributes: [String: Any] = [
            kSecAttrKeyType as String: kSecAttrKeyTypeECSECPrimeRandom,
            kSecAttrKeySizeInBits as String: 256,
            kSecPrivateKeyAttrs as String: [
                kSecAttrIsPermanent as String: true,
                kSecAttrApplicationTag as String: tag,
                kSecAttrAccessControl as String: access,
            ] as [String: Any],
        ]
        if inSecureEnclave {
            attributes[kSecAttrTokenID as String] = kSecAttrTokenIDSecureEnclave
        }
        return SecKeyCreateRandomKey(attributes as CFDictionary, nil)
    }

    public func wrap(plain: Data) throws -> Data {
        guard let key = try existingKey() ?? createKey(inSecureEnclave: true) ?? createKey(inSecureEnclave: false),
              let publicKey = SecKeyCopyPublicKey(key) else { throw DeviceKeyError.Unavailable }
        guard let sealed = SecKeyCreateEncryptedData(publicKey, algorithm, plain as CFData, nil) else {
            throw DeviceKeyError.Failed
        }
        return sealed as Data
    }

    public func unwrap(wrapped: Data) throws -> Data {
        guard let key = try existingKey() else { throw DeviceKeyError.KeyMissing }
        var error: Unmanaged<CFError>?
        guard let plain = SecKeyCreateDecryptedData(key, algorithm, wrapped as CFData, &error) else {
            throw DeviceKeyError.Rejected
        }
        return plain as Data
    }

    public func destroyKey() throws {
        let status = SecItemDelete(query as CFDictionary)
        guard status == errSecSuccess || status == errSecItemNotFound else { throw DeviceKeyError.Failed }
    }
}
#endif
