import ArgumentParser
import BackOffice
import BackOfficePostgres
import Foundation

extension MailCommand {
    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hand every mail of the outbox that is due to sendmail, once (for a cron job; `serve` does it too).",
            discussion: """
                SENDMAIL names the program and its own arguments (default /usr/sbin/sendmail); it is run as \
                `SENDMAIL -t -i` with the message on stdin. A failure is tried again after 1, 2, 4 and 8 minutes, \
                then recorded as failed.
                """)

        func run() async throws {
            try await reportingFailures {
                let settings = try MailSettings.fromEnvironment(ProcessInfo.processInfo.environment)
                try await withAppPool { pool in
                    let delivery = MailDelivery(store: PostgresMailOutbox(pool: pool), transport: SendmailTransport(settings.sendmail))
                    printError("handed \(try await delivery.deliverDue()) mails to \(settings.sendmail)")
                }
            }
        }
    }

    struct Outbox: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the mails of the outbox (pending and failed unless --status says), without their addresses.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "Organisation code; leave out for every organisation (county roles).") var org: String?
        @Option(help: "Statuses, comma-separated: pending, sent, failed.") var status = "pending,failed"

        func run() async throws {
            try await reportingFailures {
                let statuses = try status.split(separator: ",").map {
                    try OutboxStatus.named(String($0), field: "status").mapError { BackOfficeError.invalid([$0]) }.get()
                }
                try await acting.withTicketService { service, principal in
                    try await withAppPool { pool in
                        let entries = try await service.outbox(PostgresMailOutbox(pool: pool), of: org, statuses: statuses, for: principal)
                        acting.format.print(columns: ["created_at", "ticket", "kind", "status", "attempts", "next_attempt_at", "subject", "last_error"],
                                            rows: entries.map {
                                                [TicketTable.moment($0.createdAt), $0.ticketReference, $0.kind.rawValue, $0.status.rawValue,
                                                 String($0.attempts), TicketTable.moment($0.nextAttemptAt), $0.subject, $0.lastError ?? ""]
                                            })
                    }
                }
            }
        }
    }
}
