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

    func run(_ arguments: [String], databaseURL: String? = nil) async throws -> ChildProcess.Outcome {
        var environment = ProcessInfo.processInfo.environment
        if let databaseURL { environment["DATABASE_URL"] = databaseURL }
        return try await ChildProcess.run(Self.executable.path, arguments, environment: environment)
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
