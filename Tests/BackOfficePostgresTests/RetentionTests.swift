import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("The retention job's purges, against the database")
struct RetentionTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 2)
    }

    func count(_ query: PostgresQuery) async throws -> Int {
        try await app.withCountyScope { try await $0.query(query).single().decode(Int.self, "n") }
    }

    @Test func oldIdempotencyKeysAndExpiredSessionsGoAndTheAuditSaysHowMany() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        let code = fixture.access.orgA.code
        let organisation = fixture.access.orgA.id
        var ticket = NewTicket(subject: "Avain", description: "", category: "other", channel: "phone", priority: "low")
        ticket.resident = ResidentContact(name: "Asukas", email: nil, phone: "040 765 4321")
        let keys = (1...3).map { "retention-\($0)-\(UUID().uuidString)" }
        for key in keys { _ = try await fixture.service.create(ticket, in: code, idempotencyKey: key, by: agent) }
        try await app.withCountyScope { transaction in
            try await transaction.execute("""
                UPDATE idempotency_keys SET created_at = now() - interval '31 days'
                WHERE org_id = \(organisation) AND key = ANY(\(Array(keys.prefix(2))))
                """)
        }
        let sessions = PostgresWebSessionStore(pool: app)
        let login = AuditEntry(actorID: nil, action: "session.login", objectType: "person", objectID: "retention",
                               before: nil, after: nil, reason: nil, interface: .web)
        let settings = SessionSettings(idleTimeout: 8 * 3600, absoluteTimeout: 24 * 3600)
        let now = Date()
        var made: [WebSession] = []
        for moment in [now.addingTimeInterval(-25 * 3600), now.addingTimeInterval(-9 * 3600), now] {
            made.append(try await sessions.createSession(
                secret: RandomSecret.make(), csrfToken: RandomSecret.make(), personID: fixture.supportAgent.id, at: moment, audit: login))
        }
        // Contacts after 120 months: none here, so that other tests' closed tickets stay as they are.
        let service = RetentionService(
            tickets: fixture.service, store: PostgresRetentionStore(pool: app), sessions: settings, clock: { now })

        let dry = try await service.run(contactMonths: 120, dryRun: true)
        #expect(dry.idempotencyKeysDeleted >= 2 && dry.webSessionsDeleted >= 2)
        #expect(try await count("SELECT count(*) AS n FROM idempotency_keys WHERE org_id = \(organisation)") == 3)

        let done = try await service.run(contactMonths: 120, dryRun: false)
        #expect(done.idempotencyKeysDeleted >= 2 && done.webSessionsDeleted >= 2)
        #expect(try await count("SELECT count(*) AS n FROM idempotency_keys WHERE org_id = \(organisation) AND key = \(keys[2])") == 1)
        #expect(try await count("SELECT count(*) AS n FROM idempotency_keys WHERE org_id = \(organisation)") == 1)
        let left = try await count("SELECT count(*) AS n FROM web_sessions WHERE id = ANY(\(made.map(\.id)))")
        #expect(left == 1)
        let audited = try await app.withCountyScope { transaction in
            try await transaction.query("""
                SELECT action, (after->>'deleted')::int AS deleted FROM audit_log
                WHERE action IN ('idempotency_key.purge', 'session.purge') AND at >= now() - interval '1 minute' AND interface = 'system'
                """).map { (try $0.decode(String.self, "action"), try $0.decode(Int.self, "deleted")) }
        }
        #expect(audited.contains { $0.0 == "idempotency_key.purge" && $0.1 == done.idempotencyKeysDeleted })
        #expect(audited.contains { $0.0 == "session.purge" && $0.1 == done.webSessionsDeleted })

        let again = try await service.run(contactMonths: 120, dryRun: false)
        #expect(try await count("SELECT count(*) AS n FROM idempotency_keys WHERE org_id = \(organisation)") == 1)
        #expect(again.idempotencyKeysDeleted == 0)
        await app.close()
    }
}
