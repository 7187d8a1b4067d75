import BackOffice
import Foundation
import Postgres

/// `CannedReplyStore` over PostgreSQL: each set in its owner's tenant scope (the county's own
/// organisation holds the county-wide set), so row-level security checks every statement.
public struct PostgresCannedReplyStore: CannedReplyStore {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    private static let duplicate = "the set already has a canned reply with this title"

    public func replies(of owner: Organisation) async throws -> [CannedReply] {
        try await StoreError.mapping {
            try await pool.withTenant(owner.id) { transaction in
                try await transaction.query("""
                    SELECT id, org_id, title, body_fi, body_en, use_count, last_used_at, updated_at FROM canned_replies
                    WHERE org_id = \(owner.id) ORDER BY lower(title), id
                    """).map { try Self.reply($0, of: owner) }
            }
        }
    }

    public func reply(id: UUID, of owner: Organisation) async throws -> CannedReply? {
        try await StoreError.mapping {
            try await pool.withTenant(owner.id) { transaction in
                try await transaction.query("""
                    SELECT id, org_id, title, body_fi, body_en, use_count, last_used_at, updated_at FROM canned_replies
                    WHERE org_id = \(owner.id) AND id = \(id)
                    """).first.map { try Self.reply($0, of: owner) }
            }
        }
    }

    public func owner(ofReply id: UUID) async throws -> UUID? {
        try await StoreError.mapping {
            try await pool.withCountyScope { transaction in
                try await transaction.query("SELECT org_id FROM canned_replies WHERE id = \(id)").first?.decode(UUID.self, "org_id")
            }
        }
    }

    public func create(_ fields: CannedReplyFields, of owner: Organisation, by actor: UUID) async throws -> CannedReply {
        try await StoreError.mapping(notFound: "person", duplicate: Self.duplicate) {
            try await pool.withTenant(owner.id, actor: actor) { transaction in
                try Self.reply(try await transaction.query("""
                    INSERT INTO canned_replies (org_id, title, body_fi, body_en, created_by, updated_by)
                    VALUES (\(owner.id), \(fields.title), \(fields.bodyFinnish), \(fields.bodyEnglish), \(actor), \(actor))
                    RETURNING id, org_id, title, body_fi, body_en, use_count, last_used_at, updated_at
                    """).single(), of: owner)
            }
        }
    }

    public func update(id: UUID, of owner: Organisation, to fields: CannedReplyFields, by actor: UUID) async throws -> CannedReply? {
        try await StoreError.mapping(notFound: "person", duplicate: Self.duplicate) {
            try await pool.withTenant(owner.id, actor: actor) { transaction in
                try await transaction.query("""
                    UPDATE canned_replies SET title = \(fields.title), body_fi = \(fields.bodyFinnish), body_en = \(fields.bodyEnglish),
                           updated_by = \(actor), updated_at = now()
                    WHERE org_id = \(owner.id) AND id = \(id)
                    RETURNING id, org_id, title, body_fi, body_en, use_count, last_used_at, updated_at
                    """).first.map { try Self.reply($0, of: owner) }
            }
        }
    }

    public func delete(id: UUID, of owner: Organisation) async throws -> Bool {
        try await StoreError.mapping {
            try await pool.withTenant(owner.id) { transaction in
                try await transaction.execute("DELETE FROM canned_replies WHERE org_id = \(owner.id) AND id = \(id)") == 1
            }
        }
    }

    public func recordUse(of id: UUID, of owner: Organisation, at moment: Date) async throws {
        try await StoreError.mapping {
            try await pool.withTenant(owner.id) { transaction in
                _ = try await transaction.execute("""
                    UPDATE canned_replies SET use_count = use_count + 1, last_used_at = \(moment)
                    WHERE org_id = \(owner.id) AND id = \(id)
                    """)
            }
        }
    }

    public func fullName(of person: UUID) async throws -> String? {
        try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                try await transaction.query("SELECT full_name FROM people WHERE id = \(person)").first?.decode(String.self, "full_name")
            }
        }
    }

    private static func reply(_ row: PostgresRow, of owner: Organisation) throws -> CannedReply {
        CannedReply(
            id: try row.decode(UUID.self, "id"), organisationID: try row.decode(UUID.self, "org_id"), organisationCode: owner.code,
            countyWide: owner.kind == .county, title: try row.decode(String.self, "title"),
            bodyFinnish: try row.decode(String.self, "body_fi"), bodyEnglish: try row.decode(String?.self, "body_en"),
            useCount: try row.decode(Int.self, "use_count"), lastUsedAt: try row.decode(Date?.self, "last_used_at"),
            updatedAt: try row.decode(Date.self, "updated_at"))
    }
}
