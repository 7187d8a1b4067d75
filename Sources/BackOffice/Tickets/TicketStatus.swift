/// Where a support ticket stands (SPEC.md, Tickets): `new → open | waiting | resolved`,
/// `open → waiting | resolved`, `waiting → open | resolved`, `resolved → open | closed`;
/// `closed` is final.
public enum TicketStatus: String, Sendable, CaseIterable, Codable {
    /// Logged, not yet taken up by support.
    case new
    /// Support is working on it.
    case open
    /// Waiting for the reporter or a third party; the SLA clocks stop.
    case waiting
    /// Support considers it solved; the reporter may still reopen it.
    case resolved
    /// Done for good.
    case closed

    /// The statuses this one may move to, in the order SPEC.md names them.
    public var allowedNext: [TicketStatus] {
        switch self {
        case .new: [.open, .waiting, .resolved]
        case .open: [.waiting, .resolved]
        case .waiting: [.open, .resolved]
        case .resolved: [.open, .closed]
        case .closed: []
        }
    }

    /// Refuses a move the status machine does not allow (staying put included) with
    /// `.conflict` naming the allowed ones: "a new ticket may move to open, waiting or
    /// resolved, not closed"; "a closed ticket is final and cannot move to open".
    public func requireTransition(to next: TicketStatus) throws(BackOfficeError) {
        if allowedNext.contains(next) { return }
        let ticket = "\(rawValue.first == "o" ? "an" : "a") \(rawValue) ticket"
        if allowedNext.isEmpty {
            throw .conflict("\(ticket) is final and cannot move to \(next.rawValue)")
        }
        throw .conflict("\(ticket) may move to \(Self.list(allowedNext)), not \(next.rawValue)")
    }

    /// "open", "open or closed", "open, waiting or resolved".
    private static func list(_ statuses: [TicketStatus]) -> String {
        let names = statuses.map(\.rawValue)
        guard let last = names.last, names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }
}
