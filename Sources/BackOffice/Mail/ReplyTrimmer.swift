import Foundation

/// What a person wrote in a mail without what they quoted and signed: the earlier reply
/// (`>` lines, and everything from an attribution line such as "On … wrote:", "… kirjoitti:",
/// "-----Original Message-----" or an Outlook header block on), and the signature (from the
/// `-- ` line on, and "Sent from my …" lines at the end).
enum ReplyTrimmer {
    static func trimmed(_ text: String) -> String {
        var kept: [Substring] = []
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let plain = line.trimmingCharacters(in: .whitespaces)
            if line == "-- " || plain == "--" || isAttribution(plain, next: index + 1 < lines.count ? lines[index + 1] : nil) { break }
            if plain.hasPrefix(">") { continue }
            kept.append(line)
        }
        while let last = kept.last, last.trimmingCharacters(in: .whitespaces).isEmpty || isDeviceSignature(last) { kept.removeLast() }
        return kept.map { $0.replacing(/[ \t]+$/, with: "") }.joined(separator: "\n")
            .replacing(/\n{3,}/, with: "\n\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isAttribution(_ line: String, next: Substring?) -> Bool {
        let lower = line.lowercased()
        if lower.range(of: #"^-{2,}\s*(original message|alkuperäinen viesti|forwarded message|välitetty viesti)\s*-{2,}$"#,
                       options: .regularExpression) != nil { return true }
        if (lower.hasSuffix("wrote:") || lower.hasSuffix("kirjoitti:")) && (lower.hasPrefix("on ") || lower.contains("@") || lower.contains(" klo ") || lower.contains("20")) {
            return true
        }
        // Outlook: "From: …" / "Lähettäjä: …" followed by "Sent:" / "Lähetetty:" or "Date:"
        if lower.hasPrefix("from:") || lower.hasPrefix("lähettäjä:") {
            let following = next?.lowercased().trimmingCharacters(in: .whitespaces) ?? ""
            return ["sent:", "lähetetty:", "date:", "päivämäärä:", "to:", "vastaanottaja:"].contains { following.hasPrefix($0) }
        }
        return false
    }

    private static func isDeviceSignature(_ line: Substring) -> Bool {
        let lower = line.lowercased().trimmingCharacters(in: .whitespaces)
        return lower.hasPrefix("sent from my ") || lower.hasPrefix("lähetetty iphonesta") || lower.hasPrefix("lähetetty androidista")
            || lower.hasPrefix("lähetetty laitteesta")
    }
}
