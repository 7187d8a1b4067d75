import BackOffice
import Foundation
import Postgres

/// API tokens as SHA-256 hashes in `api_tokens` (global: a token belongs to a person).
public struct PostgresTokenStore: TokenStore {
    let pool: ConnectionPool
    let access: PostgresAccessStore

    public init(pool: ConnectionPool) {
        self.pool = pool
        access = PostgresAccessStore(pool: pool)
    }

    /// Tokens are global rows; their audit entries go to the county's log.
    public func saveToken(
        secret: String, personID: UUID, name: String, expiresAt: Date?, audit: (ApiToken) -> AuditEntry
    ) async throws -> ApiToken {
        let county = try await pool.countyOrganisationID()
        return try await StoreError.mapping(notFound: "person") {
            try await pool.withTenant(county) { transaction in
                let token = try Self.token(try await transaction.query("""
                    INSERT INTO api_tokens (person_id, name, token_hash, expires_at)
                    VALUES (\(personID), \(name), \(SecretHash.of(secret)), \(expiresAt))
                    RETURNING *
                    """).single())
                try await AuditWriter.write(audit(token), organisation: county, in: transaction)
                return token
            }
        }
    }

    public func principal(token secret: String, interface: Interface, at moment: Date) async throws -> Principal? {
        let email = try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                try await transaction.query("""
                    UPDATE api_tokens t SET last_used_at = \(moment)
                    FROM people p
                    WHERE t.token_hash = \(SecretHash.of(secret)) AND p.id = t.person_id AND p.active
                      AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > \(moment))
                    RETURNING p.email
                    """).first.map { try $0.decode(String.self, "email") }
            }
        }
        guard let email else { return nil }
        return try await access.principal(email: email, interface: interface, at: moment)
    }

    public func tokens(of personID: UUID) async throws -> [ApiToken] {
        try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                try await transaction.query("SELECT * FROM api_tokens WHERE person_id = \(personID) ORDER BY created_at")
                    .map(Self.token)
            }
        }
    }

    public func revokeToken(_ id: UUID, of personID: UUID, at moment: Date, audit: AuditEntry) async throws -> Bool {
        let county = try await pool.countyOrganisationID()
        return try await StoreError.mapping {
            try await pool.withTenant(county, actor: audit.actorID) { transaction in
                let revoked = try await transaction.execute("""
                    UPDATE api_tokens SET revoked_at = \(moment)
                    WHERE id = \(id) AND person_id = \(personID) AND revoked_at IS NULL
                    """) == 1
                if revoked { try await AuditWriter.write(audit, organisation: county, in: transaction) }
                return revoked
            }
        }
    }

    static func token(_ row: PostgresRow) throws -> ApiToken {
        ApiToken(
            id: try row.decode(UUID.self, "id"), personID: try row.decode(UUID.self, "person_id"),
            name: try row.decode(String.self, "name"), createdAt: try row.decode(Date.self, "created_at"),
            expiresAt: try row.decode(Date?.self, "expires_at"), lastUsedAt: try row.decode(Date?.self, "last_used_at"),
            revokedAt: try row.decode(Date?.self, "revoked_at"))
    }
}
