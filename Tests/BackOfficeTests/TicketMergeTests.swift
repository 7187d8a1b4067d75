import BackOffice
import Foundation
import Testing

/// Merging a duplicate into its original (issue 10): what is refused, and what a merge does
/// to the duplicate and leaves alone on the original.
@Suite("Merging duplicates")
struct TicketMergeTests {
    let now = try! Date("2026-12-02T08:00:00Z", strategy: .iso8601)
    let organisation = UUID()

    private func ticket(_ number: Int, _ status: TicketStatus, organisation: UUID? = nil, code: String = "OULU-TK") -> Ticket {
        Ticket(
            id: UUID(), organisationID: organisation ?? self.organisation, organisationCode: code, number: number, subject: "s",
            description: "", category: .other, channel: .phone, priority: .high, serviceCode: nil, reporter: .resident,
            assigneeID: nil, assigneeEmail: nil, status: status, version: 3, createdAt: now.addingTimeInterval(-7200),
            updatedAt: now, firstResponseAt: nil, firstResponseDue: now.addingTimeInterval(3600),
            resolutionDue: now.addingTimeInterval(86_400), resolvedAt: status == .resolved || status == .closed ? now : nil,
            closedAt: status == .closed ? now : nil, waitingSince: status == .waiting ? now.addingTimeInterval(-600) : nil,
            pausedMinutes: 0, firstResponseMinutes: nil, resolutionMinutes: nil)
    }

    @Test(arguments: [TicketStatus.new, .open, .waiting, .resolved])
    func aDuplicateNotClosedIsClosedWithALinkToItsOriginal(status: TicketStatus) throws {
        var duplicate = ticket(7, status)
        let original = ticket(3, .open)
        let changes = try duplicate.merge(into: original, at: now)
        #expect(duplicate.status == .closed)
        #expect(duplicate.closedAt == now)
        #expect(duplicate.waitingSince == nil)
        #expect(duplicate.mergedInto == TicketLink(id: original.id, reference: "OULU-TK-3"))
        #expect(changes["merged_into"] == TicketEvent.Change(from: nil, to: "OULU-TK-3"))
        #expect(changes["status"] == TicketEvent.Change(from: status.rawValue, to: "closed"))
        // the due times are the duplicate's own and stay as they were
        #expect(changes["resolution_due_at"] == nil)
    }

    @Test func intoItselfIsRefusedNamingTheField() {
        var duplicate = ticket(7, .open)
        let same = duplicate
        #expect(throws: BackOfficeError.invalid([FieldError(
            field: "into", reason: "a ticket cannot be merged into itself", code: "merge_into_itself")])) {
            try duplicate.merge(into: same, at: now)
        }
        #expect(duplicate == same)
    }

    @Test func acrossOrganisationsIsRefused() {
        var duplicate = ticket(7, .open)
        let other = ticket(3, .open, organisation: UUID(), code: "KUUSAMO-TA")
        #expect(throws: BackOfficeError.invalid([FieldError(
            field: "into", reason: "OULU-TK-7 can be merged only into a ticket of OULU-TK, not into KUUSAMO-TA-3",
            code: "merge_other_organisation")])) {
            try duplicate.merge(into: other, at: now)
        }
        #expect(duplicate.status == .open)
    }

    @Test func intoAClosedTicketIsAConflict() {
        var duplicate = ticket(7, .open)
        #expect(throws: BackOfficeError.conflict("OULU-TK-3 is closed: a duplicate is merged into an open ticket")) {
            try duplicate.merge(into: ticket(3, .closed), at: now)
        }
        #expect(duplicate.mergedInto == nil)
    }

    @Test func aClosedTicketCannotBeMerged() {
        var closed = ticket(7, .closed)
        #expect(throws: BackOfficeError.conflict("OULU-TK-7 is closed, which is final: a closed ticket cannot be merged")) {
            try closed.merge(into: ticket(3, .open), at: now)
        }
    }

    @Test func aMergedTicketCannotBeReopenedOrMoved() throws {
        var duplicate = ticket(7, .open)
        _ = try duplicate.merge(into: ticket(3, .open), at: now)
        for next in TicketStatus.allCases {
            #expect(throws: BackOfficeError.conflict("OULU-TK-7 was merged into OULU-TK-3 and cannot be reopened or moved")) {
                try duplicate.move(to: next, at: now, calendar: .support)
            }
        }
    }

    @Test func theStatusMachineNamesMergeAsTheOnlyDirectWayToClosed() throws {
        for status in [TicketStatus.new, .open, .waiting] {
            #expect(!status.allowedNext.contains(.closed))
            try status.requireMerge(of: "OULU-TK-1")
        }
        #expect(throws: BackOfficeError.self) { try TicketStatus.closed.requireMerge(of: "OULU-TK-1") }
    }
}
