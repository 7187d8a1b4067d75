import BackOffice
import Foundation
import Postgres

/// `TicketStore` over PostgreSQL. Every statement runs in the ticket's tenant scope (or the
/// county scope for the county-wide queue and the retention job), so row-level security
/// checks each of them again.
public struct PostgresTicketStore: TicketStore {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// One transaction: the people named (one statement, sent with BEGIN and the tenant), the
    /// idempotency key, then the ticket with its contact and event in one statement. Without
    /// mails to write, that statement travels with COMMIT, so the organisation's counter row is
    /// locked only while PostgreSQL runs it; the mails of a create by mail are composed from
    /// the ticket's number, so they follow it and go with COMMIT.
    public func create(
        naming emails: [String], in organisation: Organisation, by actor: UUID?, interface: Interface,
        _ complete: ([String: Principal]) throws -> TicketDraft
    ) async throws -> (ticket: Ticket, created: Bool) {
        let outcome: (ticket: Ticket, created: Bool) = try await StoreError.mapping(notFound: "person") {
            try await pool.withTenant(organisation.id, actor: actor) { transaction -> (ticket: Ticket, created: Bool) in
                let people = try await Self.people(emails, in: transaction)
                let draft = try complete(people)
                let id = UUID()
                return try await IdempotentCreate.run(draft.idempotency, in: organisation.id, transaction, making: id, earlier: { id in
                    try await Self.ticket(id: id, in: organisation, transaction)
                }, make: {
                    let assigneeEmail = people.values.first { $0.personID == draft.assigneeID }?.email
                    let insertion = Self.insertion(draft, id: id, assigneeEmail: assigneeEmail, in: organisation, by: actor, interface: interface)
                    guard draft.mailMessageID != nil || !draft.mails.isEmpty else {
                        return try await Self.inserted(draft) { try await transaction.queryCommitting(insertion) }
                    }
                    let ticket = try await Self.inserted(draft) { try await transaction.query(insertion) }
                    // the received mail first: the mails this causes answer it
                    if let messageID = draft.mailMessageID { Self.sendReceived(messageID, for: ticket, transaction) }
                    try await Self.enqueue(draft.mails, for: ticket, in: organisation, by: actor, interface: interface, transaction)
                    return ticket
                })
            }
        }
        if outcome.created { BusinessMetrics.ticketCreated(channel: outcome.ticket.channel) }
        return outcome
    }

    /// One round trip: BEGIN READ ONLY, the tenant, the ticket and COMMIT in one pipeline.
    public func ticket(number: Int, in organisation: Organisation) async throws -> Ticket? {
        var query = TicketRow.select(from: "tickets")
        query.append(" WHERE t.org_id = \(organisation.id) AND t.number = \(number)")
        return try await StoreError.mapping {
            try await pool.withTenant(organisation.id, readOnly: true) { transaction in
                try await transaction.queryCommitting(query).first.map(TicketRow.ticket)
            }
        }
    }

    public func change(
        number: Int, in organisation: Organisation, expectedVersion: Int?, by actor: UUID?, interface: Interface,
        idempotency: IdempotencyKey?, _ change: (inout Ticket) throws -> TicketChange
    ) async throws -> (ticket: Ticket, comment: TicketComment?, created: Bool) {
        try await StoreError.mapping(notFound: "person") {
            try await pool.withTenant(organisation.id, actor: actor) { transaction in
                let made = try await IdempotentCreate.run(idempotency, in: organisation.id, transaction, earlier: { commentID in
                    let comment = try await transaction.query("""
                        SELECT c.id, c.author_person_id, p.email AS author_email, c.visibility, c.body, c.created_at,
                               NULL::text AS from_reference
                        FROM ticket_comments c LEFT JOIN people p ON p.id = c.author_person_id
                        WHERE c.org_id = \(organisation.id) AND c.id = \(commentID)
                        """).first.map(TicketCommentRow.comment)
                    return try await Self.ticket(number: number, in: organisation, lock: false, transaction).map { ($0, comment) }
                }, make: {
                    guard let current = try await Self.ticket(number: number, in: organisation, lock: true, transaction) else {
                        throw BackOfficeError.notFound("ticket \(organisation.code)-\(number)")
                    }
                    try Self.require(expectedVersion, of: current)
                    var changed = current
                    let done = try change(&changed)
                    guard !done.changes.isEmpty else { return ((current, nil), current.id) }
                    var ticket = current
                    if changed != current { ticket = try await Self.store(changed, in: transaction) }
                    var comment: TicketComment?
                    if let (visibility, body) = done.comment {
                        comment = try await Self.insertComment(body, visibility: visibility, on: ticket, by: actor, transaction)
                    }
                    if let messageID = done.mailMessageID { Self.sendReceived(messageID, for: ticket, transaction) }
                    try await Self.enqueue(done.mails, for: ticket, in: organisation, by: actor, interface: interface, transaction)
                    Self.sendEvent(done, of: ticket, by: actor, interface: interface, transaction)
                    return ((ticket, comment), comment?.id ?? ticket.id)
                })
                return (made.0.0, made.0.1, made.created)
            }
        }
    }

    /// Refuses a change made against another version than the ticket's current one.
    static func require(_ expectedVersion: Int?, of current: Ticket) throws {
        if let expectedVersion, expectedVersion != current.version {
            throw BackOfficeError.stale(
                "\(current.reference) is at version \(current.version), not \(expectedVersion): it was changed meanwhile; reload it and try again")
        }
    }

    /// The active people with `emails`, by lower-cased e-mail, each with their county roles and
    /// their roles in the transaction's organisation (row-level security shows no others).
    private static func people(_ emails: [String], in transaction: Transaction) async throws -> [String: Principal] {
        guard !emails.isEmpty else { return [:] }
        var query: PostgresQuery = "SELECT "
        query.append(PrincipalRow.columns(at: Date()))
        query.append(" FROM people p WHERE lower(p.email) = ANY(\(emails.map { $0.lowercased() })) AND p.active")
        var people: [String: Principal] = [:]
        for row in try await transaction.query(query) {
            let person = try PrincipalRow.principal(row, interface: .system)
            people[person.email.lowercased()] = person
        }
        return people
    }

    /// The statement that inserts the ticket `id` with the next number of its organisation
    /// (the counter row's lock keeps concurrent creates in line, and a rollback gives the number
    /// back), a resident reporter's contact and the `created` event, and reads the ticket back.
    /// A service code naming no active service fails it (0027's `active_service_id`).
    private static func insertion(
        _ draft: TicketDraft, id: UUID, assigneeEmail: String?, in organisation: Organisation, by actor: UUID?, interface: Interface
    ) -> PostgresQuery {
        var reporterID: UUID?
        if case .professional(let id) = draft.reporter { reporterID = id }
        let reporterKind = reporterID == nil ? "resident" : "professional"
        var query: PostgresQuery = """
            WITH counter AS (
                INSERT INTO ticket_counters (org_id, last_number) VALUES (\(organisation.id), 1)
                ON CONFLICT (org_id) DO UPDATE SET last_number = ticket_counters.last_number + 1
                RETURNING last_number),
            inserted AS (
                INSERT INTO tickets (id, org_id, number, subject, description, category, channel, priority, service_id,
                                     reporter_kind, reporter_person_id, assignee_person_id, created_at, updated_at,
                                     first_response_due_at, resolution_due_at)
                SELECT \(id), \(organisation.id), counter.last_number, \(draft.subject), \(draft.description),
                       \(draft.category.rawValue), \(draft.channel.rawValue), \(draft.priority.rawValue),
                       active_service_id(\(draft.serviceCode)), \(reporterKind), \(reporterID),
                       \(draft.assigneeID), \(draft.createdAt), \(draft.createdAt), \(draft.sla.firstResponseDue),
                       \(draft.sla.resolutionDue)
                FROM counter
                RETURNING *),
            event AS (
                INSERT INTO ticket_events (org_id, ticket_id, actor_person_id, kind, changes, interface)
                VALUES (\(organisation.id), \(id), \(actor), 'created',
                        \(PostgresJSON(creation(of: draft, reporterKind: reporterKind, assigneeEmail: assigneeEmail)))::jsonb, \(interface.rawValue)))

            """
        if case .resident(let contact) = draft.reporter {
            query.append("""
                , contact AS (
                    INSERT INTO ticket_resident_contacts (org_id, ticket_id, name, email, phone, language)
                    VALUES (\(organisation.id), \(id), \(contact.name), \(contact.email), \(contact.phone),
                            \(draft.residentLanguage.rawValue)))

                """)
        }
        query.append(TicketRow.select(from: "inserted"))
        return query
    }

    /// The ticket `insertion` read back; a service code it refused as the field's error.
    private static func inserted(_ draft: TicketDraft, _ rows: () async throws -> PostgresRows) async throws -> Ticket {
        do {
            return try TicketRow.ticket(try await rows().single())
        } catch let error as PostgresError where error.sqlState == .noDataFound {
            throw BackOfficeError.invalid("service", "no active Omaolo service has the code \(draft.serviceCode ?? "")")
        }
    }

    /// Writes the changeable fields of `ticket` back, with its version raised by one.
    static func store(_ ticket: Ticket, in transaction: Transaction) async throws -> Ticket {
        var query: PostgresQuery = """
            WITH updated AS (
                UPDATE tickets SET subject = \(ticket.subject), description = \(ticket.description),
                       category = \(ticket.category.rawValue), priority = \(ticket.priority.rawValue),
                       service_id = (SELECT id FROM omaolo_services WHERE code = \(ticket.serviceCode)),
                       assignee_person_id = \(ticket.assigneeID), status = \(ticket.status.rawValue),
                       first_response_at = \(ticket.firstResponseAt), first_response_due_at = \(ticket.firstResponseDue),
                       resolution_due_at = \(ticket.resolutionDue), resolved_at = \(ticket.resolvedAt),
                       closed_at = \(ticket.closedAt), waiting_since = \(ticket.waitingSince),
                       paused_minutes = \(ticket.pausedMinutes), first_response_minutes = \(ticket.firstResponseMinutes),
                       resolution_minutes = \(ticket.resolutionMinutes), merged_into_id = \(ticket.mergedInto?.id),
                       version = version + 1, updated_at = now()
                WHERE org_id = \(ticket.organisationID) AND id = \(ticket.id)
                RETURNING *)

            """
        query.append(TicketRow.select(from: "updated"))
        let stored = try TicketRow.ticket(try await transaction.query(query).single())
        if let code = ticket.serviceCode, stored.serviceCode == nil {
            throw BackOfficeError.invalid("service", "no Omaolo service has the code \(code)")
        }
        return stored
    }

    private static func insertComment(
        _ body: String, visibility: TicketComment.Visibility, on ticket: Ticket, by actor: UUID?, _ transaction: Transaction
    ) async throws -> TicketComment {
        let row = try await transaction.query("""
            INSERT INTO ticket_comments (org_id, ticket_id, author_person_id, visibility, body)
            VALUES (\(ticket.organisationID), \(ticket.id), \(actor), \(visibility.rawValue), \(body))
            RETURNING id, author_person_id, (SELECT email FROM people WHERE id = \(actor)) AS author_email, visibility, body, created_at,
                      NULL::text AS from_reference
            """).single()
        return try TicketCommentRow.comment(row)
    }

    /// Queues the record of a received mail (its `Message-ID`, unique per organisation).
    private static func sendReceived(_ messageID: String, for ticket: Ticket, _ transaction: Transaction) {
        transaction.sendWithNext("""
            INSERT INTO mail_received (org_id, message_id, ticket_id) VALUES (\(ticket.organisationID), \(messageID), \(ticket.id))
            """)
    }

    /// Queues the event of a change to travel with the transaction's next statement or COMMIT.
    static func sendEvent(_ change: TicketChange, of ticket: Ticket, by actor: UUID?, interface: Interface, _ transaction: Transaction) {
        transaction.sendWithNext("""
            INSERT INTO ticket_events (org_id, ticket_id, actor_person_id, kind, changes, interface)
            VALUES (\(ticket.organisationID), \(ticket.id), \(actor), \(change.kind), \(PostgresJSON(change.changes))::jsonb, \(interface.rawValue))
            """)
    }

    /// The fields of a new ticket as its first history entry.
    private static func creation(of draft: TicketDraft, reporterKind: String, assigneeEmail: String?) -> [String: TicketEvent.Change] {
        var fields = ["subject": draft.subject, "category": draft.category.rawValue, "channel": draft.channel.rawValue,
                      "priority": draft.priority.rawValue, "status": TicketStatus.new.rawValue,
                      "reporter": reporterKind]
        fields["service"] = draft.serviceCode
        fields["assignee"] = assigneeEmail
        if draft.identityCodesRemoved > 0 { fields["identity_codes_removed"] = String(draft.identityCodesRemoved) }
        return fields.mapValues { TicketEvent.Change(from: nil, to: $0) }
    }

    static func ticket(number: Int, in organisation: Organisation, lock: Bool, _ transaction: Transaction) async throws -> Ticket? {
        var query = TicketRow.select(from: "tickets")
        query.append(" WHERE t.org_id = \(organisation.id) AND t.number = \(number)")
        if lock { query.append(" FOR UPDATE OF t") }
        return try await transaction.query(query).first.map(TicketRow.ticket)
    }

    static func ticket(id: UUID, in organisation: Organisation, _ transaction: Transaction) async throws -> Ticket? {
        var query = TicketRow.select(from: "tickets")
        query.append(" WHERE t.org_id = \(organisation.id) AND t.id = \(id)")
        return try await transaction.query(query).first.map(TicketRow.ticket)
    }
}
