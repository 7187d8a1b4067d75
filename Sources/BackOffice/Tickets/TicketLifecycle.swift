import Foundation

/// The rules of a ticket's life as pure changes of its value: each returns the history of
/// what it changed (field → from, to) for the ticket's events.
extension Ticket {
    /// Moves the ticket to `next` at `moment`: refuses a move the status machine does not
    /// allow, stops the SLA clocks while waiting and moves the due times by the business
    /// minutes waited, counts a move to `waiting` or `resolved` as the first response, and
    /// stamps resolution and closing.
    public mutating func move(to next: TicketStatus, at moment: Date, calendar: SLACalendar) throws(BackOfficeError) -> [String: TicketEvent.Change] {
        if let mergedInto { throw .conflict("\(reference) was merged into \(mergedInto.reference) and cannot be reopened or moved") }
        try status.requireTransition(to: next)
        let before = self
        if status == .waiting, let waitingSince {
            pausedMinutes += calendar.businessMinutes(from: waitingSince, to: moment)
            self.waitingSince = nil
            setDueTimes(calendar: calendar)
        }
        if next == .waiting { waitingSince = moment }
        if next == .waiting || next == .resolved { recordFirstResponse(at: moment, calendar: calendar) }
        if next == .resolved {
            resolvedAt = moment
            resolutionMinutes = workedMinutes(until: moment, calendar: calendar)
        }
        if next == .open {
            resolvedAt = nil
            resolutionMinutes = nil
        }
        if next == .closed { closedAt = moment }
        status = next
        return changes(since: before)
    }

    /// Records the first response (a public comment from the support side) if there was none.
    public mutating func respond(at moment: Date, calendar: SLACalendar) -> [String: TicketEvent.Change] {
        let before = self
        recordFirstResponse(at: moment, calendar: calendar)
        return changes(since: before)
    }

    private mutating func recordFirstResponse(at moment: Date, calendar: SLACalendar) {
        guard firstResponseAt == nil else { return }
        firstResponseAt = moment
        firstResponseMinutes = workedMinutes(until: moment, calendar: calendar)
    }

    /// Business minutes from creation to `moment`, the time waited (before now) excluded.
    private func workedMinutes(until moment: Date, calendar: SLACalendar) -> Int {
        max(0, calendar.businessMinutes(from: createdAt, to: moment) - pausedMinutes)
    }

    /// Sets the fields that may be edited; a new priority recomputes the due times from creation.
    public mutating func edit(
        subject: String?, description: String?, category: TicketCategory?, priority: TicketPriority?,
        serviceCode: String??, calendar: SLACalendar
    ) -> [String: TicketEvent.Change] {
        let before = self
        if let subject { self.subject = subject }
        if let description { self.description = description }
        if let category { self.category = category }
        if let serviceCode { self.serviceCode = serviceCode }
        if let priority, priority != self.priority {
            self.priority = priority
            setDueTimes(calendar: calendar)
        }
        return changes(since: before)
    }

    /// Gives the ticket to `assignee` (nil: nobody).
    public mutating func assign(to assignee: Principal?) -> [String: TicketEvent.Change] {
        let before = self
        assigneeID = assignee?.personID
        assigneeEmail = assignee?.email
        return changes(since: before)
    }

    private mutating func setDueTimes(calendar: SLACalendar) {
        let sla = TicketSLA.due(createdAt: createdAt, priority: priority, pausedMinutes: pausedMinutes, calendar: calendar)
        firstResponseDue = sla.firstResponseDue
        resolutionDue = sla.resolutionDue
    }

    /// The fields whose values differ from `before`'s, as the history shows them.
    func changes(since before: Ticket) -> [String: TicketEvent.Change] {
        var changes: [String: TicketEvent.Change] = [:]
        func note(_ field: String, _ old: String?, _ new: String?) {
            if old != new { changes[field] = TicketEvent.Change(from: old, to: new) }
        }
        note("subject", before.subject, subject)
        note("description", before.description, description)
        note("category", before.category.rawValue, category.rawValue)
        note("priority", before.priority.rawValue, priority.rawValue)
        note("service", before.serviceCode, serviceCode)
        note("assignee", before.assigneeEmail, assigneeEmail)
        note("status", before.status.rawValue, status.rawValue)
        note("first_response_at", before.firstResponseAt?.wire, firstResponseAt?.wire)
        note("first_response_due_at", before.firstResponseDue.wire, firstResponseDue.wire)
        note("resolution_due_at", before.resolutionDue.wire, resolutionDue.wire)
        note("resolved_at", before.resolvedAt?.wire, resolvedAt?.wire)
        note("closed_at", before.closedAt?.wire, closedAt?.wire)
        note("paused_minutes", String(before.pausedMinutes), String(pausedMinutes))
        return changes
    }
}

extension Date {
    /// ISO 8601 with seconds in UTC, as the history and the API show moments.
    var wire: String { formatted(.iso8601) }
}
