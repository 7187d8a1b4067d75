import BackOffice
import Postgres

extension PostgresWebSessionStore {
    /// Gives every person with one of `emails` who has no password yet the password of `hash`,
    /// the same hash for all (for the demo seed: one slow hash, not one per person). `hash` is
    /// called only when someone needs it; running it again changes nothing. Returns how many
    /// people were given the password.
    @discardableResult
    public func giveMissingPasswords(emails: [String], hash: () async throws -> String) async throws -> Int {
        let emails = emails.map { $0.lowercased() }
        return try await StoreError.mapping {
            let missing = try await pool.withTransaction { transaction in
                try await transaction.query("""
                    SELECT count(*) AS missing FROM people p
                    WHERE lower(p.email) = ANY(\(emails))
                      AND NOT EXISTS (SELECT 1 FROM person_credentials c WHERE c.person_id = p.id)
                    """).single().decode(Int.self, "missing")
            }
            guard missing > 0 else { return 0 }
            let hash = try await hash()
            return try await pool.withTransaction { transaction in
                try await transaction.execute("""
                    INSERT INTO person_credentials (person_id, password_hash)
                    SELECT id, \(hash) FROM people WHERE lower(email) = ANY(\(emails))
                    ON CONFLICT (person_id) DO NOTHING
                    """)
            }
        }
    }
}
