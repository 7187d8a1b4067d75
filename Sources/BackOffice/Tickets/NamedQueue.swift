/// The support desk's named queues, where an agent starts the day: each a fixed query.
public enum NamedQueue: String, CaseIterable, Sendable {
    /// Assigned to me and not yet resolved.
    case mine
    /// Nobody's yet, and not yet resolved.
    case unassigned
    /// A first response or resolution falls due within four hours (or is overdue), clocks running.
    case breaching
    /// Waiting for the reporter: the clocks stand still.
    case waiting
    /// Everything not yet resolved.
    case open

    /// The statuses of a ticket still being worked.
    public static let unresolved = [TicketStatus.new, .open, .waiting].map(\.rawValue)

    public var query: TicketQuery {
        switch self {
        case .mine: return TicketQuery(statuses: Self.unresolved, assignee: "me")
        case .unassigned: return TicketQuery(statuses: Self.unresolved, assignee: "unassigned")
        case .breaching: return TicketQuery(breachingWithinHours: 4)
        case .waiting: return TicketQuery(statuses: [TicketStatus.waiting.rawValue])
        case .open: return TicketQuery(statuses: Self.unresolved)
        }
    }
}
