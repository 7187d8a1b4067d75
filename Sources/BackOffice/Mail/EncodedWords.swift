import Foundation

/// RFC 2047 encoded words in header fields: `=?UTF-8?B?…?=` and `=?ISO-8859-1?Q?…?=`.
/// White space between two adjacent encoded words is dropped, as the RFC says.
enum EncodedWords {
    static func decode(_ value: String) -> String {
        let pattern = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/
        var result = ""
        var rest = Substring(value)
        var previousWasWord = false
        while let match = rest.firstMatch(of: pattern) {
            let between = rest[rest.startIndex..<match.range.lowerBound]
            if !(previousWasWord && between.allSatisfy(\.isWhitespace)) { result += between }
            let charset = String(match.output.1).split(separator: "*").first.map(String.init)
            let text = Array(String(match.output.3).utf8)
            let bytes = match.output.2.lowercased() == "b"
                ? TransferEncoding.base64(text)
                : TransferEncoding.quotedPrintable(text, underscoreIsSpace: true)
            result += MailCharset.decode(bytes, charset: charset)
            previousWasWord = true
            rest = rest[match.range.upperBound...]
        }
        return result + rest
    }
}
