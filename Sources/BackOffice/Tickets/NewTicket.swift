import Foundation

/// A ticket as typed at the desk, before validation. Exactly one reporter: a professional of
/// the organisation by e-mail (the actor themselves when neither is given), or a resident's
/// contact details.
public struct NewTicket: Sendable, Equatable {
    public var subject: String
    public var description: String
    public var category: String
    public var channel: String
    /// Defaults to `normal`.
    public var priority: String?
    public var serviceCode: String?
    public var reporterEmail: String?
    public var resident: ResidentContact?
    public var assigneeEmail: String?

    public init(
        subject: String, description: String = "", category: String, channel: String, priority: String? = nil,
        serviceCode: String? = nil, reporterEmail: String? = nil, resident: ResidentContact? = nil, assigneeEmail: String? = nil
    ) {
        self.subject = subject
        self.description = description
        self.category = category
        self.channel = channel
        self.priority = priority
        self.serviceCode = serviceCode
        self.reporterEmail = reporterEmail
        self.resident = resident
        self.assigneeEmail = assigneeEmail
    }
}

/// A validated new ticket, ready for the store: every value checked, the reporter and the
/// assignee resolved to people, the SLA due times computed.
public struct TicketDraft: Sendable, Equatable {
    public enum Reporter: Sendable, Equatable {
        case professional(UUID)
        case resident(ResidentContact)
    }

    public let subject: String
    public let description: String
    public let category: TicketCategory
    public let channel: TicketChannel
    public let priority: TicketPriority
    public let serviceCode: String?
    public let reporter: Reporter
    public let assigneeID: UUID?
    public let createdAt: Date
    public let sla: TicketSLA
    /// The `Idempotency-Key` of the request, if it had one: a retry with the same key and the
    /// same `fingerprint` gets the ticket made the first time; another fingerprint is refused.
    public let idempotencyKey: String?
    /// The `Message-ID` of the mail the ticket came from: stored with it, so the same mail
    /// delivered again makes nothing new.
    public var mailMessageID: String? = nil
    /// How many identity codes were removed from the mail it came from (the history says so).
    public var identityCodesRemoved = 0
    /// The mails the new ticket causes, written to the outbox in its transaction.
    public var mails: [MailRequest] = []
    /// The language of a resident reporter's mails.
    public var residentLanguage: MailLanguage = .fi

    /// The content of the ticket as one string: equal for equal requests, whenever made.
    public var fingerprint: String {
        let reporterText: String
        switch reporter {
        case .professional(let id): reporterText = "professional \(id.uuidString.lowercased())"
        case .resident(let contact): reporterText = "resident \([contact.name, contact.email, contact.phone].map { $0 ?? "" })"
        }
        let fields: [String] = [
            subject, description, category.rawValue, channel.rawValue, priority.rawValue, serviceCode ?? "",
            reporterText, assigneeID?.uuidString.lowercased() ?? "",
        ]
        return IdempotencyKey.fingerprint(of: fields)
    }

    /// The request's key with the ticket's fingerprint, as the store takes it.
    public var idempotency: IdempotencyKey? {
        idempotencyKey.map { IdempotencyKey(kind: .ticket, key: $0, fingerprint: fingerprint) }
    }
}
