import ArgumentParser
import BackOffice
import Foundation

/// `backoffice role grant|revoke|list`: organisation roles.
struct RoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role",
        abstract: "Grant, revoke and list the roles of an organisation's people.",
        subcommands: [Grant.self, Revoke.self, List.self])

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grant a role: an organisation role to a member with --org, or a county role without it.")

        @OptionGroup var acting: ActingOptions
        @Option(help: "Organisation code, e.g. OULU-TK; leave out for a county role.") var org: String?
        @Option(help: "E-mail of the person who gets the role.") var person: String
        @Option(help: "org_admin, omaolo_contact or professional; county_admin, support_agent or reporter without --org.")
        var role: String
        @Option(help: "Why the role is granted (required).") var reason: String
        @Option(help: "Last day of the grant (YYYY-MM-DD), if it ends.") var validUntil: String?

        func run() async throws {
            try await reportingFailures {
                let until = try validUntil.map(Day.endOf)
                try await acting.withRoleService { service, principal in
                    let grant: RoleGrant
                    if let org {
                        guard let role = OrganisationRole(rawValue: role) else {
                            throw BackOfficeError.invalid("role", "must be one of \(OrganisationRole.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                        grant = try await service.grant(role, to: person, in: org, validUntil: until, reason: reason, by: principal).grant
                    } else {
                        guard let role = CountyRole(rawValue: role) else {
                            throw BackOfficeError.invalid("role", "without --org must be one of \(CountyRole.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                        grant = try await service.grantCounty(role, to: person, validUntil: until, reason: reason, by: principal).grant
                    }
                    acting.format.print(columns: GrantTable.columns, rows: [GrantTable.row(grant, email: person)])
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a role grant, with a reason.")

        @OptionGroup var acting: ActingOptions
        @Option(help: "Organisation code; leave out for a county role grant.") var org: String?
        @Option(help: "The grant's id (from `role list`).") var grant: String
        @Option(help: "Why the role is revoked (required).") var reason: String

        func run() async throws {
            try await reportingFailures {
                guard let id = UUID(uuidString: grant) else { throw BackOfficeError.invalid("grant", "is not a grant id") }
                try await acting.withRoleService { service, principal in
                    let revoked = if let org {
                        try await service.revoke(grantID: id, in: org, reason: reason, by: principal)
                    } else {
                        try await service.revokeCounty(grantID: id, reason: reason, by: principal)
                    }
                    acting.format.print(columns: GrantTable.columns, rows: [GrantTable.row(revoked, email: "")])
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the members of an organisation and their grants.")

        @OptionGroup var acting: ActingOptions
        @Option(help: "Organisation code.") var org: String
        @Flag(help: "Include revoked and expired grants.") var all = false

        func run() async throws {
            try await reportingFailures {
                try await acting.withRoleService { service, principal in
                    let grants = try await service.grants(in: org, includeEnded: all, for: principal)
                    acting.format.print(columns: GrantTable.columns, rows: grants.map { GrantTable.row($0.grant, email: $0.person.email) })
                }
            }
        }
    }
}

/// How grants print.
enum GrantTable {
    static let columns = ["grant", "person", "role", "valid_from", "valid_until", "revoked_at", "reason"]

    static func row(_ grant: RoleGrant, email: String) -> [String] {
        let format = ISO8601DateFormatter()
        return [grant.id.uuidString.lowercased(), email, grant.roleName, format.string(from: grant.validFrom),
                grant.validUntil.map(format.string) ?? "", grant.revokedAt.map(format.string) ?? "",
                grant.revokeReason ?? grant.reason]
    }
}

/// Calendar days typed on the command line.
enum Day {
    /// The end of day `text` (YYYY-MM-DD) in Helsinki time.
    static func endOf(_ text: String) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Helsinki")!
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3,
              let start = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              calendar.component(.day, from: start) == parts[2],
              let end = calendar.date(byAdding: .day, value: 1, to: start)
        else { throw BackOfficeError.invalid("valid_until", "must be a date YYYY-MM-DD") }
        return end
    }
}
