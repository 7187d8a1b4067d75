import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

/// `backoffice mail deliver`, `mail remind`, `mail outbox`, `mail requeue`, `retention run` and the delivery inside
/// `backoffice serve`, each a real process on a cluster of its own (they work the outbox of
/// every organisation, which the shared test database's other tests must keep to themselves),
/// delivering through msmtp into the SMTP sink.
@Suite("Mail delivery by the backoffice processes, into an SMTP sink", .serialized)
struct MailProcessTests {
    static var executable: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/backoffice").path
    }

    /// A migrated cluster with a resident's mail to the desk of the fixture's organisation A.
    struct Stage {
        let cluster: PrivateCluster
        let pool: ConnectionPool
        let fixture: TicketFixture
        let sink: SMTPSink
        let ticket: Ticket

        static func make() async throws -> Stage {
            let cluster = try await PrivateCluster.start()
            do {
                try await TestDatabase.withConnection(ConnectionConfiguration(cluster.url)) { connection in
                    _ = try await MigrationRunner(migrations: try Migration.load(from: try Migration.locateDirectory())).migrate(on: connection)
                }
                let pool = ConnectionPool(.init(
                    connection: ConnectionConfiguration(cluster.url, overrides: ["user": "backoffice_app"]), maximumConnections: 2))
                let fixture = try await TicketFixture.make(app: pool)
                guard case .created(let ticket) = try await fixture.service.receive(
                    try InboundMail(try MailFixture.bytes("resident-new.eml")), in: fixture.access.orgA.code)
                else { throw BackOfficeError.conflict("the mail made no ticket") }
                return Stage(cluster: cluster, pool: pool, fixture: fixture, sink: try await SMTPSink.start(), ticket: ticket)
            } catch {
                try await cluster.destroy()
                throw error
            }
        }

        /// The environment of a `backoffice` process on this cluster, sending into the sink.
        func environment(_ more: [String: String] = [:]) throws -> [String: String] {
            var environment = ProcessInfo.processInfo.environment
            environment["DATABASE_URL"] = cluster.url
            environment["APP_DATABASE_URL"] = nil
            environment["SENDMAIL"] = try sink.sendmail(from: "tuki@pohde.example")
            return environment.merging(more) { $1 }
        }

        func run(_ arguments: [String]) async throws -> ChildProcess.Outcome {
            try await ChildProcess.run(MailProcessTests.executable, arguments, environment: try environment())
        }

        /// How many mails of each status the outbox holds, over every organisation (as its superuser).
        func statuses() async throws -> [String: Int] {
            try await TestDatabase.withConnection(ConnectionConfiguration(cluster.url, overrides: ["user": "postgres"])) { connection in
                Dictionary(uniqueKeysWithValues: try await connection.query("SELECT status, count(*)::int AS n FROM mail_outbox GROUP BY status")
                    .map { (try $0.decode(String.self, "status"), try $0.decode(Int.self, "n")) })
            }
        }

        func end() async throws {
            sink.stop()
            await pool.close()
            try await cluster.destroy()
        }
    }

    @Test func mailDeliverHandsEachDueMailOverOnceAndRetentionRemovesTheFinishedAfter30Days() async throws {
        let stage = try await Stage.make()
        do {
            #expect(try await stage.statuses() == ["pending": 1])
            let delivered = try await stage.run(["mail", "deliver"])
            #expect(delivered.status == 0, "\(delivered.errors)")
            #expect(delivered.errors.hasPrefix("handed 1 mails to "))
            let messages = try stage.sink.messages()
            #expect(messages.count == 1)
            #expect(messages.first?.contains("X-Envelope-To: maija.meikalainen@example.fi\r\n") == true)
            #expect(try InboundMail(Array((messages.first ?? "").utf8)).subject.hasPrefix("[\(stage.ticket.reference)] "))
            let again = try await stage.run(["mail", "deliver"])
            #expect(again.status == 0 && again.errors.hasPrefix("handed 0 mails to "))
            #expect(try stage.sink.messages().count == 1)
            #expect(try await stage.statuses() == ["sent": 1])

            // a public reply waits in the outbox; then everything is made 31 days old
            let agent = try await stage.fixture.principal(stage.fixture.supportAgent)
            _ = try await stage.fixture.service.comment(
                on: stage.ticket.reference, in: stage.fixture.access.orgA.code, body: "Hei, kokeilkaa uudelleen.", visibility: "public", by: agent)
            let young = try await stage.run(["retention", "run"])
            #expect(young.status == 0 && young.errors.contains("removed 0 sent or failed mails older than 30 days"), "\(young.errors)")
            try await TestDatabase.withConnection(ConnectionConfiguration(stage.cluster.url, overrides: ["user": "postgres"])) { connection in
                _ = try await connection.execute("UPDATE mail_outbox SET created_at = created_at - interval '31 days'")
            }
            let old = try await stage.run(["retention", "run"])
            #expect(old.status == 0 && old.errors.contains("removed 1 sent or failed mails older than 30 days"), "\(old.errors)")
            #expect(try await stage.statuses() == ["pending": 1], "a mail not yet sent stays")

            // recorded as failed (as the last attempt would), listed, and sent again with a reason
            try await TestDatabase.withConnection(ConnectionConfiguration(stage.cluster.url, overrides: ["user": "postgres"])) { connection in
                _ = try await connection.execute("UPDATE mail_outbox SET status = 'failed', attempts = 5, last_error = 'msmtp: yhteys katkesi'")
            }
            let agentEmail = stage.fixture.supportAgent.email
            let listed = try await stage.run(["mail", "outbox", "--as", agentEmail, "--status", "failed", "--format", "csv"])
            #expect(listed.status == 0, "\(listed.errors)")
            let lines = listed.output.split(separator: "\n")
            #expect(lines.first == "id,created_at,organisation,about,kind,status,attempts,next_attempt_at,subject,last_error")
            #expect(lines.count == 2 && lines.last?.hasSuffix(",msmtp: yhteys katkesi") == true && !listed.output.contains("maija"))
            let id = String(lines.last?.prefix { $0 != "," } ?? "")
            let code = stage.fixture.access.orgA.code
            let blank = try await stage.run(["mail", "requeue", "--org", code, "--id", id, "--reason", " ", "--as", agentEmail])
            #expect(blank.status == 1 && blank.errors.contains("reason"), "\(blank.errors)")
            let requeued = try await stage.run(["mail", "requeue", "--org", code, "--id", id, "--reason", "Osoite korjattu", "--as", agentEmail])
            #expect(requeued.status == 0 && requeued.errors == "mail \(id) is pending again\n", "\(requeued.errors)")
            #expect(try await stage.statuses() == ["pending": 1])
        } catch {
            Issue.record(error)
        }
        try await stage.end()
    }

    @Test func mailRemindWritesATrainingReminderOncePerTask() async throws {
        let stage = try await Stage.make()
        do {
            let training = TrainingService(store: PostgresTrainingStore(pool: stage.pool), access: RoleService(store: stage.fixture.access.store),
                                           mail: MailSettings(disabledKinds: [.trainingAssigned]))
            let county = try await stage.fixture.principal(stage.fixture.access.countyAdmin)
            let course = try await training.createCourse(
                NewCourse(code: "muistutus", title: "Muistutuskurssi", description: "", mandatoryFor: [], daysToComplete: 30, validityMonths: nil),
                by: county)
            let admin = try await stage.fixture.principal(stage.fixture.access.adminA)
            _ = try await training.assign(course.code, to: stage.fixture.access.member.email, in: stage.fixture.access.orgA.code,
                                          dueDate: LocalDate(inFinland: Date()).adding(days: 3), by: admin)
            let first = try await stage.run(["mail", "remind"])
            #expect(first.status == 0 && first.errors == "wrote 1 training reminders to the outbox\n", "\(first.errors)")
            let second = try await stage.run(["mail", "remind"])
            #expect(second.status == 0 && second.errors == "wrote 0 training reminders to the outbox\n", "\(second.errors)")
            #expect(try await stage.statuses() == ["pending": 2], "the resident's received mail and the reminder")
        } catch {
            Issue.record(error)
        }
        try await stage.end()
    }

    @Test func serveDeliversAQueuedMailWhileItRuns() async throws {
        let stage = try await Stage.make()
        let process = Process()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString).log")
        do {
            process.executableURL = URL(fileURLWithPath: Self.executable)
            process.arguments = ["serve", "--port", String(Int.random(in: 40_000...44_999))]
            process.environment = try stage.environment(["MAIL_DELIVERY_SECONDS": "1"])
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let output = try FileHandle(forWritingTo: log)
            process.standardOutput = output
            process.standardError = output
            try process.run()
            // polled with a deadline: the server delivers on its own schedule
            let deadline = ContinuousClock.now + .seconds(60)
            while (try stage.sink.messages()).isEmpty && ContinuousClock.now < deadline && process.isRunning {
                try await Task.sleep(for: .milliseconds(200))
            }
            let messages = try stage.sink.messages()
            #expect(messages.count == 1, "\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
            #expect(messages.first?.contains("\nTo: maija.meikalainen@example.fi\r\n") == true)
            #expect(try await stage.statuses() == ["sent": 1])
        } catch {
            Issue.record(error)
        }
        if process.isRunning {
            let ended: Int32 = await withCheckedContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                process.terminate()
            }
            #expect(ended == 0, "a graceful shutdown on SIGTERM")
        }
        try? FileManager.default.removeItem(at: log)
        try await stage.end()
    }
}
