import Foundation

/// A support ticket as stored: what it is about, who reported it, who works it, where it
/// stands and when its SLA falls due.
public struct Ticket: Sendable, Equatable {
    public let id: UUID
    public let organisationID: UUID
    public let organisationCode: String
    /// Gapless per organisation; shown in `reference`.
    public let number: Int
    public var subject: String
    public var description: String
    public var category: TicketCategory
    public var channel: TicketChannel
    public var priority: TicketPriority
    /// The code of the Omaolo service concerned, if any.
    public var serviceCode: String?
    public let reporter: TicketReporter
    public var assigneeID: UUID?
    public var assigneeEmail: String?
    public var status: TicketStatus
    /// Raised by one with every change; a change made against another version is refused.
    public let version: Int
    public let createdAt: Date
    public let updatedAt: Date
    public var firstResponseAt: Date?
    public var firstResponseDue: Date
    public var resolutionDue: Date
    public var resolvedAt: Date?
    public var closedAt: Date?
    /// When the ticket last moved to `waiting`, while it waits (its SLA clocks stand still).
    public var waitingSince: Date?
    /// Business minutes spent waiting before the current wait; the due times include them.
    public var pausedMinutes: Int
    /// Business minutes from creation to the first response, waiting excluded.
    public var firstResponseMinutes: Int?
    /// Business minutes from creation to resolution, waiting excluded; nil while unresolved.
    public var resolutionMinutes: Int?
    /// The ticket this duplicate was merged into (it is then closed for good).
    public var mergedInto: TicketLink?

    public init(
        id: UUID, organisationID: UUID, organisationCode: String, number: Int, subject: String, description: String,
        category: TicketCategory, channel: TicketChannel, priority: TicketPriority, serviceCode: String?,
        reporter: TicketReporter, assigneeID: UUID?, assigneeEmail: String?, status: TicketStatus, version: Int,
        createdAt: Date, updatedAt: Date, firstResponseAt: Date?, firstResponseDue: Date, resolutionDue: Date,
        resolvedAt: Date?, closedAt: Date?, waitingSince: Date?, pausedMinutes: Int, firstResponseMinutes: Int?,
        resolutionMinutes: Int?, mergedInto: TicketLink? = nil
    ) {
        self.id = id
        self.organisationID = organisationID
        self.organisationCode = organisationCode
        self.number = number
        self.subject = subject
        self.description = description
        self.category = category
        self.channel = channel
        self.priority = priority
        self.serviceCode = serviceCode
        self.reporter = reporter
        self.assigneeID = assigneeID
        self.assigneeEmail = assigneeEmail
        self.status = status
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.firstResponseAt = firstResponseAt
        self.firstResponseDue = firstResponseDue
        self.resolutionDue = resolutionDue
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
        self.waitingSince = waitingSince
        self.pausedMinutes = pausedMinutes
        self.firstResponseMinutes = firstResponseMinutes
        self.resolutionMinutes = resolutionMinutes
        self.mergedInto = mergedInto
    }

    /// `<organisation code>-<number>`, e.g. `OULU-TK-42`: how people name a ticket.
    public var reference: String { "\(organisationCode)-\(number)" }

    /// Whether `personID` reported it (as a professional of the organisation).
    public func isReported(by personID: UUID) -> Bool {
        if case .professional(let reporterID, _) = reporter { return reporterID == personID }
        return false
    }
}

/// Who reported a ticket. A resident's contact details are not here: they are read on their
/// own, and every read is logged (`ResidentContact`).
public enum TicketReporter: Sendable, Equatable {
    /// A professional of the organisation.
    case professional(personID: UUID, email: String)
    /// A resident of the area.
    case resident

    public var kind: String {
        switch self {
        case .professional: return "professional"
        case .resident: return "resident"
        }
    }
}

/// A resident reporter's minimal contact details: a name and an e-mail address or a phone
/// number. Empty once anonymised by the retention job.
public struct ResidentContact: Sendable, Equatable {
    public let name: String?
    public let email: String?
    public let phone: String?
    public let anonymisedAt: Date?

    public init(name: String?, email: String?, phone: String?, anonymisedAt: Date? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
        self.anonymisedAt = anonymisedAt
    }
}
