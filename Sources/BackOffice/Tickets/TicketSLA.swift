import Foundation

/// The due times of a ticket: targets of its priority counted in business minutes from creation,
/// moved by the business minutes it spent waiting.
public struct TicketSLA: Sendable, Equatable {
    /// When the first response from support is due.
    public let firstResponseDue: Date
    /// When the resolution is due.
    public let resolutionDue: Date

    /// The due times of a ticket created at `createdAt`; `pausedMinutes` are the business minutes
    /// it has spent `waiting` (`SLACalendar.businessMinutes(from:to:)` over each wait). A change
    /// of priority recomputes them from creation with the new priority.
    public static func due(createdAt: Date, priority: TicketPriority, pausedMinutes: Int, calendar: SLACalendar) -> TicketSLA {
        TicketSLA(
            firstResponseDue: calendar.adding(businessMinutes: priority.firstResponseTarget + pausedMinutes, to: createdAt),
            resolutionDue: calendar.adding(businessMinutes: priority.resolutionTarget + pausedMinutes, to: createdAt))
    }
}
