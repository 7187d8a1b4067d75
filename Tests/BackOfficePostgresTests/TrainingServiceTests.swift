import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Training courses and tasks, against the database")
struct TrainingServiceTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 6)
    }

    /// `person`'s tasks of `course` in `organisation`, seen by the county admin.
    func tasks(of person: Person, _ course: Course, in organisation: Organisation, _ fixture: TrainingFixture) async throws -> [TrainingTask] {
        try await fixture.service.tasks(
            TrainingQuery(person: person.email, course: course.code), in: organisation.code,
            for: try await fixture.principal(fixture.access.countyAdmin))
    }

    func auditCount(_ action: String, in organisation: Organisation, objectID: String) async throws -> Int {
        try await app.withTenant(organisation.id) { transaction in
            try await transaction.query("""
                SELECT count(*) AS n FROM audit_log WHERE org_id = \(organisation.id) AND action = \(action) AND object_id = \(objectID)
                """).single().decode(Int.self, "n")
        }
    }

    // MARK: Granting a role

    @Test func grantingProfessionalCreatesTheMandatoryTasksOnce() async throws {
        let fixture = try await TrainingFixture.make(app: app)
        let orgA = fixture.access.orgA
        let mandatory = try await fixture.course(mandatoryFor: ["professional", "omaolo_contact"], daysToComplete: 14)
        let forAdmins = try await fixture.course(mandatoryFor: ["org_admin"])
        let retired = try await fixture.course(mandatoryFor: ["professional"])
        try await fixture.retire(retired)
        let admin = try await fixture.principal(fixture.access.adminA)
        let member = fixture.access.member

        let first = try await fixture.roles.grant(.professional, to: member.email, in: orgA.code, reason: "aloittaa", by: admin).grant
        let assigned = try await tasks(of: member, mandatory, in: orgA, fixture)
        #expect(assigned.count == 1)
        #expect(assigned.first?.status == .assigned && assigned.first?.dueDate == fixture.today.adding(days: 14))
        #expect(assigned.first?.assignedByEmail == nil, "assigned by the system")
        #expect(try await tasks(of: member, forAdmins, in: orgA, fixture).isEmpty)
        #expect(try await tasks(of: member, retired, in: orgA, fixture).isEmpty)
        let task = try #require(assigned.first)
        let entry = try await app.withTenant(orgA.id) { transaction in
            try await transaction.query("""
                SELECT actor_person_id, after->>'role_grant' AS grant_id FROM audit_log
                WHERE org_id = \(orgA.id) AND action = 'training.assign' AND object_id = \(task.id.uuidString.lowercased())
                """).single()
        }
        #expect(try entry.decode(UUID.self, "actor_person_id") == fixture.access.adminA.id)
        #expect(try entry.decode(String.self, "grant_id") == first.id.uuidString.lowercased())

        await #expect(throws: BackOfficeError.self, "the role is held already") {
            try await fixture.roles.grant(.professional, to: member.email, in: orgA.code, reason: "jatkuu", by: admin).grant
        }
        _ = try await fixture.roles.grant(.omaoloContact, to: member.email, in: orgA.code, reason: "vastaava", by: admin)
        #expect(try await tasks(of: member, mandatory, in: orgA, fixture).map(\.id) == [task.id])
        try await fixture.retire(mandatory, forAdmins)
        await app.close()
    }

    @Test func aValidCompletionPreventsTheTaskAndAnExpiredOneDoesNot() async throws {
        let fixture = try await TrainingFixture.make(app: app)
        let orgA = fixture.access.orgA
        let valid = try await fixture.course(validityMonths: 24)
        let lapsed = try await fixture.course(validityMonths: 1)
        let admin = try await fixture.principal(fixture.access.adminA)
        let member = fixture.access.member
        for (course, completedOn) in [(valid, fixture.today.adding(days: -100)), (lapsed, fixture.today.adding(days: -40))] {
            let task = try await fixture.service.assign(course.code, to: member.email, in: orgA.code, by: admin).task
            _ = try await fixture.service.complete(
                task.id, in: orgA.code, on: completedOn, evidenceKind: "webinar", evidenceReference: "Webinaari", by: admin)
        }
        let county = try await fixture.principal(fixture.access.countyAdmin)
        for course in [valid, lapsed] {
            _ = try await fixture.service.updateCourse(course.code, with: CourseChanges(mandatoryFor: ["professional"]), by: county)
        }

        _ = try await fixture.roles.grant(.professional, to: member.email, in: orgA.code, reason: "aloittaa", by: admin)
        #expect(try await tasks(of: member, valid, in: orgA, fixture).map(\.status) == [.completed])
        let renewed = try await tasks(of: member, lapsed, in: orgA, fixture)
        #expect(renewed.map(\.status).sorted { $0.rawValue < $1.rawValue } == [.assigned, .completed])
        try await fixture.retire(valid, lapsed)
        await app.close()
    }

    // MARK: Renewal

    @Test func renewalOpensOneTaskPerExpiringCompletionAndASecondRunNothing() async throws {
        let fixture = try await TrainingFixture.make(app: app)
        let orgA = fixture.access.orgA
        let course = try await fixture.course(validityMonths: 12)
        let admin = try await fixture.principal(fixture.access.adminA)
        let soon = try await fixture.service.assign(course.code, to: fixture.access.member.email, in: orgA.code, by: admin).task
        let later = try await fixture.service.assign(course.code, to: fixture.contact.email, in: orgA.code, by: admin).task
        let expiring = try await fixture.service.complete(
            soon.id, in: orgA.code, on: fixture.today.adding(months: -12).adding(days: 10), evidenceKind: "e_learning",
            evidenceReference: "Todistus 123", by: admin)
        _ = try await fixture.service.complete(
            later.id, in: orgA.code, on: fixture.today.adding(months: -12).adding(days: 60), evidenceKind: "exam",
            evidenceReference: "Tentti 7", by: admin)

        let renewals = try await fixture.service.renew(in: orgA.code, withinDays: 30, by: admin)
        #expect(renewals.count == 1)
        let renewal = try #require(renewals.first)
        #expect(renewal.renewalOf == expiring.id && renewal.personID == fixture.access.member.id && renewal.status == .assigned)
        #expect(renewal.dueDate == expiring.expiresOn)
        #expect(try await fixture.service.renew(in: orgA.code, withinDays: 30, by: admin).isEmpty)
        #expect(try await auditCount("training.renew", in: orgA, objectID: orgA.code) == 1)

        let member = try await fixture.principal(fixture.access.member)
        await #expect(throws: BackOfficeError.self) { try await fixture.service.renew(in: nil, by: admin) }
        await #expect(throws: BackOfficeError.self) { try await fixture.service.renew(in: orgA.code, by: member) }
        await app.close()
    }

    // MARK: Permissions

    @Test func aProfessionalCompletesTheirOwnTaskButAssignsNothingAndSeesNoOneElses() async throws {
        let fixture = try await TrainingFixture.make(app: app)
        let orgA = fixture.access.orgA
        let course = try await fixture.course()
        let admin = try await fixture.principal(fixture.access.adminA)
        let colleague = try await fixture.member("hoitaja", in: orgA)
        for person in [fixture.access.member, colleague] {
            _ = try await fixture.roles.grant(.professional, to: person.email, in: orgA.code, reason: "aloittaa", by: admin)
        }
        let own = try await fixture.service.assign(course.code, to: fixture.access.member.email, in: orgA.code, by: admin).task
        let theirs = try await fixture.service.assign(course.code, to: colleague.email, in: orgA.code, by: admin).task
        let professional = try await fixture.principal(fixture.access.member)

        let started = try await fixture.service.start(own.id, in: orgA.code, by: professional)
        #expect(started.status == .inProgress && started.version == 2)
        let done = try await fixture.service.complete(
            own.id, in: orgA.code, evidenceKind: "e_learning", evidenceReference: "Moodle 42", expectedVersion: 2, by: professional)
        #expect(done.status == .completed && done.completedOn == fixture.today)
        #expect(try await fixture.service.myTasks(for: professional).map(\.id).contains(own.id))
        #expect(try await fixture.service.tasks(TrainingQuery(), in: orgA.code, for: professional).allSatisfy { $0.personID == professional.personID })

        let assigning = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.assign(course.code, to: colleague.email, in: orgA.code, by: professional).task
        }
        #expect(assigning == .forbidden("\(fixture.access.member.email) may not assign training in \(orgA.code)"))
        let others = await #expect(throws: BackOfficeError.self) { try await fixture.service.start(theirs.id, in: orgA.code, by: professional) }
        #expect(others == .notFound("training task \(theirs.id.uuidString.lowercased())"))
        await #expect(throws: BackOfficeError.forbidden("no one waives their own training")) {
            try await fixture.service.waive(own.id, in: orgA.code, reason: "osaa jo", by: professional)
        }

        let adminB = try await fixture.principal(fixture.access.adminB)
        let elsewhere = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.tasks(TrainingQuery(), in: orgA.code, for: adminB)
        }
        #expect(elsewhere == .notFound("organisation \(orgA.code)"))
        await #expect(throws: BackOfficeError.notFound("organisation \(orgA.code)")) {
            try await fixture.service.waive(theirs.id, in: orgA.code, reason: "x", by: adminB)
        }
        let contact = try await fixture.principal(fixture.contact)
        #expect(try await fixture.service.waive(theirs.id, in: orgA.code, reason: "Aiempi koulutus", by: contact).status == .waived)
        await app.close()
    }

    // MARK: Completing

    @Test func completionComputesTheExpiryAndAStaleOrSecondCompletionIsRefused() async throws {
        let fixture = try await TrainingFixture.make(app: app)
        let orgA = fixture.access.orgA
        let course = try await fixture.course(validityMonths: 1)
        let admin = try await fixture.principal(fixture.access.adminA)
        let task = try await fixture.service.assign(course.code, to: fixture.access.member.email, in: orgA.code, by: admin).task
        let missing = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.complete(
                task.id, in: orgA.code, on: fixture.today.adding(days: 1), evidenceKind: "diploma", evidenceReference: " ", by: admin)
        }
        #expect(missing.map { if case .invalid(let fields) = $0 { fields.map(\.field) } else { [] } }
                == ["evidence_kind", "evidence_reference", "completed_on"])

        let done = try await fixture.service.complete(
            task.id, in: orgA.code, on: LocalDate(year: 2024, month: 1, day: 31), evidenceKind: "exam", evidenceReference: "Tentti 2024/1",
            expectedVersion: 1, by: admin)
        #expect(done.completedOn == LocalDate(year: 2024, month: 1, day: 31))
        #expect(done.expiresOn == LocalDate(year: 2024, month: 2, day: 29))
        #expect(done.evidence == TrainingEvidence(kind: .exam, reference: "Tentti 2024/1"))
        #expect(done.version == 2 && done.isExpired(on: fixture.today))
        #expect(try await auditCount("training.complete", in: orgA, objectID: task.id.uuidString.lowercased()) == 1)

        await #expect(throws: BackOfficeError.self) { try await fixture.service.start(task.id, in: orgA.code, expectedVersion: 1, by: admin) }
        let again = await #expect(throws: BackOfficeError.self) { try await fixture.service.start(task.id, in: orgA.code, by: admin) }
        #expect(again == .conflict("a completed task is final and cannot move to in_progress"))
        await app.close()
    }

    // MARK: Bulk assignment

    @Test func bulkAssignmentSkipsThoseWhoHaveTheCourseCoveredAndIsIdempotent() async throws {
        let fixture = try await TrainingFixture.make(app: app)
        let orgA = fixture.access.orgA
        let course = try await fixture.course(daysToComplete: 20, validityMonths: 24)
        let admin = try await fixture.principal(fixture.access.adminA)
        var professionals: [Person] = []
        for name in ["open", "valid", "waived", "new-one", "new-two"] {
            let person = try await fixture.member(name, in: orgA)
            _ = try await fixture.roles.grant(.professional, to: person.email, in: orgA.code, reason: "aloittaa", by: admin)
            professionals.append(person)
        }
        _ = try await fixture.service.assign(course.code, to: professionals[0].email, in: orgA.code, by: admin)
        let valid = try await fixture.service.assign(course.code, to: professionals[1].email, in: orgA.code, by: admin).task
        _ = try await fixture.service.complete(valid.id, in: orgA.code, evidenceKind: "webinar", evidenceReference: "Webinaari 3/2026", by: admin)
        let waived = try await fixture.service.assign(course.code, to: professionals[2].email, in: orgA.code, by: admin).task
        _ = try await fixture.service.waive(waived.id, in: orgA.code, reason: "Lääkäri, koulutettu muualla", by: admin)

        let bulk = try await fixture.service.bulkAssign(course.code, toHoldersOf: "professional", in: orgA.code, by: admin)
        #expect(Set(bulk.map(\.personID)) == Set(professionals[3...].map(\.id)))
        #expect(bulk.allSatisfy { $0.dueDate == fixture.today.adding(days: 20) && $0.assignedByEmail == fixture.access.adminA.email })
        #expect(try await fixture.service.bulkAssign(course.code, toHoldersOf: "professional", in: orgA.code, by: admin).isEmpty)
        #expect(try await auditCount("training.bulk_assign", in: orgA, objectID: course.code) == 1)
        await #expect(throws: BackOfficeError.invalid("role", "must be org_admin, omaolo_contact or professional")) {
            try await fixture.service.bulkAssign(course.code, toHoldersOf: "nurse", in: orgA.code, by: admin)
        }
        await app.close()
    }

    // MARK: Lists and progress

    @Test func progressAndListsCountEachTaskWhereItStands() async throws {
        let fixture = try await TrainingFixture.make(app: app)
        let orgA = fixture.access.orgA
        let course = try await fixture.course(daysToComplete: 14, validityMonths: 12)
        let admin = try await fixture.principal(fixture.access.adminA)
        var people: [String: Person] = [:]
        for name in ["assigned", "started", "expired", "waived"] {
            people[name] = try await fixture.member(name, in: orgA)
            _ = try await fixture.roles.grant(.professional, to: people[name]!.email, in: orgA.code, reason: "aloittaa", by: admin)
        }
        func assign(_ person: Person, due: LocalDate? = nil) async throws -> TrainingTask {
            try await fixture.service.assign(course.code, to: person.email, in: orgA.code, dueDate: due, by: admin).task
        }
        let assigned = try await assign(people["assigned"]!)
        _ = try await fixture.service.start(try await assign(people["started"]!, due: fixture.today.adding(days: 100)).id, in: orgA.code, by: admin)
        let expired = try await fixture.service.complete(
            try await assign(people["expired"]!).id, in: orgA.code, on: fixture.today.adding(months: -12).adding(days: 40),
            evidenceKind: "webinar", evidenceReference: "Webinaari", by: admin)
        _ = try await fixture.service.waive(try await assign(people["waived"]!).id, in: orgA.code, reason: "Ei käytä Omaoloa", by: admin)
        let valid = try await fixture.service.complete(
            try await assign(fixture.contact).id, in: orgA.code, evidenceKind: "exam", evidenceReference: "Tentti", by: admin)

        // 60 days on: the assigned task is overdue (due in 14 days), the started one not (100),
        // the first completion has expired (40 days left), the contact's is still valid.
        fixture.clock.set(Date().addingTimeInterval(60 * 86_400))
        let progress = try await fixture.service.progress(in: orgA.code, for: admin).filter { $0.courseCode == course.code }
        #expect(progress == [
            TrainingProgress(organisationCode: orgA.code, courseCode: course.code, courseTitle: "Testikurssi", role: .omaoloContact,
                             assigned: 0, inProgress: 0, completedValid: 1, expired: 0, waived: 0, overdue: 0),
            TrainingProgress(organisationCode: orgA.code, courseCode: course.code, courseTitle: "Testikurssi", role: .professional,
                             assigned: 1, inProgress: 1, completedValid: 0, expired: 1, waived: 1, overdue: 1),
        ])
        let county = try await fixture.principal(fixture.access.countyAdmin)
        #expect(try await fixture.service.progress(in: nil, for: county).filter { $0.courseCode == course.code } == progress)
        await #expect(throws: BackOfficeError.self) { try await fixture.service.progress(in: nil, for: admin) }

        let query = { (query: TrainingQuery) in try await fixture.service.tasks(query, in: orgA.code, for: admin).filter { $0.courseCode == course.code }.map(\.id) }
        #expect(try await query(TrainingQuery(overdue: true)) == [assigned.id])
        #expect(try await query(TrainingQuery(expiringWithinDays: 365)) == [valid.id])
        #expect(try await query(TrainingQuery(statuses: ["completed"])).sorted { $0.uuidString < $1.uuidString }
                == [expired.id, valid.id].sorted { $0.uuidString < $1.uuidString })
        #expect(try await query(TrainingQuery(person: people["assigned"]!.email)) == [assigned.id])
        await #expect(throws: BackOfficeError.invalid("status", "must be one of assigned, in_progress, completed or waived")) {
            try await fixture.service.tasks(TrainingQuery(statuses: ["done"]), in: orgA.code, for: admin)
        }
        await app.close()
    }

    @Test func myTasksComeFromEveryOrganisationIHoldARoleIn() async throws {
        let fixture = try await TrainingFixture.make(app: app)
        let course = try await fixture.course()
        let (orgA, orgB) = (fixture.access.orgA, fixture.access.orgB)
        let adminA = try await fixture.principal(fixture.access.adminA)
        let adminB = try await fixture.principal(fixture.access.adminB)
        let member = fixture.access.member
        _ = try await fixture.roles.addMember(email: member.email, fullName: member.fullName, to: orgB.code, by: adminB)
        _ = try await fixture.roles.grant(.professional, to: member.email, in: orgA.code, reason: "A", by: adminA)
        _ = try await fixture.roles.grant(.professional, to: member.email, in: orgB.code, reason: "B", by: adminB)
        let inA = try await fixture.service.assign(course.code, to: member.email, in: orgA.code, by: adminA).task
        let inB = try await fixture.service.assign(course.code, to: member.email, in: orgB.code, dueDate: fixture.today.adding(days: 5), by: adminB).task
        let mine = try await fixture.service.myTasks(for: try await fixture.principal(member)).filter { $0.courseCode == course.code }
        #expect(mine.map(\.id) == [inB.id, inA.id])
        #expect(mine.map(\.organisationCode) == [orgB.code, orgA.code])
        await #expect(throws: BackOfficeError.conflict("the person already has an open task of \(course.code) in \(orgA.code)")) {
            try await fixture.service.assign(course.code, to: member.email, in: orgA.code, by: adminA).task
        }
        await app.close()
    }

    @Test func onlyCountyAdminsKeepTheCatalogue() async throws {
        let fixture = try await TrainingFixture.make(app: app)
        let admin = try await fixture.principal(fixture.access.adminA)
        await #expect(throws: BackOfficeError.forbidden("\(fixture.access.adminA.email) may not keep catalogues")) {
            try await fixture.service.createCourse(NewCourse(code: "oma_kurssi", title: "Oma"), by: admin)
        }
        let county = try await fixture.principal(fixture.access.countyAdmin)
        let invalid = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.createCourse(
                NewCourse(code: "Iso Kurssi", title: "", mandatoryFor: ["nurse"], daysToComplete: 0, validityMonths: 601), by: county)
        }
        #expect(invalid.map { if case .invalid(let fields) = $0 { fields.map(\.field) } else { [] } }
                == ["code", "title", "mandatory_for", "days_to_complete", "validity_months"])
        let course = try await fixture.course(mandatoryFor: ["professional"], validityMonths: 24)
        #expect(course.mandatoryFor == [.professional] && course.validityMonths == 24 && course.daysToComplete == 30)
        let changed = try await fixture.service.updateCourse(
            course.code, with: CourseChanges(title: "Tietosuoja", validityMonths: 0, active: false), by: county)
        #expect(changed.title == "Tietosuoja" && changed.validityMonths == nil && !changed.active)
        #expect(try await fixture.service.courses(for: admin).contains { $0.code == course.code } == false)
        #expect(try await fixture.service.courses(includeInactive: true, for: admin).contains(changed))
        await #expect(throws: BackOfficeError.conflict("a course with the code \(course.code) already exists")) {
            try await fixture.service.createCourse(NewCourse(code: course.code, title: "Toinen"), by: county)
        }
        await app.close()
    }
}
