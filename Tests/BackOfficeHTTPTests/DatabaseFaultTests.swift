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
/// exactly one row, for every kind of create: tickets, comments, members, role grants,
/// training assignments, deployments and usage imports.
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

    /// A create sent with an `Idempotency-Key`, and how many rows it has made.
    struct Keyed: Sendable {
        let call: Call
        let rows: @Sendable (Connection) async throws -> Int
    }

    /// A migrated cluster, the server's pool on it, people and tokens, and the fault gate.
    struct Stage {
        let cluster: PrivateCluster
        let pool: ConnectionPool
        let fixture: TicketFixture
        let agent: String
        let admin: String
        let county: String

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
                        INSERT INTO training_courses (code, title) VALUES ('vikatesti', 'Vikatesti');
                        """)
                }
                let pool = ConnectionPool(.init(
                    connection: ConnectionConfiguration(cluster.url, overrides: ["user": "backoffice_app"]),
                    maximumConnections: 16, leaseTimeout: .seconds(20)))
                let fixture = try await TicketFixture.make(app: pool)
                let tokens = TokenService(store: PostgresTokenStore(pool: pool))
                return Stage(
                    cluster: cluster, pool: pool, fixture: fixture,
                    agent: try await tokens.create(for: fixture.supportAgent.id, name: "vika", expiresInDays: 1).secret,
                    admin: try await tokens.create(for: fixture.access.adminA.id, name: "vika", expiresInDays: 1).secret,
                    county: try await tokens.create(for: fixture.access.countyAdmin.id, name: "vika", expiresInDays: 1).secret)
            } catch {
                try await cluster.destroy()
                throw error
            }
        }

        /// The cluster's superuser, who sees and ends every backend.
        var superuser: ConnectionConfiguration { ConnectionConfiguration(cluster.url, overrides: ["user": "postgres"]) }

        var base: String { "/api/v1/orgs/\(fixture.access.orgA.code)" }

        func newTicket(_ key: String) -> Keyed { newTicket(key, in: fixture.access.orgA) }

        func newTicket(_ key: String, in organisation: Organisation) -> Keyed {
            Keyed(call: Call(.post, "/api/v1/orgs/\(organisation.code)/tickets", token: agent, json: """
                {"subject": "Vikatesti \(key)", "category": "technical_fault", "channel": "phone",
                 "resident": {"name": "Aino Asukas", "phone": "040 123 4567"}}
                """, headers: [.idempotencyKey: key])) { connection in
                try await connection.query("SELECT count(*)::int AS n FROM tickets WHERE subject = \("Vikatesti \(key)")")
                    .single().decode(Int.self, "n")
            }
        }

        /// One create of every other kind, each with a key of its own: a comment on `ticket`,
        /// a member, a role grant, a training assignment, a deployment and a usage import.
        func otherCreates(ticket: String) -> [Keyed] {
            let key = "muu-" + UUID().uuidString.prefix(6).lowercased()
            let email = "uusi-\(key)@example.fi"
            func keyed(_ call: Call, rows: @escaping @Sendable (Connection) async throws -> Int) -> Keyed {
                var call = call
                call.headers[.idempotencyKey] = key
                return Keyed(call: call, rows: rows)
            }
            func count(_ query: PostgresQuery) -> @Sendable (Connection) async throws -> Int {
                { try await $0.query(query).single().decode(Int.self, "n") }
            }
            var usage = Call(.post, "/api/v1/usage/imports?file_name=\(key).csv", token: county, csv: Array("""
                organisation,service,month,started,completed,forwarded
                \(fixture.access.orgB.code),symptom_respiratory_infection,2025-01,10,5,1

                """.utf8))
            usage.headers[.idempotencyKey] = key
            return [
                keyed(Call(.post, "\(base)/tickets/\(ticket)/comments", token: agent, json: #"{"body": "Soitettu \#(key).", "visibility": "public"}"#),
                      rows: count("SELECT count(*)::int AS n FROM ticket_comments WHERE body = \("Soitettu \(key).")")),
                keyed(Call(.post, "\(base)/members", token: admin, json: #"{"email": "\#(email)", "full_name": "Uusi Jäsen"}"#),
                      rows: count("""
                          SELECT count(*)::int AS n FROM org_members m JOIN people p ON p.id = m.person_id WHERE p.email = \(email)
                          """)),
                keyed(Call(.post, "\(base)/roles", token: admin, json: """
                    {"email": "\(fixture.contact.email)", "role": "professional", "reason": "vikatesti \(key)"}
                    """), rows: count("SELECT count(*)::int AS n FROM org_role_grants WHERE reason = \("vikatesti \(key)")")),
                keyed(Call(.post, "\(base)/training", token: admin, json: """
                    {"course": "vikatesti", "person": "\(fixture.otherProfessional.email)"}
                    """), rows: count("""
                        SELECT count(*)::int AS n FROM training_tasks t JOIN training_courses c ON c.id = t.course_id
                        WHERE c.code = 'vikatesti' AND t.person_id = \(fixture.otherProfessional.id)
                        """)),
                keyed(Call(.post, "\(base)/deployments", token: admin, json: """
                    {"service": "symptom_respiratory_infection", "owner": "\(fixture.contact.email)"}
                    """), rows: count("""
                        SELECT count(*)::int AS n FROM deployments d JOIN omaolo_services s ON s.id = d.service_id
                        WHERE d.org_id = \(fixture.access.orgA.id) AND s.code = 'symptom_respiratory_infection'
                        """)),
                Keyed(call: usage, rows: count("SELECT count(*)::int AS n FROM usage_imports WHERE file_name = \("\(key).csv")")),
            ]
        }

        /// One request of each kind the API serves, each caught by a table lock mid-request:
        /// the creates (tickets under `keys`, one of every other kind) and some reads and edits.
        func everyKind(ticket: String, keys: [String]) -> (calls: [Call], creates: [Keyed]) {
            let creates = keys.map(newTicket) + otherCreates(ticket: ticket)
            return (creates.map(\.call) + [
                Call(.get, "\(base)/tickets", token: agent),
                Call(.get, "\(base)/tickets/\(ticket)", token: agent),
                Call(.patch, "\(base)/tickets/\(ticket)", token: agent, json: #"{"priority": "high"}"#, headers: [.ifMatch: "\"1\""]),
            ], creates)
        }

        /// Ends every backend of the server's login that is waiting on a lock, as a crash of
        /// those connections would.
        func terminateWaitingBackends() async throws {
            try await TestDatabase.withConnection(superuser) { connection in
                try await connection.execute("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE usename = 'backoffice_app' AND wait_event_type = 'Lock'
                    """)
            }
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

    /// Retries each create with its key once the database is back: each made one row.
    func expectExactlyOnce(_ creates: [Keyed], on stage: Stage) async throws {
        let retries = try await RouteClient(pool: stage.pool).send(creates.map(\.call))
        #expect(retries.allSatisfy { $0.status == .created || $0.status == .ok }, "\(retries.map(\.status))")
        try await TestDatabase.withConnection(stage.superuser) { connection in
            for create in creates {
                let rows = try await create.rows(connection)
                #expect(rows == 1, "\(create.call.method) \(create.call.path)")
            }
        }
    }

    @Test func terminatedBackendsMidRequestAnswer503AndRetriesMakeOneRowEach() async throws {
        let stage = try await Stage.make()
        do {
            let first = try await RouteClient(pool: stage.pool).send([stage.newTicket("vika-0").call])[0]
            let ticket = try #require(first.json["reference"] as? String)
            let keys = (1...4).map { "vika-\($0)-\(UUID().uuidString.prefix(6))" }
            let (calls, creates) = stage.everyKind(ticket: ticket, keys: keys)
            let locker = try await Connection.connect(ConnectionConfiguration(stage.cluster.url))
            try await locker.execute("BEGIN")
            try await locker.execute("LOCK TABLE tickets, audit_log IN ACCESS EXCLUSIVE MODE")
            let outcomes = try await stage.send(calls, held: calls.count) {
                try await stage.terminateWaitingBackends()
                try await locker.execute("ROLLBACK")
            }
            await locker.close()
            expectOutages(outcomes, count: calls.count, type: "/problems/unavailable")
            try await expectExactlyOnce(creates, on: stage)
        } catch {
            try await stage.tearDown()
            throw error
        }
        try await stage.tearDown()
    }

    @Test func aRestartMidRequestAnswers503AndRetriesMakeOneRowEach() async throws {
        let stage = try await Stage.make()
        do {
            let first = try await RouteClient(pool: stage.pool).send([stage.newTicket("vika-0").call])[0]
            let ticket = try #require(first.json["reference"] as? String)
            let keys = (1...4).map { "uudelleen-\($0)-\(UUID().uuidString.prefix(6))" }
            let (calls, creates) = stage.everyKind(ticket: ticket, keys: keys)
            let locker = try await Connection.connect(ConnectionConfiguration(stage.cluster.url))
            try await locker.execute("BEGIN")
            try await locker.execute("LOCK TABLE tickets, audit_log IN ACCESS EXCLUSIVE MODE")
            let outcomes = try await stage.send(calls, held: calls.count) { try await stage.cluster.restart() }
            await locker.close()
            expectOutages(outcomes, count: calls.count, type: "/problems/unavailable")
            try await expectExactlyOnce(creates, on: stage)
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
            let creates = zip(keys, organisations).map { stage.newTicket($0, in: $1) }
            let calls = creates.map(\.call)
            let outcomes = try await stage.send(calls, held: calls.count) {
                try await stage.terminateWaitingBackends()
                try await gate.execute("SELECT pg_advisory_unlock(7012)")
            }
            await gate.close()
            expectOutages(outcomes, count: keys.count, type: "/problems/outcome-unknown")
            try await expectExactlyOnce(creates, on: stage)
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
