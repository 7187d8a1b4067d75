import BackOffice
import BackOfficePostgres
import Foundation
import Postgres
import PostgresTestSupport
import BackOfficeTestSupport
import Testing

@Suite("Granting and revoking roles, against the database")
struct RoleServiceTests {
    let app: ConnectionPool
    let service: RoleService

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 4)
        service = RoleService(store: PostgresAccessStore(pool: app))
    }

    func auditCount(_ action: String, object: UUID, in organisation: Organisation) async throws -> Int {
        try await app.withTenant(organisation.id) { transaction in
            try await transaction.query("""
                SELECT count(*) AS n FROM audit_log
                WHERE org_id = \(organisation.id) AND action = \(action) AND object_id = \(object.uuidString.lowercased())
                """).single().decode(Int.self, "n")
        }
    }

    @Test func anOrgAdminGrantsAndRevokesInTheirOwnOrganisationWithAudit() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let admin = try await service.principal(email: fixture.adminA.email, interface: .cli)
        let grant = try await service.grant(.professional, to: fixture.member.email, in: fixture.orgA.code, reason: "aloittaa", by: admin).grant
        #expect(try await service.principal(email: fixture.member.email, interface: .cli).roles(in: fixture.orgA.id) == [.professional])
        #expect(try await auditCount("role.grant", object: grant.id, in: fixture.orgA) == 1)

        let revoked = try await service.revoke(grantID: grant.id, in: fixture.orgA.code, reason: "siirtyi muualle", by: admin)
        #expect(revoked.revokedAt != nil)
        #expect(revoked.revokeReason == "siirtyi muualle")
        #expect(try await service.principal(email: fixture.member.email, interface: .cli).roles(in: fixture.orgA.id) == [])
        #expect(try await auditCount("role.revoke", object: grant.id, in: fixture.orgA) == 1)
        await app.close()
    }

    @Test func anotherOrganisationAnswersAsIfItDidNotExist() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let admin = try await service.principal(email: fixture.adminA.email, interface: .http)
        let grant = await #expect(throws: BackOfficeError.self) {
            try await service.grant(.professional, to: fixture.adminB.email, in: fixture.orgB.code, reason: "x", by: admin).grant
        }
        #expect(grant == .notFound("organisation \(fixture.orgB.code)"))
        let members = await #expect(throws: BackOfficeError.self) { try await service.members(of: fixture.orgB.code, for: admin) }
        #expect(members == .notFound("organisation \(fixture.orgB.code)"))
        let unknown = await #expect(throws: BackOfficeError.self) { try await service.members(of: "EI-OLE-OLEMASSA", for: admin) }
        #expect(unknown == .notFound("organisation EI-OLE-OLEMASSA"))
        await app.close()
    }

    @Test func noOneGrantsThemselvesAndAReasonIsRequired() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let admin = try await service.principal(email: fixture.adminA.email, interface: .cli)
        let selfGrant = await #expect(throws: BackOfficeError.self) {
            try await service.grant(.omaoloContact, to: fixture.adminA.email, in: fixture.orgA.code, reason: "x", by: admin).grant
        }
        #expect(selfGrant == .forbidden("no one grants or revokes their own roles"))
        let noReason = await #expect(throws: BackOfficeError.self) {
            try await service.grant(.professional, to: fixture.member.email, in: fixture.orgA.code, reason: "  ", by: admin).grant
        }
        #expect(noReason == .invalid("reason", "is required"))
        await app.close()
    }

    @Test func aProfessionalMayNotGrantNorListMembers() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let admin = try await service.principal(email: fixture.adminA.email, interface: .cli)
        _ = try await service.grant(.professional, to: fixture.member.email, in: fixture.orgA.code, reason: "aloittaa", by: admin)
        let professional = try await service.principal(email: fixture.member.email, interface: .cli)
        let grant = await #expect(throws: BackOfficeError.self) {
            try await service.grant(.professional, to: fixture.adminA.email, in: fixture.orgA.code, reason: "x", by: professional).grant
        }
        guard case .forbidden = grant else { Issue.record("expected forbidden, got \(String(describing: grant))"); return }
        let list = await #expect(throws: BackOfficeError.self) { try await service.members(of: fixture.orgA.code, for: professional) }
        guard case .forbidden = list else { Issue.record("expected forbidden, got \(String(describing: list))"); return }
        let members = try await service.members(of: fixture.orgA.code, for: admin)
        #expect(Set(members.map(\.person.email)) == [fixture.adminA.email, fixture.member.email])
        await app.close()
    }

    @Test func theLastActiveOrgAdminCannotBeRevoked() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let county = try await service.principal(email: fixture.countyAdmin.email, interface: .cli)
        let last = await #expect(throws: BackOfficeError.self) {
            try await service.revoke(grantID: fixture.adminGrantA.id, in: fixture.orgA.code, reason: "lopettaa", by: county)
        }
        guard case .conflict(let message) = last else { Issue.record("expected conflict, got \(String(describing: last))"); return }
        #expect(message.contains("last active org_admin"))
        _ = try await service.grant(.orgAdmin, to: fixture.member.email, in: fixture.orgA.code, reason: "varahenkilö", by: county)
        let revoked = try await service.revoke(grantID: fixture.adminGrantA.id, in: fixture.orgA.code, reason: "lopettaa", by: county)
        #expect(revoked.revokedAt != nil)
        await app.close()
    }

    @Test func anExpiredGrantGivesNothing() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let admin = try await service.principal(email: fixture.adminA.email, interface: .cli)
        _ = try await service.grant(
            .omaoloContact, to: fixture.member.email, in: fixture.orgA.code, validUntil: Date().addingTimeInterval(86_400),
            reason: "sijaisuus", by: admin)
        #expect(try await service.principal(email: fixture.member.email, interface: .cli).roles(in: fixture.orgA.id) == [.omaoloContact])
        let later = RoleService(store: PostgresAccessStore(pool: app), clock: { Date().addingTimeInterval(2 * 86_400) })
        #expect(try await later.principal(email: fixture.member.email, interface: .cli).roles(in: fixture.orgA.id) == [])
        await app.close()
    }

    @Test func theAuditLogKeepsEveryGrantAndTheAppCannotAlterIt() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let county = try await service.principal(email: fixture.countyAdmin.email, interface: .http)
        let grant = try await service.grant(.professional, to: fixture.member.email, in: fixture.orgA.code, reason: "aloittaa", by: county).grant
        let row = try await app.withTenant(fixture.orgA.id) { transaction in
            try await transaction.query("""
                SELECT actor_person_id, reason, interface, after->>'role' AS role FROM audit_log
                WHERE org_id = \(fixture.orgA.id) AND object_id = \(grant.id.uuidString.lowercased())
                """).single()
        }
        #expect(try row.decode(UUID.self, "actor_person_id") == fixture.countyAdmin.id)
        #expect(try row.decode(String.self, "reason") == "aloittaa")
        #expect(try row.decode(String.self, "interface") == "http")
        #expect(try row.decode(String.self, "role") == "professional")
        let error = await #expect(throws: PostgresError.self) {
            try await app.withTenant(fixture.orgA.id) { try await $0.execute("DELETE FROM audit_log WHERE org_id = \(fixture.orgA.id)") }
        }
        #expect(error?.sqlState == .insufficientPrivilege)
        await app.close()
    }

    @Test func countyRolesAreGrantedAndRevokedByCountyAdminsOnly() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let county = try await service.principal(email: fixture.countyAdmin.email, interface: .cli)
        let grant = try await service.grantCounty(.supportAgent, to: fixture.member.email, reason: "tukipalveluun", by: county).grant
        #expect(try await service.principal(email: fixture.member.email, interface: .cli).countyRoles == [.supportAgent])
        let admin = try await service.principal(email: fixture.adminA.email, interface: .cli)
        let refused = await #expect(throws: BackOfficeError.self) {
            try await service.grantCounty(.reporter, to: fixture.member.email, reason: "x", by: admin).grant
        }
        guard case .forbidden = refused else { Issue.record("expected forbidden, got \(String(describing: refused))"); return }
        let revoked = try await service.revokeCounty(grantID: grant.id, reason: "palasi yksikköön", by: county)
        #expect(revoked.revokedAt != nil)
        #expect(try await service.principal(email: fixture.member.email, interface: .cli).countyRoles == [])
        await app.close()
    }

    @Test func aDeactivatedMemberLosesTheirRolesButTheLastAdminStays() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let admin = try await service.principal(email: fixture.adminA.email, interface: .cli)
        _ = try await service.grant(.professional, to: fixture.member.email, in: fixture.orgA.code, reason: "aloittaa", by: admin)
        try await service.deactivateMember(fixture.member.email, in: fixture.orgA.code, reason: "työsuhde päättyi", by: admin)
        #expect(try await service.principal(email: fixture.member.email, interface: .cli).roles(in: fixture.orgA.id) == [])
        let members = try await service.members(of: fixture.orgA.code, for: admin)
        #expect(members.first { $0.person.id == fixture.member.id }?.person.active == false)

        let county = try await service.principal(email: fixture.countyAdmin.email, interface: .cli)
        let last = await #expect(throws: BackOfficeError.self) {
            try await service.deactivateMember(fixture.adminA.email, in: fixture.orgA.code, reason: "lähtee", by: county)
        }
        guard case .conflict = last else { Issue.record("expected conflict, got \(String(describing: last))"); return }
        let own = await #expect(throws: BackOfficeError.self) {
            try await service.deactivateMember(fixture.adminA.email, in: fixture.orgA.code, reason: "lähtee", by: admin)
        }
        #expect(own == .forbidden("no one deactivates themselves"))
        await app.close()
    }

    @Test func aCountyAdminDeactivatesAPersonEverywhere() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let admin = try await service.principal(email: fixture.adminA.email, interface: .cli)
        let refused = await #expect(throws: BackOfficeError.self) {
            try await service.deactivatePerson(fixture.member.email, reason: "lähti", by: admin)
        }
        guard case .forbidden = refused else { Issue.record("expected forbidden, got \(String(describing: refused))"); return }
        let county = try await service.principal(email: fixture.countyAdmin.email, interface: .cli)
        let lastAdmin = await #expect(throws: BackOfficeError.self) {
            try await service.deactivatePerson(fixture.adminA.email, reason: "lähti", by: county)
        }
        #expect(lastAdmin == .conflict(
            "\(fixture.adminA.email) is the last active org_admin of \(fixture.orgA.code); grant the role to someone else first"))
        try await service.deactivatePerson(fixture.member.email, reason: "lähti hyvinvointialueelta", by: county)
        await #expect(throws: BackOfficeError.unauthenticated("no active person with e-mail \(fixture.member.email)")) {
            try await service.principal(email: fixture.member.email, interface: .cli)
        }
        await app.close()
    }
}
