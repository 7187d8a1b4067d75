import ArgumentParser
import BackOffice
import Foundation

extension TicketCommand {
    /// `backoffice ticket merge OULU-TK-7 --into OULU-TK-3 --as EMAIL`.
    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge a duplicate into its original: the duplicate is closed with a link, its comments shown on the original.",
            discussion: "Only within one organisation, into a ticket that is not closed; the original's SLA stays its own.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var ticket: Locator
        @Option(help: "The original's reference, e.g. OULU-TK-3 (or its number).") var into: String
        @Option(help: "The version of the duplicate you read; refused if it changed meanwhile.") var version: Int?

        func run() async throws {
            try await reportingFailures {
                let code = try ticket.organisation
                try await acting.withTicketService { service, principal in
                    let (merged, original) = try await service.merge(
                        ticket.reference, into: into, in: code, expectedVersion: version, by: principal)
                    acting.format.print(record: TicketTable.fields(merged))
                    FileHandle.standardError.write(Data("\(merged.reference) merged into \(original.reference)\n".utf8))
                }
            }
        }
    }
}
