import Foundation

/// The filters of a queue as the desk sets them (a named queue narrowed by organisation,
/// status, priority, category, service and words): what a saved view keeps. Each value as
/// typed; `validated()` checks them against what the back office knows.
public struct QueueFilters: Sendable, Equatable, Codable {
    /// A named queue (`mine`, `unassigned`, `breaching`, `waiting`, `open`).
    public var queue: String?
    /// An organisation's code.
    public var organisation: String?
    public var status: String?
    public var priority: String?
    public var category: String?
    /// An Omaolo service code.
    public var service: String?
    /// Words to search for.
    public var text: String?

    public init(
        queue: String? = nil, organisation: String? = nil, status: String? = nil, priority: String? = nil,
        category: String? = nil, service: String? = nil, text: String? = nil
    ) {
        self.queue = queue
        self.organisation = organisation
        self.status = status
        self.priority = priority
        self.category = category
        self.service = service
        self.text = text
    }

    /// The ticket query: the named queue's, narrowed by the filters; without a named queue or
    /// a status, the unresolved tickets.
    public var query: TicketQuery {
        var query = queue.flatMap(NamedQueue.init(rawValue:))?.query ?? TicketQuery(statuses: status == nil ? NamedQueue.unresolved : [])
        if let status { query.statuses = [status] }
        if let priority { query.priorities = [priority] }
        if let category { query.categories = [category] }
        query.service = service
        query.text = text
        return query
    }

    /// The same filters, empty values dropped and each one checked; every bad one is noted as
    /// a field error named `filters.<name>`.
    public func validated(noting errors: inout FieldErrors) -> QueueFilters {
        func clean(_ value: String?) -> String? {
            value.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        var valid = QueueFilters()
        valid.queue = clean(queue).flatMap { errors.check(NamedQueue.named($0, field: "filters.queue"))?.rawValue }
        valid.organisation = clean(organisation).flatMap {
            errors.check(Validation.organisationCode($0.uppercased(), field: "filters.organisation"))
        }
        valid.status = clean(status).flatMap { errors.check(TicketStatus.named($0, field: "filters.status"))?.rawValue }
        valid.priority = clean(priority).flatMap { errors.check(TicketPriority.named($0, field: "filters.priority"))?.rawValue }
        valid.category = clean(category).flatMap { errors.check(TicketCategory.named($0, field: "filters.category"))?.rawValue }
        valid.service = clean(service).flatMap { errors.check(Validation.snakeCode($0, field: "filters.service")) }
        valid.text = clean(text).flatMap { errors.check(Validation.text($0, field: "filters.text", length: 1...200)) }
        return valid
    }
}

extension NamedQueue: NamedCases {}
