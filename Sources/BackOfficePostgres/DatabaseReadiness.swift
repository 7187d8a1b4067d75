import BackOffice
import Postgres

/// Ready when the pool reaches the database and every migration file is applied unchanged.
public struct DatabaseReadiness: ReadinessProbe {
    let pool: ConnectionPool
    let migrations: MigrationRunner

    public init(pool: ConnectionPool, migrations: [Migration]) {
        self.pool = pool
        self.migrations = MigrationRunner(migrations: migrations)
    }

    public func readiness() async -> Readiness {
        do {
            let statuses = try await pool.withConnection { try await migrations.status(on: $0) }
            let behind = statuses.filter { $0.state != .applied }
            let detail = behind.isEmpty
                ? "\(statuses.count) migrations applied"
                : behind.map { "\($0.name): \($0.state.rawValue)" }.joined(separator: ", ")
            return Readiness(checks: [
                .init(name: "database", passed: true, detail: "reachable"),
                .init(name: "migrations", passed: behind.isEmpty, detail: detail),
            ])
        } catch {
            return Readiness(checks: [.init(name: "database", passed: false, detail: "\(error)")])
        }
    }
}
