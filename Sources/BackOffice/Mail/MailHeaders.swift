import Foundation

/// The header fields of a message or a MIME part, unfolded, in order; names are matched
/// case-insensitively. Values are raw (encoded words left as they are) unless asked `decoded`.
struct MailHeaders: Sendable {
    let fields: [(name: String, value: String)]

    /// Parses the header block (the lines before the first empty line): a line that begins
    /// with a space or a tab continues the previous field (folding, RFC 5322 2.2.3).
    init(_ block: [UInt8]) {
        let text = String(data: Data(block), encoding: .utf8) ?? String(block.map { Character(Unicode.Scalar($0)) })
        var fields: [(name: String, value: String)] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                               String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            }
        }
        self.fields = fields
    }

    /// The raw value of the first field `name`.
    subscript(name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The value of the first field `name` with its encoded words decoded.
    func decoded(_ name: String) -> String? {
        self[name].map(EncodedWords.decode)
    }

    /// A structured field such as `Content-Type: text/plain; charset="utf-8"`: its main value
    /// lowercased, and its parameters by lowercased name.
    func structured(_ name: String) -> (value: String, parameters: [String: String])? {
        guard let raw = self[name] else { return nil }
        var parts = Self.splitParameters(raw)
        let value = parts.removeFirst().trimmingCharacters(in: .whitespaces).lowercased()
        var parameters: [String: String] = [:]
        for part in parts {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let key = part[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var parameter = part[part.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if parameter.hasPrefix("\""), parameter.hasSuffix("\""), parameter.count >= 2 {
                parameter = String(parameter.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            parameters[key] = parameter
        }
        return (value, parameters)
    }

    /// `;`-separated parts, the semicolons inside quotes kept.
    private static func splitParameters(_ raw: String) -> [String] {
        var parts = [""]
        var quoted = false
        for character in raw {
            if character == "\"" { quoted.toggle() }
            if character == ";", !quoted { parts.append("") } else { parts[parts.count - 1].append(character) }
        }
        return parts
    }
}
