import BackOfficePostgres
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Tenant isolation, as the app role")
struct TenantIsolationTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 4)
    }

    func ticketCount(_ transaction: Transaction, in orgs: [UUID]) async throws -> Int {
        try await transaction.query("SELECT count(*) AS n FROM tickets WHERE org_id = ANY (\(orgs))")
            .single().decode(Int.self, "n")
    }

    @Test func noTenantSetMeansNoRows() async throws {
        let fixture = try await TenantFixture.make(app: app)
        let seen = try await app.withTransaction { try await ticketCount($0, in: [fixture.orgA, fixture.orgB]) }
        #expect(seen == 0)
        let anyTicket = try await app.withTransaction {
            try await $0.query("SELECT count(*) AS n FROM tickets").single().decode(Int.self, "n")
        }
        #expect(anyTicket == 0)
        await app.close()
    }

    @Test func anOrganisationSeesOnlyItsOwnRows() async throws {
        let fixture = try await TenantFixture.make(app: app)
        let (own, other) = try await app.withTenant(fixture.orgA) { transaction in
            (try await ticketCount(transaction, in: [fixture.orgA]), try await ticketCount(transaction, in: [fixture.orgB]))
        }
        #expect(own == 1)
        #expect(other == 0)
        await app.close()
    }

    @Test func anotherOrganisationsRowsCannotBeReadChangedOrDeletedByKey() async throws {
        let fixture = try await TenantFixture.make(app: app)
        try await app.withTenant(fixture.orgA) { transaction in
            let read = try await transaction.query(
                "SELECT id FROM tickets WHERE org_id = \(fixture.orgB) AND id = \(fixture.ticketB)")
            #expect(read.isEmpty)
            let updated = try await transaction.execute(
                "UPDATE tickets SET subject = 'kaapattu' WHERE org_id = \(fixture.orgB) AND id = \(fixture.ticketB)")
            #expect(updated == 0)
            let deleted = try await transaction.execute(
                "DELETE FROM ticket_counters WHERE org_id = \(fixture.orgB)")
            #expect(deleted == 0)
        }
        let subject = try await app.withTenant(fixture.orgB) { transaction in
            try await transaction.query("SELECT subject FROM tickets WHERE org_id = \(fixture.orgB) AND id = \(fixture.ticketB)")
                .single().decode(String.self, "subject")
        }
        #expect(subject == "Kirjautuminen ei onnistu")
        await app.close()
    }

    @Test func anOrganisationCannotWriteRowsForAnother() async throws {
        let fixture = try await TenantFixture.make(app: app)
        let insert = await #expect(throws: PostgresError.self) {
            try await app.withTenant(fixture.orgA) { transaction in
                try await transaction.execute("""
                    INSERT INTO tickets (org_id, number, subject, category, channel, reporter_kind,
                                         first_response_due_at, resolution_due_at)
                    VALUES (\(fixture.orgB), 99, 'väärä', 'other', 'web', 'resident', now(), now())
                    """)
            }
        }
        #expect(insert?.sqlState == .insufficientPrivilege)
        let move = await #expect(throws: PostgresError.self) {
            try await app.withTenant(fixture.orgA) { transaction in
                try await transaction.execute(
                    "UPDATE ticket_counters SET org_id = \(fixture.orgB) WHERE org_id = \(fixture.orgA)")
            }
        }
        #expect(move?.sqlState == .insufficientPrivilege)
        await app.close()
    }

    @Test func aPooledConnectionCarriesNoTenantIntoTheNextTransaction() async throws {
        let single = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 1)
        let fixture = try await TenantFixture.make(app: app)
        let (firstPID, seenInside) = try await single.withTenant(fixture.orgA) { transaction in
            let row = try await transaction.query("SELECT pg_backend_pid() AS pid, count(*) AS n FROM tickets WHERE org_id = \(fixture.orgA)").single()
            return (try row.decode(Int.self, "pid"), try row.decode(Int.self, "n"))
        }
        #expect(seenInside == 1)
        let (secondPID, setting, seenAfter) = try await single.withTransaction { transaction in
            let row = try await transaction.query("""
                SELECT pg_backend_pid() AS pid, coalesce(current_setting('app.org_id', true), '') AS tenant,
                       (SELECT count(*) FROM tickets WHERE org_id = \(fixture.orgA)) AS n
                """).single()
            return (try row.decode(Int.self, "pid"), try row.decode(String.self, "tenant"), try row.decode(Int.self, "n"))
        }
        #expect(secondPID == firstPID, "the same pooled connection served both")
        #expect(setting == "")
        #expect(seenAfter == 0)
        await single.close()
        await app.close()
    }

    @Test func theCountyScopeSeesEveryOrganisationThroughItsOwnRole() async throws {
        let fixture = try await TenantFixture.make(app: app)
        let (role, seen) = try await app.withCountyScope { transaction in
            let role = try await transaction.query("SELECT current_user AS r").single().decode(String.self, "r")
            return (role, try await ticketCount(transaction, in: [fixture.orgA, fixture.orgB]))
        }
        #expect(role == "backoffice_county")
        #expect(seen == 2)
        let after = try await app.withTransaction {
            try await $0.query("SELECT current_user AS r").single().decode(String.self, "r")
        }
        #expect(after == "backoffice_app")
        await app.close()
    }

    @Test func theAuditLogIsAppendOnly() async throws {
        let fixture = try await TenantFixture.make(app: app)
        try await app.withTenant(fixture.orgA, actor: fixture.person) { transaction in
            try await transaction.execute("""
                INSERT INTO audit_log (org_id, actor_person_id, action, object_type, object_id, reason, interface)
                VALUES (\(fixture.orgA), \(fixture.person), 'test.append', 'ticket', \(fixture.ticketA.uuidString), 'testi', 'system')
                """)
        }
        for statement: PostgresQuery in ["UPDATE audit_log SET reason = 'muutettu'", "DELETE FROM audit_log", "TRUNCATE audit_log"] {
            let error = await #expect(throws: PostgresError.self) {
                try await app.withTenant(fixture.orgA) { try await $0.execute(statement) }
            }
            #expect(error?.sqlState == .insufficientPrivilege, "\(statement)")
        }
        await app.close()
    }

    @Test func aKeyLookupUsesTheOrgLeadingIndex() async throws {
        let fixture = try await TenantFixture.make(app: app)
        try await app.withTenant(fixture.orgA) { transaction in
            try await transaction.execute("""
                INSERT INTO tickets (org_id, number, subject, category, channel, reporter_kind,
                                     first_response_due_at, resolution_due_at)
                SELECT \(fixture.orgA), n, 'Tukipyyntö ' || n, 'other', 'web', 'resident', now(), now()
                FROM generate_series(2, 5001) AS n
                """)
        }
        try await TestDatabase.withConnection { try await $0.execute("ANALYZE tickets") }
        let plan = try await app.withTenant(fixture.orgA) { transaction in
            try await transaction.query(
                "EXPLAIN (FORMAT TEXT) SELECT subject FROM tickets WHERE org_id = \(fixture.orgA) AND id = \(fixture.ticketA)"
            ).map { try $0.decode(String.self, at: 0) }.joined(separator: "\n")
        }
        #expect(plan.contains("Index Scan using tickets_pkey on tickets"), "\(plan)")
        #expect(!plan.contains("Seq Scan"), "\(plan)")
        await app.close()
    }
}
