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
                then recorded as failed. Run `mail remind` before it to write the training reminders that are due.
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

    struct Remind: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write to the outbox the mail of every open training task due within 7 days that has not had one.",
            discussion: """
                Each task gets it once, however often this runs (`serve` runs it before each delivery; a cron job \
                runs `mail remind && mail deliver`). Nothing when MAIL_NOTIFICATIONS_OFF names training_due.
                """)

        func run() async throws {
            try await reportingFailures {
                let settings = try MailSettings.fromEnvironment(ProcessInfo.processInfo.environment)
                try await withAppPool { pool in
                    let roles = RoleService(store: PostgresAccessStore(pool: pool), mail: settings)
                    let training = TrainingService(store: PostgresTrainingStore(pool: pool), access: roles, mail: settings)
                    printError("wrote \(try await training.queueDueReminders()) training reminders to the outbox")
                }
            }
        }
    }

    struct Outbox: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the mails of the outbox, newest first (pending and failed unless --status says), without their addresses.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "Organisation code; leave out for every organisation (county roles).") var org: String?
        @Option(help: "Statuses, comma-separated: pending, sent, failed.") var status = "pending,failed"

        func run() async throws {
            try await reportingFailures {
                let statuses = try status.split(separator: ",").map {
                    try OutboxStatus.named(String($0), field: "status").mapError { BackOfficeError.invalid([$0]) }.get()
                }
                try await acting.withMailOutboxService { service, principal in
                    let entries = try await service.page(of: org, statuses: statuses, limit: nil, for: principal).entries
                    acting.format.print(
                        columns: ["id", "created_at", "organisation", "about", "kind", "status", "attempts", "next_attempt_at", "subject", "last_error"],
                        rows: entries.map {
                            [$0.id.uuidString.lowercased(), TicketTable.moment($0.createdAt), $0.organisationCode,
                             $0.ticketReference ?? $0.courseCode ?? "", $0.kind.rawValue, $0.status.rawValue, String($0.attempts),
                             TicketTable.moment($0.nextAttemptAt), $0.subject, $0.lastError ?? ""]
                        })
                }
            }
        }
    }

    struct Requeue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a failed mail again (its attempts counted anew), with a reason for the audit log.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "The organisation of the mail.") var org: String
        @Option(help: "The mail's id, as `mail outbox` lists it.") var id: String
        @Option(help: "Why it is sent again.") var reason: String

        func run() async throws {
            try await reportingFailures {
                guard let mailID = UUID(uuidString: id) else { throw BackOfficeError.notFound("mail \(id)") }
                try await acting.withMailOutboxService { service, principal in
                    let entry = try await service.requeue(mailID, in: org, reason: reason, by: principal)
                    printError("mail \(entry.id.uuidString.lowercased()) is \(entry.status.rawValue) again")
                }
            }
        }
    }
}
