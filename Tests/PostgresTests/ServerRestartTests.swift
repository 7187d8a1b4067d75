import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("The pool after a server restart")
struct ServerRestartTests {
    func backendIDs(_ pool: ConnectionPool, transactions: Int) async throws -> Set<Int> {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<transactions {
                group.addTask {
                    try await pool.withTransaction { transaction in
                        try await transaction.query("SELECT pg_backend_pid() AS pid, pg_sleep(0.01)").single().decode(Int.self, "pid")
                    }
                }
            }
            return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
        }
    }

    @Test func thePoolRecoversWithNewConnections() async throws {
        let cluster = try await PrivateCluster.start()
        do {
            let pool = ConnectionPool(.init(connection: ConnectionConfiguration(cluster.url), maximumConnections: 4))
            let before = try await backendIDs(pool, transactions: 40)
            #expect(!before.isEmpty)
            #expect(pool.statistics.idle == before.count)

            try await cluster.restart()

            // Every idle connection died with the old server; none is handed out, and no
            // statement fails for it: the pool opens new connections.
            let after = try await backendIDs(pool, transactions: 40)
            #expect(!after.isEmpty)
            #expect(after.isDisjoint(with: before))
            let statistics = pool.statistics
            #expect(statistics.open <= 4)
            await pool.close()
        } catch {
            try await cluster.destroy()
            throw error
        }
        try await cluster.destroy()
    }
}
