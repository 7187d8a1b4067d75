import Foundation
import Postgres

/// Gives each client slot an organisation of its own and a ticket counter there.
enum BenchSetup {
    static func prepare(owner: ConnectionConfiguration, app: ConnectionConfiguration, slots: Int) async throws {
        let connection = try await Connection.connect(owner)
        try await connection.executeScript("""
            CREATE TABLE IF NOT EXISTS bench_orgs (slot int PRIMARY KEY, organisation uuid NOT NULL);
            GRANT SELECT ON bench_orgs TO backoffice_app, backoffice_county;
            """)
        let placed = try await connection.execute("""
            INSERT INTO bench_orgs (slot, organisation)
            SELECT row_number() OVER (ORDER BY code) - 1, id FROM organisations WHERE kind <> 'county'
            ORDER BY code LIMIT \(slots)
            ON CONFLICT (slot) DO NOTHING
            """)
        let available = try await connection.query("SELECT count(*) AS n FROM bench_orgs").single().decode(Int.self, "n")
        await connection.close()
        guard available >= slots else {
            throw SetupFailure(description: "need \(slots) organisations, found \(available) (\(placed) new): run `backoffice seed demo` first")
        }
        // Counters are tenant rows: written in the county scope, as the app would.
        let appConnection = try await Connection.connect(app)
        try await appConnection.withTransaction { transaction in
            try await transaction.execute("SET LOCAL ROLE backoffice_county")
            try await transaction.execute("""
                INSERT INTO ticket_counters (org_id) SELECT organisation FROM bench_orgs ON CONFLICT (org_id) DO NOTHING
                """)
        }
        await appConnection.close()
    }

    /// The target libpq resolves for `configuration`, as a conninfo pgbench takes.
    static func conninfo(of configuration: ConnectionConfiguration) async throws -> String {
        let connection = try await Connection.connect(configuration)
        let parameters = await connection.parameters()
        await connection.close()
        return ["host", "port", "dbname", "user"].compactMap { key in
            parameters[key].map { "\(key)='\($0.replacingOccurrences(of: "'", with: "\\'"))'" }
        }.joined(separator: " ")
    }
}

struct SetupFailure: Error, CustomStringConvertible {
    let description: String
}
