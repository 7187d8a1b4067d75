import Foundation

/// The readable text of an HTML mail body: blocks become lines, tags go, entities are
/// decoded; scripts, styles and quoted earlier replies (`<blockquote>`) are left out.
enum HTMLText {
    static func text(of html: String) -> String {
        var text = html
        for element in [/(?is)<head\b.*?<\/head\s*>/, /(?is)<script\b.*?<\/script\s*>/, /(?is)<style\b.*?<\/style\s*>/,
                        /(?is)<blockquote\b.*?<\/blockquote\s*>/] {
            text = text.replacing(element, with: " ")
        }
        text = text.replacing(/(?is)<!--.*?-->/, with: "")
        text = text.replacing(/\s+/, with: " ")
        text = text.replacing(/(?i)<br\s*\/?>/, with: "\n")
        text = text.replacing(/(?i)<li\b[^>]*>/, with: "\n- ")
        text = text.replacing(/(?i)<\/?(p|div|tr|h[1-6]|ul|ol|table|section|article)\b[^>]*>/, with: "\n\n")
        text = text.replacing(/<[^>]*>/, with: "")
        return decodeEntities(text)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n")
            .replacing(/\n{3,}/, with: "\n\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "euro": "€",
        "auml": "ä", "ouml": "ö", "aring": "å", "Auml": "Ä", "Ouml": "Ö", "Aring": "Å", "uuml": "ü", "Uuml": "Ü",
        "ndash": "–", "mdash": "—", "hellip": "…", "laquo": "«", "raquo": "»", "copy": "©",
    ]

    private static func decodeEntities(_ text: String) -> String {
        text.replacing(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/) { match in
            let name = String(match.output.1)
            if name.hasPrefix("#") {
                let digits = name.dropFirst()
                let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? String(match.output.0)
            }
            return named[name] ?? String(match.output.0)
        }
    }
}
