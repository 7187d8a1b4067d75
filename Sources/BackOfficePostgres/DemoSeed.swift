import BackOffice
import Postgres

/// Loads the demo county's regions and organisations; running it again changes nothing.
public struct DemoSeed: Sendable {
    public init() {}

    /// Returns how many regions and organisations were added.
    @discardableResult
    public func load(on connection: Connection) async throws -> (regions: Int, organisations: Int) {
        try await connection.withTransaction { transaction in
            var regions = 0
            for region in DemoData.regions {
                regions += try await transaction.execute("""
                    INSERT INTO regions (code, name) VALUES (\(region.code), \(region.name))
                    ON CONFLICT (code) DO NOTHING
                    """)
            }
            var organisations = 0
            for organisation in DemoData.organisations {
                organisations += try await transaction.execute("""
                    INSERT INTO organisations (code, name, region_id, kind, population_served)
                    SELECT \(organisation.code), \(organisation.name), id, \(organisation.kind), \(organisation.populationServed)
                    FROM regions WHERE code = \(organisation.regionCode)
                    ON CONFLICT (code) DO NOTHING
                    """)
            }
            return (regions, organisations)
        }
    }
}
