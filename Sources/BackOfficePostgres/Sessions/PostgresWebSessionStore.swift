import BackOffice
import Foundation
import Postgres

/// Web sessions in `web_sessions`, each under the SHA-256 of its secret (global rows: a
/// session belongs to a person). Logins and logouts are audited in the county's log, in the
/// transaction of the change.
public struct PostgresWebSessionStore: WebSessionStore {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// Also removes every session past the longest absolute expiry there can be, so that
    /// sessions nobody comes back to do not pile up.
    public func createSession(secret: String, csrfToken: String, personID: UUID, at moment: Date, audit: AuditEntry) async throws -> WebSession {
        let county = try await pool.countyOrganisationID()
        let expired = moment.addingTimeInterval(-SessionSettings.longestTimeout)
        let session = try await StoreError.mapping(notFound: "person") {
            try await pool.withTenant(county) { transaction in
                transaction.sendWithNext("DELETE FROM web_sessions WHERE created_at < \(expired)")
                let session = try Self.session(try await transaction.query("""
                    INSERT INTO web_sessions (person_id, secret_hash, csrf_token, created_at, last_seen_at)
                    VALUES (\(personID), \(SecretHash.of(secret)), \(csrfToken), \(moment), \(moment))
                    RETURNING *
                    """).single())
                try await AuditWriter.write(audit, organisation: county, in: transaction)
                return session
            }
        }
        BusinessMetrics.loggedIn()
        return session
    }

    public func session(secret: String) async throws -> (session: WebSession, person: Person)? {
        try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                try await transaction.query("""
                    SELECT s.id AS session_id, s.person_id, s.csrf_token, s.created_at, s.last_seen_at,
                           p.id, p.email, p.full_name, p.active
                    FROM web_sessions s JOIN people p ON p.id = s.person_id AND p.active
                    WHERE s.secret_hash = \(SecretHash.of(secret))
                    """).first.map { row in
                    (try Self.session(row, id: "session_id"), try PostgresAccessStore.person(row))
                }
            }
        }
    }

    public func touchSession(_ id: UUID, at moment: Date) async throws {
        try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                _ = try await transaction.execute(
                    "UPDATE web_sessions SET last_seen_at = greatest(last_seen_at, \(moment)) WHERE id = \(id)")
            }
        }
    }

    public func endSession(secret: String, audit: (WebSession) -> AuditEntry) async throws -> WebSession? {
        let county = try await pool.countyOrganisationID()
        return try await StoreError.mapping {
            try await pool.withTenant(county) { transaction in
                guard let row = try await transaction.query(
                    "DELETE FROM web_sessions WHERE secret_hash = \(SecretHash.of(secret)) RETURNING *").first
                else { return nil }
                let session = try Self.session(row)
                try await AuditWriter.write(audit(session), organisation: county, in: transaction)
                return session
            }
        }
    }

    public func removeSession(_ id: UUID) async throws {
        try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                _ = try await transaction.execute("DELETE FROM web_sessions WHERE id = \(id)")
            }
        }
    }

    /// The session of a row of `web_sessions`, whose id is in the column `id`.
    static func session(_ row: PostgresRow, id column: String = "id") throws -> WebSession {
        WebSession(
            id: try row.decode(UUID.self, column), personID: try row.decode(UUID.self, "person_id"),
            csrfToken: try row.decode(String.self, "csrf_token"), createdAt: try row.decode(Date.self, "created_at"),
            lastSeenAt: try row.decode(Date.self, "last_seen_at"))
    }
}
