import Foundation

/// What one retention run did, kind by kind (or, dry, would do).
public struct RetentionRun: Sendable, Equatable {
    /// References of the tickets whose resident contact details were anonymised.
    public let anonymisedTickets: [String]
    /// Idempotency keys older than `RetentionService.idempotencyKeyDays`.
    public let idempotencyKeysDeleted: Int
    /// Web sessions past their idle or absolute expiry.
    public let webSessionsDeleted: Int
}

/// The data-minimisation job: residents' contact details some months after closing, request
/// idempotency keys after 30 days, web sessions once expired. Idempotent; each kind that
/// removed anything is recorded in the audit log as the system.
public struct RetentionService: Sendable {
    /// How long a retried create can still find its ticket by its `Idempotency-Key`.
    public static let idempotencyKeyDays = 30

    let tickets: TicketService
    let store: any RetentionStore
    let sessions: SessionSettings
    let clock: @Sendable () -> Date

    public init(tickets: TicketService, store: any RetentionStore, sessions: SessionSettings,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.tickets = tickets
        self.store = store
        self.sessions = sessions
        self.clock = clock
    }

    public func run(contactMonths months: Int, dryRun: Bool) async throws -> RetentionRun {
        let anonymised = try await tickets.anonymiseResidentContacts(closedMoreThan: months, dryRun: dryRun)
        let now = clock()
        let keys = try await store.deleteIdempotencyKeys(
            createdBefore: now.addingTimeInterval(-Double(Self.idempotencyKeyDays) * 86_400), dryRun: dryRun
        ) { count in
            Self.audit("idempotency_key.purge", "idempotency_key", count, reason: "idempotency keys kept \(Self.idempotencyKeyDays) days")
        }
        let webSessions = try await store.deleteWebSessions(
            lastSeenBefore: now.addingTimeInterval(-sessions.idleTimeout),
            createdBefore: now.addingTimeInterval(-sessions.absoluteTimeout), dryRun: dryRun
        ) { count in
            Self.audit("session.purge", "web_session", count, reason: "web sessions past their idle or absolute expiry")
        }
        return RetentionRun(anonymisedTickets: anonymised, idempotencyKeysDeleted: keys, webSessionsDeleted: webSessions)
    }

    private static func audit(_ action: String, _ objectType: String, _ count: Int, reason: String) -> AuditEntry {
        AuditEntry(actorID: nil, action: action, objectType: objectType, objectID: "\(count) rows",
                   before: nil, after: ["deleted": String(count)], reason: reason, interface: .system)
    }
}
