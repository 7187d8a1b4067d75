import Foundation

/// How people name a ticket: `<organisation code>-<number>` (`OULU-TK-42`), or just the
/// number where the organisation is known.
public enum TicketReference {
    /// The organisation code in `OULU-TK-42`, or nil for a bare number or another shape.
    public static func organisationCode(of reference: String) -> String? {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        guard let dash = trimmed.lastIndex(of: "-"), dash != trimmed.startIndex,
              isNumber(trimmed[trimmed.index(after: dash)...])
        else { return nil }
        return String(trimmed[..<dash])
    }

    /// The number in `OULU-TK-42` (the organisation's code, a hyphen, the number) or `42`.
    static func number(of reference: String, in organisation: Organisation) -> Int? {
        let trimmed = reference.trimmingCharacters(in: .whitespaces).uppercased()
        let digits = trimmed.hasPrefix(organisation.code + "-") ? trimmed.dropFirst(organisation.code.count + 1) : Substring(trimmed)
        guard isNumber(digits), let number = Int(digits), number > 0 else { return nil }
        return number
    }

    private static func isNumber(_ digits: Substring) -> Bool {
        !digits.isEmpty && digits.count <= 18 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
