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
        return try await inScope(of: filter.organisationID, actor: actor) { try await $0.query(query).map(TicketRow.ticket) }
    }

    /// The counts travel in one round trip: BEGIN, the scope, each count and COMMIT pipelined.
    public func countTickets(matching filters: [TicketFilter], upTo cap: Int, countyWide: Bool, actor: UUID) async throws -> [Int] {
        guard let first = filters.first else { return [] }
        let queries = filters.map { Self.count($0, upTo: cap) }
        return try await inScope(of: countyWide ? nil : first.organisationID, actor: actor) { transaction in
            try await transaction.queriesCommitting(queries).map { try $0.single().decode(Int.self, "count") }
        }
    }

    /// Runs `body` in the tenant scope of `organisation`, or in the county scope when it is
    /// nil, planning each statement for its own values (a search word's frequency and the
    /// statuses decide between the order's index and the GIN indexes; a generic plan cannot).
    private func inScope<T: Sendable>(
        of organisation: UUID?, actor: UUID, _ body: (Transaction) async throws -> sending T
    ) async throws -> T {
        try await StoreError.mapping {
            if let organisation {
                return try await pool.withTenant(organisation, actor: actor) { transaction in
                    Self.planEachStatementForItsValues(transaction)
                    return try await body(transaction)
                }
            }
            return try await pool.withCountyScope(actor: actor) { transaction in
                Self.planEachStatementForItsValues(transaction)
                return try await body(transaction)
            }
        }
    }

    private static func planEachStatementForItsValues(_ transaction: Transaction) {
        transaction.sendWithNext("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")
    }

    /// The queue's statement: fixed pieces chosen by the filter, every value bound. Each
    /// organisation in scope gives its first page from an org_id-leading index in the queue's
    /// order (a search: that index filtered by the words, or the GIN indexes of the tickets'
    /// and of their comments' words united, whichever the planner finds cheaper for the word);
    /// the page is the first of those, read in full by primary key. Migration 0025 lists the
    /// indexes.
    static func queue(_ filter: TicketFilter) -> PostgresQuery {
        let limit = filter.limit + 1
        var query: PostgresQuery = "WITH page AS (SELECT c.org_id, c.id FROM organisations scope CROSS JOIN LATERAL ("
        query.append(candidates(filter, limit: limit))
        query.append(") c")
        if let organisation = filter.organisationID { query.append(" WHERE scope.id = \(organisation)") }
        query.append(" ORDER BY ")
        query.append(order(filter.order, of: "c"))
        query.append(" LIMIT \(limit)) ")
        query.append(TicketRow.select(from: "tickets"))
        query.append(" WHERE (t.org_id, t.id) IN (SELECT org_id, id FROM page) ORDER BY ")
        query.append(order(filter.order, of: "t"))
        return query
    }

    /// One organisation's (`scope.id`) first `limit` tickets after the cursor that match the
    /// filter, in the filter's order.
    private static func candidates(_ filter: TicketFilter, limit: Int) -> PostgresQuery {
        var query: PostgresQuery = "SELECT t.org_id, t.id, t.resolution_due_at, t.created_at FROM tickets t WHERE t.org_id = scope.id"
        appendConditions(of: filter, to: &query)
        if let after = filter.after {
            switch filter.order {
            case .due: query.append(" AND (t.resolution_due_at, t.id) > (SELECT resolution_due_at, id")
            case .newest: query.append(" AND (t.created_at, t.id) < (SELECT created_at, id")
            }
            query.append(" FROM tickets WHERE org_id = \(after.organisationID) AND id = \(after.ticketID))")
        }
        query.append(" ORDER BY ")
        query.append(order(filter.order, of: "t"))
        query.append(" LIMIT \(limit)")
        return query
    }

    /// The `ORDER BY` list of `order` over the table alias `alias` (a name in code).
    private static func order(_ order: TicketFilter.Order, of alias: String) -> PostgresQuery {
        switch order {
        case .due: PostgresQuery(stringLiteral: "\(alias).resolution_due_at, \(alias).id")
        case .newest: PostgresQuery(stringLiteral: "\(alias).created_at DESC, \(alias).id DESC")
        }
    }

    /// How many tickets the filter matches, whatever its order, limit and cursor, counting no
    /// further than `cap + 1`. Like the queue, each organisation in scope is read from an
    /// org_id-leading index, and reading stops once `cap + 1` have matched.
    static func count(_ filter: TicketFilter, upTo cap: Int) -> PostgresQuery {
        let limit = cap + 1
        var query: PostgresQuery = "SELECT count(*) AS count FROM (SELECT FROM organisations scope CROSS JOIN LATERAL ("
        query.append("SELECT FROM tickets t WHERE t.org_id = scope.id")
        appendConditions(of: filter, to: &query)
        query.append(" LIMIT \(limit)) c")
        if let organisation = filter.organisationID { query.append(" WHERE scope.id = \(organisation)") }
        query.append(" LIMIT \(limit)) capped")
        return query
    }

    /// `AND` the words in the ticket's subject or description, or in its comments (public ones
    /// only, unless the filter searches internal ones too: then from the words 0025 keeps on
    /// the ticket). The tsquery is planned as a constant (custom plans), so the planner knows
    /// how common the words are.
    private static func appendWords(of filter: TicketFilter, to query: inout PostgresQuery) {
        guard let text = filter.text else { return }
        query.append(" AND (t.search_vector @@ finnish_search_query(\(text)) OR ")
        if filter.searchesInternalComments {
            query.append("t.comment_words @@ finnish_search_query(\(text)))")
        } else {
            query.append("""
                EXISTS (SELECT 1 FROM ticket_comments c
                        WHERE c.org_id = t.org_id AND c.ticket_id = t.id AND c.visibility = 'public'
                          AND c.search_vector @@ finnish_search_query(\(text))))
                """)
        }
    }

    /// The filter's conditions but the organisation, each beginning `AND`.
    private static func appendConditions(of filter: TicketFilter, to query: inout PostgresQuery) {
        // Planned for its values (custom plans), the statuses prove tickets_unresolved_due's predicate.
        if !filter.statuses.isEmpty { query.append(" AND t.status = ANY(\(filter.statuses.map(\.rawValue)))") }
        if !filter.priorities.isEmpty { query.append(" AND t.priority = ANY(\(filter.priorities.map(\.rawValue)))") }
        if !filter.categories.isEmpty { query.append(" AND t.category = ANY(\(filter.categories.map(\.rawValue)))") }
        if let service = filter.serviceCode { query.append(" AND t.service_id = (SELECT id FROM omaolo_services WHERE code = \(service))") }
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
        appendWords(of: filter, to: &query)
    }
}
