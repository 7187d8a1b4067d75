import ArgumentParser
import BackOffice
import BackOfficePostgres
import Foundation

/// `backoffice privacy access-report`: a resident's extract of the access log.
struct PrivacyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: "What the data protection officer answers residents with.",
        subcommands: [AccessReportCommand.self])

    struct AccessReportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "access-report",
            abstract: "Every read of a resident's contact details across the county (asiakastietolaki 703/2023).",
            discussion: """
                One row per read of each ticket whose resident contact matches the phone number (in any notation: \
                040 123 4567 and +358401234567 are the same) or the e-mail address. County admins only; the report \
                itself is written to the access log with its purpose. Contacts already anonymised cannot be matched.
                """)

        @OptionGroup var acting: ActingOptions
        @Option(help: "The resident's phone number.") var phone: String?
        @Option(help: "The resident's e-mail address.") var email: String?
        @Option(help: "Why the report is made (recorded in the access log).") var purpose: String?

        func run() async throws {
            try await reportingFailures {
                let resident = try ResidentIdentifier.given(phone: phone, email: email)
                try await withAppPool { pool in
                    let roles = RoleService(store: PostgresAccessStore(pool: pool))
                    let principal = try await roles.principal(email: acting.actor, interface: .cli)
                    let report = try await PrivacyService(store: PostgresPrivacyStore(pool: pool))
                        .accessReport(for: resident, purpose: purpose, by: principal)
                    acting.format.print(columns: Self.columns, rows: Self.rows(report))
                    printError("backoffice: \(report.tickets.count) tickets of \(report.contact). \(report.note)")
                }
            }
        }

        static let columns = [
            "ticket", "organisation", "created_at", "status", "closed_at", "read_at", "reader", "roles", "read_in", "interface", "purpose",
        ]

        /// One row per read; a ticket whose contact nobody read has one row with the read columns empty.
        static func rows(_ report: AccessReport) -> [[String]] {
            let time = ISO8601DateFormatter()
            return report.tickets.flatMap { ticket in
                let head = [ticket.reference, ticket.organisationCode, time.string(from: ticket.createdAt), ticket.status.rawValue,
                            ticket.closedAt.map(time.string) ?? ""]
                guard !ticket.reads.isEmpty else { return [head + Array(repeating: "", count: 6)] }
                return ticket.reads.map { read in
                    head + [time.string(from: read.at), read.readerName, read.readerRoles.joined(separator: " "), read.organisationCode,
                            read.interface.rawValue, read.purpose]
                }
            }
        }
    }
}
