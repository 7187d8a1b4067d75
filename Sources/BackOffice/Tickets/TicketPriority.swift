/// How urgent a ticket is; sets its SLA targets in business minutes (SPEC.md, Tickets), where
/// one business day is 480 minutes (08:00–16:00).
public enum TicketPriority: String, Sendable, CaseIterable, Codable {
    case critical
    case high
    case normal
    case low

    /// Business minutes from creation to the first response: 60 min, 4 h, 1 and 2 business days.
    public var firstResponseTarget: Int {
        switch self {
        case .critical: 60
        case .high: 240
        case .normal: 480
        case .low: 960
        }
    }

    /// Business minutes from creation to resolution: 1, 3, 5 and 10 business days.
    public var resolutionTarget: Int {
        switch self {
        case .critical: 480
        case .high: 1440
        case .normal: 2400
        case .low: 4800
        }
    }
}
