import Foundation

/// Queues and search: an organisation's tickets, or the county-wide queue of the county
/// support desk, filtered, sorted by due time or age, a page at a time.
extension TicketService {
    /// The tickets of the organisation `code` (nil: every organisation, for county roles)
    /// that match `query`; professionals get only the tickets they reported.
    public func tickets(_ query: TicketQuery, in code: String?, for principal: Principal) async throws -> TicketPage {
        let filter = try await filter(for: query, in: code, for: principal)
        let found = try await store.tickets(matching: filter, actor: principal.personID)
        let page = Array(found.prefix(filter.limit))
        let next = found.count > filter.limit ? page.last.map { cursors.seal(TicketFilter.Key.text(after: $0)) } : nil
        return TicketPage(tickets: page, nextCursor: next)
    }

    /// How many tickets each query matches, in the same scope as `tickets(_:in:for:)`, up to
    /// the desk's cap (`QueueCount`); limits and cursors are ignored. All in one transaction.
    /// A query that cannot be counted here (a filter no longer valid, an organisation gone or
    /// out of reach: a saved view's) gets nil, and the others their counts.
    public func counts(of queries: [TicketQuery], in code: String?, for principal: Principal) async throws -> [QueueCount?] {
        var filters: [TicketFilter?] = []
        for query in queries {
            do {
                filters.append(try await filter(for: query, in: code, for: principal))
            } catch is BackOfficeError {
                filters.append(nil)
            }
        }
        let countable = filters.compactMap { $0 }
        var counted = try await store.countTickets(
            matching: countable, upTo: countCap, countyWide: code == nil, actor: principal.personID
        ).makeIterator()
        return filters.map { filter in filter.flatMap { _ in counted.next().map { QueueCount(counted: $0, cap: countCap) } } }
    }

    /// The store's filter for `query` in the organisation `code` (nil: the county-wide queue).
    private func filter(for query: TicketQuery, in code: String?, for principal: Principal) async throws -> TicketFilter {
        var filter = TicketFilter()
        if let code {
            let organisation = try await access.organisation(code, for: principal)
            switch PermissionMatrix.reach(of: principal, for: .workTickets, in: organisation.id) {
            case .nowhere:
                try PermissionMatrix.require(principal, .workTickets, in: organisation.id, organisationCode: organisation.code)
            case .ownTicketsOnly:
                filter.reporterID = principal.personID
                filter.searchesInternalComments = false
            case .ownOrganisation, .everyOrganisation:
                break
            }
            filter.organisationID = organisation.id
        } else {
            guard PermissionMatrix.reach(of: principal, for: .workTickets, in: nil) == .everyOrganisation else {
                throw BackOfficeError.forbidden(
                    "the county-wide queue is for the county support desk and county admins; \(principal.email) may use the queue of an organisation")
            }
            if let organisation = query.organisation {
                filter.organisationID = try await access.organisation(organisation, for: principal).id
            }
        }
        try await apply(query, to: &filter, for: principal)
        return filter
    }

    private func apply(_ query: TicketQuery, to filter: inout TicketFilter, for principal: Principal) async throws {
        var errors = FieldErrors()
        filter.statuses = query.statuses.compactMap { errors.check(TicketStatus.named($0, field: "status")) }
        filter.priorities = query.priorities.compactMap { errors.check(TicketPriority.named($0, field: "priority")) }
        filter.categories = query.categories.compactMap { errors.check(TicketCategory.named($0, field: "category")) }
        filter.serviceCode = query.service.flatMap { errors.check(Validation.snakeCode($0, field: "service")) }
        switch query.assignee?.lowercased() {
        case nil: break
        case "me": filter.assignee = .person(principal.personID)
        case "unassigned", "nobody": filter.assignee = .nobody
        case let email?:
            if let email = errors.check(Validation.email(email, field: "assignee")) {
                if let person = try await access.activePrincipal(email: email, interface: .system) {
                    filter.assignee = .person(person.personID)
                } else {
                    errors.add("assignee", "no active person has the e-mail \(email)")
                }
            }
        }
        if let hours = query.breachingWithinHours {
            if (0...8_760).contains(hours) {
                filter.dueBefore = clock().addingTimeInterval(Double(hours) * 3600)
            } else {
                errors.add("breaching_within_hours", "must be 0 to 8760")
            }
        }
        // An empty `q` filters nothing, like a missing one.
        filter.text = query.text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : errors.check(Validation.text($0, field: "q", length: 1...200)) }
        if let sort = query.sort, let order = errors.check(TicketFilter.Order.named(sort, field: "sort")) { filter.order = order }
        if let limit = query.limit {
            if (1...200).contains(limit) { filter.limit = limit } else { errors.add("limit", "must be 1 to 200") }
        }
        if let cursor = query.cursor {
            if let key = cursors.open(cursor).flatMap(TicketFilter.Key.init) {
                filter.after = key
            } else {
                errors.add("cursor", "is not a cursor from this list")
            }
        }
        try errors.throwIfAny()
    }
}
