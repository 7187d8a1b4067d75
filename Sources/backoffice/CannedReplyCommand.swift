import ArgumentParser
import BackOffice
import BackOfficePostgres
import Foundation
import Postgres

/// `backoffice canned-reply …`: the desk's canned replies (vastausmallit).
struct CannedReplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canned-reply",
        abstract: "Keep the canned replies of the county's desk (without --org) and of organisations (--org).",
        discussion: """
            Bodies may hold placeholders filled from the ticket when a reply is inserted: \
            \(CannedReplyPlaceholder.namesListed).
            """,
        subcommands: [List.self, Add.self, Edit.self, Remove.self])

    static let columns = ["id", "set", "title", "uses", "last_used_at", "body_fi", "body_en"]

    static func row(_ reply: CannedReply) -> [String] {
        [reply.id.uuidString.lowercased(), reply.countyWide ? "county" : reply.organisationCode, reply.title, String(reply.useCount),
         reply.lastUsedAt.map(TicketTable.moment) ?? "", reply.bodyFinnish, reply.bodyEnglish ?? ""]
    }

    /// The fields of `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "Title (1 to 120 characters), unique in its set.") var title: String
        @Option(name: .customLong("body-fi"), help: "The Finnish body, e.g. \"Hei, tukipyyntönne {{viite}} on vastaanotettu.\"")
        var bodyFinnish: String
        @Option(name: .customLong("body-en"), help: "The English body (optional).") var bodyEnglish: String?

        var fields: CannedReplyFields { CannedReplyFields(title: title, bodyFinnish: bodyFinnish, bodyEnglish: bodyEnglish) }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a set (--org CODE), or every set you may read, with their use counts.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "The organisation's code; the county's own code for the county-wide set.") var org: String?

        func run() async throws {
            try await reportingFailures {
                try await acting.withCannedReplyService { service, principal in
                    acting.format.print(columns: CannedReplyCommand.columns, rows: try await service.replies(in: org, for: principal).map(CannedReplyCommand.row))
                }
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a reply to the county-wide set, or to --org's set.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "The organisation's code; leave out for the county-wide set.") var org: String?
        @OptionGroup var fields: Fields

        func run() async throws {
            try await reportingFailures {
                try await acting.withCannedReplyService { service, principal in
                    let reply = try await service.create(fields.fields, in: org, by: principal)
                    acting.format.print(columns: CannedReplyCommand.columns, rows: [CannedReplyCommand.row(reply)])
                }
            }
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a reply: every field again.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The reply's id.") var id: String
        @OptionGroup var fields: Fields

        func run() async throws {
            try await reportingFailures {
                let id = try CannedReplyCommand.id(id)
                try await acting.withCannedReplyService { service, principal in
                    let reply = try await service.update(id, to: fields.fields, by: principal)
                    acting.format.print(columns: CannedReplyCommand.columns, rows: [CannedReplyCommand.row(reply)])
                }
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a reply.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The reply's id.") var id: String

        func run() async throws {
            try await reportingFailures {
                let id = try CannedReplyCommand.id(id)
                try await acting.withCannedReplyService { service, principal in
                    try await service.delete(id, by: principal)
                    printError("removed canned reply \(id.uuidString.lowercased())")
                }
            }
        }
    }

    static func id(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw BackOfficeError.notFound("canned reply \(text)") }
        return id
    }
}

extension ActingOptions {
    /// Runs `body` with the canned-reply service and the acting principal.
    func withCannedReplyService(_ body: (CannedReplyService, Principal) async throws -> Void) async throws {
        try await withTicketService { tickets, roles, pool, principal in
            try await body(CannedReplyService(store: PostgresCannedReplyStore(pool: pool), access: roles, tickets: tickets), principal)
        }
    }
}
