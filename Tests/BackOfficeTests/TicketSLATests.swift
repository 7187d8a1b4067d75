import BackOffice
import Foundation
import Testing

/// Due times of tickets on the support calendar (expected Helsinki times worked out by hand;
/// `helsinki` and `helsinkiText` are in SLACalendarTests.swift).
@Suite("Ticket SLA")
struct TicketSLATests {
    private func due(_ created: String, _ priority: TicketPriority, paused: Int = 0) -> (String, String) {
        let sla = TicketSLA.due(createdAt: helsinki(created), priority: priority, pausedMinutes: paused, calendar: .support)
        return (helsinkiText(sla.firstResponseDue), helsinkiText(sla.resolutionDue))
    }

    @Test(arguments: [
        (TicketPriority.critical, "2026-03-02 09:00", "2026-03-02 16:00"), // 60 min, 1 day
        (.high, "2026-03-02 12:00", "2026-03-04 16:00"),                   // 4 h, 3 days
        (.normal, "2026-03-02 16:00", "2026-03-06 16:00"),                 // 1 day, 5 days
        (.low, "2026-03-03 16:00", "2026-03-13 16:00"),                    // 2 days, 10 days
    ])
    func targetsFromMondayMorning(priority: TicketPriority, firstResponse: String, resolution: String) {
        #expect(due("2026-03-02 08:00", priority) == (firstResponse, resolution))
    }

    @Test func createdOnFridayAfternoon() {
        #expect(due("2026-03-06 15:30", .critical) == ("2026-03-09 08:30", "2026-03-09 15:30"))
    }

    @Test func createdOnSaturdayCountsFromMonday() {
        #expect(due("2026-03-07 11:00", .normal) == ("2026-03-09 16:00", "2026-03-13 16:00"))
    }

    @Test func createdBeforeEaster() {
        // Thu 2 Apr 2026 14:00; Good Friday to Easter Monday off. First response: Thu 120 + Tue 360.
        // Resolution: Thu 120 + Tue, Wed, Thu, Fri 4 × 480 + Mon 13 Apr 360.
        #expect(due("2026-04-02 14:00", .normal) == ("2026-04-07 14:00", "2026-04-13 14:00"))
    }

    @Test func waitingMovesBothDueTimesByThePausedBusinessMinutes() {
        // Created Mon 10:00, high: first response Mon 14:00, resolution Thu 10:00 (360 + 480 + 480 + 120).
        #expect(due("2026-03-02 10:00", .high) == ("2026-03-02 14:00", "2026-03-05 10:00"))
        // Waiting from Mon 15:00 to Tue 09:00: 60 + 60 business minutes.
        let paused = SLACalendar.support.businessMinutes(from: helsinki("2026-03-02 15:00"), to: helsinki("2026-03-03 09:00"))
        #expect(paused == 120)
        #expect(due("2026-03-02 10:00", .high, paused: paused) == ("2026-03-02 16:00", "2026-03-05 12:00"))
    }

    @Test func aPriorityChangeRecomputesFromCreation() {
        // high → critical for the ticket above, with its 120 minutes of waiting kept.
        #expect(due("2026-03-02 10:00", .critical) == ("2026-03-02 11:00", "2026-03-03 10:00"))
        #expect(due("2026-03-02 10:00", .critical, paused: 120) == ("2026-03-02 13:00", "2026-03-03 12:00"))
    }

    @Test func aConfiguredCalendarIsUsed() {
        let calendar = SLACalendar(opensAt: 540, closesAt: 1020)
        let sla = TicketSLA.due(createdAt: helsinki("2026-03-06 16:30"), priority: .critical, pausedMinutes: 0, calendar: calendar)
        #expect(helsinkiText(sla.firstResponseDue) == "2026-03-09 09:30")
        #expect(helsinkiText(sla.resolutionDue) == "2026-03-09 16:30")
    }
}
