import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Canned replies, against the database")
struct CannedReplyServiceTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 6)
    }

    func service(_ fixture: TicketFixture) -> CannedReplyService {
        CannedReplyService(
            store: PostgresCannedReplyStore(pool: app), access: RoleService(store: fixture.access.store), tickets: fixture.service,
            clock: { fixture.clock.now })
    }

    @Test func theDeskKeepsTheCountySetAndOrgAdminsTheirOwn() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let replies = service(fixture)
        let agent = try await fixture.principal(fixture.supportAgent)
        let adminA = try await fixture.principal(fixture.access.adminA)
        let adminB = try await fixture.principal(fixture.access.adminB)
        let contact = try await fixture.principal(fixture.contact)
        let title = "Kuittaus \(UUID().uuidString.prefix(8))"
        let county = try await replies.create(CannedReplyFields(title: title, bodyFinnish: "Hei, {{viite}} on vastaanotettu."), in: nil, by: agent)
        #expect(county.countyWide && county.useCount == 0)
        await #expect(throws: BackOfficeError.forbidden("\(adminA.email) may not keep the canned replies of the county")) {
            try await replies.create(CannedReplyFields(title: "Oma", bodyFinnish: "Hei"), in: nil, by: adminA)
        }
        let own = try await replies.create(
            CannedReplyFields(title: title, bodyFinnish: "Hei {{agentti}}", bodyEnglish: "Hi {{agent}}"), in: fixture.access.orgA.code, by: adminA)
        #expect(!own.countyWide && own.organisationCode == fixture.access.orgA.code)
        await #expect(throws: BackOfficeError.conflict("the set already has a canned reply with this title")) {
            try await replies.create(CannedReplyFields(title: title.uppercased(), bodyFinnish: "Toinen"), in: fixture.access.orgA.code, by: adminA)
        }
        await #expect(throws: BackOfficeError.forbidden("\(contact.email) may not keep the canned replies of \(fixture.access.orgA.code)")) {
            try await replies.update(own.id, to: CannedReplyFields(title: "Muutettu", bodyFinnish: "x"), by: contact)
        }
        await #expect(throws: BackOfficeError.notFound("canned reply \(own.id.uuidString.lowercased())")) {
            try await replies.update(own.id, to: CannedReplyFields(title: "Muutettu", bodyFinnish: "x"), by: adminB)
        }
        #expect(try await replies.replies(in: fixture.access.orgA.code, for: contact).map(\.id) == [own.id])
        let changed = try await replies.update(own.id, to: CannedReplyFields(title: "Muutettu", bodyFinnish: "Hei {{aihe}}"), by: adminA)
        #expect(changed.title == "Muutettu" && changed.bodyEnglish == nil)
        try await replies.delete(county.id, by: agent)
        await #expect(throws: BackOfficeError.notFound("canned reply \(county.id.uuidString.lowercased())")) {
            try await replies.reply(county.id, for: agent)
        }
        await app.close()
    }

    @Test func aReplyIsFilledFromTheTicketCountedAndUsableOnlyWhereItsSetBelongs() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let replies = service(fixture)
        let agent = try await fixture.principal(fixture.supportAgent)
        let adminA = try await fixture.principal(fixture.access.adminA)
        let adminB = try await fixture.principal(fixture.access.adminB)
        fixture.clock.set(TestClock.helsinki("2026-12-02 10:00"))
        let ticket = try await fixture.service.create(
            NewTicket(subject: "Kirjautuminen ei onnistu", description: "", category: "login_and_access", channel: "phone"),
            in: fixture.access.orgA.code, by: adminA).ticket
        let other = try await fixture.service.create(
            NewTicket(subject: "Toinen", description: "", category: "other", channel: "phone"), in: fixture.access.orgB.code, by: adminB).ticket
        let county = try await replies.create(CannedReplyFields(
            title: "Kuittaus \(UUID().uuidString.prefix(8))",
            bodyFinnish: "Hei, {{viite}} ({{aihe}}, {{organisaatio}}) {{pvm}}. {{agentti}}", bodyEnglish: "Hello, {{reference}}. {{agent}}"),
            in: nil, by: agent)
        let own = try await replies.create(CannedReplyFields(title: "Oman talon", bodyFinnish: "Terveisin {{agentin_sahkoposti}}"),
                                           in: fixture.access.orgA.code, by: adminA)

        let filled = try await replies.fill(county.id, on: ticket.reference, in: fixture.access.orgA.code, language: nil, by: agent)
        #expect(filled.body == "Hei, \(ticket.reference) (Kirjautuminen ei onnistu, \(fixture.access.orgA.name)) 2.12.2026. Tukihenkilo")
        let english = try await replies.fill(county.id, on: ticket.reference, in: fixture.access.orgA.code, language: "en", by: agent)
        #expect(english.body == "Hello, \(ticket.reference). Tukihenkilo" && english.language == "en")
        let used = try await replies.reply(county.id, for: agent)
        #expect(used.useCount == 2 && used.lastUsedAt == TestClock.helsinki("2026-12-02 10:00"))
        #expect(try await replies.reply(own.id, for: adminA).useCount == 0)

        let usable = try await replies.usable(on: ticket.reference, in: fixture.access.orgA.code, for: agent).map(\.id)
        #expect(usable.contains(county.id) && usable.contains(own.id))
        #expect(try await replies.usable(on: ticket.reference, in: fixture.access.orgA.code, for: adminA).map(\.id) == [own.id])
        await #expect(throws: BackOfficeError.notFound("canned reply \(own.id.uuidString.lowercased())")) {
            try await replies.fill(own.id, on: other.reference, in: fixture.access.orgB.code, language: nil, by: agent)
        }
        await #expect(throws: BackOfficeError.notFound("canned reply \(county.id.uuidString.lowercased())")) {
            try await replies.fill(county.id, on: ticket.reference, in: fixture.access.orgA.code, language: nil, by: adminA)
        }
        await app.close()
    }

    @Test func anOrganisationsRepliesAreInvisibleInAnotherTenant() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let adminA = try await fixture.principal(fixture.access.adminA)
        let own = try await service(fixture).create(CannedReplyFields(title: "Sisäinen", bodyFinnish: "Hei"), in: fixture.access.orgA.code, by: adminA)
        let counts = try await app.withTenant(fixture.access.orgB.id) { transaction in
            try await transaction.query("SELECT count(*) AS n FROM canned_replies WHERE id = \(own.id)").single().decode(Int.self, "n")
        }
        let store = PostgresCannedReplyStore(pool: app)
        #expect(counts == 0)
        #expect(try await store.reply(id: own.id, of: fixture.access.orgB) == nil)
        #expect(try await store.reply(id: own.id, of: fixture.access.orgA)?.title == "Sisäinen")
        #expect(try await store.delete(id: own.id, of: fixture.access.orgB) == false)
        await app.close()
    }
}
