import ArgumentParser
import Foundation
import BackOffice

/// `backoffice member add`: a person joins an organisation.
struct MemberCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "Add people to an organisation.",
        subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a person (created on first use, one identity per e-mail) to an organisation.")

        @OptionGroup var acting: ActingOptions
        @Option(help: "Organisation code.") var org: String
        @Option(help: "The person's e-mail address.") var email: String
        @Option(help: "The person's full name.") var name: String

        func run() async throws {
            try await reportingFailures {
                try await acting.withRoleService { service, principal in
                    let person = try await service.addMember(email: email, fullName: name, to: org, by: principal).person
                    acting.format.print(
                        columns: ["person", "email", "full_name", "organisation"],
                        rows: [[person.id.uuidString.lowercased(), person.email, person.fullName, org.uppercased()]])
                }
            }
        }
    }
}
