import Foundation
import PostgresTestSupport
import Testing

/// The `backoffice` executable, run as a person would run it.
@Suite("The backoffice command line")
struct CommandLineTests {
    static var executable: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/backoffice")
    }

    func run(_ arguments: [String], databaseURL: String? = nil, input: String? = nil) async throws -> ChildProcess.Outcome {
        var environment = ProcessInfo.processInfo.environment
        if let databaseURL { environment["DATABASE_URL"] = databaseURL }
        return try await ChildProcess.run(Self.executable.path, arguments, environment: environment, input: input)
    }

    @Test func dbStatusListsEveryMigrationAsApplied() async throws {
        _ = try TestDatabase.configuration()
        let outcome = try await run(["db", "status", "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let lines = outcome.output.split(separator: "\n")
        #expect(lines.first == "migration,state,applied_at,duration_ms,applied_by")
        #expect(lines.count >= 11)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",applied,") })
    }

    @Test func aSecondMigrateDoesNothing() async throws {
        _ = try TestDatabase.configuration()
        let outcome = try await run(["db", "migrate"])
        #expect(outcome.status == 0)
        #expect(outcome.errors == "backoffice: the database is up to date\n")
    }

    @Test func anUnreachableDatabaseIsExit69WithOneLine() async throws {
        let outcome = try await run(["db", "status"], databaseURL: "postgresql://nobody@127.0.0.1:1/none?connect_timeout=1")
        #expect(outcome.status == 69)
        #expect(outcome.output.isEmpty)
        #expect(outcome.errors.hasPrefix("backoffice: database unavailable: could not connect to PostgreSQL"))
        #expect(outcome.errors.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
    }

    @Test func aWrongOptionIsAUsageError() async throws {
        let outcome = try await run(["db", "status", "--format", "xml"])
        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("xml"))
    }
}

@Suite("Roles from the command line, on the demo county")
struct RoleCommandLineTests {
    let cli = CommandLineTests()

    @Test func anOrgAdminGrantsAndRevokesInTheirOrganisationButNotInAnother() async throws {
        _ = try TestDatabase.configuration()
        let seeded = try await cli.run(["seed", "demo"])
        #expect(seeded.status == 0, "\(seeded.errors)")
        let admin = "org-admin.oulu-tk@pohde.example"
        let newcomer = "uusi-\(UUID().uuidString.prefix(8).lowercased())@pohde.example"
        let added = try await cli.run(["member", "add", "--as", admin, "--org", "OULU-TK", "--email", newcomer, "--name", "Uusi Hoitaja"])
        #expect(added.status == 0, "\(added.errors)")
        let granted = try await cli.run([
            "role", "grant", "--as", admin, "--org", "OULU-TK", "--person", newcomer, "--role", "professional",
            "--reason", "Aloittaa vastaanotolla", "--format", "csv"])
        #expect(granted.status == 0, "\(granted.errors)")
        let grantID = try #require(granted.output.split(separator: "\n").last?.split(separator: ",").first.map(String.init))
        let listed = try await cli.run(["role", "list", "--as", admin, "--org", "OULU-TK", "--format", "csv"])
        #expect(listed.output.contains("\(grantID),\(newcomer),professional"))

        let elsewhere = try await cli.run([
            "role", "grant", "--as", admin, "--org", "KUUSAMO-TA", "--person", newcomer, "--role", "professional", "--reason", "x"])
        #expect(elsewhere.status == 1)
        #expect(elsewhere.errors == "backoffice: organisation KUUSAMO-TA not found\n")

        let noReason = try await cli.run(["role", "revoke", "--as", admin, "--org", "OULU-TK", "--grant", grantID, "--reason", " "])
        #expect(noReason.status == 1)
        #expect(noReason.errors == "backoffice: reason: is required\n")
        let revoked = try await cli.run([
            "role", "revoke", "--as", admin, "--org", "OULU-TK", "--grant", grantID, "--reason", "Siirtyi muualle", "--format", "csv"])
        #expect(revoked.status == 0, "\(revoked.errors)")
        #expect(revoked.output.contains("Siirtyi muualle"))
    }

    @Test func aProfessionalIsRefusedWithExit77() async throws {
        _ = try TestDatabase.configuration()
        #expect(try await cli.run(["seed", "demo"]).status == 0)
        let refused = try await cli.run([
            "role", "grant", "--as", "professional.oulu-tk@pohde.example", "--org", "OULU-TK",
            "--person", "professional2.oulu-tk@pohde.example", "--role", "org_admin", "--reason", "x"])
        #expect(refused.status == 77)
        #expect(refused.errors.contains("may not grant organisation roles in OULU-TK"))
    }
}

@Suite("Tickets from the command line, on the demo county")
struct TicketCommandLineTests {
    let cli = CommandLineTests()

    @Test func theDeskLogsMovesAndFindsATicket() async throws {
        _ = try TestDatabase.configuration()
        #expect(try await cli.run(["seed", "demo"]).status == 0)
        let agent = ["--as", "teemu.tukipalvelu@pohde.example"]
        // a made-up word no other run's ticket has: letters for the digits of a UUID
        let word = "tulostusongelma" + String(UUID().uuidString.compactMap { $0.hexDigitValue.map { Character(UnicodeScalar(97 + $0)!) } }.prefix(12))
        let created = try await cli.run(["ticket", "create", "--org", "KUUSAMO-TA", "--subject", "Omaolo \(word) kirjautumisessa",
                                         "--category", "login_and_access", "--channel", "phone", "--priority", "high",
                                         "--resident-name", "Aino Asukas", "--resident-phone", "+358 40 123 4567", "--format", "json"] + agent)
        #expect(created.status == 0, "\(created.errors)")
        let ticket = try #require(try JSONSerialization.jsonObject(with: Data(created.output.utf8)) as? [[String: String]]).first
        let reference = try #require(ticket?["reference"])
        #expect(reference.hasPrefix("KUUSAMO-TA-"))
        #expect(ticket?["first_response_due_at"]?.isEmpty == false)

        let waiting = try await cli.run(["ticket", "status", reference, "--to", "waiting", "--format", "csv"] + agent)
        #expect(waiting.status == 0, "\(waiting.errors)")
        let closed = try await cli.run(["ticket", "status", reference, "--to", "closed"] + agent)
        #expect(closed.status == 1)
        #expect(closed.errors == "backoffice: a waiting ticket may move to open or resolved, not closed\n")
        let stale = try await cli.run(["ticket", "update", reference, "--priority", "low", "--version", "1"] + agent)
        #expect(stale.status == 1)
        #expect(stale.errors.contains("is at version 2, not 1"))

        let found = try await cli.run(["ticket", "search", "kirjautuminen", String(word.dropLast(2)), "--format", "csv"] + agent)
        #expect(found.status == 0, "\(found.errors)")
        #expect(found.output.split(separator: "\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) } == [reference])

        let shown = try await cli.run(["ticket", "show", reference, "--history", "--format", "csv"] + agent)
        #expect(shown.output.contains("status_changed"))
        let identity = try await cli.run(["ticket", "comment", reference, "--body", "Hetu 131052-308T"] + agent)
        #expect(identity.status == 1)
        #expect(identity.errors.hasPrefix("backoffice: body: contains a Finnish personal identity code"))

        let professional = try await cli.run(["ticket", "show", reference, "--as", "professional.kuusamo-ta@pohde.example"])
        #expect(professional.status == 1)
        #expect(professional.errors == "backoffice: ticket \(reference) not found\n")
        let elsewhere = try await cli.run(["ticket", "list", "--org", "KUUSAMO-TA", "--as", "org-admin.oulu-tk@pohde.example"])
        #expect(elsewhere.status == 1)
        #expect(elsewhere.errors == "backoffice: organisation KUUSAMO-TA not found\n")
        let retention = try await cli.run(["retention", "run", "--dry-run"])
        #expect(retention.status == 0, "\(retention.errors)")
        #expect(retention.errors.hasPrefix("would anonymise the resident contact details of"))
        #expect(retention.errors.contains("would delete "))
        #expect(retention.errors.contains(" idempotency keys older than 30 days\n"))
        #expect(retention.errors.hasSuffix(" expired web sessions\n"))
    }
}
