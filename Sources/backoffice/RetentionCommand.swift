import ArgumentParser
import BackOffice
import BackOfficePostgres
import Foundation

/// `backoffice retention run`: the data-minimisation job.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Keep residents' contact details only as long as needed.",
        subcommands: [Run.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Anonymise the contact details of residents' tickets closed longer ago than the retention period.",
            discussion: """
                Runs as the system (the audit log records it so) and may be repeated: tickets already anonymised are \
                not touched again. The period comes from --months, else RETENTION_MONTHS, else 12.
                """)
        @Option(help: "Months after closing (1 to 120).") var months: Int?
        @Flag(help: "Only list the tickets that would be anonymised.") var dryRun = false

        func run() async throws {
            try await reportingFailures {
                let configured = ProcessInfo.processInfo.environment["RETENTION_MONTHS"].map { text in
                    Int(text).map(Result.success) ?? .failure(BackOfficeError.invalid("RETENTION_MONTHS", "must be a whole number of months"))
                }
                let period = try months ?? configured?.get() ?? TicketService.defaultRetentionMonths
                try await withAppPool { pool in
                    let roles = RoleService(store: PostgresAccessStore(pool: pool))
                    let service = TicketService(
                        store: PostgresTicketStore(pool: pool), access: roles, cursors: HMACCursorSeal.fromEnvironment(ProcessInfo.processInfo.environment))
                    let references = try await service.anonymiseResidentContacts(closedMoreThan: period, dryRun: dryRun)
                    references.forEach { print($0) }
                    printError("\(dryRun ? "would anonymise" : "anonymised") the resident contact details of \(references.count) tickets closed more than \(period) months ago")
                }
            }
        }
    }
}
