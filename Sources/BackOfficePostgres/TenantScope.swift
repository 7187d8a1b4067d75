import Foundation
import Postgres

extension ConnectionPool {
    /// A transaction that sees one organisation only (read-only with `readOnly`): the tenant and the actor are set with
    /// `set_config(…, true)` (that is, `SET LOCAL`), so they end with the transaction and a
    /// pooled connection never carries them into the next one. Row-level security does the rest.
    @discardableResult
    public func withTenant<T: Sendable>(
        isolation: isolated (any Actor)? = #isolation,
        _ orgID: UUID,
        actor: UUID? = nil,
        readOnly: Bool = false,
        _ body: (Transaction) async throws -> sending T
    ) async throws -> T {
        try await withTransaction(readOnly: readOnly) { transaction in
            transaction.sendWithNext("""
                SELECT set_config('app.org_id', \(orgID.uuidString.lowercased()), true),
                       set_config('app.actor_id', \(actor?.uuidString.lowercased() ?? ""), true)
                """)
            return try await body(transaction)
        }
    }

    /// A transaction in the county scope: `SET LOCAL ROLE backoffice_county`, whose own
    /// policies reach every organisation. For county-wide work (the county support desk's
    /// queue, county reports) in place of ever turning row-level security off.
    @discardableResult
    public func withCountyScope<T: Sendable>(
        isolation: isolated (any Actor)? = #isolation,
        actor: UUID? = nil,
        readOnly: Bool = false,
        _ body: (Transaction) async throws -> sending T
    ) async throws -> T {
        try await withTransaction(readOnly: readOnly) { transaction in
            transaction.sendWithNext("SET LOCAL ROLE backoffice_county")
            transaction.sendWithNext("SELECT set_config('app.actor_id', \(actor?.uuidString.lowercased() ?? ""), true)")
            return try await body(transaction)
        }
    }

    /// The county's own organisation (the migrations create it), under which county-level
    /// changes are audited.
    func countyOrganisationID() async throws -> UUID {
        try await StoreError.mapping {
            try await withTransaction { transaction in
                try await transaction.query("SELECT id FROM organisations WHERE kind = 'county'").single().decode(UUID.self, "id")
            }
        }
    }
}
