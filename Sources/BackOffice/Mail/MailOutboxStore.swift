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

/// A line of `backoffice mail outbox`: no addresses, no text beyond the subject.
public struct OutboxEntry: Sendable, Equatable {
    public let organisationCode: String
    public let ticketReference: String
    public let kind: MailKind
    public let status: OutboxStatus
    public let attempts: Int
    public let subject: String
    public let createdAt: Date
    public let nextAttemptAt: Date
    public let lastError: String?

    public init(organisationCode: String, ticketReference: String, kind: MailKind, status: OutboxStatus, attempts: Int,
                subject: String, createdAt: Date, nextAttemptAt: Date, lastError: String?) {
        self.organisationCode = organisationCode
        self.ticketReference = ticketReference
        self.kind = kind
        self.status = status
        self.attempts = attempts
        self.subject = subject
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
    }
}

/// The outbox in storage: mails are written there by ticket changes (`MailRequest`), in
/// their transactions; this is the side that delivers, lists and removes them.
public protocol MailOutboxStore: Sendable {
    /// In one transaction: locks the oldest pending mail due at `moment` that no other
    /// delivery holds (`FOR UPDATE SKIP LOCKED`), of `organisation` or of any (nil, county
    /// scope), hands it to `deliver`, and records the outcome. False when no mail is due. A
    /// mail is never handed out twice at once, and a sent one never again.
    func deliverNext(dueAt moment: Date, in organisation: Organisation?, _ deliver: (OutboxMail) async -> DeliveryOutcome) async throws -> Bool

    /// Mails of `statuses`, oldest first: of one organisation, or of all (nil, county scope).
    func entries(of organisation: Organisation?, statuses: [OutboxStatus]) async throws -> [OutboxEntry]

    /// Removes sent and failed mails (and the addresses in them) created before `cutoff`, of
    /// `organisation` or of all (nil, county scope); returns how many.
    func removeFinished(createdBefore cutoff: Date, in organisation: Organisation?) async throws -> Int
}
