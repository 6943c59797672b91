// The words of the app's own screens, from the core's keyed catalogue
// (`content/<code>/screens.toml`) in the device's language, with Apple's own words where a
// screen names Face ID, Touch ID or the device passcode: the plain ones read once, and those
// with counts or placeholders formatted by the core, which knows each language's plural
// rule. The Android and desktop screens read the same catalogue.
import Foundation
import MendCore

/// The screens' words in one language.
public struct ScreenWords: Sendable {
    private let plain: [String: String]
    private let devices: WordsFor

    /// The words in the device's language, read once for the app's life (the views read
    /// their words often; a language chosen in Settings applies from the next start).
    public static let device = ScreenWords()

    /// The words in `languageTag`'s language (the device's unless given; English where the
    /// core has no translation), for `devices`. Sets the core's language too, so words read
    /// before the session starts are in the same language as the program's.
    public init(languageTag: String = Locale.current.identifier, devices: WordsFor = .apple) {
        _ = setLanguage(tag: languageTag)
        self.devices = devices
        plain = (try? screenWords(devices: devices)) ?? [:]
    }

    /// The plain wording under `key` (the key itself if the catalogue has none, which the
    /// tests rule out).
    public subscript(_ key: String) -> String {
        plain[key] ?? fill(key)
    }

    /// The wording under `key`, its form chosen by `count` (where it has forms) and each
    /// `{name}` filled from `texts`, or with `count` for `{count}`.
    public func fill(_ key: String, count: Int? = nil, _ texts: [String: String] = [:]) -> String {
        var args = texts.map { WordArg(name: $0.key, value: .text(text: $0.value)) }
        if let count {
            args.append(WordArg(name: "count", value: .count(count: Int64(count))))
        }
        return ((try? screenWord(key: key, args: args, devices: devices)) ?? nil) ?? key
    }
}
