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
