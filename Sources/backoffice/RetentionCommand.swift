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
            abstract: """
                Anonymise the contact details of residents' tickets closed longer ago than the retention period; \
                delete idempotency keys older than 30 days and expired web sessions.
                """,
            discussion: """
                Runs as the system (the audit log records each kind it removed) and may be repeated: tickets already \
                anonymised are not touched again. The period comes from --months, else RETENTION_MONTHS, else 12; \
                sessions expire by SESSION_IDLE_HOURS and SESSION_MAX_HOURS as for `serve`. Sent and failed mails of \
                the outbox, with their addresses, are removed 30 days after they were written.
                """)
        @Option(help: "Months after closing (1 to 120).") var months: Int?
        @Flag(help: "Only list the tickets that would be anonymised and count what would be deleted.") var dryRun = false

        func run() async throws {
            try await reportingFailures {
                let configured = ProcessInfo.processInfo.environment["RETENTION_MONTHS"].map { text in
                    Int(text).map(Result.success) ?? .failure(BackOfficeError.invalid("RETENTION_MONTHS", "must be a whole number of months"))
                }
                let period = try months ?? configured?.get() ?? TicketService.defaultRetentionMonths
                let sessions = try SessionSettings.fromEnvironment(ProcessInfo.processInfo.environment)
                try await withAppPool { pool in
                    let roles = RoleService(store: PostgresAccessStore(pool: pool))
                    let tickets = TicketService(
                        store: PostgresTicketStore(pool: pool), access: roles,
                        cursors: HMACCursorSeal.fromEnvironment(ProcessInfo.processInfo.environment))
                    let service = RetentionService(tickets: tickets, store: PostgresRetentionStore(pool: pool), sessions: sessions)
                    let done = try await service.run(contactMonths: period, dryRun: dryRun)
                    done.anonymisedTickets.forEach { print($0) }
                    let (anonymised, deleted) = dryRun ? ("would anonymise", "would delete") : ("anonymised", "deleted")
                    printError("\(anonymised) the resident contact details of \(done.anonymisedTickets.count) tickets closed more than \(period) months ago")
                    printError("\(deleted) \(done.idempotencyKeysDeleted) idempotency keys older than \(RetentionService.idempotencyKeyDays) days")
                    printError("\(deleted) \(done.webSessionsDeleted) expired web sessions")
                    if !dryRun {
                        let outbox = MailOutboxService(store: PostgresMailOutbox(pool: pool), access: roles, 
                                                       cursors: HMACCursorSeal.fromEnvironment(ProcessInfo.processInfo.environment))
                        let removed = try await outbox.removeFinished()
                        printError("removed \(removed) sent or failed mails older than \(MailOutboxService.retentionDays) days")
                    }
                }
            }
        }
    }
}
