import BackOffice
import Foundation
import Postgres

/// `SavedViewStore` over PostgreSQL: every statement runs with the acting person set, and
/// the table's row-level security lets them read their own views and the shared ones and
/// change their own only.
public struct PostgresSavedViewStore: SavedViewStore {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// The columns of a view and its owner's e-mail, from `v` joined with `p`.
    private static var columns: PostgresQuery {
        "SELECT v.id, v.owner_person_id, p.email AS owner_email, v.name, v.shared, v.filters, v.created_at"
    }

    public func views(visibleTo actor: UUID) async throws -> [SavedView] {
        try await inActorScope(actor) { transaction in
            var query = Self.columns
            query.append(" FROM saved_views v JOIN people p ON p.id = v.owner_person_id ORDER BY v.shared, lower(v.name), v.id")
            return try await transaction.query(query).map(Self.view)
        }
    }

    public func save(name: String, shared: Bool, filters: QueueFilters, by actor: UUID) async throws -> SavedView {
        try await inActorScope(actor, duplicate: "you already have a view named \"\(name)\"") { transaction in
            var query: PostgresQuery = """
                WITH saved AS (
                    INSERT INTO saved_views (owner_person_id, name, shared, filters)
                    VALUES (\(actor), \(name), \(shared), \(PostgresJSON(filters))::jsonb) RETURNING *)

                """
            query.append(Self.columns)
            query.append(" FROM saved v JOIN people p ON p.id = v.owner_person_id")
            return try Self.view(try await transaction.query(query).single())
        }
    }

    public func rename(_ id: UUID, to name: String, by actor: UUID) async throws -> SavedView? {
        try await inActorScope(actor, duplicate: "you already have a view named \"\(name)\"") { transaction in
            var query: PostgresQuery = """
                WITH renamed AS (
                    UPDATE saved_views SET name = \(name), updated_at = now()
                    WHERE id = \(id) AND owner_person_id = \(actor) RETURNING *)

                """
            query.append(Self.columns)
            query.append(" FROM renamed v JOIN people p ON p.id = v.owner_person_id")
            return try await transaction.query(query).first.map(Self.view)
        }
    }

    public func delete(_ id: UUID, by actor: UUID) async throws -> Bool {
        try await inActorScope(actor) { transaction in
            try await transaction.query("""
                DELETE FROM saved_views WHERE id = \(id) AND owner_person_id = \(actor) RETURNING id
                """).first != nil
        }
    }

    /// A transaction with the acting person set (and no tenant: the views are no organisation's).
    private func inActorScope<T: Sendable>(
        _ actor: UUID, duplicate: String = "it already exists", _ body: (Transaction) async throws -> sending T
    ) async throws -> T {
        try await StoreError.mapping(notFound: "person", duplicate: duplicate) {
            try await pool.withTransaction { transaction in
                transaction.sendWithNext("SELECT set_config('app.actor_id', \(actor.uuidString.lowercased()), true)")
                return try await body(transaction)
            }
        }
    }

    private static func view(_ row: PostgresRow) throws -> SavedView {
        SavedView(
            id: try row.decode(UUID.self, "id"), ownerID: try row.decode(UUID.self, "owner_person_id"),
            ownerEmail: try row.decode(String.self, "owner_email"), name: try row.decode(String.self, "name"),
            shared: try row.decode(Bool.self, "shared"), filters: try row.decode(PostgresJSON<QueueFilters>.self, "filters").value,
            createdAt: try row.decode(Date.self, "created_at"))
    }
}
