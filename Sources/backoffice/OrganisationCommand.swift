import ArgumentParser
import BackOffice
import BackOfficePostgres
import Postgres

/// `backoffice org list|show|create|update` and `backoffice region list|create`.
struct OrganisationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "List and keep organisations (creating and changing them is for county admins).",
        subcommands: [List.self, Show.self, Create.self, Update.self])

    /// The fields an organisation command may set.
    struct FieldOptions: ParsableArguments {
        @Option(help: "Name, e.g. \"Kuusamon terveysasema\".") var name: String?
        @Option(help: "Region code (see `backoffice region list`).") var region: String?
        @Option(help: "health_centre, social_services, oral_health, hospital or other.") var kind: String?
        @Option(help: "Residents the organisation serves.") var population: Int?

        func fields(code: String?, active: Bool? = nil) -> OrganisationService.Fields {
            .init(code: code, name: name, regionCode: region, kind: kind, populationServed: population, active: active)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the organisations you have a role in (all for county roles).")
        @OptionGroup var acting: ActingOptions

        func run() async throws {
            try await reportingFailures {
                try await acting.withRoleService { service, principal in
                    OrganisationTable.print(try await service.organisations(for: principal), format: acting.format)
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one organisation.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Organisation code.") var code: String

        func run() async throws {
            try await reportingFailures {
                try await acting.withRoleService { service, principal in
                    OrganisationTable.print([try await service.organisation(code, for: principal)], format: acting.format)
                }
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an organisation (county admins).")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Code: letters A-Z and digits in groups joined by hyphens, e.g. KUUSAMO-SOS.") var code: String
        @OptionGroup var fields: FieldOptions

        func run() async throws {
            try await reportingFailures {
                try await acting.withOrganisationService { service, principal in
                    OrganisationTable.print([try await service.create(fields.fields(code: code), by: principal)], format: acting.format)
                }
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an organisation (county admins); unnamed fields stay.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Code of the organisation to change.") var code: String
        @Option(help: "A new code.") var newCode: String?
        @OptionGroup var fields: FieldOptions
        @Option(help: "true to activate, false to deactivate.") var active: Bool?
        @Option(help: "Why the change is made (recorded in the audit log).") var reason: String?

        func run() async throws {
            try await reportingFailures {
                try await acting.withOrganisationService { service, principal in
                    let updated = try await service.update(code, with: fields.fields(code: newCode, active: active), reason: reason, by: principal)
                    OrganisationTable.print([updated], format: acting.format)
                }
            }
        }
    }
}

/// `backoffice region list|create`.
struct RegionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region", abstract: "List, create and rename the county's regions.",
        subcommands: [List.self, Create.self, Rename.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the regions.")
        @OptionGroup var acting: ActingOptions

        func run() async throws {
            try await reportingFailures {
                try await acting.withOrganisationService { service, _ in
                    acting.format.print(columns: ["code", "name"], rows: try await service.regions().map { [$0.code, $0.name] })
                }
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a region (county admins).")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Code: lowercase letters and digits joined by underscores, e.g. koillismaa.") var code: String
        @Option(help: "Name, e.g. Koillismaa.") var name: String

        func run() async throws {
            try await reportingFailures {
                try await acting.withOrganisationService { service, principal in
                    let region = try await service.createRegion(code: code, name: name, by: principal)
                    acting.format.print(columns: ["code", "name"], rows: [[region.code, region.name]])
                }
            }
        }
    }
}

extension RegionCommand {
    struct Rename: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rename a region (county admins).")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The region's code.") var code: String
        @Option(help: "The new name.") var name: String

        func run() async throws {
            try await reportingFailures {
                try await acting.withOrganisationService { service, principal in
                    let region = try await service.renameRegion(code: code, to: name, by: principal)
                    acting.format.print(columns: ["code", "name"], rows: [[region.code, region.name]])
                }
            }
        }
    }
}

/// How organisations print.
enum OrganisationTable {
    static func print(_ organisations: [Organisation], format: OutputFormat) {
        format.print(
            columns: ["code", "name", "region", "kind", "population_served", "active"],
            rows: organisations.map { [$0.code, $0.name, $0.regionCode ?? "", $0.kind.rawValue, String($0.populationServed), String($0.active)] })
    }
}
