import BackOffice
import Postgres

/// Loads the demo county: regions and organisations as the owner, then people and their
/// roles as the app would (tenant rows go through row-level security like any other);
/// running it again changes nothing.
public struct DemoSeed: Sendable {
    public init() {}

    /// Adds the demo people and grants their roles; returns how many grants were added.
    @discardableResult
    public func loadPeople(app: ConnectionPool) async throws -> Int {
        let store = PostgresAccessStore(pool: app)
        var granted = 0
        for person in DemoData.people {
            guard let organisation = try await store.organisation(code: person.organisationCode) else { continue }
            let member = try await store.addMember(
                email: person.email, fullName: person.fullName, to: organisation, by: nil, idempotency: nil,
                audit: { _ in AuditEntry(actorID: nil, action: "member.add", objectType: "person", objectID: person.email,
                                  before: nil, after: ["organisation": organisation.code], reason: "demo data", interface: .system) }).person
            granted += try await app.withCountyScope { transaction in
                if let role = CountyRole(rawValue: person.role) {
                    return try await transaction.execute("""
                        INSERT INTO county_role_grants (person_id, role, reason)
                        SELECT \(member.id), \(role.rawValue), 'demo data'
                        WHERE NOT EXISTS (SELECT 1 FROM county_role_grants WHERE person_id = \(member.id) AND role = \(role.rawValue))
                        """)
                }
                return try await transaction.execute("""
                    INSERT INTO org_role_grants (org_id, person_id, role, reason)
                    SELECT \(organisation.id), \(member.id), \(person.role), 'demo data'
                    WHERE NOT EXISTS (SELECT 1 FROM org_role_grants
                                      WHERE org_id = \(organisation.id) AND person_id = \(member.id) AND role = \(person.role))
                    """)
            }
        }
        return granted
    }

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
