import ArgumentParser
import BackOffice
import Foundation

/// `backoffice deployment services|requirements|list|show|create|status|history|at-risk`.
struct DeploymentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deployment",
        abstract: "Follow and change which Omaolo services an organisation has deployed.",
        subcommands: [Services.self, Requirements.self, List.self, Show.self, Create.self, Status.self, History.self, AtRisk.self])

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
                    DeploymentTable.print(try await service.services(), format: acting.format)
                }
            }
        }
    }

    struct Requirements: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the courses a service's users must hold and its readiness threshold (county admins).",
            discussion: "Name one service, or a family to set every service of it. Live deployments stay live; those below the new rules show in `deployment at-risk`.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "A service code, e.g. symptom_back_pain.") var service: String?
        @Option(help: "A service family, e.g. symptom_assessment: every service of it.") var family: String?
        @Option(help: "The required course codes, comma-separated; \"\" for none. Replaces the list.") var courses: String?
        @Option(help: "The readiness threshold, percent (default 80).") var threshold: Int?

        func validate() throws {
            guard (service == nil) != (family == nil) else { throw ValidationError("give either --service or --family") }
            if let family, OmaoloServiceFamily(rawValue: family) == nil {
                throw ValidationError("--family must be one of \(OmaoloServiceFamily.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            try await reportingFailures {
                let selection: ServiceSelection = service.map { .service($0) } ?? .family(OmaoloServiceFamily(rawValue: family ?? "")!)
                let required = courses.map { $0.split(separator: ",").map(String.init) }
                try await acting.withDeploymentService { deployments, principal in
                    DeploymentTable.print(
                        try await deployments.setReadinessRules(of: selection, requiredCourses: required, threshold: threshold, by: principal),
                        format: acting.format)
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
                        service: target.service, plannedStart: plannedStart, owner: owner, note: note, in: target.org, by: principal).deployment
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
        @Option(help: "County admins: go past the training gate, for this reason (20 characters or more).") var overrideReason: String?

        func run() async throws {
            try await reportingFailures {
                try await acting.withDeploymentService { service, principal in
                    let changed = try await service.changeStatus(
                        of: target.service, to: to, note: note, expectedVersion: version, overrideReason: overrideReason,
                        in: target.org, by: principal)
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
                        columns: ["at", "actor", "from", "to", "interface", "note", "override_reason"],
                        rows: events.map {
                            [format.string(from: $0.at), $0.actorEmail ?? "", $0.from?.rawValue ?? "", $0.to.rawValue,
                             $0.interface.rawValue, $0.note ?? "", $0.overrideReason ?? ""]
                        })
                }
            }
        }
    }

    struct AtRisk: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "at-risk",
            abstract: "List live deployments whose training readiness is below their service's threshold, with what is missing.",
            discussion: "Every organisation's for county roles, otherwise your organisations'. The open tasks of a missing course: `backoffice training list --org ORG --course COURSE --status assigned,in_progress`.")
        @OptionGroup var acting: ActingOptions

        func run() async throws {
            try await reportingFailures {
                try await acting.withDeploymentService { service, principal in
                    let list = try await service.atRisk(for: principal)
                    acting.format.print(
                        columns: ["organisation"] + DeploymentTable.columns,
                        rows: list.map { [$0.organisationCode] + DeploymentTable.row($0.deployment) })
                }
            }
        }
    }
}

/// How deployments and the service catalogue print.
enum DeploymentTable {
    static let columns = [
        "service", "status", "readiness", "threshold", "lacking", "owner_trained", "contacts_trained", "planned_start", "live_since",
        "retired_on", "owner", "version", "override_reason",
    ]

    static func row(_ deployment: Deployment) -> [String] {
        let readiness = deployment.readiness
        return [
            deployment.serviceCode, deployment.statusLabel,
            readiness.map { "\($0.percentText) (\($0.fullyTrained)/\($0.people))" } ?? "",
            readiness.map { "\($0.thresholdPercent) %" } ?? "", readiness?.gapsText ?? "",
            readiness.map { String($0.ownerTrained) } ?? "", readiness.map { "\($0.contactsTrained)/\($0.contacts)" } ?? "",
            deployment.plannedStart?.description ?? "", deployment.liveSince?.description ?? "",
            deployment.retiredOn?.description ?? "", deployment.ownerEmail ?? "", String(deployment.version),
            deployment.overrideReason ?? "",
        ]
    }

    static func print(_ deployments: [Deployment], format: OutputFormat) {
        format.print(columns: columns, rows: deployments.map(row))
    }

    static func print(_ services: [OmaoloService], format: OutputFormat) {
        format.print(
            columns: ["code", "family", "name_fi", "name_en", "active", "readiness_threshold", "required_courses"],
            rows: services.map {
                [$0.code, $0.family.rawValue, $0.nameFi, $0.nameEn, String($0.active), String($0.readinessThreshold),
                 $0.requiredCourses.joined(separator: ",")]
            })
    }
}
