import BackOffice
import Foundation
import Postgres

/// API tokens as SHA-256 hashes in `api_tokens` (global: a token belongs to a person).
public struct PostgresTokenStore: TokenStore {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
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

    /// The principal of `secret`: from this process's `AccessCache` while it listens, else
    /// in one read-only round trip (county scope: the person's grants in every organisation).
    /// The token's use is noted for `AccessCacheService` to write, at most once a minute.
    public func principal(token secret: String, interface: Interface, at moment: Date) async throws -> Principal? {
        let hash = SecretHash.of(secret)
        let cache = AccessCache.shared(for: pool)
        if let entry = cache.principal(tokenHash: hash, at: moment) {
            cache.tokenUses.note(entry.tokenID, stored: nil, at: moment)
            return entry.principal.acting(through: interface)
        }
        let generation = cache.generationForReading()
        var query: PostgresQuery = "SELECT t.id AS token_id, t.expires_at, t.last_used_at, "
        query.append(PrincipalRow.columns(at: moment))
        query.append("""

            FROM api_tokens t JOIN people p ON p.id = t.person_id AND p.active
            WHERE t.token_hash = \(hash) AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > \(moment))
            """)
        let found = try await StoreError.mapping {
            try await pool.withCountyScope(readOnly: true) { transaction -> (Principal, UUID, Date?, Date)? in
                guard let row = try await transaction.queryCommitting(query).first else { return nil }
                let keptUntil = [try row.decode(Date?.self, "expires_at"), try row.decode(Date?.self, "roles_change_at"),
                                 moment.addingTimeInterval(AccessCache.longestKeep)].compactMap { $0 }.min()!
                return (try PrincipalRow.principal(row, interface: interface), try row.decode(UUID.self, "token_id"),
                        try row.decode(Date?.self, "last_used_at"), keptUntil)
            }
        }
        guard let (principal, tokenID, lastUsed, keptUntil) = found else { return nil }
        cache.keep(.init(principal: principal, tokenID: tokenID, keptUntil: keptUntil), tokenHash: hash, readIn: generation)
        cache.tokenUses.note(tokenID, stored: lastUsed, at: moment)
        return principal
    }

    /// Marks each token used at its moment, in one statement, unless it was marked within
    /// the minute before (by this process or another).
    static func markUsed(_ uses: [UUID: Date], pool: ConnectionPool) async throws {
        let ids = Array(uses.keys)
        let moments = ids.map { uses[$0]!.timeIntervalSince1970 }
        try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                try await transaction.queryCommitting("""
                    UPDATE api_tokens t SET last_used_at = u.at
                    FROM (SELECT id, to_timestamp(seconds) AS at
                          FROM unnest(\(ids)::uuid[], \(moments.map { String($0) })::float8[]) AS s(id, seconds)) AS u
                    WHERE t.id = u.id AND (t.last_used_at IS NULL OR t.last_used_at <= u.at - interval '1 minute')
                    """)
            }
        }
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
        defer { pool.accessChanged() }
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
