/// A phone number in one notation (E.164, `+358401234567`), so that `040 123 4567`,
/// `+358 40 123 4567`, `00358 40 1234567` and `+358 (0)40-123 4567` are the same number.
/// Numbers without a country code are Finnish.
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    /// `+` and 7 to 15 digits.
    public let e164: String

    public var description: String { e164 }

    /// The number in `text`, or nil when it is not one: separators (spaces, `-`, `.`, `/`,
    /// parentheses) are dropped, `00` before a country code reads as `+`, a national `0` as
    /// `+358`, and a `(0)` or `0` right after `+358` is the national prefix said twice.
    public init?(_ text: String) {
        var digits = ""
        var international = false
        for (index, character) in text.trimmingWhitespace.enumerated() {
            switch character {
            case "+" where index == 0: international = true
            case "0"..."9": digits.append(character)
            case " ", "-", ".", "/", "(", ")": continue
            default: return nil
            }
        }
        if !international, digits.hasPrefix("00") {
            international = true
            digits.removeFirst(2)
        }
        if !international {
            guard digits.hasPrefix("0") else { return nil }
            digits = "358" + digits.dropFirst()
        }
        if digits.hasPrefix("3580") { digits = "358" + digits.dropFirst(4) }
        guard (7...15).contains(digits.count), !digits.hasPrefix("0") else { return nil }
        e164 = "+" + digits
    }

    /// The last seven digits, which every notation of the number shares: enough for a store
    /// to narrow its candidates before this type decides.
    public var lastDigits: String { String(e164.suffix(7)) }
}

extension String {
    fileprivate var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
