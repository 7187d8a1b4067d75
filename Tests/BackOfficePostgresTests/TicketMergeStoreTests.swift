import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Merging duplicate tickets, against the database")
struct TicketMergeStoreTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 6)
    }

    /// Two resident tickets of the fixture's organisation A: the original and its duplicate,
    /// the duplicate with a public comment.
    private func pair(_ fixture: TicketFixture, agent: Principal) async throws -> (original: Ticket, duplicate: Ticket) {
        var new = NewTicket(subject: "Kirjautuminen ei onnistu", description: "Asukas soitti.", category: "login_and_access",
                            channel: "phone", priority: "high")
        new.resident = ResidentContact(name: "Aino Asukas", email: nil, phone: "+358 40 123 4567")
        let code = fixture.access.orgA.code
        let original = try await fixture.service.create(new, in: code, by: agent).ticket
        new.channel = "email"
        let duplicate = try await fixture.service.create(new, in: code, by: agent).ticket
        _ = try await fixture.service.comment(
            on: duplicate.reference, in: code, body: "Asukas kirjoitti samasta asiasta.", visibility: "public", by: agent)
        return (original, try await fixture.service.ticket(duplicate.reference, in: code, for: agent))
    }

    @Test func aMergeClosesTheDuplicateShowsItsCommentsOnTheOriginalAndRecordsBoth() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent, .http)
        let code = fixture.access.orgA.code
        let (original, duplicate) = try await pair(fixture, agent: agent)
        let (merged, into) = try await fixture.service.merge(
            duplicate.reference, into: original.reference, in: code, expectedVersion: duplicate.version, by: agent)
        #expect(merged.status == .closed && merged.closedAt != nil && merged.resolvedAt == nil)
        #expect(merged.mergedInto == TicketLink(id: original.id, reference: original.reference))
        #expect(merged.version == duplicate.version + 1)
        // the original keeps its status and SLA; its version rises with its thread
        #expect(into.status == original.status && into.version == original.version + 1)
        #expect(into.firstResponseDue == original.firstResponseDue && into.resolutionDue == original.resolutionDue)
        let thread = try await fixture.service.comments(of: original.reference, in: code, for: agent)
        #expect(thread.map(\.body) == ["Asukas kirjoitti samasta asiasta."])
        #expect(thread.first?.fromReference == duplicate.reference)
        // the comment stays where it was written
        let own = try await fixture.service.comments(of: duplicate.reference, in: code, for: agent)
        #expect(own.map(\.fromReference) == [nil])
        let duplicateHistory = try await fixture.service.events(of: duplicate.reference, in: code, for: agent)
        let originalHistory = try await fixture.service.events(of: original.reference, in: code, for: agent)
        #expect(duplicateHistory.last?.kind == "merged")
        #expect(duplicateHistory.last?.changes["merged_into"] == TicketEvent.Change(from: nil, to: original.reference))
        #expect(duplicateHistory.last?.changes["status"] == TicketEvent.Change(from: "new", to: "closed"))
        #expect(duplicateHistory.last?.actorID == fixture.supportAgent.id && duplicateHistory.last?.interface == .http)
        #expect(originalHistory.map(\.kind) == ["created", "merged_in"])
        #expect(originalHistory.last?.changes["merged_from"] == TicketEvent.Change(from: nil, to: duplicate.reference))
        // a merged ticket is not reopened
        await #expect(throws: BackOfficeError.conflict("\(duplicate.reference) was merged into \(original.reference) and cannot be reopened or moved")) {
            _ = try await fixture.service.changeStatus(duplicate.reference, in: code, to: "open", expectedVersion: nil, by: agent)
        }
        // the resident's contact stays with the duplicate, for the retention job to anonymise in time
        let contact = try await fixture.service.residentContact(of: duplicate.reference, in: code, purpose: "testi", for: agent)
        #expect(contact.name == "Aino Asukas")
        await app.close()
    }

    @Test func refusalsChangeNeitherTicket() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        let code = fixture.access.orgA.code
        let (original, duplicate) = try await pair(fixture, agent: agent)
        var closed = NewTicket(subject: "Vanha asia", description: "", category: "other", channel: "phone")
        closed.reporterEmail = fixture.professional.email
        let done = try await fixture.service.create(closed, in: code, by: agent).ticket
        _ = try await fixture.service.changeStatus(done.reference, in: code, to: "resolved", expectedVersion: nil, by: agent)
        _ = try await fixture.service.changeStatus(done.reference, in: code, to: "closed", expectedVersion: nil, by: agent)
        var elsewhere = NewTicket(subject: "Toisen organisaation", description: "", category: "other", channel: "phone")
        elsewhere.reporterEmail = fixture.access.adminB.email
        let other = try await fixture.service.create(elsewhere, in: fixture.access.orgB.code, by: agent).ticket
        func refusal(_ into: String, of reference: String = duplicate.reference, version: Int? = nil) async -> BackOfficeError? {
            do {
                _ = try await fixture.service.merge(reference, into: into, in: code, expectedVersion: version, by: agent)
                return nil
            } catch {
                return error as? BackOfficeError
            }
        }
        #expect(await refusal(duplicate.reference)?.fields == ["into"])
        #expect(await refusal(other.reference)?.fields == ["into"])
        #expect(await refusal("\(code)-9999")?.fields == ["into"])
        #expect(await refusal("ei viite")?.fields == ["into"])
        #expect(await refusal(done.reference) == .conflict("\(done.reference) is closed: a duplicate is merged into an open ticket"))
        #expect(await refusal(original.reference, of: done.reference)
            == .conflict("\(done.reference) is closed, which is final: a closed ticket cannot be merged"))
        guard case .stale? = await refusal(original.reference, version: duplicate.version - 1) else {
            Issue.record("a stale version is refused as stale")
            return
        }
        for ticket in [original, duplicate] {
            let now = try await fixture.service.ticket(ticket.reference, in: code, for: agent)
            #expect(now == ticket)
        }
        #expect(try await fixture.service.events(of: original.reference, in: code, for: agent).map(\.kind) == ["created"])
        #expect(try await fixture.service.events(of: duplicate.reference, in: code, for: agent).map(\.kind) == ["created", "commented"])
        await app.close()
    }

    @Test func aProfessionalSeesOnlyTheirOwnTicketsCommentsAndCannotMerge() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let professional = try await fixture.principal(fixture.professional)
        let agent = try await fixture.principal(fixture.supportAgent)
        let code = fixture.access.orgA.code
        let mine = try await fixture.service.create(
            NewTicket(subject: "Tulostus ei toimi", description: "", category: "technical_fault", channel: "web"), in: code,
            by: professional).ticket
        let (_, duplicate) = try await pair(fixture, agent: agent)
        await #expect(throws: BackOfficeError.self) {
            _ = try await fixture.service.merge(duplicate.reference, into: mine.reference, in: code, expectedVersion: nil, by: professional)
        }
        _ = try await fixture.service.merge(duplicate.reference, into: mine.reference, in: code, expectedVersion: nil, by: agent)
        // the resident's words on the duplicate are the support side's to read, not the reporter's
        #expect(try await fixture.service.comments(of: mine.reference, in: code, for: professional).isEmpty)
        #expect(try await fixture.service.comments(of: mine.reference, in: code, for: agent).count == 1)
        await app.close()
    }

    @Test func reportingShowsTheMergeLinkSoDuplicatesCanBeLeftOut() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        let code = fixture.access.orgA.code
        let (original, duplicate) = try await pair(fixture, agent: agent)
        _ = try await fixture.service.merge(duplicate.reference, into: original.reference, in: code, expectedVersion: nil, by: agent)
        try await TestReportingLogin.with(organisations: [code]) { login in
            try await login.withConnection { connection in
                let rows = try await connection.query("""
                    SELECT reference, merged_into_reference, merged_into_ticket_id FROM reporting.ticket_facts
                    WHERE org_code = \(code) ORDER BY reference
                    """)
                let links = try rows.map { (try $0.decode(String.self, "reference"), try $0.decode(String?.self, "merged_into_reference")) }
                #expect(links.map(\.0) == [original.reference, duplicate.reference])
                #expect(links.map(\.1) == [nil, original.reference])
                #expect(try rows[1].decode(UUID?.self, "merged_into_ticket_id") == original.id)
                let counted = try await connection.query("""
                    SELECT count(*) AS n FROM reporting.ticket_facts WHERE org_code = \(code) AND merged_into_ticket_id IS NULL
                    """).single().decode(Int.self, "n")
                #expect(counted == 1)
            }
        }
        await app.close()
    }
}

extension BackOfficeError {
    /// The fields an `invalid` names (nil for another kind of refusal).
    var fields: [String]? {
        if case .invalid(let errors) = self { return errors.map(\.field) }
        return nil
    }
}
