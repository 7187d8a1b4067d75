import Foundation

/// What the ticket service needs from storage. Every change happens in one tenant-scoped
/// transaction together with its history; reads see only what row-level security lets them.
public protocol TicketStore: Sendable {
    /// Stores a new ticket with the next number of its organisation and its `created` event.
    /// With an idempotency key already used: the ticket made then if the fingerprint is the
    /// same (`created` false), `.conflict` if not.
    /// In that same one transaction, first reads the active people with the e-mail addresses
    /// `naming` (their county roles and their roles in `organisation`) and hands them, by
    /// lower-cased e-mail, to `complete`, which makes the draft or throws.
    func create(
        naming emails: [String], in organisation: Organisation, by actor: UUID?, interface: Interface,
        _ complete: ([String: Principal]) throws -> TicketDraft
    ) async throws -> (ticket: Ticket, created: Bool)

    func ticket(number: Int, in organisation: Organisation) async throws -> Ticket?

    /// Locks the ticket, refuses a stale `expectedVersion`, applies `change` to it, and
    /// stores the result (its version raised by one) with an event of `kind` listing what
    /// changed, and `comment` if given. A change that changes nothing stores nothing. With
    /// `idempotency` (a comment's key), a retry gets the comment made first (`created` false).
    func change(
        number: Int, in organisation: Organisation, expectedVersion: Int?, by actor: UUID?, interface: Interface,
        idempotency: IdempotencyKey?, _ change: (inout Ticket) throws -> TicketChange
    ) async throws -> (ticket: Ticket, comment: TicketComment?, created: Bool)

    /// Merges the ticket `number` into the ticket `targetNumber` of the same organisation in one
    /// transaction: locks both, refuses a stale `expectedVersion` of the duplicate, applies
    /// `merge` to it (given the target), stores it with a `merged` event, and records a
    /// `merged_in` event on the target, whose version rises by one. A refusal changes nothing.
    func merge(
        number: Int, into targetNumber: Int, in organisation: Organisation, expectedVersion: Int?, by actor: UUID?,
        interface: Interface, _ merge: (inout Ticket, Ticket) throws -> [String: TicketEvent.Change]
    ) async throws -> (merged: Ticket, into: Ticket)

    /// The ticket a mail with `messageID` was received for, if it was.
    func ticket(receivedMessageID messageID: String, in organisation: Organisation) async throws -> Ticket?

    /// The most recent ticket one of `messageIDs` belongs to: a mail the desk sent or received
    /// for it (the `In-Reply-To` and `References` of an answer).
    func ticket(threading messageIDs: [String], in organisation: Organisation) async throws -> Ticket?

    /// The ticket's comments, oldest first; with `includeInternal` (the support side) also
    /// those of the duplicates merged into it, each with the reference it came from.
    func comments(ofTicket id: UUID, in organisation: Organisation, includeInternal: Bool) async throws -> [TicketComment]
    func events(ofTicket id: UUID, in organisation: Organisation) async throws -> [TicketEvent]

    /// A resident reporter's contact details, with the read written to the access log in
    /// the same transaction.
    func residentContact(ofTicket id: UUID, in organisation: Organisation, readBy actor: UUID, interface: Interface, purpose: String) async throws -> ResidentContact?

    /// A page of tickets (one more than `filter.limit` tells whether there is a next page):
    /// in `filter.organisationID`'s tenant scope, or in the county scope when it is nil.
    func tickets(matching filter: TicketFilter, actor: UUID) async throws -> [Ticket]

    /// How many tickets each filter matches (their limits and cursors aside), counting no
    /// further than `cap + 1`: each figure is the count or `cap + 1`, whichever is smaller. One
    /// transaction for all, in the county scope when `countyWide`, otherwise in the tenant
    /// scope of the organisation every filter names.
    func countTickets(matching filters: [TicketFilter], upTo cap: Int, countyWide: Bool, actor: UUID) async throws -> [Int]

    /// Anonymises the contact details of resident tickets closed before `cutoff` (or, with
    /// `dryRun`, only finds them), with a `contact_anonymised` event per ticket and one audit
    /// entry; returns the references of the tickets.
    func anonymiseResidentContacts(closedBefore cutoff: Date, dryRun: Bool, audit: ([String]) -> AuditEntry) async throws -> [String]
}

extension TicketStore {
    /// Stores a new ticket made without naming anyone; see `create(naming:in:by:interface:_:)`.
    func create(_ draft: TicketDraft, in organisation: Organisation, by actor: UUID?, interface: Interface) async throws -> (ticket: Ticket, created: Bool) {
        try await create(naming: [], in: organisation, by: actor, interface: interface) { _ in draft }
    }
}

/// What one change did, for its history: the kind of event, and a comment to add with it.
/// The comment's author is the actor; none (nil) is the resident who reported the ticket.
public struct TicketChange: Sendable {
    public let kind: String
    public let changes: [String: TicketEvent.Change]
    public let comment: (visibility: TicketComment.Visibility, body: String)?
    /// The `Message-ID` of the mail the change came from, stored with it (see `TicketDraft`).
    public var mailMessageID: String?
    /// The mails the change causes, written to the outbox in its transaction.
    public var mails: [MailRequest] = []

    public init(kind: String, changes: [String: TicketEvent.Change], comment: (visibility: TicketComment.Visibility, body: String)? = nil) {
        self.kind = kind
        self.changes = changes
        self.comment = comment
    }
}
