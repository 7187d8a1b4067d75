import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Training readiness gates a deployment, against the database")
struct DeploymentReadinessTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 4)
    }

    func readiness(_ fixture: ReadinessFixture) async throws -> DeploymentReadiness {
        let admin = try await fixture.principal(fixture.training.access.adminA)
        let deployment = try await fixture.deployments.deployment(of: fixture.serviceCode, in: fixture.organisation.code, for: admin)
        return try #require(deployment.readiness)
    }

    /// One person of the 50: their roles and what became of their task of each course.
    struct Someone {
        let role: OrganisationRole?
        let first: TrainingStatus?
        let firstExpired: Bool
        let second: TrainingStatus?
    }

    @Test func readinessComputedInSQLEqualsAHandCountOf50People() async throws {
        let fixture = try await ReadinessFixture.make(app: app)
        let statuses: [TrainingStatus?] = [.completed, .completed, .inProgress, .waived, nil, .assigned, .completed]
        let crowd = (0..<50).map { index in
            Someone(
                role: index % 13 == 0 ? nil : (index % 9 == 0 ? .omaoloContact : .professional),
                first: statuses[index % statuses.count], firstExpired: index % 4 == 0,
                second: statuses[(index * 3 + 1) % statuses.count])
        }
        for (index, someone) in crowd.enumerated() {
            let person = if let role = someone.role {
                try await fixture.person("henkilo\(index)", role)
            } else {
                try await fixture.training.member("henkilo\(index)", in: fixture.organisation)
            }
            if let first = someone.first {
                let expiry = first == .completed && someone.firstExpired ? LocalDate(inFinland: Date()) : nil
                try await fixture.task(first, of: fixture.courses[0], for: person, expiresOn: expiry, app: app)
            }
            if let second = someone.second { try await fixture.task(second, of: fixture.courses[1], for: person, app: app) }
        }

        // By hand: the first course needs a completion that has not expired (an expiry today
        // has), the second also takes a waiver; the fixture's contact holds neither.
        let inScope = crowd.filter { $0.role != nil }
        func holdsFirst(_ someone: Someone) -> Bool { someone.first == .completed && !someone.firstExpired }
        func holdsSecond(_ someone: Someone) -> Bool { someone.second == .completed || someone.second == .waived }
        let trained = inScope.filter { holdsFirst($0) && holdsSecond($0) }
        let readiness = try await readiness(fixture)
        #expect(readiness.people == inScope.count + 1)
        #expect(readiness.fullyTrained == trained.count)
        #expect(readiness.contacts == inScope.count(where: { $0.role == .omaoloContact }) + 1)
        #expect(readiness.contactsTrained == trained.count(where: { $0.role == .omaoloContact }))
        #expect(readiness.ownerTrained == false)
        #expect(readiness.courses.map(\.code) == fixture.courses.map(\.code).sorted())
        let lackingFirst = inScope.count(where: { !holdsFirst($0) }) + 1
        let lackingSecond = inScope.count(where: { !holdsSecond($0) }) + 1
        let firstOpen = inScope.count(where: { !holdsFirst($0) && [.assigned, .inProgress].contains($0.first) })
        let byCode = Dictionary(uniqueKeysWithValues: readiness.courses.map { ($0.code, $0) })
        #expect(byCode[fixture.courses[0].code] == .init(code: fixture.courses[0].code, lacking: lackingFirst, lackingWithOpenTask: firstOpen))
        #expect(byCode[fixture.courses[1].code]?.lacking == lackingSecond)
        #expect(trained.count > 0 && trained.count < inScope.count, "the fixture mixes trained and untrained people")
        await app.close()
    }

    @Test func theGateRefusesWithTheNumbersAndACountyAdminsOverrideIsInHistoryAndAudit() async throws {
        let fixture = try await ReadinessFixture.make(app: app)
        let code = fixture.organisation.code
        let admin = try await fixture.principal(fixture.training.access.adminA)
        let county = try await fixture.principal(fixture.training.access.countyAdmin)
        let service = fixture.serviceCode
        let pilotRefused = await #expect(throws: BackOfficeError.self) {
            try await fixture.deployments.changeStatus(of: service, to: "piloting", note: nil, expectedVersion: 1, in: code, by: admin)
        }
        guard case .conflict(let why) = pilotRefused else { Issue.record("expected conflict, got \(String(describing: pilotRefused))"); return }
        #expect(why.contains("cannot start piloting: the owner has not completed every required course"))

        let people = [try await fixture.person("a"), try await fixture.person("b"), try await fixture.person("c")]
        try await fixture.train(fixture.training.contact, people[0], people[1], app: app)
        try await fixture.task(.completed, of: fixture.courses[1], for: people[2], app: app)
        try await fixture.task(.waived, of: fixture.courses[0], for: people[2], app: app)  // this course counts no waiver
        _ = try await fixture.deployments.changeStatus(of: service, to: "piloting", note: nil, expectedVersion: 1, in: code, by: admin)

        let refused = await #expect(throws: BackOfficeError.self) {
            try await fixture.deployments.changeStatus(of: service, to: "live", note: nil, expectedVersion: 2, in: code, by: admin)
        }
        #expect(refused == .conflict("""
            \(service) in \(code) cannot go live: 75.0 % of its 4 professionals and Omaolo contacts (3) hold every required course, \
            the threshold is 80 %; lacking: \(fixture.courses[0].code) (1 person)
            """))
        let byOrgAdmin = await #expect(throws: BackOfficeError.self) {
            try await fixture.deployments.changeStatus(
                of: service, to: "live", note: nil, expectedVersion: 2, overrideReason: "Kiire, koulutetaan myöhemmin", in: code, by: admin)
        }
        guard case .forbidden = byOrgAdmin else { Issue.record("expected forbidden, got \(String(describing: byOrgAdmin))"); return }
        let short = await #expect(throws: BackOfficeError.self) {
            try await fixture.deployments.changeStatus(
                of: service, to: "live", note: nil, expectedVersion: 2, overrideReason: "Kiire", in: code, by: county)
        }
        guard case .invalid(let fields) = short, fields.map(\.field) == ["override_reason"] else {
            Issue.record("expected an invalid override_reason, got \(String(describing: short))"); return
        }

        let reason = "Influenssakausi alkaa, yksi ammattilainen koulutetaan viikolla 12"
        let live = try await fixture.deployments.changeStatus(
            of: service, to: "live", note: nil, expectedVersion: 2, overrideReason: reason, in: code, by: county)
        #expect(live.status == .live && live.overrideReason == reason && live.statusLabel == "live (override)")
        let history = try await fixture.deployments.history(of: service, in: code, for: admin)
        #expect(history.map(\.overrideReason) == [nil, nil, reason])
        #expect(history.last?.actorEmail == fixture.training.access.countyAdmin.email)
        let audit = try await app.withTenant(fixture.organisation.id) { transaction in
            try await transaction.query("""
                SELECT action, reason FROM audit_log WHERE org_id = \(fixture.organisation.id) AND object_type = 'deployment' ORDER BY at
                """).map { "\(try $0.decode(String.self, "action")): \(try $0.decode(String?.self, "reason") ?? "")" }
        }
        #expect(audit.last == "deployment.override: \(reason)")

        // Once everyone is trained the mark goes.
        try await fixture.task(.completed, of: fixture.courses[0], for: people[2], app: app)
        let trained = try await fixture.deployments.deployment(of: service, in: code, for: admin)
        #expect(trained.statusLabel == "live" && trained.readiness?.meetsThreshold == true)
        await app.close()
    }

    @Test func aLiveDeploymentIsAtRiskOnceACompletionExpires() async throws {
        let fixture = try await ReadinessFixture.make(app: app)
        let code = fixture.organisation.code
        let admin = try await fixture.principal(fixture.training.access.adminA)
        let county = try await fixture.principal(fixture.training.access.countyAdmin)
        let professional = try await fixture.person("ammattilainen")
        try await fixture.train(fixture.training.contact, app: app)
        let tomorrow = LocalDate(inFinland: Date().addingTimeInterval(86_400))
        try await fixture.task(.completed, of: fixture.courses[0], for: professional, expiresOn: tomorrow, app: app)
        try await fixture.task(.completed, of: fixture.courses[1], for: professional, app: app)
        try await fixture.goLive(by: admin)
        func mine(_ list: [DeploymentAtRisk]) -> [String] { list.filter { $0.organisationCode == code }.map(\.deployment.serviceCode) }
        #expect(mine(try await fixture.deployments.atRisk(for: county)) == [])

        // A day on: the completion expires (expires_on is no longer after today).
        try await app.withTenant(fixture.organisation.id) { transaction in
            try await transaction.execute("""
                UPDATE training_tasks SET expires_on = \(LocalDate(inFinland: Date()))
                WHERE org_id = \(fixture.organisation.id) AND person_id = \(professional.id) AND course_id = \(fixture.courses[0].id)
                """)
        }
        let atRisk = try await fixture.deployments.atRisk(for: county)
        #expect(mine(atRisk) == [fixture.serviceCode])
        let gap = atRisk.first { $0.organisationCode == code }?.deployment.readiness?.gaps
        #expect(gap == [.init(code: fixture.courses[0].code, lacking: 1, lackingWithOpenTask: 0)])
        #expect(mine(try await fixture.deployments.atRisk(for: admin)) == [fixture.serviceCode])
        let elsewhere = try await fixture.principal(fixture.training.access.adminB)
        #expect(mine(try await fixture.deployments.atRisk(for: elsewhere)) == [])
        await app.close()
    }

    @Test func grantingAProfessionalWhereTheServiceIsLiveAssignsItsRequiredCourses() async throws {
        let fixture = try await ReadinessFixture.make(app: app)
        let code = fixture.organisation.code
        let admin = try await fixture.principal(fixture.training.access.adminA)
        try await fixture.train(fixture.training.contact, app: app)
        try await fixture.goLive(by: admin)
        let newcomer = try await fixture.person("uusi")
        let tasks = try await fixture.training.service.tasks(TrainingQuery(person: newcomer.email), in: code, for: admin)
        #expect(Set(fixture.courses.map(\.code)).isSubset(of: Set(tasks.map(\.courseCode))))
        #expect(tasks.allSatisfy { $0.status == .assigned })
        let readiness = try await readiness(fixture)
        #expect(readiness.people == 2 && readiness.fullyTrained == 1 && !readiness.meetsThreshold)
        #expect(readiness.courses.allSatisfy { $0.lacking == 1 && $0.lackingWithOpenTask == 1 })
        await app.close()
    }

    @Test func onlyCountyAdminsKeepTheRulesAndUnknownCoursesAreRefused() async throws {
        let fixture = try await ReadinessFixture.make(app: app)
        let admin = try await fixture.principal(fixture.training.access.adminA)
        let county = try await fixture.principal(fixture.training.access.countyAdmin)
        let byAdmin = await #expect(throws: BackOfficeError.self) {
            try await fixture.deployments.setReadinessRules(of: .service(fixture.serviceCode), requiredCourses: [], threshold: nil, by: admin)
        }
        guard case .forbidden = byAdmin else { Issue.record("expected forbidden, got \(String(describing: byAdmin))"); return }
        let unknown = await #expect(throws: BackOfficeError.self) {
            try await fixture.deployments.setReadinessRules(
                of: .service(fixture.serviceCode), requiredCourses: ["ei_ole_kurssia"], threshold: 101, by: county)
        }
        #expect(unknown == .invalid("threshold", "must be a percentage from 0 to 100"))
        let changed = try await fixture.deployments.setReadinessRules(
            of: .service(fixture.serviceCode), requiredCourses: [fixture.courses[1].code], threshold: 50, by: county)
        #expect(changed.map(\.requiredCourses) == [[fixture.courses[1].code]] && changed.map(\.readinessThreshold) == [50])
        let readiness = try await readiness(fixture)
        #expect(readiness.thresholdPercent == 50 && readiness.courses.map(\.code) == [fixture.courses[1].code])
        await app.close()
    }
}
