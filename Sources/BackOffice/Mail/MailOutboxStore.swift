import Foundation

/// One mail of the outbox as its delivery sees it.
public struct OutboxMail: Sendable, Equatable {
    public let id: UUID
    public let organisationID: UUID
    public let recipient: String
    public let message: String
    /// Attempts made before this one.
    public let attempts: Int

    public init(id: UUID, organisationID: UUID, recipient: String, message: String, attempts: Int) {
        self.id = id
        self.organisationID = organisationID
        self.recipient = recipient
        self.message = message
        self.attempts = attempts
    }
}

/// What became of one attempt to hand a mail to the mail system.
public enum DeliveryOutcome: Sendable, Equatable {
    case sent
    case retry(at: Date, error: String)
    case failed(String)
}

/// Where a mail of the outbox stands.
public enum OutboxStatus: String, Sendable, CaseIterable, Codable, NamedCases {
    case pending, sent, failed
}

/// A mail of the outbox as the desk lists it: no address, no text beyond the subject (which
/// names the ticket or the course, never a comment).
public struct OutboxEntry: Sendable, Equatable {
    public let id: UUID
    public let organisationID: UUID
    public let organisationCode: String
    /// The ticket the mail is about (`OULU-TK-42`), or nil for a training mail.
    public let ticketReference: String?
    /// The course of the training task the mail is about, or nil for a ticket's mail.
    public let courseCode: String?
    public let kind: MailKind
    public let status: OutboxStatus
    public let attempts: Int
    public let subject: String
    public let createdAt: Date
    public let nextAttemptAt: Date
    public let sentAt: Date?
    public let lastError: String?

    public init(id: UUID, organisationID: UUID, organisationCode: String, ticketReference: String?, courseCode: String?, kind: MailKind,
                status: OutboxStatus, attempts: Int, subject: String, createdAt: Date, nextAttemptAt: Date, sentAt: Date?, lastError: String?) {
        self.id = id
        self.organisationID = organisationID
        self.organisationCode = organisationCode
        self.ticketReference = ticketReference
        self.courseCode = courseCode
        self.kind = kind
        self.status = status
        self.attempts = attempts
        self.subject = subject
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.sentAt = sentAt
        self.lastError = lastError
    }
}

/// Which mails of the outbox to list, newest first: of one organisation or of all (nil,
/// county scope), of `statuses`, after the mail `after` (keyset), at most `limit` (nil: all).
public struct OutboxFilter: Sendable, Equatable {
    /// A mail's place in the list, as a cursor holds it.
    public struct Key: Sendable, Equatable {
        public let organisationID: UUID
        public let mailID: UUID

        public init(organisationID: UUID, mailID: UUID) {
            self.organisationID = organisationID
            self.mailID = mailID
        }
    }

    public var organisation: Organisation?
    public var statuses: [OutboxStatus]
    public var after: Key?
    public var limit: Int?

    public init(organisation: Organisation?, statuses: [OutboxStatus], after: Key? = nil, limit: Int? = nil) {
        self.organisation = organisation
        self.statuses = statuses
        self.after = after
        self.limit = limit
    }
}

/// The outbox in storage: mails are written there by ticket and training changes, in their
/// transactions; this is the side that delivers, lists, re-queues and removes them.
public protocol MailOutboxStore: Sendable {
    /// In one transaction: locks the oldest pending mail due at `moment` that no other
    /// delivery holds (`FOR UPDATE SKIP LOCKED`), of `organisation` or of any (nil, county
    /// scope), hands it to `deliver`, and records the outcome. False when no mail is due. A
    /// mail is never handed out twice at once, and a sent one never again.
    func deliverNext(dueAt moment: Date, in organisation: Organisation?, _ deliver: (OutboxMail) async -> DeliveryOutcome) async throws -> Bool

    /// The mails `filter` names, newest first.
    func entries(_ filter: OutboxFilter) async throws -> [OutboxEntry]

    /// Locks the mail `id` of `organisation`, has `check` approve it, makes it pending and due
    /// now with its attempts counted from nought, and writes `audit` in the same transaction.
    /// `.notFound` when the organisation has no such mail.
    func requeue(
        id: UUID, in organisation: Organisation, by actor: UUID, check: (OutboxEntry) throws -> Void, audit: (OutboxEntry) -> AuditEntry
    ) async throws -> OutboxEntry

    /// Removes sent and failed mails (and the addresses in them) created before `cutoff`, of
    /// `organisation` or of all (nil, county scope); returns how many.
    func removeFinished(createdBefore cutoff: Date, in organisation: Organisation?) async throws -> Int
}
