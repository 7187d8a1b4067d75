import BackOffice
import BackOfficeHTTP
import BackOfficePostgres
import Foundation
import Hummingbird
import HummingbirdTesting
import Postgres
import PostgresTestSupport
import Testing

@Suite("/health through the real router")
struct HealthRoutesTests {
    struct Body: Decodable {
        struct Check: Decodable {
            let name: String
            let passed: Bool
            let detail: String
        }
        let status: String
        let checks: [Check]
    }

    func get(_ path: String, readiness: DatabaseReadiness) async throws -> (HTTPResponse.Status, Body) {
        let pool = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 1)
        let app = Application(router: testRouter(pool: pool, readiness: readiness))
        let answer = try await app.test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                (response.status, try JSONDecoder().decode(Body.self, from: Data(buffer: response.body)))
            }
        }
        await pool.close()
        return answer
    }

    func appPool(_ configuration: ConnectionConfiguration? = nil) throws -> ConnectionPool {
        try TestDatabase.pool(configuration ?? TestDatabase.appConfiguration(), maximumConnections: 2, leaseTimeout: .seconds(5))
    }

    @Test func liveAnswersWithoutTheDatabase() async throws {
        let pool = try appPool(ConnectionConfiguration("postgresql://nobody@127.0.0.1:1/none?connect_timeout=1"))
        let (status, body) = try await get("/health/live", readiness: DatabaseReadiness(pool: pool, migrations: []))
        #expect(status == .ok)
        #expect(body.status == "live")
    }

    @Test func readyWhenTheSchemaIsCurrent() async throws {
        let pool = try appPool()
        let migrations = try Migration.load(from: try Migration.locateDirectory())
        let (status, body) = try await get("/health/ready", readiness: DatabaseReadiness(pool: pool, migrations: migrations))
        #expect(status == .ok)
        #expect(body.status == "ready")
        #expect(body.checks.map(\.name) == ["database", "migrations"])
        await pool.close()
    }

    @Test func notReadyWhileAMigrationIsPending() async throws {
        let pool = try appPool()
        let migrations = try Migration.load(from: try Migration.locateDirectory())
            + [try Migration(name: "9999_not_yet_applied.sql", sql: Data("SELECT 1;".utf8))]
        let (status, body) = try await get("/health/ready", readiness: DatabaseReadiness(pool: pool, migrations: migrations))
        #expect(status == .serviceUnavailable)
        #expect(body.status == "not_ready")
        #expect(body.checks.first { $0.name == "migrations" }?.detail == "9999_not_yet_applied.sql: pending")
        await pool.close()
    }

    @Test func notReadyWhenTheDatabaseCannotBeReached() async throws {
        let pool = try appPool(ConnectionConfiguration("postgresql://nobody@127.0.0.1:1/none?connect_timeout=1"))
        let (status, body) = try await get("/health/ready", readiness: DatabaseReadiness(pool: pool, migrations: []))
        #expect(status == .serviceUnavailable)
        #expect(body.checks.first?.name == "database")
        #expect(body.checks.first?.passed == false)
        await pool.close()
    }
}
