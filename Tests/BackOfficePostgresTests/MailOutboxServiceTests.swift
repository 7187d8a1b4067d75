import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("The outbox worked by the desk, and the language of people's mails, against the database")
struct MailOutboxServiceTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 2)
    }

    func outbox(_ fixture: TicketFixture) -> MailOutboxService {
        MailOutboxService(store: PostgresMailOutbox(pool: app), access: RoleService(store: fixture.access.store),
                          cursors: HMACCursorSeal(secret: RandomSecret.make()))
    }

    func audits(_ action: String, objectID: String, in organisation: Organisation) async throws -> [(reason: String?, after: String)] {
        try await app.withTenant(organisation.id) { transaction in
            try await transaction.query("""
                SELECT reason, after::text AS after FROM audit_log WHERE org_id = \(organisation.id) AND action = \(action) AND object_id = \(objectID)
                """).map { (try $0.decode(String?.self, "reason"), try $0.decode(String.self, "after")) }
        }
    }

    @Test func aFailedMailIsSentAgainWithAReasonAuditedAndOnlyAFailedOne() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let code = fixture.access.orgA.code
        guard case .created = try await fixture.service.receive(try InboundMail(try MailFixture.bytes("resident-new.eml")), in: code)
        else { Issue.record("no ticket"); return }
        let delivery = MailDelivery(store: PostgresMailOutbox(pool: app), transport: SendmailTransport("/bin/false"), maximumAttempts: 1)
        #expect(try await delivery.deliverDue(in: fixture.access.orgA) == 1)
        let agent = try await fixture.principal(fixture.supportAgent)
        let service = outbox(fixture)
        let failed = try #require(try await service.page(of: code, statuses: [.failed], for: agent).entries.first)
        #expect(failed.attempts == 1 && failed.lastError == "/bin/false exited with 1")
        // a reason is required; another organisation's admin does not find it; a professional may not
        await #expect(throws: BackOfficeError.self) { try await service.requeue(failed.id, in: code, reason: " ", by: agent) }
        await #expect(throws: BackOfficeError.notFound("organisation \(code)")) {
            try await service.requeue(failed.id, in: code, reason: "osoite korjattu", by: try await fixture.principal(fixture.access.adminB))
        }
        await #expect(throws: BackOfficeError.self) {
            try await service.requeue(failed.id, in: code, reason: "osoite korjattu", by: try await fixture.principal(fixture.professional))
        }
        let again = try await service.requeue(failed.id, in: code, reason: "Vastaanottajan palvelin korjattu", by: agent)
        #expect(again.status == .pending && again.attempts == 0)
        let entries = try await audits("mail.requeue", objectID: failed.id.uuidString.lowercased(), in: fixture.access.orgA)
        #expect(entries.count == 1 && entries.first?.reason == "Vastaanottajan palvelin korjattu")
        // a pending mail is not re-queued
        await #expect(throws: BackOfficeError.self) { try await service.requeue(failed.id, in: code, reason: "uudelleen", by: agent) }
        // an org admin sees the outbox only with their organisation named
        await #expect(throws: BackOfficeError.self) {
            try await service.page(of: nil, statuses: [], for: try await fixture.principal(fixture.access.adminA))
        }
        #expect(try await service.page(of: code, statuses: [], for: try await fixture.principal(fixture.access.adminA)).entries.map(\.id) == [failed.id])
        await app.close()
    }

    @Test func everyoneSetsTheirOwnLanguageAndCountyAdminsAnyones() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let roles = RoleService(store: fixture.store)
        let member = try await roles.principal(email: fixture.member.email, interface: .cli)
        #expect(try await roles.language(for: member) == .fi)
        #expect(try await roles.setLanguage("en", by: member) == .en)
        #expect(try await roles.language(for: member) == .en)
        await #expect(throws: BackOfficeError.invalid("language", "must be one of fi or en")) { try await roles.setLanguage("sv", by: member) }
        let admin = try await roles.principal(email: fixture.adminA.email, interface: .cli)
        await #expect(throws: BackOfficeError.self) { try await roles.setLanguage("fi", of: fixture.member.email, by: admin) }
        let county = try await roles.principal(email: fixture.countyAdmin.email, interface: .cli)
        try await roles.setLanguage("fi", of: fixture.member.email, by: county)
        #expect(try await roles.language(for: member) == .fi)
        await #expect(throws: BackOfficeError.notFound("person ei-ole@example.fi")) {
            try await roles.setLanguage("fi", of: "ei-ole@example.fi", by: county)
        }
        let changes = try await app.withCountyScope { transaction in
            try await transaction.query("""
                SELECT actor_person_id, after->>'language' AS language FROM audit_log
                WHERE action = 'person.language' AND object_id = \(fixture.member.id.uuidString.lowercased())
                ORDER BY at
                """).map { (try $0.decode(UUID.self, "actor_person_id"), try $0.decode(String.self, "language")) }
        }
        #expect(changes.map(\.0) == [fixture.member.id, fixture.countyAdmin.id] && changes.map(\.1) == ["en", "fi"])
        await app.close()
    }
}
