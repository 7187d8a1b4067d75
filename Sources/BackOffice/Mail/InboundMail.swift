import Foundation

/// One RFC 5322 message as the desk reads it: who sent it, what it answers, its subject and
/// the text the sender wrote (the plain-text part, or the HTML part turned into text; quoted
/// replies and signatures trimmed), and how many attachments were left out.
public struct InboundMail: Sendable, Equatable {
    /// Larger messages are refused (the mail system bounces them).
    public static let maximumSize = 1_048_576

    /// Without the angle brackets; nil when the message has none.
    public let messageID: String?
    /// `In-Reply-To` and `References`, without angle brackets, the most recent first.
    public let answers: [String]
    public let fromAddress: String?
    public let fromName: String?
    public let subject: String
    public let text: String
    public let attachmentCount: Int
    /// `Content-Language`, if the message says.
    public let language: String?
    /// Why the message must not become a ticket (an auto-reply, a bounce, a list), if so.
    public let automatic: String?

    /// Parses `bytes`; refuses a message over `maximumSize` or without a text part.
    public init(_ bytes: [UInt8]) throws(MailRefusal) {
        guard bytes.count <= Self.maximumSize else { throw .tooLarge(bytes.count) }
        let message = MailEntity(bytes)
        let headers = message.headers
        var attachments = 0
        let from = headers.decoded("From").map(Self.mailbox)
        automatic = Self.automatic(headers, type: message, from: from?.address)
        // an automatic mail without text is ignored, not bounced (a bounce of a bounce loops)
        guard let body = Self.text(of: message, attachments: &attachments) ?? (automatic == nil ? nil : "") else { throw .noText }
        messageID = headers["Message-ID"].flatMap { Self.messageIDs(in: $0).first }
        answers = (headers["In-Reply-To"].map(Self.messageIDs) ?? []) + (headers["References"].map(Self.messageIDs) ?? []).reversed()
        fromAddress = from?.address
        fromName = from?.name
        subject = (headers.decoded("Subject") ?? "").replacing(/\s+/, with: " ").trimmingCharacters(in: .whitespaces)
        text = ReplyTrimmer.trimmed(body)
        attachmentCount = attachments
        language = headers["Content-Language"]
    }

    /// The text of the entity: alternatives give their plain part (else their HTML part),
    /// mixed parts give their texts one after another; everything else is an attachment.
    private static func text(of entity: MailEntity, attachments: inout Int) -> String? {
        let type = entity.mediaType
        if type == "multipart/alternative" {
            var ignored = 0
            let candidates = entity.parts.filter { !$0.isAttachment }
            if let plain = candidates.first(where: { $0.mediaType == "text/plain" }) { return plain.text }
            for part in candidates { if let text = text(of: part, attachments: &ignored) { return text } }
            return nil
        }
        if type.hasPrefix("multipart/") {
            let texts = entity.parts.compactMap { text(of: $0, attachments: &attachments) }
            return texts.isEmpty ? nil : texts.joined(separator: "\n\n")
        }
        if entity.isAttachment || !(type == "text/plain" || type == "text/html") {
            attachments += 1
            return nil
        }
        return type == "text/html" ? HTMLText.text(of: entity.text) : entity.text
    }

    /// `<a@b> <c@d>` → `["a@b", "c@d"]`.
    private static func messageIDs(in value: String) -> [String] {
        value.matches(of: /<([^<>\s]+)>/).map { String($0.output.1) }
    }

    /// The first mailbox of an address field: `"Name" <addr>`, `Name <addr>`, `addr (Name)`, `addr`.
    private static func mailbox(_ value: String) -> (address: String?, name: String?) {
        if let match = value.firstMatch(of: /^(.*?)<([^<>\s]+@[^<>\s]+)>/) {
            let name = match.output.1.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            return (match.output.2.lowercased(), name.isEmpty ? nil : name)
        }
        if let match = value.firstMatch(of: /([^\s<>(),;]+@[^\s<>(),;]+)\s*(?:\((.*)\))?/) {
            return (match.output.1.lowercased(), match.output.2.map { String($0) })
        }
        return (nil, nil)
    }

    /// RFC 3834 auto-replies, bulk and list mail, and delivery reports (RFC 3464).
    private static func automatic(_ headers: MailHeaders, type message: MailEntity, from address: String?) -> String? {
        if let auto = headers["Auto-Submitted"]?.lowercased(), auto != "no" { return "Auto-Submitted: \(auto)" }
        if let precedence = headers["Precedence"]?.lowercased(), ["bulk", "junk", "list"].contains(precedence) {
            return "Precedence: \(precedence)"
        }
        if headers["X-Autoreply"] != nil || headers["X-Autorespond"] != nil { return "an auto-reply" }
        if message.mediaType == "multipart/report" || headers["Return-Path"]?.replacingOccurrences(of: " ", with: "") == "<>" {
            return "a delivery report"
        }
        if let local = address?.split(separator: "@").first?.lowercased(), ["mailer-daemon", "postmaster"].contains(local) {
            return "a delivery report"
        }
        return nil
    }
}

/// Why a message cannot be read into the desk: the mail system bounces it (exit code 65).
public enum MailRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case tooLarge(Int)
    case noText

    public var description: String {
        switch self {
        case .tooLarge(let size): "message refused: \(size) bytes is over the limit of \(InboundMail.maximumSize) bytes"
        case .noText: "message refused: it has no text part"
        }
    }
}
