// Where the vault lives on Apple platforms: a folder in Application Support that no backup
// copies (iCloud or a computer's: the device key could not come along anyway, so a restored
// copy would open nothing) and whose files the system encrypts with the device passcode
// (`completeUnlessOpen`: unreadable while the device is locked, except a file the app already
// holds open, so a write in flight when the screen locks still lands). Apple-only.
#if canImport(Foundation) && !os(Linux)
import Foundation

/// The vault's folder and file.
public enum VaultLocation {
    /// The vault file's path, its folder made (and marked) first.
    public static func vaultPath() throws -> String {
        var folder = try FileManager.default.url(
            for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true
        ).appendingPathComponent("Vault", isDirectory: true)
        #if os(iOS)
        let attributes: [FileAttributeKey: Any] = [.protectionKey: FileProtectionType.completeUnlessOpen]
        #else
        let attributes: [FileAttributeKey: Any] = [.posixPermissions: 0o700]
        #endif
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: attributes)
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try folder.setResourceValues(values)
        return folder.appendingPathComponent("vault.db").path
    }
}
#endif
