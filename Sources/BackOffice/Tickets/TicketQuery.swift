import Foundation

/// A queue or search as asked for, before validation: every value as typed.
public struct TicketQuery: Sendable, Equatable {
    /// An organisation code (the county-wide queue only; an organisation's queue has its own).
    public var organisation: String?
    public var statuses: [String]
    public var priorities: [String]
    public var categories: [String]
    public var service: String?
    /// `me`, `unassigned`, or an assignee's e-mail.
    public var assignee: String?
    /// Only tickets whose first response or resolution falls due within this many hours
    /// (or is already overdue), with their clocks running.
    public var breachingWithinHours: Int?
    /// Words to find in the subject, the description and the comments (Finnish stemming).
    public var text: String?
    /// `due` (resolution due first, the default) or `newest`.
    public var sort: String?
    public var limit: Int?
    public var cursor: String?

    public init(
        organisation: String? = nil, statuses: [String] = [], priorities: [String] = [], categories: [String] = [],
        service: String? = nil, assignee: String? = nil, breachingWithinHours: Int? = nil, text: String? = nil,
        sort: String? = nil, limit: Int? = nil, cursor: String? = nil
    ) {
        self.organisation = organisation
        self.statuses = statuses
        self.priorities = priorities
        self.categories = categories
        self.service = service
        self.assignee = assignee
        self.breachingWithinHours = breachingWithinHours
        self.text = text
        self.sort = sort
        self.limit = limit
        self.cursor = cursor
    }
}

/// A validated queue for the store: what to match, in which order, how many after which ticket.
public struct TicketFilter: Sendable, Equatable {
    public enum Assignee: Sendable, Equatable {
        case person(UUID)
        case nobody
    }

    /// A ticket's key: its organisation and id.
    public struct Key: Sendable, Equatable {
        public let organisationID: UUID
        public let ticketID: UUID

        /// The key a cursor of a ticket list holds (as `text` gives it), or nil if it is not one.
        init?(_ key: String) {
            let parts = key.split(separator: "/")
            guard parts.count == 2, let organisation = UUID(uuidString: String(parts[0])), let ticket = UUID(uuidString: String(parts[1]))
            else { return nil }
            organisationID = organisation
            ticketID = ticket
        }

        /// The key of the page after `ticket`, to be sealed into a cursor.
        static func text(after ticket: Ticket) -> String {
            "\(ticket.organisationID.uuidString.lowercased())/\(ticket.id.uuidString.lowercased())"
        }
    }

    public enum Order: String, Sendable, CaseIterable, NamedCases {
        /// Resolution due time, soonest first.
        case due
        /// Creation time, newest first.
        case newest
    }

    /// Nil: every organisation the store's scope reaches.
    public var organisationID: UUID?
    public var statuses: [TicketStatus] = []
    public var priorities: [TicketPriority] = []
    public var categories: [TicketCategory] = []
    public var serviceCode: String?
    public var assignee: Assignee?
    /// Only the tickets this professional reported (what a professional may see).
    public var reporterID: UUID?
    /// Falls due before this moment with the clocks running (not waiting, resolved or closed).
    public var dueBefore: Date?
    public var text: String?
    /// Whether internal comments count in a text search.
    public var searchesInternalComments = true
    public var order: Order = .due
    public var limit = 50
    /// The last ticket of the previous page.
    public var after: Key?

    public init() {}
}

/// One page of a queue and the cursor of the next, if there is more.
public struct TicketPage: Sendable, Equatable {
    public let tickets: [Ticket]
    public let nextCursor: String?

    public init(tickets: [Ticket], nextCursor: String?) {
        self.tickets = tickets
        self.nextCursor = nextCursor
    }
}
