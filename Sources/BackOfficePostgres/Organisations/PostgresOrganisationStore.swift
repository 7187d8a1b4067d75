import BackOffice
import Foundation
import Postgres

/// `OrganisationStore` over PostgreSQL. Regions and organisations are global rows; their
/// audit entries are tenant rows (the organisation's own, or the county's for regions),
/// written in the same transaction as the change.
public struct PostgresOrganisationStore: OrganisationStore {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    public func regions() async throws -> [Region] {
        try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                try await transaction.query("SELECT id, code, name FROM regions ORDER BY code").map(Self.region)
            }
        }
    }

    public func createRegion(code: String, name: String, audit: AuditEntry) async throws -> Region {
        let county = try await pool.countyOrganisationID()
        do {
            return try await pool.withTenant(county, actor: audit.actorID) { transaction in
                let region = try Self.region(try await transaction.query(
                    "INSERT INTO regions (code, name) VALUES (\(code), \(name)) RETURNING id, code, name").single())
                try await AuditWriter.write(audit, organisation: county, in: transaction)
                return region
            }
        } catch {
            throw StoreError.map(error)
        }
    }

    public func renameRegion(code: String, to name: String, audit: (Region, Region) -> AuditEntry) async throws -> Region {
        let county = try await pool.countyOrganisationID()
        return try await StoreError.mapping {
            try await pool.withTenant(county) { transaction in
                guard let row = try await transaction.query("SELECT id, code, name FROM regions WHERE code = \(code) FOR UPDATE").first else {
                    throw BackOfficeError.notFound("region \(code)")
                }
                let before = try Self.region(row)
                let after = try Self.region(try await transaction.query(
                    "UPDATE regions SET name = \(name) WHERE id = \(before.id) RETURNING id, code, name").single())
                try await AuditWriter.write(audit(before, after), organisation: county, in: transaction)
                return after
            }
        }
    }

    public func createOrganisation(_ draft: OrganisationDraft, audit: (Organisation) -> AuditEntry) async throws -> Organisation {
        defer { pool.accessChanged() }
        let id = UUID()
        do {
            return try await pool.withTenant(id) { transaction in
                let regionID = try await Self.regionID(draft.regionCode, in: transaction)
                try await transaction.execute("""
                    INSERT INTO organisations (id, code, name, region_id, kind, population_served, active)
                    VALUES (\(id), \(draft.code), \(draft.name), \(regionID), \(draft.kind.rawValue), \(draft.populationServed), \(draft.active))
                    """)
                let created = try await Self.organisation(id, in: transaction)
                try await AuditWriter.write(audit(created), organisation: id, in: transaction)
                return created
            }
        } catch {
            throw StoreError.map(error)
        }
    }

    public func updateOrganisation(id: UUID, to draft: OrganisationDraft, audit: (Organisation, Organisation) -> AuditEntry) async throws -> Organisation {
        defer { pool.accessChanged() }
        do {
            return try await pool.withTenant(id) { transaction in
                let before = try await Self.organisation(id, in: transaction)
                let regionID = try await Self.regionID(draft.regionCode, in: transaction)
                try await transaction.execute("""
                    UPDATE organisations SET code = \(draft.code), name = \(draft.name), region_id = \(regionID),
                           kind = \(draft.kind.rawValue), population_served = \(draft.populationServed), active = \(draft.active),
                           updated_at = now()
                    WHERE id = \(id)
                    """)
                let after = try await Self.organisation(id, in: transaction)
                try await AuditWriter.write(audit(before, after), organisation: id, in: transaction)
                return after
            }
        } catch {
            throw StoreError.map(error)
        }
    }

    /// The region's id; an unknown code is an invalid field.
    private static func regionID(_ code: String, in transaction: Transaction) async throws -> UUID {
        guard let region = try await transaction.query("SELECT id FROM regions WHERE code = \(code)").first else {
            throw BackOfficeError.invalid("region", "no region has the code \(code)")
        }
        return try region.decode(UUID.self, "id")
    }

    private static func organisation(_ id: UUID, in transaction: Transaction) async throws -> Organisation {
        guard let organisation = try await PostgresAccessStore.organisations(code: nil, id: id, in: transaction).first else {
            throw BackOfficeError.notFound("organisation")
        }
        return organisation
    }

    static func region(_ row: PostgresRow) throws -> Region {
        Region(id: try row.decode(UUID.self, "id"), code: try row.decode(String.self, "code"), name: try row.decode(String.self, "name"))
    }
}
