import BackOffice
import Foundation
import Postgres

/// `ReportingLoginStore` over PostgreSQL, on the schema owner's connection (it may create
/// roles). The work is done by `reporting_grant_login` and `reporting_revoke_login` (0014),
/// which quote the role name with `format('%I')` after checking it against a strict pattern;
/// here everything travels as bound parameters, and the password only as its SCRAM verifier.
public struct PostgresReportingLoginStore: ReportingLoginStore {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    public func grant(name: String, password: String?, scope: ReportingScope, audit: AuditEntry) async throws {
        let countyID = try await pool.countyOrganisationID()
        try await Self.mapping {
            try await pool.withTransaction { transaction in
                var verifier: String?
                if let password { verifier = try await transaction.connection.scramVerifier(password: password, user: name) }
                let (codes, county): ([String], Bool) = switch scope {
                case .county: ([], true)
                case .organisations(let codes): (codes, false)
                }
                try await transaction.execute("SELECT reporting_grant_login(\(name), \(verifier), \(codes), \(county))")
                try await Self.write(audit, organisation: countyID, in: transaction)
            }
        }
    }

    public func revoke(name: String, audit: AuditEntry) async throws -> Bool {
        let county = try await pool.countyOrganisationID()
        return try await Self.mapping {
            try await pool.withTransaction { transaction in
                let revoked = try await transaction.query("SELECT reporting_revoke_login(\(name)) AS revoked").single().decode(Bool.self, "revoked")
                if revoked { try await Self.write(audit, organisation: county, in: transaction) }
                return revoked
            }
        }
    }

    /// The audit entry, written as `backoffice_county` (0018 makes the owner a member) for the
    /// rest of the owner's transaction: row-level security stays forced on the audit log.
    private static func write(_ audit: AuditEntry, organisation: UUID, in transaction: Transaction) async throws {
        transaction.sendWithNext("SET LOCAL ROLE backoffice_county")
        try await AuditWriter.write(audit, organisation: organisation, in: transaction)
    }

    public func logins() async throws -> [ReportingLogin] {
        try await Self.mapping {
            try await pool.withTransaction { transaction in
                try await transaction.query("""
                    SELECT s.login::text AS login, bool_or(s.county) AS county,
                           coalesce(array_agg(o.code ORDER BY o.code) FILTER (WHERE o.code IS NOT NULL), '{}') AS org_codes,
                           min(s.granted_at) AS granted_at, min(s.granted_by)::text AS granted_by
                    FROM reporting.login_scopes s
                    LEFT JOIN organisations o ON o.id = s.org_id
                    GROUP BY s.login
                    ORDER BY s.login
                    """).map { row in
                    ReportingLogin(
                        name: try row.decode(String.self, "login"),
                        scope: try row.decode(Bool.self, "county") ? .county : .organisations(try row.decode([String].self, "org_codes")),
                        grantedAt: try row.decode(Date.self, "granted_at"),
                        grantedBy: try row.decode(String.self, "granted_by"))
                }
            }
        }
    }

    /// The functions' refusals as the domain's errors: a bad value (22023) is invalid input,
    /// an existing role that is not a reporting login (42710) a conflict, missing CREATEROLE
    /// (42501) a refusal.
    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PostgresError where error.kind == .server {
            switch error.sqlState?.rawValue {
            case "22023": throw BackOfficeError.invalid("reporting login", error.message)
            case "42710": throw BackOfficeError.conflict(error.message)
            case "42501": throw BackOfficeError.forbidden("the owner's login may not manage roles: \(error.message)")
            default: throw StoreError.map(error)
            }
        } catch {
            throw StoreError.map(error)
        }
    }
}
