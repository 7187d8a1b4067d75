import Foundation

/// A mail a ticket change asks for, stored in the outbox in the change's own transaction:
/// the store reads the recipient's address there (a resident's read is logged) and has
/// `MailComposer` write the message.
public struct MailRequest: Sendable, Equatable {
    public enum Recipient: Sendable, Equatable {
        /// The ticket's reporter: the professional, or the resident's contact e-mail.
        case reporter
        /// A person of the back office (an assignee).
        case person(UUID)
    }

    public let kind: MailKind
    public let recipient: Recipient
    /// The public comment of a `reply`; never an internal one.
    public let text: String?
    /// The desk address the mail is sent from and answered to.
    public let from: String

    public init(kind: MailKind, recipient: Recipient, text: String? = nil, from: String) {
        self.kind = kind
        self.recipient = recipient
        self.text = text
        self.from = from
    }
}

/// Whom a mail goes to, as the store read it.
public struct MailAddressee: Sendable, Equatable {
    public let address: String
    public let language: MailLanguage
    /// The `Message-ID` (without angle brackets) of the first mail the addressee sent the desk
    /// about the ticket, when they wrote in by mail: the desk's mails answer it, so they
    /// thread in the addressee's own mailbox too.
    public let originalMessageID: String?

    public init(address: String, language: MailLanguage, originalMessageID: String? = nil) {
        self.address = address
        self.language = language
        self.originalMessageID = originalMessageID
    }
}
