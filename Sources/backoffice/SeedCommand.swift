import ArgumentParser
import Foundation
import BackOffice
import BackOfficePostgres
import BackOfficeWeb
import Postgres

/// `backoffice seed demo`.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Load data sets into the database.",
        subcommands: [Demo.self])

    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the demo county (regions, organisations, people in every role, a few hundred tickets, deployments, 24 months of usage, courses and training tasks, the training each service needs); safe to run again.")

        func run() async throws {
            try await reportingFailures {
                let settings = DatabaseSettings()
                let added = try await settings.withOwnerConnection { try await DemoSeed().load(on: $0) }
                try await withAppPool { app in
                    let grants = try await DemoSeed().loadPeople(app: app)
                    let passwords = try await app.holdingSeedLock {
                        try await PostgresWebSessionStore(pool: app).giveMissingPasswords(
                            emails: DemoData.people.map(\.email)) { try await BcryptPasswordHasher().hash(DemoData.password) }
                    }
                    let tickets = try await DemoTicketSeed().load(app: app)
                    let deployed = try await DemoDeploymentSeed().load(app: app)
                    let training = try await DemoTrainingSeed().load(app: app)
                    let readiness = try await DemoReadinessSeed().load(app: app)
                    let replies = try await DemoCannedReplySeed().load(app: app)
                    printError("""
                        backoffice: demo data loaded (\(added.regions) regions, \(added.organisations) organisations, \(grants) role grants, \
                        \(passwords) passwords, \(tickets) tickets, \(deployed.deployments) deployments, \(deployed.usageRows) usage rows, \
                        \(training.courses) courses, \(training.tasks) training tasks and \(replies) canned replies added; training rules set for \
                        \(readiness.services) services)
                        """)
                    try await printTokens(app: app)
                    printError("Demo password of every demo person on the web pages (/login; `person set-password` changes one):")
                    printError("  \(DemoData.password)")
                }
                try await withPool(settings.owner, maximumConnections: 2) { owner in
                    let granted = try await DemoReportingLoginSeed().grant(owner: owner)
                    printError("Demo reporting login (every organisation; `make run` gives it a new password each time):")
                    ReportingLoginText.printGranted(granted.login, target: granted.target, passwordFromFile: false)
                }
            }
        }
    }

    /// One fresh API token for a person of each role, so the API can be tried at once.
    static func printTokens(app: ConnectionPool) async throws {
        let roles = RoleService(store: PostgresAccessStore(pool: app))
        let tokens = TokenService(store: PostgresTokenStore(pool: app))
        let exemplars = DemoData.people.reduce(into: [String: DemoData.DemoPerson]()) { first, person in
            if first[person.role] == nil { first[person.role] = person }
        }
        printError("Demo API tokens (shown once; `make run` makes new ones each time):")
        for role in ["county_admin", "support_agent", "reporter", "org_admin", "omaolo_contact", "professional"] {
            guard let person = exemplars[role] else { continue }
            let principal = try await roles.principal(email: person.email, interface: .system)
            let made = try await tokens.create(for: principal.personID, name: "demo", expiresInDays: 30)
            printError("  \(role.padding(toLength: 15, withPad: " ", startingAt: 0)) \(person.email.padding(toLength: 40, withPad: " ", startingAt: 0)) \(made.secret)")
        }
    }
}
