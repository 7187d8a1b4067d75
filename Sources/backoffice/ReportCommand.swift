import ArgumentParser
import BackOffice
import BackOfficePostgres
import Foundation
import Postgres

/// `backoffice report NAME`: prints a view of the reporting schema as a reporting login sees it.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a report (a view of the reporting schema) as a table, CSV or JSON.",
        discussion: """
            Runs as a reporting login (see `backoffice reporting grant-login`), which sees the \
            organisations of its scope only: --database-url, or REPORTING_DATABASE_URL. Either may \
            name a read replica (libpq, e.g. "host=replica1,primary target_session_attrs=prefer-standby ...").

            The reports:
            \(ReportName.listing)
            """)

    @Argument(help: "The report: \(ReportName.allCases.map(\.rawValue).joined(separator: ", ")).") var name: String
    @Option(help: "Only this organisation (code).") var org: String?
    @Option(help: "Only this region (code).") var region: String?
    @Option(help: "From this month on (YYYY-MM).") var from: String?
    @Option(help: "Up to and including this month (YYYY-MM).") var to: String?
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table
    @Option(help: "libpq URL or conninfo of the reporting login (default: REPORTING_DATABASE_URL).") var databaseURL: String?

    func validate() throws {
        if reportingURL == nil {
            throw ValidationError("give --database-url or set REPORTING_DATABASE_URL: reports run as a reporting login (backoffice reporting grant-login)")
        }
    }

    var reportingURL: String? {
        [databaseURL, ProcessInfo.processInfo.environment["REPORTING_DATABASE_URL"]].compactMap { $0 }.first { !$0.isEmpty }
    }

    func run() async throws {
        try await reportingFailures {
            let request = try ReportRequest.validated(name: name, organisation: org, region: region, from: from, to: to)
            try await withPool(ConnectionConfiguration(reportingURL ?? ""), maximumConnections: 1) { pool in
                ReportOutput.print(try await PostgresReportStore(pool: pool).table(for: request), format: format)
            }
        }
    }
}

/// How a report prints: months as `YYYY-MM`; NULL as an empty cell in a table or CSV, `null` in JSON.
enum ReportOutput {
    static func print(_ table: ReportTable, format: OutputFormat) {
        let rows = table.withYearMonths.rows
        switch format {
        case .table, .csv:
            format.print(columns: table.columns, rows: rows.map { $0.map { $0 ?? "" } })
        case .json:
            let objects = rows.map { row in
                Dictionary(uniqueKeysWithValues: zip(table.columns, row.map { $0.map { $0 as Any } ?? NSNull() }))
            }
            let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .prettyPrinted])) ?? Data()
            Swift.print(String(decoding: data, as: UTF8.self))
        }
    }
}
