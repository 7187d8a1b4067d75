import BackOffice
import BackOfficePostgres
import Foundation
import Postgres

/// The people of `TrainingFixture` and an Omaolo service of the fixture's own (random code, so
/// no other test's rules or deployments touch it) that requires two new courses: the first
/// counts only completions, the second also waivers. Its deployment in A is planned with the
/// Omaolo contact as owner (unless `deploy` is false). People are trained by writing their
/// tasks straight into A.
public struct ReadinessFixture: Sendable {
    public let training: TrainingFixture
    public let deployments: DeploymentService
    public let serviceCode: String
    public let courses: [Course]
    public var organisation: Organisation { training.access.orgA }

    public static func make(app: ConnectionPool, deploy: Bool = true) async throws -> ReadinessFixture {
        let training = try await TrainingFixture.make(app: app)
        let deployments = DeploymentService(store: PostgresDeploymentStore(pool: app), access: training.roles)
        let serviceCode = "test_\(UUID().uuidString.prefix(8).lowercased())"
        try await app.withTransaction { transaction in
            try await transaction.execute("""
                INSERT INTO omaolo_services (code, family, name_fi, name_en)
                VALUES (\(serviceCode), 'symptom_assessment', 'Testioirearvio', 'Test symptom assessment')
                """)
        }
        let county = try await training.principal(training.access.countyAdmin)
        var courses: [Course] = []
        for waiverCounts in [false, true] {
            courses.append(try await training.service.createCourse(
                NewCourse(code: "valmius_\(UUID().uuidString.prefix(8).lowercased())", title: "Valmiuskurssi", waiverCounts: waiverCounts),
                by: county))
        }
        _ = try await deployments.setReadinessRules(
            of: .service(serviceCode), requiredCourses: courses.map(\.code), threshold: 80, by: county)
        if deploy {
            _ = try await deployments.create(
            service: serviceCode, plannedStart: nil, owner: training.contact.email, note: nil, in: training.access.orgA.code,
            by: try await training.principal(training.access.adminA))
        }
        return ReadinessFixture(training: training, deployments: deployments, serviceCode: serviceCode, courses: courses)
    }

    /// A new member of A holding `role` (granted by the system).
    public func person(_ name: String, _ role: OrganisationRole = .professional) async throws -> Person {
        let person = try await training.member(name, in: organisation)
        _ = try await AccessFixture.systemGrant(role, to: person, in: organisation, store: training.access.store)
        return person
    }

    /// Writes a task of `course` for `person` in A: `completed` today (expiring on `expiresOn`,
    /// if given), or `waived`, `assigned` or `in_progress`.
    public func task(_ status: TrainingStatus, of course: Course, for person: Person, expiresOn: LocalDate? = nil, app: ConnectionPool) async throws {
        let org = organisation.id
        let today = LocalDate(inFinland: Date())
        let completed = status == .completed
        try await app.withTenant(org) { transaction in
            try await transaction.execute("""
                INSERT INTO training_tasks (org_id, person_id, course_id, due_date, status, waived_reason, completed_on, evidence_kind,
                                            evidence_ref, expires_on)
                VALUES (\(org), \(person.id), \(course.id), \(today.adding(months: 1)), \(status.rawValue),
                        \(status == .waived ? "Vastaava koulutus muualla" : nil), \(completed ? today.adding(months: -1) : nil),
                        \(completed ? "exam" : nil), \(completed ? "Verkkotentti" : nil), \(expiresOn))
                """)
        }
    }

    /// Completes every required course for each of `people`, today, without expiry.
    public func train(_ people: Person..., app: ConnectionPool) async throws {
        for person in people {
            for course in courses { try await task(.completed, of: course, for: person, app: app) }
        }
    }

    /// Moves the planned deployment to piloting and then live, as `principal`.
    public func goLive(by principal: Principal) async throws {
        for (status, version) in [("piloting", 1), ("live", 2)] {
            _ = try await deployments.changeStatus(
                of: serviceCode, to: status, note: nil, expectedVersion: version, in: organisation.code, by: principal)
        }
    }

    /// The principal of `person` through `interface`.
    public func principal(_ person: Person, _ interface: Interface = .cli) async throws -> Principal {
        try await training.principal(person, interface)
    }
}
