import ArgumentParser
import BackOffice
import Foundation

/// `backoffice person list|show|deactivate|set-password|set-language` (and `person add`, the same as `member add`).
struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "The people of organisations: list, show, add, deactivate, set their web password and the language of their mails.",
        subcommands: [MemberCommand.Add.self, List.self, Show.self, Deactivate.self, SetPassword.self, SetLanguage.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the people of an organisation and their active roles.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "Organisation code.") var org: String

        func run() async throws {
            try await reportingFailures {
                try await acting.withRoleService { service, principal in
                    let now = Date()
                    acting.format.print(
                        columns: ["email", "full_name", "active", "roles"],
                        rows: try await service.members(of: org, for: principal).map { member in
                            [member.person.email, member.person.fullName, String(member.person.active),
                             member.activeGrants(at: now).map(\.roleName).sorted().joined(separator: " ")]
                        })
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a person's roles in the organisations you may see the people of.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The person's e-mail address.") var email: String

        func run() async throws {
            try await reportingFailures {
                try await acting.withRoleService { service, principal in
                    let rows = try await service.memberships(of: email, for: principal).map {
                        GrantTable.row($0.grant, email: $0.organisation.code)
                    }
                    acting.format.print(columns: ["grant", "organisation"] + GrantTable.columns.dropFirst(2), rows: rows)
                }
            }
        }
    }

    struct Deactivate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "End a person's membership of an organisation (--org), or deactivate them everywhere (county admins).")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The person's e-mail address.") var email: String
        @Option(help: "Organisation code; leave out to deactivate the person in every organisation.") var org: String?
        @Option(help: "Why (required; recorded in the audit log).") var reason: String

        func run() async throws {
            try await reportingFailures {
                try await acting.withRoleService { service, principal in
                    if let org {
                        try await service.deactivateMember(email, in: org, reason: reason, by: principal)
                        printError("backoffice: \(email) is no longer an active member of \(org.uppercased())")
                    } else {
                        try await service.deactivatePerson(email, reason: reason, by: principal)
                        printError("backoffice: \(email) is deactivated in every organisation")
                    }
                }
            }
        }
    }
}
