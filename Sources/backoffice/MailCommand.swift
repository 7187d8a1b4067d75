import ArgumentParser
import BackOffice
import BackOfficePostgres
import Foundation

/// `backoffice mail …`: the desk's mailbox, through the machine's own mail system.
struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "Take in mail to the support desk; deliver and list the mails it sends.",
        discussion: """
            MAIL_FROM is the county-wide desk address (default tuki@pohde.example), MAIL_DESK_ADDRESSES the \
            organisations' own (OULU-TK=tuki-oulu@pohde.example,…), SENDMAIL the sendmail program and its \
            arguments (default /usr/sbin/sendmail), MAIL_NOTIFICATIONS_OFF the kinds not sent (reply, received, \
            resolved, assigned, training_assigned, training_due).
            """,
        subcommands: [Receive.self, Deliver.self, Remind.self, Outbox.self, Requeue.self])

    struct Receive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read one RFC 5322 message on stdin and make it a ticket, or a comment on the ticket it answers.",
            discussion: """
                For the mail system's pipe, e.g. the alias tuki-oulu: "|backoffice mail receive --org OULU-TK". \
                Identity codes are removed before storage; attachments are counted, not stored. Auto-replies, bounces, \
                lists and mail from the desk's own address (MAIL_FROM, MAIL_DESK_ADDRESSES) are ignored, and a \
                Message-ID received before makes nothing new (exit 0). A message over 1 MB or without a text part is \
                refused with exit code 65, so the mail system bounces it; 75 asks it to try again later \
                (database unavailable).
                """)
        @Option(help: "The organisation whose desk address received the mail.") var org: String

        func run() async throws {
            let bytes = FileHandle.standardInput.readData(ofLength: InboundMail.maximumSize + 1)
            let mail: InboundMail
            do {
                mail = try InboundMail([UInt8](bytes))
            } catch {
                printError("backoffice: \(error)")
                throw ExitCode(65)
            }
            try await reportingFailures {
                do {
                    try await receive(mail)
                } catch BackOfficeError.unavailable(let why), BackOfficeError.outcomeUnknown(let why) {
                    printError("backoffice: database unavailable, try again later: \(why)")
                    throw ExitCode(75)
                }
            }
        }

        private func receive(_ mail: InboundMail) async throws {
            let environment = ProcessInfo.processInfo.environment
            let settings = try MailSettings.fromEnvironment(environment)
            let calendar = try SLACalendar.fromEnvironment(environment)
            try await withAppPool { pool in
                let roles = RoleService(store: PostgresAccessStore(pool: pool))
                let service = TicketService(
                    store: PostgresTicketStore(pool: pool), access: roles, cursors: HMACCursorSeal.fromEnvironment(environment),
                    calendar: calendar, mail: settings)
                switch try await service.receive(mail, in: org) {
                case .created(let ticket): print(ticket.reference); printError("created \(ticket.reference)")
                case .commented(let ticket): print(ticket.reference); printError("commented on \(ticket.reference)")
                case .duplicate(let ticket): print(ticket.reference); printError("already received for \(ticket.reference): nothing new")
                case .ignored(let why): printError("ignored: \(why)")
                }
            }
        }
    }
}
