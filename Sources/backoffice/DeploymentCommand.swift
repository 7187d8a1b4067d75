import ArgumentParser
import BackOffice
import Foundation

/// `backoffice deployment services|list|show|create|status|history`.
struct DeploymentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deployment",
        abstract: "Follow and change which Omaolo services an organisation has deployed.",
        subcommands: [Services.self, List.self, Show.self, Create.self, Status.self, History.self])

    /// The organisation and service a command is about.
    struct Target: ParsableArguments {
        @Option(help: "Organisation code, e.g. OULU-TK.") var org: String
        @Argument(help: "Service code, e.g. symptom_back_pain (see `deployment services`).") var service: String
    }

    struct Services: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the county's Omaolo service catalogue.")
        @OptionGroup var acting: ActingOptions

        func run() async throws {
            try await reportingFailures {
                try await acting.withDeploymentService { service, _ in
                    acting.format.print(
                        columns: ["code", "family", "name_fi", "name_en", "active"],
                        rows: try await service.services().map { [$0.code, $0.family.rawValue, $0.nameFi, $0.nameEn, String($0.active)] })
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an organisation's deployments.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "Organisation code, e.g. OULU-TK.") var org: String

        func run() async throws {
            try await reportingFailures {
                try await acting.withDeploymentService { service, principal in
                    DeploymentTable.print(try await service.deployments(in: org, for: principal), format: acting.format)
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one deployment.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target

        func run() async throws {
            try await reportingFailures {
                try await acting.withDeploymentService { service, principal in
                    DeploymentTable.print(
                        [try await service.deployment(of: target.service, in: target.org, for: principal)], format: acting.format)
                }
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan the deployment of a service (county admins, the organisation's org_admins and Omaolo contacts).")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target
        @Option(help: "E-mail of the member responsible.") var owner: String
        @Option(help: "Planned start day, YYYY-MM-DD.") var plannedStart: String?
        @Option(help: "A note for the history.") var note: String?

        func run() async throws {
            try await reportingFailures {
                try await acting.withDeploymentService { service, principal in
                    let created = try await service.create(
                        service: target.service, plannedStart: plannedStart, owner: owner, note: note, in: target.org, by: principal)
                    DeploymentTable.print([created], format: acting.format)
                }
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a deployment to another status: planned → piloting → live ⇄ paused, any → retired.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target
        @Option(help: "piloting, live, paused or retired.") var to: String
        @Option(help: "A note for the history.") var note: String?
        @Option(help: "The version you read (from `deployment show`); refused if it changed meanwhile.") var version: Int?

        func run() async throws {
            try await reportingFailures {
                try await acting.withDeploymentService { service, principal in
                    let changed = try await service.changeStatus(
                        of: target.service, to: to, note: note, expectedVersion: version, in: target.org, by: principal)
                    DeploymentTable.print([changed], format: acting.format)
                }
            }
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a deployment's history, oldest first.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target

        func run() async throws {
            try await reportingFailures {
                try await acting.withDeploymentService { service, principal in
                    let events = try await service.history(of: target.service, in: target.org, for: principal)
                    let format = ISO8601DateFormatter()
                    acting.format.print(
                        columns: ["at", "actor", "from", "to", "interface", "note"],
                        rows: events.map {
                            [format.string(from: $0.at), $0.actorEmail ?? "", $0.from?.rawValue ?? "", $0.to.rawValue,
                             $0.interface.rawValue, $0.note ?? ""]
                        })
                }
            }
        }
    }
}

/// How deployments print.
enum DeploymentTable {
    static func print(_ deployments: [Deployment], format: OutputFormat) {
        format.print(
            columns: ["service", "status", "planned_start", "live_since", "retired_on", "owner", "version"],
            rows: deployments.map {
                [$0.serviceCode, $0.status.rawValue, $0.plannedStart?.description ?? "", $0.liveSince?.description ?? "",
                 $0.retiredOn?.description ?? "", $0.ownerEmail ?? "", String($0.version)]
            })
    }
}
