import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Keeping regions and organisations, against the database")
struct OrganisationServiceTests {
    let app: ConnectionPool
    let roles: RoleService
    let service: OrganisationService

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 4)
        roles = RoleService(store: PostgresAccessStore(pool: app))
        service = OrganisationService(store: PostgresOrganisationStore(pool: app), access: roles)
    }

    func auditActions(for organisation: UUID) async throws -> [String] {
        try await app.withTenant(organisation) { transaction in
            try await transaction.query("SELECT action FROM audit_log WHERE org_id = \(organisation) ORDER BY at")
                .map { try $0.decode(String.self, "action") }
        }
    }

    @Test func aCountyAdminCreatesARegionAndAnOrganisationAndChangesItWithAudit() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let county = try await roles.principal(email: fixture.countyAdmin.email, interface: .cli)
        let suffix = UUID().uuidString.prefix(6).lowercased()
        let region = try await service.createRegion(code: "alue_\(suffix)", name: "Uusi alue", by: county)
        #expect(try await service.regions().contains(region))
        let renamed = try await service.renameRegion(code: region.code, to: "Uudistettu alue", by: county)
        #expect(renamed.name == "Uudistettu alue")
        #expect(try await service.regions().contains(renamed))
        let created = try await service.create(
            .init(code: "uusi-\(suffix)", name: "Uusi terveysasema", regionCode: region.code, kind: "health_centre", populationServed: 4200),
            by: county)
        #expect(created.code == "UUSI-\(suffix.uppercased())")
        #expect(created.regionCode == region.code)
        let updated = try await service.update(created.code, with: .init(name: "Uuden kunnan terveysasema", populationServed: 4300),
                                               reason: "nimi muuttui", by: county)
        #expect(updated.name == "Uuden kunnan terveysasema")
        #expect(updated.populationServed == 4300)
        #expect(updated.kind == .healthCentre)
        #expect(try await auditActions(for: created.id) == ["organisation.create", "organisation.update"])
        await app.close()
    }

    @Test func onlyCountyAdminsKeepOrganisations() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let admin = try await roles.principal(email: fixture.adminA.email, interface: .cli)
        let create = await #expect(throws: BackOfficeError.self) {
            try await service.create(.init(code: "EI-SAA", name: "x", regionCode: "oulu"), by: admin)
        }
        let rename = await #expect(throws: BackOfficeError.self) {
            try await service.renameRegion(code: try #require(fixture.orgA.regionCode), to: "Kaapattu", by: admin)
        }
        guard case .forbidden = rename else { Issue.record("expected forbidden, got \(String(describing: rename))"); return }
        guard case .forbidden = create else { Issue.record("expected forbidden, got \(String(describing: create))"); return }
        let own = await #expect(throws: BackOfficeError.self) {
            try await service.update(fixture.orgA.code, with: .init(name: "Kaapattu"), reason: nil, by: admin)
        }
        guard case .forbidden = own else { Issue.record("expected forbidden, got \(String(describing: own))"); return }
        let other = await #expect(throws: BackOfficeError.self) {
            try await service.update(fixture.orgB.code, with: .init(name: "Kaapattu"), reason: nil, by: admin)
        }
        #expect(other == .notFound("organisation \(fixture.orgB.code)"))
        #expect(try await roles.organisation(fixture.orgA.code, for: admin).name == fixture.orgA.name)
        await app.close()
    }

    @Test func badFieldsAreReportedTogetherAndDuplicatesAreConflicts() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let county = try await roles.principal(email: fixture.countyAdmin.email, interface: .cli)
        let invalid = await #expect(throws: BackOfficeError.self) {
            try await service.create(.init(code: "ÄÄNE", name: "", regionCode: "oulu", kind: "castle", populationServed: -1), by: county)
        }
        guard case .invalid(let fields) = invalid else { Issue.record("expected invalid, got \(String(describing: invalid))"); return }
        #expect(Set(fields.map(\.field)) == ["code", "name", "kind", "population_served"])
        let duplicate = await #expect(throws: BackOfficeError.self) {
            try await service.create(.init(code: fixture.orgA.code, name: "Kaksoiskappale", regionCode: fixture.orgA.regionCode), by: county)
        }
        guard case .conflict = duplicate else { Issue.record("expected conflict, got \(String(describing: duplicate))"); return }
        let unknownRegion = await #expect(throws: BackOfficeError.self) {
            try await service.create(.init(code: "UUSI-\(UUID().uuidString.prefix(6))", name: "x", regionCode: "ei_ole"), by: county)
        }
        #expect(unknownRegion == .invalid("region", "no region has the code ei_ole"))
        await app.close()
    }
}
