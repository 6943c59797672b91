// The device's time zone rules for the core, from Foundation (daylight saving included).
import Foundation
import MendCore

/// The rules of a time zone (the device's own by default), as the core asks for them.
public final class PlatformZone: TimeZoneRules, @unchecked Sendable {
    private let zone: TimeZone

    /// Rules for `zone`.
    public init(_ zone: TimeZone = .current) {
        self.zone = zone
    }

    public func offsetSeconds(utcMs: Int64) -> Int32 {
        Int32(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utcMs) / 1000)))
    }
}
