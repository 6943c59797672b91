// Key stores written in Swift for tests on any platform: one that keeps secrets in memory
// and hands out opaque references (as a Keychain item would be), and one that always fails.
import Foundation
import MendCore

/// Keeps wrapped secrets in memory; `wrap` returns a random reference to them.
public final class TableKeyStore: DeviceKeyStore, @unchecked Sendable {
    private var secrets: [Data: Data] = [:]
    private var destroyed = false
    private let lock = NSLock()

    public init() {}

    public func wrap(plain: Data) throws -> Data {
        try lock.withLock {
            if destroyed { throw DeviceKeyError.KeyMissing }
            let reference = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
            secrets[reference] = plain
            return reference
        }
    }

    public func unwrap(wrapped: Data) throws -> Data {
        try lock.withLock {
            if destroyed { throw DeviceKeyError.KeyMissing }
            guard let plain = secrets[wrapped] else { throw DeviceKeyError.Rejected }
            return plain
        }
    }

    public func destroyKey() throws {
        lock.withLock {
            secrets.removeAll()
            destroyed = true
        }
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

    public func wrap(plain: Data) throws -> Data { try fail() }
    public func unwrap(wrapped: Data) throws -> Data { try fail() }
    public func destroyKey() throws { try fail() }
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
