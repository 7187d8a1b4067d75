import BackOfficePostgres
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("The migration runner")
struct MigrationRunnerTests {
    /// Migrations that create temporary tables, so each test's schema lives and dies with its
    /// own session (`search_path = pg_temp` puts `schema_migrations` there too).
    func migrations(_ files: [(String, String)]) throws -> [Migration] {
        try files.map { try Migration(name: $0.0, sql: Data($0.1.utf8)) }
    }

    let first = ("0001_widgets.sql", "CREATE TABLE widgets (id int PRIMARY KEY, name text NOT NULL);")
    let second = ("0002_widget_colour.sql", "ALTER TABLE widgets ADD COLUMN colour text; INSERT INTO widgets VALUES (1, 'ratas', 'punainen');")

    func withTemporarySchema(_ body: (Connection) async throws -> Void) async throws {
        try await TestDatabase.withConnection { connection in
            try await connection.execute("SET search_path = pg_temp")
            try await body(connection)
        }
    }

    @Test func appliesInOrderOnceAndRecordsEachFile() async throws {
        try await withTemporarySchema { connection in
            let runner = MigrationRunner(migrations: try migrations([first, second]))
            #expect(try await runner.migrate(on: connection) == ["0001_widgets.sql", "0002_widget_colour.sql"])
            #expect(try await runner.migrate(on: connection) == [])
            let statuses = try await runner.status(on: connection)
            #expect(statuses.map(\.state) == [.applied, .applied])
            #expect(statuses.allSatisfy { $0.appliedBy != nil && $0.durationMilliseconds != nil })
            let recorded = try await connection.query("SELECT sha256 FROM schema_migrations ORDER BY version").map { try $0.decode(String.self, "sha256") }
            #expect(recorded == (try migrations([first, second])).map(\.sha256))
            #expect(try await connection.query("SELECT colour FROM widgets").single().decode(String.self, "colour") == "punainen")
            #expect(try await runner.isCurrent(on: connection))
        }
    }

    @Test func aChangedAppliedFileIsRefusedByName() async throws {
        try await withTemporarySchema { connection in
            try await MigrationRunner(migrations: try migrations([first])).migrate(on: connection)
            let edited = ("0001_widgets.sql", first.1 + " -- edited afterwards")
            let runner = MigrationRunner(migrations: try migrations([edited, second]))
            let error = await #expect(throws: MigrationError.self) { try await runner.migrate(on: connection) }
            guard case .changedAfterApplied(let name, _, _) = error else {
                Issue.record("expected changedAfterApplied, got \(String(describing: error))")
                return
            }
            #expect(name == "0001_widgets.sql")
            #expect(error?.description.contains("0001_widgets.sql was changed after it was applied") == true)
            // Nothing after it was applied.
            #expect(try await runner.status(on: connection).map(\.state) == [.changed, .pending])
            #expect(!(try await runner.isCurrent(on: connection)))
        }
    }

    @Test func aMissingAppliedFileIsRefused() async throws {
        try await withTemporarySchema { connection in
            try await MigrationRunner(migrations: try migrations([first, second])).migrate(on: connection)
            let runner = MigrationRunner(migrations: try migrations([first]))
            let error = await #expect(throws: MigrationError.self) { try await runner.migrate(on: connection) }
            #expect(error == .appliedFileMissing("0002_widget_colour.sql"))
            #expect(try await runner.status(on: connection).map(\.state) == [.applied, .missing])
        }
    }

    @Test func aFailingMigrationRollsBackAndIsNotRecorded() async throws {
        try await withTemporarySchema { connection in
            let broken = ("0002_broken.sql", "CREATE TABLE gadgets (id int); INSERT INTO widgets VALUES ('not a number', 'x');")
            let runner = MigrationRunner(migrations: try migrations([first, broken]))
            let error = await #expect(throws: MigrationError.self) { try await runner.migrate(on: connection) }
            #expect(error?.description.hasPrefix("migration 0002_broken.sql failed and was rolled back") == true)
            #expect(try await runner.status(on: connection).map(\.state) == [.applied, .pending])
            let gadgets = try await connection.query("SELECT to_regclass('pg_temp.gadgets') IS NULL AS absent").single()
            #expect(try gadgets.decode(Bool.self, "absent"))
        }
    }

    @Test func misnamedFilesAreRefused() throws {
        #expect(throws: MigrationError.badFileName("1_widgets.sql")) { try Migration(name: "1_widgets.sql", sql: Data()) }
        #expect(throws: MigrationError.badFileName("0001_Widgets.sql")) { try Migration(name: "0001_Widgets.sql", sql: Data()) }
        #expect(throws: MigrationError.notUTF8("0001_bytes.sql")) { try Migration(name: "0001_bytes.sql", sql: Data([0xFF, 0xFE])) }
    }

    @Test func theProjectsMigrationsAreAllAppliedToTheTestDatabase() async throws {
        let migrations = try Migration.load(from: try Migration.locateDirectory())
        #expect(migrations.count >= 10)
        let statuses = try await TestDatabase.withConnection { try await MigrationRunner(migrations: migrations).status(on: $0) }
        #expect(statuses.allSatisfy { $0.state == .applied }, "\(statuses.filter { $0.state != .applied })")
    }

    @Test func twoRunnersAtOnceApplyEachFileOnce() async throws {
        let owner = try TestDatabase.configuration()
        try await TestDatabase.withConnection { try await $0.executeScript("DROP SCHEMA IF EXISTS runner_race CASCADE; CREATE SCHEMA runner_race") }
        let files = try migrations([first, second])
        let applied = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<2 {
                group.addTask {
                    try await TestDatabase.withConnection(owner) { connection in
                        try await connection.execute("SET search_path = runner_race")
                        return try await MigrationRunner(migrations: files).migrate(on: connection)
                    }
                }
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(applied.sorted() == ["0001_widgets.sql", "0002_widget_colour.sql"])
        let recorded = try await TestDatabase.withConnection {
            try await $0.query("SELECT count(*) AS n FROM runner_race.schema_migrations").single().decode(Int.self, "n")
        }
        #expect(recorded == 2)
        try await TestDatabase.withConnection { try await $0.executeScript("DROP SCHEMA runner_race CASCADE") }
    }
}
