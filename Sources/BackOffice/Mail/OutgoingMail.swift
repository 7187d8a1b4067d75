import Foundation

/// A mail ready for the outbox: its recipient and the whole RFC 5322 message that `sendmail
/// -t -i` reads (UTF-8, quoted-printable; the subject in RFC 2047 encoded words). It answers
/// `inReplyTo` and names `references` (oldest first), so a mail client threads it.
public struct OutgoingMail: Sendable, Equatable {
    public let kind: MailKind
    public let recipient: String
    public let subject: String
    /// Without angle brackets.
    public let messageID: String
    public let message: String

    public init(kind: MailKind, from: String, fromName: String, to recipient: String, subject: String, body: String,
                messageID: String, inReplyTo: String, references: [String], language: MailLanguage, automatic: Bool, date: Date) {
        self.kind = kind
        self.recipient = recipient
        self.subject = subject
        self.messageID = messageID
        var headers = [
            "From: \(Self.phrase(fromName)) <\(from)>",
            "To: \(recipient)",
            "Subject: \(Self.encodedWords(subject))",
            "Date: \(Self.date(date))",
            "Message-ID: <\(messageID)>",
            "In-Reply-To: <\(inReplyTo)>",
            "References: " + references.map { "<\($0)>" }.joined(separator: "\n "),
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "Content-Language: \(language.rawValue)",
        ]
        if automatic { headers.append("Auto-Submitted: auto-generated") }
        message = headers.joined(separator: "\n") + "\n\n" + Self.quotedPrintable(body) + "\n"
    }

    /// A display name: as is when it is printable ASCII without specials, in quotes when it
    /// has specials (`,` `<` `@` …), else in encoded words (which carry specials encoded).
    static func phrase(_ text: String) -> String {
        guard text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) else { return encodedWords(text) }
        guard text.contains(where: { "()<>[]:;@\\,.\"".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `text` as is when it is printable ASCII, else as UTF-8 "B" encoded words of at most
    /// 45 bytes each (75 characters a word), folded one to a line.
    static func encodedWords(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) && !text.contains("=?") { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append(chunk.base64Word)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(chunk.base64Word) }
        return words.joined(separator: "\n ")
    }

    /// Quoted-printable of UTF-8 text, lines of at most 76 characters (soft breaks `=`).
    static func quotedPrintable(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var encoded: [String] = []
            var current = ""
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let plain = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || (byte == 0x20 && !last)
                let piece = plain ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                if current.count + piece.count > 75 {
                    encoded.append(current + "=")
                    current = ""
                }
                current += piece
            }
            encoded.append(current)
            return encoded.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// RFC 5322 date-time, `Mon, 02 Mar 2026 09:00:00 +0000`.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

extension [UInt8] {
    fileprivate var base64Word: String { "=?UTF-8?B?\(Data(self).base64EncodedString())?=" }
}
