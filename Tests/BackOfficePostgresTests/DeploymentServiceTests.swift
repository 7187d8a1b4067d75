import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Deployments of Omaolo services, against the database")
struct DeploymentServiceTests {
    let app: ConnectionPool
    let roles: RoleService
    let service: DeploymentService

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 4)
        roles = RoleService(store: PostgresAccessStore(pool: app))
        service = DeploymentService(store: PostgresDeploymentStore(pool: app), access: roles)
    }

    func principal(_ person: Person) async throws -> Principal {
        try await roles.principal(email: person.email, interface: .cli)
    }

    func auditActions(for organisation: UUID) async throws -> [String] {
        try await app.withTenant(organisation) { transaction in
            try await transaction.query("""
                SELECT action FROM audit_log WHERE org_id = \(organisation) AND object_type = 'deployment' ORDER BY at, action
                """).map { try $0.decode(String.self, "action") }
        }
    }

    @Test func theCatalogueHoldsTheRealServiceFamilies() async throws {
        let services = try await service.services()
        #expect(Set(services.map(\.family)) == Set(OmaoloServiceFamily.allCases))
        #expect(services.contains { $0.code == "symptom_back_pain" && $0.nameFi == "Selkäkipu" })
        await app.close()
    }

    @Test func anOrgAdminTakesADeploymentThroughItsLifeWithHistoryAndAudit() async throws {
        // The organisation's own service, so that no other test's training rules touch it;
        // its Omaolo contact, the owner and the only one in scope, is trained.
        let ready = try await ReadinessFixture.make(app: app, deploy: false)
        let fixture = ready.training.access
        try await ready.train(ready.training.contact, app: app)
        let admin = try await principal(fixture.adminA)
        let code = fixture.orgA.code
        let created = try await service.create(
            service: ready.serviceCode, plannedStart: "2025-03-01", owner: ready.training.contact.email.uppercased(),
            note: "Aloitetaan keväällä", in: code, by: admin).deployment
        #expect(created.status == .planned && created.version == 1)
        #expect(created.plannedStart == LocalDate("2025-03-01"))
        #expect(created.ownerEmail == ready.training.contact.email)
        #expect(created.liveSince == nil && created.retiredOn == nil)
        #expect(created.readiness?.people == 1 && created.readiness?.meetsThreshold == true)

        let today = LocalDate(inFinland: Date())
        var current = created
        for status in ["piloting", "live", "paused", "live"] {
            current = try await service.changeStatus(
                of: ready.serviceCode, to: status, note: nil, expectedVersion: current.version, in: code, by: admin)
            #expect(current.status.rawValue == status)
        }
        #expect(current.version == 5)
        #expect(current.liveSince == today)
        let retired = try await service.changeStatus(
            of: ready.serviceCode, to: "retired", note: "Korvattu uudella palvelulla", expectedVersion: nil, in: code, by: admin)
        #expect(retired.retiredOn == today && retired.liveSince == today && retired.version == 6)
        #expect(retired.readiness == nil)

        let history = try await service.history(of: ready.serviceCode, in: code, for: admin)
        #expect(history.map(\.from) == [nil, .planned, .piloting, .live, .paused, .live])
        #expect(history.map(\.to) == [.planned, .piloting, .live, .paused, .live, .retired])
        #expect(history.allSatisfy { $0.actorEmail == fixture.adminA.email && $0.interface == .cli && $0.overrideReason == nil })
        #expect(history.first?.note == "Aloitetaan keväällä" && history.last?.note == "Korvattu uudella palvelulla")
        #expect(try await auditActions(for: fixture.orgA.id) == ["deployment.create"] + Array(repeating: "deployment.status", count: 5))
        #expect(try await service.deployments(in: code, for: admin) == [retired])
        await app.close()
    }

    @Test func aMoveTheMachineRefusesChangesNothing() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let admin = try await principal(fixture.adminA)
        let code = fixture.orgA.code
        _ = try await service.create(service: "health_check", plannedStart: nil, owner: fixture.member.email, note: nil, in: code, by: admin)
        let refused = await #expect(throws: BackOfficeError.self) {
            try await service.changeStatus(of: "health_check", to: "live", note: nil, expectedVersion: 1, in: code, by: admin)
        }
        #expect(refused == .conflict("a deployment cannot move from planned to live; allowed: piloting, retired"))
        let unknown = await #expect(throws: BackOfficeError.self) {
            try await service.changeStatus(of: "health_check", to: "done", note: nil, expectedVersion: 1, in: code, by: admin)
        }
        #expect(unknown == .invalid("status", "must be one of planned, piloting, live, paused, retired"))
        #expect(try await service.deployment(of: "health_check", in: code, for: admin).version == 1)
        #expect(try await service.history(of: "health_check", in: code, for: admin).count == 1)
        await app.close()
    }

    @Test func aChangeAgainstAStaleVersionIsRefused() async throws {
        let ready = try await ReadinessFixture.make(app: app)
        try await ready.train(ready.training.contact, app: app)
        let admin = try await principal(ready.training.access.adminA)
        let (code, own) = (ready.organisation.code, ready.serviceCode)
        _ = try await service.changeStatus(of: own, to: "piloting", note: nil, expectedVersion: 1, in: code, by: admin)
        let stale = await #expect(throws: BackOfficeError.self) {
            try await service.changeStatus(of: own, to: "retired", note: nil, expectedVersion: 1, in: code, by: admin)
        }
        #expect(stale == .conflict("the deployment of \(own) in \(code) has changed: it is at version 2, not 1"))
        let current = try await service.deployment(of: own, in: code, for: admin)
        #expect(current.status == .piloting && current.version == 2)
        #expect(try await service.history(of: own, in: code, for: admin).count == 2)
        await app.close()
    }

    @Test func whoMayChangeDeploymentsFollowsThePermissionMatrix() async throws {
        let fixture = try await AccessFixture.make(app: app)
        _ = try await AccessFixture.systemGrant(.professional, to: fixture.member, in: fixture.orgA, store: fixture.store)
        let admin = try await principal(fixture.adminA)
        let professional = try await principal(fixture.member)
        let county = try await principal(fixture.countyAdmin)

        let elsewhere = await #expect(throws: BackOfficeError.self) {
            try await service.create(
                service: "wellbeing_check", plannedStart: nil, owner: fixture.adminB.email, note: nil, in: fixture.orgB.code, by: admin).deployment
        }
        #expect(elsewhere == .notFound("organisation \(fixture.orgB.code)"))
        let reading = await #expect(throws: BackOfficeError.self) { try await service.deployments(in: fixture.orgB.code, for: admin) }
        #expect(reading == .notFound("organisation \(fixture.orgB.code)"))

        let byProfessional = await #expect(throws: BackOfficeError.self) {
            try await service.create(
                service: "wellbeing_check", plannedStart: nil, owner: fixture.member.email, note: nil, in: fixture.orgA.code,
                by: professional).deployment
        }
        guard case .forbidden = byProfessional else { Issue.record("expected forbidden, got \(String(describing: byProfessional))"); return }

        let inB = try await service.create(
            service: "wellbeing_check", plannedStart: nil, owner: fixture.adminB.email, note: nil, in: fixture.orgB.code, by: county).deployment
        #expect(inB.organisationID == fixture.orgB.id)
        _ = try await service.create(
            service: "wellbeing_check", plannedStart: nil, owner: fixture.member.email, note: nil, in: fixture.orgA.code, by: admin)
        #expect(try await service.deployments(in: fixture.orgA.code, for: professional).map(\.serviceCode) == ["wellbeing_check"])
        let statusByProfessional = await #expect(throws: BackOfficeError.self) {
            try await service.changeStatus(
                of: "wellbeing_check", to: "piloting", note: nil, expectedVersion: 1, in: fixture.orgA.code, by: professional)
        }
        guard case .forbidden = statusByProfessional else { Issue.record("expected forbidden, got \(String(describing: statusByProfessional))"); return }
        await app.close()
    }

    @Test func badFieldsAreReportedTogetherAndASecondDeploymentIsAConflict() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let admin = try await principal(fixture.adminA)
        let code = fixture.orgA.code
        let invalid = await #expect(throws: BackOfficeError.self) {
            try await service.create(service: " ", plannedStart: "2025-02-30", owner: "ei-osoite", note: nil, in: code, by: admin).deployment
        }
        guard case .invalid(let fields) = invalid else { Issue.record("expected invalid, got \(String(describing: invalid))"); return }
        #expect(fields.map(\.field) == ["service", "planned_start", "owner"])
        let unknown = await #expect(throws: BackOfficeError.self) {
            try await service.create(service: "symptom_hiccups", plannedStart: nil, owner: fixture.member.email, note: nil, in: code, by: admin).deployment
        }
        #expect(unknown == .invalid("service", "no Omaolo service has the code symptom_hiccups"))
        let outsider = await #expect(throws: BackOfficeError.self) {
            try await service.create(service: "symptom_cough", plannedStart: nil, owner: fixture.adminB.email, note: nil, in: code, by: admin).deployment
        }
        #expect(outsider == .invalid("owner", "\(fixture.adminB.email) is not an active member of \(code)"))
        _ = try await service.create(service: "symptom_cough", plannedStart: nil, owner: fixture.member.email, note: nil, in: code, by: admin)
        let twice = await #expect(throws: BackOfficeError.self) {
            try await service.create(service: "symptom_cough", plannedStart: nil, owner: fixture.member.email, note: nil, in: code, by: admin).deployment
        }
        #expect(twice == .conflict("\(code) already has a deployment of symptom_cough"))
        let missing = await #expect(throws: BackOfficeError.self) {
            try await service.history(of: "symptom_knee", in: code, for: admin)
        }
        #expect(missing == .notFound("deployment of symptom_knee in \(code)"))
        await app.close()
    }
}
