import ArgumentParser
import BackOffice
import Foundation

extension TicketCommand {
    /// `backoffice ticket bulk`: one action on many tickets, each changed on its own.
    struct Bulk: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Assign, move, reprioritise or note up to 200 tickets at once, with one reason.",
            discussion: """
                Each ticket changes in its own transaction through the status machine, with the reason in its history;
                a refusal of one never undoes another. Name a ticket as OULU-TK-12, or OULU-TK-12@3 to refuse it if it
                is no longer at version 3. Prints what became of each; exits 1 when any was refused.
                """)
        @OptionGroup var acting: ActingOptions
        @Option(help: "assign, status, priority or note.") var action: String
        @Option(help: "assign: an e-mail, me, or \"\" for nobody; status: open, waiting, resolved or closed; priority: critical, high, normal or low; note: its text.")
        var value: String?
        @Option(help: "Why; kept in each ticket's history.") var reason: String
        @Argument(help: "The tickets, e.g. OULU-TK-12 or OULU-TK-12@3.") var tickets: [String]

        func run() async throws {
            try await reportingFailures {
                let items = try tickets.map(Self.item)
                try await acting.withTicketService { service, principal in
                    let outcomes = try await service.bulk(
                        TicketBulkRequest(tickets: items, action: action, value: value, reason: reason), by: principal)
                    acting.format.print(columns: ["reference", "outcome", "version", "reason"], rows: outcomes.map(Self.row))
                    let refused = outcomes.filter { if case .refused = $0.result { true } else { false } }.count
                    if refused > 0 { throw CommandFailure.failed("\(refused) of \(outcomes.count) tickets refused") }
                }
            }
        }

        /// `OULU-TK-12` or `OULU-TK-12@3`.
        static func item(_ text: String) throws -> TicketBulkRequest.Item {
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count <= 2, let reference = parts.first, !reference.isEmpty else {
                throw BackOfficeError.invalid("tickets", "\(text) is not a reference such as OULU-TK-12 or OULU-TK-12@3")
            }
            guard parts.count == 2 else { return TicketBulkRequest.Item(reference: String(reference)) }
            guard let version = Int(parts[1]), version > 0 else {
                throw BackOfficeError.invalid("tickets", "\(text): the version after @ is a positive number")
            }
            return TicketBulkRequest.Item(reference: String(reference), version: version)
        }

        static func row(_ outcome: TicketBulkOutcome) -> [String] {
            switch outcome.result {
            case .changed(let version): [outcome.reference, "changed", String(version), ""]
            case .unchanged: [outcome.reference, "unchanged", "", ""]
            case .refused(_, let reason): [outcome.reference, "refused", "", reason]
            }
        }
    }
}
