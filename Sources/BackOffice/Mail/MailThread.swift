import Foundation

/// How the desk's mails about one ticket thread together: every mail it sends for a ticket
/// refers to the ticket's own thread `Message-ID`, `ticket.<uuid>@<domain of MAIL_FROM>`,
/// so an answer's `In-Reply-To` or `References` names the ticket however old the thread is.
public enum MailThread {
    public static func messageID(ofTicket id: UUID, domain: String) -> String {
        "ticket.\(id.uuidString.lowercased())@\(domain)"
    }

    /// The thread of the mails about one training task, `training.<uuid>@<domain>`.
    public static func messageID(ofTrainingTask id: UUID, domain: String) -> String {
        "training.\(id.uuidString.lowercased())@\(domain)"
    }

    /// The ticket a thread `Message-ID` names, if it is one.
    public static func ticketID(in messageID: String) -> UUID? {
        guard messageID.hasPrefix("ticket."), let at = messageID.firstIndex(of: "@") else { return nil }
        return UUID(uuidString: String(messageID[messageID.index(messageID.startIndex, offsetBy: 7)..<at]))
    }
}
