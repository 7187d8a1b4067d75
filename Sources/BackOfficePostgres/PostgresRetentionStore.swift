import BackOffice
import Foundation
import Postgres

/// `RetentionStore` over PostgreSQL, in the county scope (the purges span organisations;
/// row-level security stays on), each purge and its audit entry in one transaction.
public struct PostgresRetentionStore: RetentionStore {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    public func deleteIdempotencyKeys(createdBefore cutoff: Date, dryRun: Bool, audit: (Int) -> AuditEntry) async throws -> Int {
        try await purge(dryRun: dryRun, audit: audit,
                        count: "SELECT count(*) AS n FROM idempotency_keys WHERE created_at < \(cutoff)",
                        delete: "DELETE FROM idempotency_keys WHERE created_at < \(cutoff)")
    }

    public func deleteWebSessions(
        lastSeenBefore idleCutoff: Date, createdBefore absoluteCutoff: Date, dryRun: Bool, audit: (Int) -> AuditEntry
    ) async throws -> Int {
        try await purge(
            dryRun: dryRun, audit: audit,
            count: "SELECT count(*) AS n FROM web_sessions WHERE last_seen_at < \(idleCutoff) OR created_at < \(absoluteCutoff)",
            delete: "DELETE FROM web_sessions WHERE last_seen_at < \(idleCutoff) OR created_at < \(absoluteCutoff)")
    }

    private func purge(dryRun: Bool, audit: (Int) -> AuditEntry, count: PostgresQuery, delete: PostgresQuery) async throws -> Int {
        let county = try await pool.countyOrganisationID()
        return try await StoreError.mapping {
            try await pool.withCountyScope { transaction in
                if dryRun { return try await transaction.query(count).single().decode(Int.self, "n") }
                let deleted = try await transaction.execute(delete)
                if deleted > 0 { try await AuditWriter.write(audit(deleted), organisation: county, in: transaction) }
                return deleted
            }
        }
    }
}
