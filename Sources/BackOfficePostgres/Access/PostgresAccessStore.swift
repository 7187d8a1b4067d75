import BackOffice
import Foundation
import Postgres

/// `AccessStore` over PostgreSQL, as the app role: organisation rows through the tenant
/// scope, a person's own grants across organisations through the county scope.
public struct PostgresAccessStore: AccessStore {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// The person with `email` and their roles, in one read-only round trip (county scope).
    public func principal(email: String, interface: Interface, at moment: Date) async throws -> Principal? {
        var query: PostgresQuery = "SELECT "
        query.append(PrincipalRow.columns(at: moment))
        query.append(" FROM people p WHERE lower(p.email) = lower(\(email)) AND p.active")
        return try await StoreError.mapping {
            try await pool.withCountyScope(readOnly: true) { transaction in
                try await transaction.queryCommitting(query).first.map { try PrincipalRow.principal($0, interface: interface) }
            }
        }
    }

    /// The organisation with `code`: from this process's `AccessCache` while it listens.
    public func organisation(code: String) async throws -> Organisation? {
        let cache = AccessCache.shared(for: pool)
        if let organisation = cache.organisation(code: code) { return organisation }
        let generation = cache.generationForReading()
        guard let organisation = try await loadOrganisations(code: code).first else { return nil }
        cache.keep(organisation, readIn: generation)
        return organisation
    }

    public func organisations() async throws -> [Organisation] {
        try await loadOrganisations(code: nil)
    }

    /// Organisations are global rows: readable by the app role without a tenant.
    private func loadOrganisations(code: String?) async throws -> [Organisation] {
        try await StoreError.mapping {
            try await pool.withTransaction(readOnly: true) { try await Self.organisations(code: code, id: nil, in: $0, committing: true) } }
        }

        /// The organisations with `code` or `id` (all when both are nil), in a transaction of the caller's.
        static func organisations(
            code: String?, id: UUID?, in transaction: Transaction, committing: Bool = false
        ) async throws -> [Organisation] {
            let query: PostgresQuery = """
                SELECT o.id, o.code, o.name, r.code AS region_code, o.kind, o.population_served, o.active
                FROM organisations o LEFT JOIN regions r ON r.id = o.region_id
                WHERE (\(code)::text IS NULL OR o.code = \(code)) AND (\(id)::uuid IS NULL OR o.id = \(id))
                ORDER BY o.code
                """
            let rows = committing ? try await transaction.queryCommitting(query) : try await transaction.query(query)
            return try rows.map { row in
                guard let kind = OrganisationKind(rawValue: try row.decode(String.self, "kind")) else {
                    throw PostgresError(.decoding, "unknown organisation kind", column: "kind")
                }
                return Organisation(
                    id: try row.decode(UUID.self, "id"), code: try row.decode(String.self, "code"),
                    name: try row.decode(String.self, "name"), regionCode: try row.decode(String?.self, "region_code"),
                    kind: kind, populationServed: try row.decode(Int.self, "population_served"),
                    active: try row.decode(Bool.self, "active"))
            }
        }

        public func person(email: String) async throws -> Person? {
            try await StoreError.mapping { try await pool.withTransaction { transaction in
                try await transaction.query(
                    "SELECT id, email, full_name, active FROM people WHERE lower(email) = lower(\(email))"
                ).first.map(Self.person)
            }
        }
    }

    static func person(_ row: PostgresRow) throws -> Person {
        Person(
            id: try row.decode(UUID.self, "id"), email: try row.decode(String.self, "email"),
            fullName: try row.decode(String.self, "full_name"), active: try row.decode(Bool.self, "active"))
    }
}
