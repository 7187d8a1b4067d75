import Foundation

/// Where one of a ticket's SLA clocks stands at a moment, in business minutes of the support
/// calendar: what the queue's colours and the ticket page's SLA panel show.
public enum SLAStanding: Sendable, Equatable {
    /// Done in time (`met`) or late (`missed`): the clock has stopped for good.
    case done(met: Bool)
    /// The ticket waits for the reporter: the clock stands still.
    case paused
    /// Running, with this many business minutes left.
    case running(minutesLeft: Int)
    /// Running and past due by this many business minutes.
    case breached(minutesLate: Int)

    /// Fewer business minutes left than this count as "due soon".
    public static let dueSoonMinutes = 60

    /// The first-response clock of `ticket` at `moment`.
    public static func firstResponse(of ticket: Ticket, at moment: Date, calendar: SLACalendar) -> SLAStanding {
        standing(due: ticket.firstResponseDue, doneAt: ticket.firstResponseAt, of: ticket, at: moment, calendar: calendar)
    }

    /// The resolution clock of `ticket` at `moment`.
    public static func resolution(of ticket: Ticket, at moment: Date, calendar: SLACalendar) -> SLAStanding {
        standing(due: ticket.resolutionDue, doneAt: ticket.resolvedAt, of: ticket, at: moment, calendar: calendar)
    }

    /// The clock that falls due next: the first response while it is owed, else the resolution.
    public static func next(of ticket: Ticket, at moment: Date, calendar: SLACalendar) -> (due: Date, standing: SLAStanding) {
        if ticket.firstResponseAt == nil, ticket.firstResponseDue < ticket.resolutionDue, ticket.resolvedAt == nil {
            return (ticket.firstResponseDue, firstResponse(of: ticket, at: moment, calendar: calendar))
        }
        return (ticket.resolutionDue, resolution(of: ticket, at: moment, calendar: calendar))
    }

    private static func standing(due: Date, doneAt: Date?, of ticket: Ticket, at moment: Date, calendar: SLACalendar) -> SLAStanding {
        if let doneAt { return .done(met: doneAt <= due) }
        if ticket.status == .closed || ticket.status == .resolved { return .done(met: (ticket.resolvedAt ?? moment) <= due) }
        if ticket.status == .waiting { return .paused }
        if moment < due { return .running(minutesLeft: calendar.businessMinutes(from: moment, to: due)) }
        return .breached(minutesLate: calendar.businessMinutes(from: due, to: moment))
    }
}
