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

    public func principal(email: String, interface: Interface, at moment: Date) async throws -> Principal? {
        try await StoreError.mapping {
            try await pool.withCountyScope { transaction in
                let people = try await transaction.query(
                    "SELECT id, email FROM people WHERE lower(email) = lower(\(email)) AND active")
                guard let person = people.first else { return nil }
                let id = try person.decode(UUID.self, "id")
                let county = try await transaction.query("""
                    SELECT role FROM county_role_grants
                    WHERE person_id = \(id) AND revoked_at IS NULL AND valid_from <= \(moment)
                      AND (valid_until IS NULL OR valid_until > \(moment))
                    """).map { try $0.decode(String.self, "role") }
                let organisations = try await transaction.query("""
                    SELECT g.org_id, g.role FROM org_role_grants g
                    JOIN org_members m ON m.org_id = g.org_id AND m.person_id = g.person_id AND m.active
                    JOIN organisations o ON o.id = g.org_id AND o.active
                    WHERE g.person_id = \(id) AND g.revoked_at IS NULL AND g.valid_from <= \(moment)
                      AND (g.valid_until IS NULL OR g.valid_until > \(moment))
                    """)
                var roles: [UUID: Set<OrganisationRole>] = [:]
                for row in organisations {
                    if let role = OrganisationRole(rawValue: try row.decode(String.self, "role")) {
                        roles[try row.decode(UUID.self, "org_id"), default: []].insert(role)
                    }
                }
                return Principal(
                    personID: id, email: try person.decode(String.self, "email"),
                    countyRoles: Set(county.compactMap(CountyRole.init(rawValue:))), organisationRoles: roles,
                    interface: interface)
            }
        }
    }

    public func organisation(code: String) async throws -> Organisation? {
        try await loadOrganisations(code: code).first
    }

    public func organisations() async throws -> [Organisation] {
        try await loadOrganisations(code: nil)
    }

    /// Organisations are global rows: readable by the app role without a tenant.
    private func loadOrganisations(code: String?) async throws -> [Organisation] {
        try await StoreError.mapping {
            try await pool.withTransaction { try await Self.organisations(code: code, id: nil, in: $0) } }
        }

        /// The organisations with `code` or `id` (all when both are nil), in a transaction of the caller's.
        static func organisations(code: String?, id: UUID?, in transaction: Transaction) async throws -> [Organisation] {
            try await transaction.query("""
                SELECT o.id, o.code, o.name, r.code AS region_code, o.kind, o.population_served, o.active
                FROM organisations o LEFT JOIN regions r ON r.id = o.region_id
                WHERE (\(code)::text IS NULL OR o.code = \(code)) AND (\(id)::uuid IS NULL OR o.id = \(id))
                ORDER BY o.code
                """).map { row in
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
