import ArgumentParser
import BackOffice
import BackOfficePostgres
import Foundation

/// `backoffice usage import|list`: the monthly usage statistics (county admins).
struct UsageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Import monthly Omaolo usage statistics from CSV files (county admins).",
        subcommands: [Import.self, List.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a usage file; it replaces, per organisation, the months it covers.",
            discussion: """
                The file is CSV in UTF-8 with the header organisation,service,month,started,completed,forwarded and
                one row per organisation code, service code and month (YYYY-MM). It is checked whole first: with
                any bad line nothing changes, and every bad line is listed on stderr with its column and reason.
                Progress goes to stderr: a bar on a terminal for files over 100 000 rows, plain lines otherwise.
                """)
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The CSV file.") var file: String

        func run() async throws {
            try await reportingFailures {
                guard let contents = FileManager.default.contents(atPath: file) else {
                    throw CommandFailure.failed("cannot read \(file)")
                }
                try await withAppPool { pool in
                    let roles = RoleService(store: PostgresAccessStore(pool: pool))
                    let principal = try await roles.principal(email: acting.actor, interface: .cli)
                    let service = UsageImportService(store: PostgresUsageImportStore(pool: pool))
                    let display = ProgressDisplay()
                    let record: UsageImport
                    do {
                        record = try await service.importFile(
                            named: URL(fileURLWithPath: file).lastPathComponent, contents: Array(contents), by: principal,
                            progress: display.show).record
                        display.finish()
                    } catch BackOfficeError.invalid(let errors) {
                        display.finish()
                        printError("backoffice: \(file) was not imported; nothing changed. \(errors.count) problem(s):")
                        for error in errors { printError("  \(error)") }
                        throw ExitCode.failure
                    } catch {
                        display.finish()
                        throw error
                    }
                    UsageTable.print([record], format: acting.format)
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the usage files imported so far, oldest first.")
        @OptionGroup var acting: ActingOptions

        func run() async throws {
            try await reportingFailures {
                try await withAppPool { pool in
                    let roles = RoleService(store: PostgresAccessStore(pool: pool))
                    let principal = try await roles.principal(email: acting.actor, interface: .cli)
                    let service = UsageImportService(store: PostgresUsageImportStore(pool: pool))
                    UsageTable.print(try await service.imports(for: principal), format: acting.format)
                }
            }
        }
    }
}

/// How usage imports print.
enum UsageTable {
    static func print(_ imports: [UsageImport], format: OutputFormat) {
        let time = ISO8601DateFormatter()
        format.print(
            columns: ["id", "imported_at", "imported_by", "file_name", "rows", "months", "sha256"],
            rows: imports.map {
                [$0.id.uuidString.lowercased(), time.string(from: $0.importedAt), $0.importedBy, $0.fileName, String($0.rowCount),
                 $0.months.map(\.description).joined(separator: " "), $0.sha256]
            })
    }
}
