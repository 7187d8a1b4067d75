import ArgumentParser
import BackOfficePostgres

/// `backoffice seed demo`.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Load data sets into the database.",
        subcommands: [Demo.self])

    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the demo county (regions and organisations); safe to run again.")

        func run() async throws {
            try await reportingFailures {
                let added = try await DatabaseSettings().withOwnerConnection { try await DemoSeed().load(on: $0) }
                printError("backoffice: demo data loaded (\(added.regions) regions and \(added.organisations) organisations added)")
            }
        }
    }
}
