import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Bulk actions on tickets, against the database")
struct TicketBulkTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 6)
    }

    static let ticket = NewTicket(
        subject: "Oirearvio ei aukea", description: "Sivu jää lataamaan.", category: "technical_fault", channel: "phone", priority: "normal")

    @Test func onlyTheAllowedTicketsChangeEachWithItsHistoryRowAndNothingElse() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let (codeA, codeB) = (fixture.access.orgA.code, fixture.access.orgB.code)
        let adminA = try await fixture.principal(fixture.access.adminA)
        let adminB = try await fixture.principal(fixture.access.adminB)
        let tickets = fixture.service
        let fresh = try await tickets.create(Self.ticket, in: codeA, by: adminA).ticket
        let stale = try await tickets.create(Self.ticket, in: codeA, by: adminA).ticket
        _ = try await tickets.update(stale.reference, in: codeA, with: TicketChanges(priority: "high"), expectedVersion: 1, by: adminA)
        let closed = try await tickets.create(Self.ticket, in: codeA, by: adminA).ticket
        _ = try await tickets.changeStatus(closed.reference, in: codeA, to: "resolved", expectedVersion: nil, by: adminA)
        _ = try await tickets.changeStatus(closed.reference, in: codeA, to: "closed", expectedVersion: nil, by: adminA)
        let elsewhere = try await tickets.create(Self.ticket, in: codeB, by: adminB).ticket
        let before = try await snapshot([stale, closed], in: codeA, by: adminA, tickets) + snapshot([elsewhere], in: codeB, by: adminB, tickets)

        let outcomes = try await tickets.bulk(TicketBulkRequest(
            tickets: [(fresh, 1), (stale, 1), (closed, 3), (elsewhere, 1)].map { TicketBulkRequest.Item(reference: $0.reference, version: $1) },
            action: "status", value: "open", reason: "Aamun läpikäynti"), by: adminA)

        #expect(outcomes.map(\.reference) == [fresh, stale, closed, elsewhere].map(\.reference))
        #expect(outcomes[0].result == .changed(version: 2))
        #expect(outcomes[1].result == .refused(
            kind: "stale", reason: "\(stale.reference): it was changed after you ticked it; reload the queue and try again"))
        #expect(outcomes[2].result == .refused(kind: "conflict", reason: "\(closed.reference): a closed ticket is final and cannot move to open"))
        #expect(outcomes[3].result == .refused(kind: "not_found", reason: "\(elsewhere.reference): no such ticket, or not one you may see"))

        let moved = try await tickets.ticket(fresh.reference, in: codeA, for: adminA)
        #expect(moved.status == .open && moved.version == 2)
        let history = try await tickets.events(of: fresh.reference, in: codeA, for: adminA)
        #expect(history.map(\.kind) == ["created", "status_changed"])
        #expect(history[1].changes["status"] == TicketEvent.Change(from: "new", to: "open"))
        #expect(history[1].changes["reason"] == TicketEvent.Change(from: nil, to: "Aamun läpikäynti"))
        #expect(history[1].actorID == fixture.access.adminA.id)
        let after = try await snapshot([stale, closed], in: codeA, by: adminA, tickets) + snapshot([elsewhere], in: codeB, by: adminB, tickets)
        #expect(after == before)
        await app.close()
    }

    @Test func theDeskAssignsAndNotesAcrossOrganisationsRefusingAnAssigneeWhereTheyDoNotWork() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let (codeA, codeB) = (fixture.access.orgA.code, fixture.access.orgB.code)
        let agent = try await fixture.principal(fixture.supportAgent, .http)
        let inA = try await fixture.service.create(Self.ticket, in: codeA, by: try await fixture.principal(fixture.access.adminA)).ticket
        let inB = try await fixture.service.create(Self.ticket, in: codeB, by: try await fixture.principal(fixture.access.adminB)).ticket
        let items = [inA, inB].map { TicketBulkRequest.Item(reference: $0.reference) }

        let assigned = try await fixture.service.bulk(
            TicketBulkRequest(tickets: items, action: "assign", value: fixture.contact.email, reason: "Omaolovastaava hoitaa"), by: agent)
        #expect(assigned[0].result == .changed(version: 2))
        #expect(assigned[1].result == .refused(
            kind: "invalid", reason: "\(inB.reference): \(fixture.contact.email) does not work the tickets of \(codeB)"))
        #expect(try await fixture.service.ticket(inA.reference, in: codeA, for: agent).assigneeEmail == fixture.contact.email)

        let again = try await fixture.service.bulk(
            TicketBulkRequest(tickets: [items[0]], action: "assign", value: fixture.contact.email, reason: "Toistamiseen"), by: agent)
        #expect(again[0].result == .unchanged)

        let noted = try await fixture.service.bulk(
            TicketBulkRequest(tickets: items, action: "note", value: "Häiriö korjattu, seurataan.", reason: "Häiriötiedote"), by: agent)
        #expect(noted.map(\.result) == [.changed(version: 2), .changed(version: 1)])
        for (ticket, code) in [(inA, codeA), (inB, codeB)] {
            let comments = try await fixture.service.comments(of: ticket.reference, in: code, for: agent)
            #expect(comments.map(\.body) == ["Häiriö korjattu, seurataan."] && comments[0].visibility == .internal)
            let last = try #require(try await fixture.service.events(of: ticket.reference, in: code, for: agent).last)
            #expect(last.kind == "commented" && last.interface == .http)
            #expect(last.changes["reason"] == TicketEvent.Change(from: nil, to: "Häiriötiedote"))
        }
        await app.close()
    }

    @Test func aRequestRefusedWholeChangesNothing() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let admin = try await fixture.principal(fixture.access.adminA)
        let ticket = try await fixture.service.create(Self.ticket, in: fixture.access.orgA.code, by: admin).ticket
        let items = [TicketBulkRequest.Item(reference: ticket.reference)]
            + (2...201).map { TicketBulkRequest.Item(reference: "\(fixture.access.orgA.code)-\($0)") }
        await #expect(throws: BackOfficeError.invalid(
            "tickets", "at most 200 tickets per action, 201 were ticked; narrow the queue and act in parts")) {
            try await fixture.service.bulk(TicketBulkRequest(tickets: items, action: "priority", value: "low", reason: "x"), by: admin)
        }
        #expect(try await fixture.service.ticket(ticket.reference, in: fixture.access.orgA.code, for: admin).version == 1)
        await app.close()
    }

    /// Each ticket's version, status and the kinds of its history.
    private func snapshot(_ tickets: [Ticket], in code: String, by principal: Principal, _ service: TicketService) async throws -> [String] {
        var lines: [String] = []
        for ticket in tickets {
            let current = try await service.ticket(ticket.reference, in: code, for: principal)
            let kinds = try await service.events(of: ticket.reference, in: code, for: principal).map(\.kind)
            lines.append("\(current.reference) v\(current.version) \(current.status.rawValue) \(kinds)")
        }
        return lines
    }
}
