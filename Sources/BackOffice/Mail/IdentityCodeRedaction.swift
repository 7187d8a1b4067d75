import Foundation

extension PersonalIdentityCode {
    /// What stands in a mail's text where an identity code was.
    public static let removedMark = "[henkilötunnus poistettu]"

    /// `text` with every valid identity code replaced by `removedMark`, and how many there
    /// were: mail cannot be refused at the door, so the codes are removed before storage.
    public static func redacted(_ text: String) -> (text: String, removed: Int) {
        let codes = occurrences(in: text)
        guard !codes.isEmpty else { return (text, 0) }
        return (Set(codes).reduce(text) { $0.replacingOccurrences(of: $1, with: removedMark) }, codes.count)
    }
}
