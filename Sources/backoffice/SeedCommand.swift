import ArgumentParser
import BackOffice
import BackOfficePostgres
import Postgres

/// `backoffice seed demo`.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Load data sets into the database.",
        subcommands: [Demo.self])

    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the demo county (regions, organisations, people in every role); safe to run again.")

        func run() async throws {
            try await reportingFailures {
                let settings = DatabaseSettings()
                let added = try await settings.withOwnerConnection { try await DemoSeed().load(on: $0) }
                let app = ConnectionPool(.init(connection: settings.app, maximumConnections: 2))
                let grants: Int
                do {
                    grants = try await DemoSeed().loadPeople(app: app)
                    await app.close()
                } catch {
                    await app.close()
                    throw error
                }
                printError("backoffice: demo data loaded (\(added.regions) regions, \(added.organisations) organisations and \(grants) role grants added)")
                printError("backoffice: try `backoffice role list --as \(DemoData.people[3].email) --org \(DemoData.people[3].organisationCode)`")
            }
        }
    }
}
