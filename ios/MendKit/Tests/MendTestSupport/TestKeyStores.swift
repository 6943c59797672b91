// Key stores written in Swift for tests on any platform: one that keeps secrets in memory
// and hands out opaque references (as a Keychain item would be), with a counted keyed
// function and records kept per key, and one that always fails.
import Foundation
import MendCore
import MendKit

/// Keeps wrapped secrets in memory per alias; `wrap` returns a random reference to them. Its
/// keyed function is a counted table of random outputs, one per alias and input.
public final class TableKeyStore: DeviceKeyStore, @unchecked Sendable {
    private var secrets: [String: [Data: Data]] = [:]
    private var outputs: [String: [Data: Data]] = [:]
    private var records: [String: Data] = [:]
    private let lock = NSLock()
    /// How many keyed-function operations it has done.
    public private(set) var derivations = 0

    public init() {}

    private static func random(_ n: Int) -> Data { Data((0..<n).map { _ in UInt8.random(in: 0...255) }) }

    public func wrap(alias: String, plain: Data) throws -> Data {
        lock.withLock {
            let reference = Self.random(16)
            secrets[alias, default: [:]][reference] = plain
            outputs[alias, default: [:]] = outputs[alias] ?? [:]
            return reference
        }
    }

    public func unwrap(alias: String, wrapped: Data) throws -> Data {
        try lock.withLock {
            guard let table = secrets[alias] else { throw DeviceKeyError.KeyMissing }
            guard let plain = table[wrapped] else { throw DeviceKeyError.Rejected }
            return plain
        }
    }

    public func derive(alias: String, input: Data) throws -> Data {
        try lock.withLock {
            guard outputs[alias] != nil else { throw DeviceKeyError.KeyMissing }
            derivations += 1
            if let known = outputs[alias]?[input] { return known }
            let output = Self.random(32)
            outputs[alias]?[input] = output
            return output
        }
    }

    public func destroyKey(alias: String) throws {
        lock.withLock {
            secrets[alias] = nil
            outputs[alias] = nil
            records = records.filter { !$0.key.hasPrefix(alias + "/") }
        }
    }

    public func loadRecord(alias: String, name: String) throws -> Data? {
        lock.withLock { records[alias + "/" + name] }
    }

    public func storeRecord(alias: String, name: String, value: Data) throws {
        lock.withLock { records[alias + "/" + name] = value }
    }
}

/// Fails every call, with a declared error or with an unexpected one.
public final class FailingKeyStore: DeviceKeyStore, @unchecked Sendable {
    struct Unexpected: Error {}
    private let declared: Bool

    public init(declared: Bool) {
        self.declared = declared
    }

    private func fail() throws -> Never {
        if declared { throw DeviceKeyError.Unavailable }
        throw Unexpected()
    }

    public func wrap(alias: String, plain: Data) throws -> Data { try fail() }
    public func unwrap(alias: String, wrapped: Data) throws -> Data { try fail() }
    public func derive(alias: String, input: Data) throws -> Data { try fail() }
    public func destroyKey(alias: String) throws { try fail() }
    public func loadRecord(alias: String, name: String) throws -> Data? { try fail() }
    public func storeRecord(alias: String, name: String, value: Data) throws { try fail() }
}

/// Argon2id parameters small enough for fast tests (same code path as real vaults).
public let smallKdf = KdfParams(memoryKib: 256, iterations: 1, parallelism: 1)

/// A fresh vault path in a new temporary directory.
public func tempVaultPath() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mend-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("vault.db").path
}

/// A passcode as bytes.
public func pass(_ text: String = "passcode-1") -> Data { Data(text.utf8) }

/// Time zone rules for the binding tests (MendCore alone, without MendKit's PlatformZone).
public final class TestZone: TimeZoneRules, @unchecked Sendable {
    private let zone: TimeZone?
    private let fixed: Int32

    /// The rules of `zone`.
    public init(_ zone: TimeZone) {
        self.zone = zone
        self.fixed = 0
    }

    /// A fixed offset, even an impossible one.
    public init(offset: Int32) {
        self.zone = nil
        self.fixed = offset
    }

    public func offsetSeconds(utcMs: Int64) -> Int32 {
        guard let zone else { return fixed }
        return Int32(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utcMs) / 1000)))
    }
}

/// Files kept in one folder, as a test's platform: written there, "saved" where they are, the
/// newest backup picked when the person chooses one, and pages sent to print kept in `printed`.
@MainActor
public final class FolderSharedFiles: SharedFiles {
    /// The folder.
    public let dir: URL
    /// The name the core suggested for the last backup.
    public private(set) var suggested: String?
    private var made = 0

    /// A new, empty folder.
    public init() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("mend-backups-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    public func newFilePath() -> String {
        made += 1
        return dir.appendingPathComponent("mend-\(made).mendbackup").path
    }

    public func deliver(path: String, suggestedName: String) async -> String? {
        suggested = suggestedName
        return "the backups folder"
    }

    public func pick() async -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".mendbackup") }.sorted().last.map { dir.appendingPathComponent($0).path }
    }

    public func release(path: String) async {}

    /// Pages sent to print, as (job name, page).
    public private(set) var printed: [(jobName: String, page: String)] = []

    public var canPrint: Bool { true }

    public func printPage(page: String, jobName: String) async {
        printed.append((jobName, page))
    }
}
