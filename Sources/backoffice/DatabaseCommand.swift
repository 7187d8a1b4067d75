import ArgumentParser
import BackOfficePostgres
import Foundation
import Postgres

/// `backoffice db migrate|status`.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Apply and inspect the schema migrations (as the schema owner, DATABASE_URL).",
        subcommands: [Migrate.self, Status.self]
    )

    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply every pending migration, each in its own transaction.")

        func run() async throws {
            try await reportingFailures {
                let runner = MigrationRunner(migrations: try loadMigrations())
                let applied = try await DatabaseSettings().withOwnerConnection { try await runner.migrate(on: $0) }
                printError(applied.isEmpty ? "backoffice: the database is up to date" : "backoffice: applied \(applied.joined(separator: ", "))")
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the migrations: applied, pending, changed after applying, or missing.")

        @Option(help: "Output format: table, json or csv.")
        var format: OutputFormat = .table

        func run() async throws {
            try await reportingFailures {
                let runner = MigrationRunner(migrations: try loadMigrations())
                let statuses = try await DatabaseSettings().withOwnerConnection { try await runner.status(on: $0) }
                format.print(
                    columns: ["migration", "state", "applied_at", "duration_ms", "applied_by"],
                    rows: statuses.map { status in
                        [status.name, status.state.rawValue,
                         status.appliedAt.map { ISO8601DateFormatter().string(from: $0) } ?? "",
                         status.durationMilliseconds.map(String.init) ?? "", status.appliedBy ?? ""]
                    })
                if statuses.contains(where: { $0.state == .changed || $0.state == .missing }) {
                    throw CommandFailure.failed("the applied migrations do not match the files")
                }
            }
        }
    }
}

func loadMigrations() throws -> [Migration] {
    do {
        return try Migration.load(from: try Migration.locateDirectory())
    } catch let error as MigrationError {
        throw CommandFailure.failed(error.description)
    }
}
