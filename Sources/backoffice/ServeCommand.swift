import ArgumentParser
import BackOffice
import BackOfficeHTTP
import BackOfficePostgres
import Foundation
import Hummingbird
import Logging
import Postgres

/// `backoffice serve`: the HTTP API, until SIGTERM or SIGINT ends it gracefully.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API (and /health/live, /health/ready).")

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (default: $PORT, or 8080).")
    var port: Int?

    @Option(help: "Most database connections the server opens.")
    var maxConnections = 16

    func run() async throws {
        try await reportingFailures {
            var logger = Logger(label: "backoffice")
            logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
            let migrations = try loadMigrations()
            let calendar = try SLACalendar.fromEnvironment(ProcessInfo.processInfo.environment)
            let pool = ConnectionPool(
                .init(connection: DatabaseSettings().app, maximumConnections: maxConnections), logger: logger)
            let roles = RoleService(store: PostgresAccessStore(pool: pool))
            let router = buildRouter(HTTPDependencies(
                readiness: DatabaseReadiness(pool: pool, migrations: migrations), roles: roles,
                tokens: TokenService(store: PostgresTokenStore(pool: pool)),
                organisations: OrganisationService(store: PostgresOrganisationStore(pool: pool), access: roles),
                tickets: TicketService(store: PostgresTicketStore(pool: pool), access: roles, calendar: calendar),
                deployments: DeploymentService(store: PostgresDeploymentStore(pool: pool), access: roles),
                usage: UsageImportService(store: PostgresUsageImportStore(pool: pool)),

                training: TrainingService(store: PostgresTrainingStore(pool: pool), access: roles)))
            let listenPort = port ?? ProcessInfo.processInfo.environment["PORT"].flatMap(Int.init) ?? 8080
            let app = Application(
                router: router,
                configuration: .init(address: .hostname(host, port: listenPort), serverName: "backoffice"),
                services: [pool],
                logger: logger)
            try await app.runService()
        }
    }
}
