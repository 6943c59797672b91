// The program's content, for a library built without it (the phones'): the app carries one
// `<code>.mendcontent` file per language as a resource (ios/build-xcframework.sh writes them
// into ios/App/Mend/Content/) and installs them at launch, English first, before anything
// reads a word — the screens' words, the session, help.
import Foundation
import MendCore

/// Installs the program's content the app carries.
public enum ProgramContent {
    /// The extension of a content file.
    public static let fileExtension = "mendcontent"

    /// The content files `bundle` carries (at its top, where Xcode copies resources, or in a
    /// `Content` folder), English first, then by name.
    public static func files(in bundle: Bundle) -> [URL] {
        let found = bundle.paths(forResourcesOfType: fileExtension, inDirectory: nil)
            + bundle.paths(forResourcesOfType: fileExtension, inDirectory: "Content")
        return ordered(found.map { URL(fileURLWithPath: $0) })
    }

    /// The content files in `folder`, English first, then by name.
    public static func files(inFolder folder: URL) -> [URL] {
        let found = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return ordered(found.filter { $0.pathExtension == fileExtension })
    }

    /// English first (the language every other falls back to), then by name; each file once.
    private static func ordered(_ urls: [URL]) -> [URL] {
        var seen = Set<String>()
        let unique = urls.filter { seen.insert($0.lastPathComponent).inserted }
        return unique.sorted { a, b in
            let (aEnglish, bEnglish) = (a.lastPathComponent == "en." + fileExtension, b.lastPathComponent == "en." + fileExtension)
            return aEnglish != bEnglish ? aEnglish : a.lastPathComponent < b.lastPathComponent
        }
    }

    /// Installs each of `files` in order; returns the language codes installed. Every file is
    /// tried; a file that cannot be read or that the core refuses (it changes nothing) is
    /// thrown after the rest are installed.
    @discardableResult
    public static func install(_ files: [URL]) throws -> [String] {
        var installed: [String] = []
        var failure: Error?
        for file in files {
            do {
                installed.append(try installContent(content: try Data(contentsOf: file)))
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return installed
    }

    /// Installs every content file `bundle` carries (the app's, unless given), English first;
    /// returns the language codes installed.
    @discardableResult
    public static func install(from bundle: Bundle = .main) throws -> [String] {
        try install(files(in: bundle))
    }
}
