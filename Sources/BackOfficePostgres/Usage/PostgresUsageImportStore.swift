import BackOffice
import Crypto
import Foundation
import Postgres

/// `UsageImportStore` over PostgreSQL. A file spans organisations, so it loads in the county
/// scope (never with row-level security off): its rows go with `COPY` into a temporary staging
/// table (COPY cannot write to a table under row-level security), and from there replace the
/// months they cover, all in one transaction.
public struct PostgresUsageImportStore: UsageImportStore {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    public func catalogue() async throws -> UsageCatalogue {
        try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                UsageCatalogue(
                    organisationCodes: Set(try await transaction.query("SELECT code FROM organisations").map { try $0.decode(String.self, "code") }),
                    serviceCodes: Set(try await transaction.query("SELECT code FROM omaolo_services").map { try $0.decode(String.self, "code") }))
            }
        }
    }

    public func load(
        _ file: UsageFile, named fileName: String, contents: [UInt8], by actor: Principal, idempotency: IdempotencyKey?,
        audit: (UsageImport) -> AuditEntry, progress: @Sendable (UsageImportProgress) -> Void
    ) async throws -> (record: UsageImport, created: Bool) {
        let sha256 = SHA256.hash(data: contents).map { String(format: "%02x", $0) }.joined()
        let county = try await pool.countyOrganisationID()
        let outcome = try await StoreError.mapping {
            try await pool.withCountyScope(actor: actor.personID) { transaction -> (record: UsageImport, created: Bool) in
                try await IdempotentCreate.run(idempotency, in: county, transaction, earlier: { importID in
                    try await Self.imports(id: importID, transaction).first
                }, make: {
                    let organisations = try Self.ids(of: file.organisationCodes, from: try await transaction.query(
                        "SELECT id, code FROM organisations WHERE code = ANY(\(file.organisationCodes))"))
                    let services = try Self.ids(of: file.serviceCodes, from: try await transaction.query(
                        "SELECT id, code FROM omaolo_services WHERE code = ANY(\(file.serviceCodes))"))
                    try await transaction.execute("""
                        CREATE TEMPORARY TABLE usage_staging (
                            org_id uuid NOT NULL, service_id uuid NOT NULL, month date NOT NULL,
                            started integer NOT NULL, completed integer NOT NULL, forwarded integer NOT NULL
                        ) ON COMMIT DROP
                        """)
                    try await UsageCopy.send(file, organisations: organisations, services: services, in: transaction, progress: progress)
                    progress(UsageImportProgress(.replacing, done: 0, total: file.rows.count))
                    let months = file.months
                    let recorded = try await transaction.query("""
                        INSERT INTO usage_imports (imported_by, file_name, file_sha256, row_count, months)
                        VALUES (\(actor.personID), \(fileName), \(sha256), \(file.rows.count), \(months.map(\.firstDay.description))::date[])
                        RETURNING id, imported_at
                        """).single()
                    let record = UsageImport(
                        id: try recorded.decode(UUID.self, "id"), importedBy: actor.email,
                        importedAt: try recorded.decode(Date.self, "imported_at"), fileName: fileName, sha256: sha256,
                        rowCount: file.rows.count, months: months)
                    try await transaction.execute("""
                        DELETE FROM usage_monthly u
                        USING (SELECT DISTINCT org_id, month FROM usage_staging) covered
                        WHERE u.org_id = covered.org_id AND u.month = covered.month
                        """)
                    try await transaction.execute("""
                        INSERT INTO usage_monthly (org_id, service_id, month, started, completed, forwarded, import_id)
                        SELECT org_id, service_id, month, started, completed, forwarded, \(record.id) FROM usage_staging
                        """)
                    try await AuditWriter.write(audit(record), organisation: county, in: transaction)
                    progress(UsageImportProgress(.replacing, done: file.rows.count, total: file.rows.count))
                    return (record, record.id)
                })
            }
        }
        if outcome.created { BusinessMetrics.usageRowsImported(outcome.record.rowCount) }
        return outcome
    }

    public func imports() async throws -> [UsageImport] {
        try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                try await Self.imports(id: nil, transaction)
            }
        }
    }

    /// Every import (or the one with `id`), oldest first.
    private static func imports(id: UUID?, _ transaction: Transaction) async throws -> [UsageImport] {
        try await transaction.query("""
            SELECT i.id, p.email, i.imported_at, i.file_name, i.file_sha256, i.row_count,
                   ARRAY(SELECT to_char(m, 'YYYY-MM') FROM unnest(i.months) m ORDER BY m) AS months
            FROM usage_imports i JOIN people p ON p.id = i.imported_by
            WHERE \(id)::uuid IS NULL OR i.id = \(id)
            ORDER BY i.imported_at, i.id
            """).map { row in
            UsageImport(
                id: try row.decode(UUID.self, "id"), importedBy: try row.decode(String.self, "email"),
                importedAt: try row.decode(Date.self, "imported_at"), fileName: try row.decode(String.self, "file_name"),
                sha256: try row.decode(String.self, "file_sha256"), rowCount: try row.decode(Int.self, "row_count"),
                months: try row.decode([String].self, "months").compactMap(UsageMonth.init))
        }
    }

    /// The ids of `codes` in the same order, from rows of `id` and `code`; a code that left the
    /// catalogue since the file was checked is a conflict.
    private static func ids(of codes: [String], from rows: PostgresRows) throws -> [UUID] {
        var ids: [String: UUID] = [:]
        for row in rows { ids[try row.decode(String.self, "code")] = try row.decode(UUID.self, "id") }
        return try codes.map { code in
            guard let id = ids[code] else { throw BackOfficeError.conflict("\(code) left the catalogue during the import; import again") }
            return id
        }
    }
}
