import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Training mails: written with the assignment, reminders once per task")
struct TrainingMailTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 4)
    }

    /// The mails of the outbox about `person`'s tasks in `organisation`, oldest first.
    func mails(to person: Person, in organisation: Organisation) async throws -> [(kind: String, subject: String, message: String)] {
        try await app.withTenant(organisation.id) { transaction in
            try await transaction.query("""
                SELECT m.kind, m.subject, m.message FROM mail_outbox m JOIN training_tasks t ON t.org_id = m.org_id AND t.id = m.task_id
                WHERE m.org_id = \(organisation.id) AND t.person_id = \(person.id) ORDER BY m.created_at, m.kind
                """).map { (try $0.decode(String.self, "kind"), try $0.decode(String.self, "subject"), try $0.decode(String.self, "message")) }
        }
    }

    func service(_ fixture: TrainingFixture, off kinds: Set<MailKind> = []) -> TrainingService {
        TrainingService(store: PostgresTrainingStore(pool: app), access: fixture.roles, mail: MailSettings(disabledKinds: kinds),
                        clock: { fixture.clock.now })
    }

    @Test func anAssignmentMailsThePersonInTheirLanguageAndATurnedOffKindMailsNothing() async throws {
        let fixture = try await TrainingFixture.make(app: app)
        let course = try await fixture.course(daysToComplete: 20)
        let admin = try await fixture.principal(fixture.access.adminA)
        let english = try await fixture.member("english", in: fixture.access.orgA)
        try await fixture.roles.setLanguage("en", by: try await fixture.principal(english))
        let task = try await service(fixture).assign(course.code, to: english.email, in: fixture.access.orgA.code, by: admin).task
        let sent = try await mails(to: english, in: fixture.access.orgA)
        #expect(sent.map(\.kind) == ["training_assigned"])
        #expect(sent.first?.subject == "A training was assigned to you: Testikurssi")
        let message = try #require(sent.first?.message)
        #expect(message.contains("\nTo: \(english.email)\n") && message.contains("Content-Language: en"))
        #expect(message.contains("In-Reply-To: <training.\(task.id.uuidString.lowercased())@pohde.example>"))
        #expect(message.contains("due on \(task.dueDate)"))
        // the same in Finnish for a Finnish reader; and nothing when the kind is off
        let finnish = try await fixture.member("suomi", in: fixture.access.orgA)
        _ = try await service(fixture).assign(course.code, to: finnish.email, in: fixture.access.orgA.code, by: admin)
        #expect(try await mails(to: finnish, in: fixture.access.orgA).map(\.subject) == ["Sinulle on annettu koulutus: Testikurssi"])
        let quiet = try await fixture.member("hiljainen", in: fixture.access.orgA)
        _ = try await service(fixture, off: [.trainingAssigned]).assign(course.code, to: quiet.email, in: fixture.access.orgA.code, by: admin)
        #expect(try await mails(to: quiet, in: fixture.access.orgA).isEmpty)
        await app.close()
    }

    @Test func aRefusedAssignmentWritesNoMail() async throws {
        let fixture = try await TrainingFixture.make(app: app)
        let course = try await fixture.course()
        let admin = try await fixture.principal(fixture.access.adminA)
        let person = try await fixture.member("kahdesti", in: fixture.access.orgA)
        _ = try await service(fixture).assign(course.code, to: person.email, in: fixture.access.orgA.code, by: admin)
        await #expect(throws: BackOfficeError.self) {
            _ = try await service(fixture).assign(course.code, to: person.email, in: fixture.access.orgA.code, by: admin)
        }
        #expect(try await mails(to: person, in: fixture.access.orgA).count == 1)
        await app.close()
    }

    @Test func bulkAssignmentsAndRoleGrantsMailEachNewTask() async throws {
        let fixture = try await TrainingFixture.make(app: app)
        let mandatory = try await fixture.course(mandatoryFor: ["professional"])
        let admin = try await fixture.principal(fixture.access.adminA)
        let mailing = RoleService(store: fixture.access.store, mail: MailSettings())
        let person = try await fixture.member("uusi", in: fixture.access.orgA)
        _ = try await mailing.grant(.professional, to: person.email, in: fixture.access.orgA.code, reason: "aloittaa", by: admin)
        let granted = try await mails(to: person, in: fixture.access.orgA)
        #expect(granted.contains { $0.kind == "training_assigned" && $0.subject.hasSuffix(": Testikurssi") })
        // a grant through a role service whose training mails are off writes none
        let silent = try await fixture.member("hiljainen", in: fixture.access.orgA)
        _ = try await RoleService(store: fixture.access.store, mail: .silent)
            .grant(.professional, to: silent.email, in: fixture.access.orgA.code, reason: "aloittaa", by: admin)
        #expect(try await mails(to: silent, in: fixture.access.orgA).isEmpty)
        // bulk: one mail per new task, none for those already covered
        let other = try await fixture.course()
        let tasks = try await service(fixture).bulkAssign(other.code, toHoldersOf: "professional", in: fixture.access.orgA.code, by: admin)
        #expect(tasks.contains { $0.personID == person.id })
        #expect(try await mails(to: person, in: fixture.access.orgA).filter { $0.kind == "training_assigned" }.count == granted.count + 1)
        _ = try await service(fixture).bulkAssign(other.code, toHoldersOf: "professional", in: fixture.access.orgA.code, by: admin)
        #expect(try await mails(to: person, in: fixture.access.orgA).count == granted.count + 1)
        try await fixture.retire(mandatory)
        await app.close()
    }

    @Test func aTaskAboutToBeOverdueIsRemindedOnceAndOnlyThen() async throws {
        let fixture = try await TrainingFixture.make(app: app)
        let course = try await fixture.course(daysToComplete: 30)
        let admin = try await fixture.principal(fixture.access.adminA)
        let soon = try await fixture.member("pian", in: fixture.access.orgA)
        let later = try await fixture.member("myohemmin", in: fixture.access.orgA)
        let done = try await fixture.member("valmis", in: fixture.access.orgA)
        let training = service(fixture, off: [.trainingAssigned])
        let code = fixture.access.orgA.code
        _ = try await training.assign(course.code, to: soon.email, in: code, dueDate: fixture.today.adding(days: 7), by: admin)
        _ = try await training.assign(course.code, to: later.email, in: code, dueDate: fixture.today.adding(days: 8), by: admin)
        let completed = try await training.assign(course.code, to: done.email, in: code, dueDate: fixture.today.adding(days: 2), by: admin).task
        _ = try await training.complete(completed.id, in: code, on: fixture.today, evidenceKind: "webinar", evidenceReference: "Webinaari",
                                        expectedVersion: nil, by: admin)
        // off: nothing is written and nothing is marked, so turning it on later still reminds
        #expect(try await service(fixture, off: [.trainingDue]).queueDueReminders() == 0)
        #expect(try await mails(to: soon, in: fixture.access.orgA).isEmpty)
        // two passes at once: one reminder
        let written = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<2 { group.addTask { try await training.queueDueReminders() } }
            return try await group.reduce(0, +)
        }
        #expect(written >= 1)
        let reminded = try await mails(to: soon, in: fixture.access.orgA)
        let due = fixture.today.adding(days: 7)
        #expect(reminded.map(\.subject) == ["Koulutus erääntyy \(due.day).\(due.month).\(due.year): Testikurssi"])
        _ = try await training.queueDueReminders()
        #expect(try await mails(to: soon, in: fixture.access.orgA).count == 1)
        #expect(try await mails(to: later, in: fixture.access.orgA).isEmpty)
        #expect(try await mails(to: done, in: fixture.access.orgA).isEmpty)
        // a day on, the later one is within seven days too
        fixture.clock.set(Date().addingTimeInterval(86_400))
        _ = try await training.queueDueReminders()
        #expect(try await mails(to: later, in: fixture.access.orgA).map(\.kind) == ["training_due"])
        await app.close()
    }
}
