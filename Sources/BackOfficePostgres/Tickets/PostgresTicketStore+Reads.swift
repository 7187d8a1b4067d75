import BackOffice
import Foundation
import Postgres

extension PostgresTicketStore {
    public func comments(ofTicket id: UUID, in organisation: Organisation, includeInternal: Bool) async throws -> [TicketComment] {
        try await StoreError.mapping {
            try await pool.withTenant(organisation.id, readOnly: true) { transaction in
                // The duplicates merged into the ticket, and theirs, for the support side.
                try await transaction.queryCommitting("""
                    WITH RECURSIVE merged (id, number) AS (
                        SELECT id, number FROM tickets
                        WHERE org_id = \(organisation.id) AND merged_into_id = \(id) AND \(includeInternal)
                        UNION
                        SELECT t.id, t.number FROM tickets t JOIN merged ON t.org_id = \(organisation.id) AND t.merged_into_id = merged.id)
                    SELECT c.id, c.author_person_id, p.email AS author_email, c.visibility, c.body, c.created_at,
                           \(organisation.code) || '-' || merged.number AS from_reference
                    FROM ticket_comments c LEFT JOIN people p ON p.id = c.author_person_id
                    LEFT JOIN merged ON merged.id = c.ticket_id
                    WHERE c.org_id = \(organisation.id) AND (c.ticket_id = \(id) OR c.ticket_id IN (SELECT id FROM merged))
                      AND (\(includeInternal) OR c.visibility = 'public')
                    ORDER BY c.created_at, c.id
                    """).map(TicketCommentRow.comment)
            }
        }
    }

    public func events(ofTicket id: UUID, in organisation: Organisation) async throws -> [TicketEvent] {
        try await StoreError.mapping {
            try await pool.withTenant(organisation.id, readOnly: true) { transaction in
                try await transaction.queryCommitting("""
                    SELECT e.id, e.at, e.actor_person_id, p.email AS actor_email, e.kind, e.changes, e.interface
                    FROM ticket_events e LEFT JOIN people p ON p.id = e.actor_person_id
                    WHERE e.org_id = \(organisation.id) AND e.ticket_id = \(id)
                    ORDER BY e.at, e.id
                    """).map(TicketCommentRow.event)
            }
        }
    }

    public func residentContact(
        ofTicket id: UUID, in organisation: Organisation, readBy actor: UUID, interface: Interface, purpose: String
    ) async throws -> ResidentContact? {
        try await StoreError.mapping {
            try await pool.withTenant(organisation.id, actor: actor) { transaction in
                guard let row = try await transaction.query("""
                    SELECT name, email, phone, anonymised_at FROM ticket_resident_contacts
                    WHERE org_id = \(organisation.id) AND ticket_id = \(id)
                    """).first else { return nil }
                transaction.sendWithNext("""
                    INSERT INTO access_log (org_id, actor_person_id, ticket_id, interface, purpose)
                    VALUES (\(organisation.id), \(actor), \(id), \(interface.rawValue), \(purpose))
                    """)
                return ResidentContact(
                    name: try row.decode(String?.self, "name"), email: try row.decode(String?.self, "email"),
                    phone: try row.decode(String?.self, "phone"), anonymisedAt: try row.decode(Date?.self, "anonymised_at"))
            }
        }
    }

    public func tickets(matching filter: TicketFilter, actor: UUID) async throws -> [Ticket] {
        let query = Self.queue(filter)
        return try await inScope(of: filter, actor: actor) { try await $0.query(query).map(TicketRow.ticket) }
    }

    public func countTickets(matching filters: [TicketFilter], actor: UUID) async throws -> [Int] {
        guard let first = filters.first else { return [] }
        let queries = filters.map(Self.count)
        return try await inScope(of: first, actor: actor) { transaction in
            var counts: [Int] = []
            for query in queries { counts.append(try await transaction.query(query).single().decode(Int.self, "count")) }
            return counts
        }
    }

    /// Runs `body` in `filter.organisationID`'s tenant scope, or in the county scope when it is nil.
    private func inScope<T: Sendable>(
        of filter: TicketFilter, actor: UUID, _ body: (Transaction) async throws -> sending T
    ) async throws -> T {
        try await StoreError.mapping {
            if let organisation = filter.organisationID {
                return try await pool.withTenant(organisation, actor: actor, body)
            }
            return try await pool.withCountyScope(actor: actor, body)
        }
    }

    /// The queue's statement: fixed pieces chosen by the filter, every value bound.
    static func queue(_ filter: TicketFilter) -> PostgresQuery {
        var query = TicketRow.select(from: "tickets")
        appendConditions(of: filter, to: &query)
        switch filter.order {
        case .due:
            if let after = filter.after {
                query.append(" AND (t.resolution_due_at, t.id) > (SELECT resolution_due_at, id FROM tickets WHERE org_id = \(after.organisationID) AND id = \(after.ticketID))")
            }
            query.append(" ORDER BY t.resolution_due_at, t.id")
        case .newest:
            if let after = filter.after {
                query.append(" AND (t.created_at, t.id) < (SELECT created_at, id FROM tickets WHERE org_id = \(after.organisationID) AND id = \(after.ticketID))")
            }
            query.append(" ORDER BY t.created_at DESC, t.id DESC")
        }
        query.append(" LIMIT \(filter.limit + 1)")
        return query
    }

    /// How many tickets the filter matches, whatever its order, limit and cursor.
    static func count(_ filter: TicketFilter) -> PostgresQuery {
        var query = PostgresQuery(stringLiteral: "SELECT count(*) AS count FROM tickets t LEFT JOIN omaolo_services s ON s.id = t.service_id")
        appendConditions(of: filter, to: &query)
        return query
    }

    /// `WHERE` and the filter's conditions.
    private static func appendConditions(of filter: TicketFilter, to query: inout PostgresQuery) {
        query.append(" WHERE true")
        if let organisation = filter.organisationID { query.append(" AND t.org_id = \(organisation)") }
        if !filter.statuses.isEmpty { query.append(" AND t.status = ANY(\(filter.statuses.map(\.rawValue)))") }
        if !filter.priorities.isEmpty { query.append(" AND t.priority = ANY(\(filter.priorities.map(\.rawValue)))") }
        if !filter.categories.isEmpty { query.append(" AND t.category = ANY(\(filter.categories.map(\.rawValue)))") }
        if let service = filter.serviceCode { query.append(" AND s.code = \(service)") }
        switch filter.assignee {
        case .person(let id)?: query.append(" AND t.assignee_person_id = \(id)")
        case .nobody?: query.append(" AND t.assignee_person_id IS NULL")
        case nil: break
        }
        if let reporter = filter.reporterID { query.append(" AND t.reporter_person_id = \(reporter)") }
        if let dueBefore = filter.dueBefore {
            query.append("""
                 AND t.status IN ('new', 'open')
                 AND (t.resolution_due_at < \(dueBefore) OR (t.first_response_at IS NULL AND t.first_response_due_at < \(dueBefore)))
                """)
        }
        if let text = filter.text {
            query.append("""
                 AND (t.search_vector @@ (SELECT finnish_search_query(\(text)))
                      OR EXISTS (SELECT 1 FROM ticket_comments c
                                 WHERE c.org_id = t.org_id AND c.ticket_id = t.id
                                   AND (\(filter.searchesInternalComments) OR c.visibility = 'public')
                                   AND c.search_vector @@ (SELECT finnish_search_query(\(text)))))
                """)
        }
    }
}
