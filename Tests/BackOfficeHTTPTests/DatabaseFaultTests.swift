import BackOffice
import BackOfficeHTTP
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import PostgresTestSupport
import Testing

/// PostgreSQL goes away in the middle of requests, on a throwaway cluster of the test's own:
/// every request caught by it answers 503 with `Retry-After` (never 500), a commit cut short
/// says that its outcome is unknown, and a retry with the same `Idempotency-Key` makes
/// exactly one ticket.
///
/// Requests are held inside the database by locks the test takes (a table lock mid-request,
/// an advisory lock that a deferred trigger waits for at `COMMIT`), so the fault strikes
/// exactly there; the test waits until the server's backends are seen waiting.
@Suite("Database faults in the middle of requests", .serialized)
struct DatabaseFaultTests {
    typealias Call = RouteClient.Call

    /// What the test keeps of an answer (it crosses tasks).
    struct Outcome: Sendable {
        let call: String
        let status: Int
        let retryAfter: String?
        let contentType: String?
        let problemType: String?
    }

    /// A migrated cluster, the server's pool on it, people and tokens, and the fault gate.
    struct Stage {
        let cluster: PrivateCluster
        let pool: ConnectionPool
        let fixture: TicketFixture
        let agent: String
        let admin: String

        static func make() async throws -> Stage {
            let cluster = try await PrivateCluster.start()
            do {
                let owner = ConnectionConfiguration(cluster.url)
                try await TestDatabase.withConnection(owner) { connection in
                    _ = try await MigrationRunner(migrations: try Migration.load(from: try Migration.locateDirectory()))
                        .migrate(on: connection)
                    try await connection.executeScript("""
                        CREATE FUNCTION fault_gate() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN PERFORM pg_advisory_xact_lock_shared(7012); RETURN NULL; END $$;
                        CREATE CONSTRAINT TRIGGER fault_gate_at_commit AFTER INSERT ON tickets
                            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fault_gate();
                        """)
                }
                let pool = ConnectionPool(.init(
                    connection: ConnectionConfiguration(cluster.url, overrides: ["user": "backoffice_app"]),
                    maximumConnections: 12, leaseTimeout: .seconds(20)))
                let fixture = try await TicketFixture.make(app: pool)
                let tokens = TokenService(store: PostgresTokenStore(pool: pool))
                return Stage(
                    cluster: cluster, pool: pool, fixture: fixture,
                    agent: try await tokens.create(for: fixture.supportAgent.id, name: "vika", expiresInDays: 1).secret,
                    admin: try await tokens.create(for: fixture.access.adminA.id, name: "vika", expiresInDays: 1).secret)
            } catch {
                try await cluster.destroy()
                throw error
            }
        }

        /// The cluster's superuser, who sees and ends every backend.
        var superuser: ConnectionConfiguration { ConnectionConfiguration(cluster.url, overrides: ["user": "postgres"]) }

        var base: String { "/api/v1/orgs/\(fixture.access.orgA.code)" }

        func newTicket(_ key: String) -> Call { newTicket(key, in: fixture.access.orgA) }

        func newTicket(_ key: String, in organisation: Organisation) -> Call {
            Call(.post, "/api/v1/orgs/\(organisation.code)/tickets", token: agent, json: """
                {"subject": "Vikatesti \(key)", "category": "technical_fault", "channel": "phone",
                 "resident": {"name": "Aino Asukas", "phone": "040 123 4567"}}
                """, headers: [HTTPField.Name("Idempotency-Key")!: key])
        }

        /// One request of each kind the API serves, each caught by a table lock mid-request.
        func everyKind(ticket: String, keys: [String]) -> [Call] {
            let suffix = UUID().uuidString.prefix(6).lowercased()
            return keys.map(newTicket) + [
                Call(.get, "\(base)/tickets", token: agent),
                Call(.get, "\(base)/tickets/\(ticket)", token: agent),
                Call(.patch, "\(base)/tickets/\(ticket)", token: agent, json: #"{"priority": "high"}"#, headers: [.ifMatch: "\"1\""]),
                Call(.post, "\(base)/tickets/\(ticket)/comments", token: agent, json: #"{"body": "Soitettu.", "visibility": "public"}"#),
                Call(.post, "\(base)/members", token: admin, json: #"{"email": "uusi-\#(suffix)@example.fi", "full_name": "Uusi Jäsen"}"#),
                Call(.post, "\(base)/roles", token: admin, json: """
                    {"email": "\(fixture.contact.email)", "role": "professional", "reason": "vikatesti"}
                    """),
            ]
        }

        /// Sends `calls` at once through the real router; `fault` runs once every one of them
        /// is held in the database (`held` backends of the server's login seen waiting).
        func send(_ calls: [Call], held: Int, fault: @escaping @Sendable () async throws -> Void) async throws -> [Outcome] {
            try await Application(router: testRouter(pool: pool)).test(.router) { client in
                try await withThrowingTaskGroup(of: [Outcome].self) { group in
                    for call in calls {
                        group.addTask {
                            let answer = try await RouteClient.send(call, with: client)
                            return [Outcome(
                                call: "\(call.method) \(call.path)", status: answer.status.code,
                                retryAfter: answer.headers[.retryAfter], contentType: answer.contentType,
                                problemType: answer.problemType)]
                        }
                    }
                    group.addTask {
                        try await waitUntilHeld(held)
                        try await fault()
                        return []
                    }
                    return try await group.reduce(into: []) { $0 += $1 }
                }
            }
        }

        /// Polls the server's activity view until `count` backends of the app's login wait on a lock.
        func waitUntilHeld(_ count: Int) async throws {
            let deadline = ContinuousClock.now + .seconds(60)
            try await TestDatabase.withConnection(superuser) { connection in
                while ContinuousClock.now < deadline {
                    let waiting = try await connection.query("""
                        SELECT count(*)::int AS n FROM pg_stat_activity
                        WHERE usename = 'backoffice_app' AND wait_event_type = 'Lock'
                        """).single().decode(Int.self, "n")
                    if waiting >= count { return }
                    try await Task.sleep(for: .milliseconds(20))
                }
                Issue.record("only some of \(count) requests reached the lock within a minute")
            }
        }

        /// The tickets whose subject names `key`.
        func tickets(withKey key: String) async throws -> Int {
            try await TestDatabase.withConnection(superuser) { connection in
                try await connection.query(
                    "SELECT count(*)::int AS n FROM tickets WHERE subject = \("Vikatesti \(key)")"
                ).single().decode(Int.self, "n")
            }
        }

        func tearDown() async throws {
            await pool.close()
            try await cluster.destroy()
        }
    }

    /// Every outcome a 503 problem with `Retry-After` of the given type.
    func expectOutages(_ outcomes: [Outcome], count: Int, type: String) {
        #expect(outcomes.count == count)
        for outcome in outcomes {
            #expect(outcome.status == 503, "\(outcome.call) answered \(outcome.status)")
            #expect(outcome.retryAfter == "2", "\(outcome.call)")
            #expect(outcome.contentType == "application/problem+json", "\(outcome.call)")
            #expect(outcome.problemType == type, "\(outcome.call)")
        }
    }

    /// Retries each create with its key once the database is back: one ticket per key.
    func expectExactlyOnce(_ keys: [String], on stage: Stage) async throws {
        try await expectExactlyOnce(keys.map(stage.newTicket), keys: keys, on: stage)
    }

    func expectExactlyOnce(_ calls: [Call], keys: [String], on stage: Stage) async throws {
        let retries = try await RouteClient(pool: stage.pool).send(calls)
        #expect(retries.allSatisfy { $0.status == .created || $0.status == .ok }, "\(retries.map(\.status))")
        for key in keys { #expect(try await stage.tickets(withKey: key) == 1, "key \(key)") }
    }

    @Test func terminatedBackendsMidRequestAnswer503AndRetriesMakeOneTicket() async throws {
        let stage = try await Stage.make()
        do {
            let first = try await RouteClient(pool: stage.pool).send([stage.newTicket("vika-0")])[0]
            let ticket = try #require(first.json["reference"] as? String)
            let keys = (1...4).map { "vika-\($0)-\(UUID().uuidString.prefix(6))" }
            let calls = stage.everyKind(ticket: ticket, keys: keys)
            let locker = try await Connection.connect(ConnectionConfiguration(stage.cluster.url))
            try await locker.execute("BEGIN")
            try await locker.execute("LOCK TABLE tickets, audit_log IN ACCESS EXCLUSIVE MODE")
            let outcomes = try await stage.send(calls, held: calls.count) {
                try await TestDatabase.withConnection(stage.superuser) { connection in
                    try await connection.execute("""
                        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                        WHERE usename = 'backoffice_app' AND wait_event_type = 'Lock'
                        """)
                }
                try await locker.execute("ROLLBACK")
            }
            await locker.close()
            expectOutages(outcomes, count: calls.count, type: "/problems/unavailable")
            try await expectExactlyOnce(keys, on: stage)
        } catch {
            try await stage.tearDown()
            throw error
        }
        try await stage.tearDown()
    }

    @Test func aRestartMidRequestAnswers503AndRetriesMakeOneTicket() async throws {
        let stage = try await Stage.make()
        do {
            let first = try await RouteClient(pool: stage.pool).send([stage.newTicket("vika-0")])[0]
            let ticket = try #require(first.json["reference"] as? String)
            let keys = (1...4).map { "uudelleen-\($0)-\(UUID().uuidString.prefix(6))" }
            let calls = stage.everyKind(ticket: ticket, keys: keys)
            let locker = try await Connection.connect(ConnectionConfiguration(stage.cluster.url))
            try await locker.execute("BEGIN")
            try await locker.execute("LOCK TABLE tickets, audit_log IN ACCESS EXCLUSIVE MODE")
            let outcomes = try await stage.send(calls, held: calls.count) { try await stage.cluster.restart() }
            await locker.close()
            expectOutages(outcomes, count: calls.count, type: "/problems/unavailable")
            try await expectExactlyOnce(keys, on: stage)
        } catch {
            try await stage.tearDown()
            throw error
        }
        try await stage.tearDown()
    }

    @Test func aConnectionLostDuringCommitSaysTheOutcomeIsUnknown() async throws {
        let stage = try await Stage.make()
        do {
            // One ticket per organisation: a second one in the same organisation would wait
            // for the first one's ticket number, before its COMMIT.
            let organisations = [stage.fixture.access.orgA, stage.fixture.access.orgB]
            let keys = organisations.map { "commit-\($0.code)-\(UUID().uuidString.prefix(6))" }
            let gate = try await Connection.connect(ConnectionConfiguration(stage.cluster.url))
            try await gate.execute("SELECT pg_advisory_lock(7012)")
            let calls = zip(keys, organisations).map { stage.newTicket($0, in: $1) }
            let outcomes = try await stage.send(calls, held: calls.count) {
                try await TestDatabase.withConnection(stage.superuser) { connection in
                    try await connection.execute("""
                        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                        WHERE usename = 'backoffice_app' AND wait_event_type = 'Lock'
                        """)
                }
                try await gate.execute("SELECT pg_advisory_unlock(7012)")
            }
            await gate.close()
            expectOutages(outcomes, count: keys.count, type: "/problems/outcome-unknown")
            try await expectExactlyOnce(calls, keys: keys, on: stage)
        } catch {
            try await stage.tearDown()
            throw error
        }
        try await stage.tearDown()
    }

    @Test func anUnreachableDatabaseIs503WithRetryAfter() async throws {
        let pool = ConnectionPool(.init(
            connection: ConnectionConfiguration("postgresql://backoffice_app@127.0.0.1:1/backoffice?connect_timeout=2"),
            maximumConnections: 1))
        let token = "bo_" + String(repeating: "x", count: 43)
        let answers = try await RouteClient(pool: pool).send([
            Call(.get, "/api/v1/me", token: token),
            Call(.post, "/api/v1/orgs/OULU-TK/tickets", token: token, json: "{}"),
        ])
        for answer in answers {
            #expect(answer.status == .serviceUnavailable)
            #expect(answer.headers[.retryAfter] == "2")
            #expect(answer.problemType == "/problems/unavailable")
            #expect((answer.json["detail"] as? String)?.contains("127.0.0.1") == false)
        }
        await pool.close()
    }
}
