// The addresses that reach a help line from the phone: `tel:` to open the dialler with its
// number, `sms:` to open a new text to it (with the word the line asks for filled in, in the
// form Messages reads). Nothing is dialled or sent without the person.
import Foundation
import MendCore

extension HelpResource {
    /// The address to call the line, if it takes calls.
    public var callURL: URL? {
        HelpResource.address("tel:", call)
    }

    /// The address to text the line, if it takes texts: a new message to its number, its word
    /// filled in when it asks for one.
    public var textURL: URL? {
        guard let url = HelpResource.address("sms:", text) else { return nil }
        guard !textBody.isEmpty, let word = textBody.addingPercentEncoding(withAllowedCharacters: .alphanumerics) else { return url }
        return URL(string: url.absoluteString + "&body=" + word)
    }

    /// `scheme` and the dialable characters of `number`; none when it has none.
    private static func address(_ scheme: String, _ number: String) -> URL? {
        let dialable = number.filter { "0123456789+*#".contains($0) }
        guard !dialable.isEmpty, let escaped = dialable.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["+"])) else {
            return nil
        }
        return URL(string: scheme + escaped)
    }
}
