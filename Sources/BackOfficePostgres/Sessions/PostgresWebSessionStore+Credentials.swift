import BackOffice
import Foundation
import Postgres

/// Passwords in `person_credentials` and failed logins in `login_failures`.
extension PostgresWebSessionStore {
    public func credentials(email: String) async throws -> (person: Person, passwordHash: String?)? {
        try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                try await transaction.query("""
                    SELECT p.id, p.email, p.full_name, p.active, c.password_hash
                    FROM people p LEFT JOIN person_credentials c ON c.person_id = p.id
                    WHERE lower(p.email) = lower(\(email)) AND p.active
                    """).first.map { row in
                    (try PostgresAccessStore.person(row), try row.decode(String?.self, "password_hash"))
                }
            }
        }
    }

    public func setPassword(hash: String, email: String, audit: (Person) -> AuditEntry) async throws -> Person? {
        let county = try await pool.countyOrganisationID()
        return try await StoreError.mapping {
            try await pool.withTenant(county) { transaction in
                guard let row = try await transaction.query(
                    "SELECT id, email, full_name, active FROM people WHERE lower(email) = lower(\(email)) FOR UPDATE"
                ).first else { return nil }
                let person = try PostgresAccessStore.person(row)
                transaction.sendWithNext("""
                    INSERT INTO person_credentials (person_id, password_hash) VALUES (\(person.id), \(hash))
                    ON CONFLICT (person_id) DO UPDATE SET password_hash = excluded.password_hash, changed_at = now()
                    """)
                transaction.sendWithNext("DELETE FROM web_sessions WHERE person_id = \(person.id)")
                try await AuditWriter.write(audit(person), organisation: county, in: transaction)
                return person
            }
        }
    }

    public func failedLogins(email: String, clientAddress: String, since: Date) async throws -> (byEmail: [Date], byAddress: [Date]) {
        let (email, address) = FailureKeys(email: email, clientAddress: clientAddress).values
        return try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                let rows = try await transaction.query("""
                    SELECT at, email = \(email) AS by_email, client_address = \(address) AS by_address
                    FROM login_failures
                    WHERE (email = \(email) OR client_address = \(address)) AND at > \(since)
                    ORDER BY at
                    """)
                var failures: (byEmail: [Date], byAddress: [Date]) = ([], [])
                for row in rows {
                    let at = try row.decode(Date.self, "at")
                    if try row.decode(Bool.self, "by_email") { failures.byEmail.append(at) }
                    if try row.decode(Bool.self, "by_address") { failures.byAddress.append(at) }
                }
                return failures
            }
        }
    }

    /// Also removes the failures older than a day, far beyond any window they are counted in.
    public func recordFailedLogin(email: String, clientAddress: String, at moment: Date, audit: AuditEntry) async throws {
        let county = try await pool.countyOrganisationID()
        let (email, address) = FailureKeys(email: email, clientAddress: clientAddress).values
        try await StoreError.mapping {
            try await pool.withTenant(county) { transaction in
                transaction.sendWithNext("DELETE FROM login_failures WHERE at < \(moment.addingTimeInterval(-86_400))")
                transaction.sendWithNext("""
                    INSERT INTO login_failures (email, client_address, at) VALUES (\(email), \(address), \(moment))
                    """)
                try await AuditWriter.write(audit, organisation: county, in: transaction)
            }
        }
        BusinessMetrics.loginFailed()
    }
}

/// The e-mail (in lowercase) and the client address as failed logins are kept and counted
/// under them, cut to the lengths of their columns: either may come from anyone.
private struct FailureKeys {
    let values: (email: String, address: String)

    init(email: String, clientAddress: String) {
        values = (Self.cut(email.lowercased(), to: 254), Self.cut(clientAddress, to: 100))
    }

    /// At most `length` characters as PostgreSQL counts them (code points).
    private static func cut(_ text: String, to length: Int) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix(length)))
    }
}
