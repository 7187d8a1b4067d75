import BackOffice
import Foundation
import Testing
@testable import BackOfficeWeb

/// The queue's SLA colours at their edges, on the support calendar.
@Suite struct SLABadgeTests {
    /// A Wednesday, 10:00 in Helsinki: business hours all around.
    let now = try! Date("2026-12-02T08:00:00Z", strategy: .iso8601)
    let catalogue: Catalogue

    init() async throws {
        catalogue = try await PageRenderer.load().catalogues[.fi]
    }

    private func badge(_ status: TicketStatus, dueIn minutes: Double, resolvedAt: Date? = nil) -> SLABadge {
        let due = now.addingTimeInterval(minutes * 60)
        let ticket = Ticket(
            id: UUID(), organisationID: UUID(), organisationCode: "OULU-TK", number: 1, subject: "s", description: "",
            category: .other, channel: .phone, priority: .normal, serviceCode: nil, reporter: .resident, assigneeID: nil,
            assigneeEmail: nil, status: status, version: 1, createdAt: now.addingTimeInterval(-3600), updatedAt: now,
            firstResponseAt: now, firstResponseDue: due, resolutionDue: due, resolvedAt: resolvedAt, closedAt: nil,
            waitingSince: status == .waiting ? now : nil, pausedMinutes: 0, firstResponseMinutes: nil, resolutionMinutes: nil)
        let next = SLAStanding.next(of: ticket, at: now, calendar: .support)
        return SLABadge(next.standing, due: next.due, time: HelsinkiTime(language: .fi), catalogue: catalogue, calendar: .support)
    }

    @Test func moreThanAnHourLeftIsGreenUnderAnHourAmberPastDueRed() {
        #expect(badge(.open, dueIn: 61).cssClass == "sla-ok")
        #expect(badge(.open, dueIn: 60).cssClass == "sla-ok")
        #expect(badge(.open, dueIn: 59).cssClass == "sla-soon")
        #expect(badge(.open, dueIn: 59).text == "59 min jäljellä")
        #expect(badge(.open, dueIn: -90).cssClass == "sla-late")
        #expect(badge(.open, dueIn: -90).text == "1 h 30 min myöhässä")
    }

    @Test func waitingIsPausedAndResolvedIsDone() {
        #expect(badge(.waiting, dueIn: -90).cssClass == "sla-paused")
        #expect(badge(.resolved, dueIn: 30, resolvedAt: now).cssClass == "sla-done")
        #expect(badge(.closed, dueIn: -30, resolvedAt: now).cssClass == "sla-missed")
    }
}
