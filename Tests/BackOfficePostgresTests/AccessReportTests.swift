import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("A resident's access-log extract, against the database")
struct AccessReportTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 2)
    }

    @Test func everyReadOfTheResidentsTicketsAcrossOrganisationsAndNothingElse() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let (orgA, orgB) = (fixture.access.orgA, fixture.access.orgB)
        let agent = try await fixture.principal(fixture.supportAgent)
        let digits = String(format: "%07d", Int.random(in: 0..<10_000_000))
        let (head, tail) = (digits.prefix(3), digits.dropFirst(3))
        func logged(_ phone: String?, email: String? = nil, in organisation: Organisation) async throws -> Ticket {
            var ticket = NewTicket(subject: "Asukkaan yhteydenotto", description: "", category: "other", channel: "phone", priority: "normal")
            ticket.resident = ResidentContact(name: "Aino Asukas", email: email, phone: phone)
            return try await fixture.service.create(ticket, in: organisation.code, by: agent).ticket
        }
        let first = try await logged("040 \(head) \(tail)", in: orgA)
        let second = try await logged("+358 40 \(digits)", in: orgB)
        let someoneElse = try await logged("+46 70 \(digits)", in: orgA)
        fixture.clock.set(TestClock.helsinki("2024-01-15 10:00"))
        let forgotten = try await logged("+35840\(digits)", in: orgA)
        _ = try await fixture.service.changeStatus(forgotten.reference, in: orgA.code, to: "resolved", expectedVersion: nil, by: agent)
        _ = try await fixture.service.changeStatus(forgotten.reference, in: orgA.code, to: "closed", expectedVersion: nil, by: agent)
        fixture.clock.set(nil)
        // As the retention job leaves it (the job itself would reach other tests' tickets too).
        try await app.withCountyScope { transaction in
            try await transaction.execute("""
                UPDATE ticket_resident_contacts SET name = NULL, email = NULL, phone = NULL, anonymised_at = now()
                WHERE org_id = \(orgA.id) AND ticket_id = \(forgotten.id)
                """)
        }

        let contactPerson = try await fixture.principal(fixture.contact, .web)
        let adminB = try await fixture.principal(fixture.access.adminB, .http)
        _ = try await fixture.service.residentContact(of: first.reference, in: orgA.code, purpose: "soitto takaisin", for: contactPerson)
        _ = try await fixture.service.residentContact(of: first.reference, in: orgA.code, purpose: "tarkistus", for: agent)
        _ = try await fixture.service.residentContact(of: second.reference, in: orgB.code, purpose: "sähköpostivastaus", for: agent)
        _ = try await fixture.service.residentContact(of: second.reference, in: orgB.code, purpose: "jatkokysymys", for: adminB)
        _ = try await fixture.service.residentContact(of: someoneElse.reference, in: orgA.code, purpose: "eri henkilö", for: agent)

        let privacy = PrivacyService(store: PostgresPrivacyStore(pool: app))
        let countyAdmin = try await fixture.principal(fixture.access.countyAdmin)
        let report = try await privacy.accessReport(
            for: try ResidentIdentifier.given(phone: "00358 (0)40-\(digits)", email: nil), purpose: "asukkaan pyyntö", by: countyAdmin)
        #expect(report.contact == "+35840\(digits)")
        #expect(report.tickets.map(\.reference) == [first.reference, second.reference])
        #expect(report.tickets.map(\.organisationCode) == [orgA.code, orgB.code])
        func summary(_ read: AccessReport.Read) -> [String] {
            [read.readerName, read.readerRoles.joined(separator: " "), read.organisationCode, read.interface.rawValue, read.purpose]
        }
        #expect(report.tickets[0].reads.map(summary) == [
            [fixture.contact.fullName, "omaolo_contact", orgA.code, "web", "soitto takaisin"],
            [fixture.supportAgent.fullName, "support_agent", orgA.code, "cli", "tarkistus"],
        ])
        #expect(report.tickets[1].reads.map(summary) == [
            [fixture.supportAgent.fullName, "support_agent", orgB.code, "cli", "sähköpostivastaus"],
            [fixture.access.adminB.fullName, "org_admin", orgB.code, "http", "jatkokysymys"],
        ])
        #expect(report.tickets.allSatisfy { $0.status == .new && $0.closedAt == nil })
        #expect(report.note.contains("by design"))

        let logged = try await app.withCountyScope { transaction in
            try await transaction.query("""
                SELECT count(*) AS n FROM access_log
                WHERE actor_person_id = \(fixture.access.countyAdmin.id) AND purpose = 'asukkaan pyyntö'
                  AND ticket_id = ANY(\([first.id, second.id]))
                """).single().decode(Int.self, "n")
        }
        #expect(logged == 2)
        let again = try await privacy.accessReport(for: .phone(PhoneNumber("040\(digits)")!), purpose: nil, by: countyAdmin)
        #expect(again.tickets[0].reads.last.map(summary) == [fixture.access.countyAdmin.fullName, "county_admin", orgA.code, "cli", "asukkaan pyyntö"])

        await #expect(throws: BackOfficeError.self) {
            try await privacy.accessReport(for: .phone(PhoneNumber("040\(digits)")!), purpose: nil, by: agent)
        }
        await app.close()
    }

    @Test func anEMailMatchesWhateverItsCase() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        let address = "Aino.\(UUID().uuidString.prefix(8))@Asukas.Example"
        var ticket = NewTicket(subject: "Sähköposti", description: "", category: "other", channel: "email", priority: "low")
        ticket.resident = ResidentContact(name: "Aino Asukas", email: address, phone: nil)
        let made = try await fixture.service.create(ticket, in: fixture.access.orgA.code, by: agent).ticket
        let report = try await PrivacyService(store: PostgresPrivacyStore(pool: app)).accessReport(
            for: try ResidentIdentifier.given(phone: nil, email: " \(address.lowercased()) "), purpose: nil,
            by: try await fixture.principal(fixture.access.countyAdmin))
        #expect(report.tickets.map(\.reference) == [made.reference])
        #expect(report.tickets[0].reads.isEmpty)
        await app.close()
    }
}
