import ArgumentParser
import BackOffice
import BackOfficeHTTP
import BackOfficePostgres
import BackOfficeWeb
import Foundation
import Hummingbird
import Logging
import Postgres
import ServiceLifecycle

/// `backoffice serve`: the HTTP API, until SIGTERM or SIGINT ends it gracefully.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web pages, the HTTP API, /health/live, /health/ready and /metrics.",
        discussion: """
            Environment: DATABASE_URL, PORT, LOG_LEVEL, LOG_FORMAT (text or json); DATABASE_POOL_SIZE (default: twice the \
            processors plus two) and DATABASE_LEASE_TIMEOUT_SECONDS (default 10) for the database connections; SESSION_IDLE_HOURS (default 8) and SESSION_MAX_HOURS \
            (default 24) for the web pages' sessions; PUBLIC_URL (an https address makes the cookies Secure); \
            METRICS_TOKEN (a bearer token that may read /metrics from elsewhere than loopback); \
            MAIL_FROM, MAIL_DESK_ADDRESSES, SENDMAIL, MAIL_NOTIFICATIONS_OFF (see `backoffice mail --help`) and \
            MAIL_DELIVERY_SECONDS (default 30): how often the server writes the training reminders that are due \
            and delivers the outbox; 0 leaves both to `mail remind` and `mail deliver` (a cron job, or one \
            server of several).
            """)

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (default: $PORT, or 8080).")
    var port: Int?

    @Option(help: "Most database connections the server opens (default: $DATABASE_POOL_SIZE, or twice the processors plus two).")
    var maxConnections: Int?

    @Flag(inversion: .prefixedNo, help: "Record Prometheus metrics and serve them at /metrics.")
    var metrics = true

    func run() async throws {
        try await reportingFailures {
            let environment = ProcessInfo.processInfo.environment
            let logSettings = try LogSettings(environment)
            logSettings.bootstrap()
            var logger = Logger(label: "backoffice")
            logger.logLevel = logSettings.level
            let migrations = try loadMigrations()
            let calendar = try SLACalendar.fromEnvironment(environment)
            let poolSettings = try PoolSettings(environment)
            let pool = ConnectionPool(
                .init(connection: DatabaseSettings().app, maximumConnections: maxConnections ?? poolSettings.size,
                      leaseTimeout: poolSettings.leaseTimeout), logger: logger)
            let mail = try MailSettings.fromEnvironment(environment)
            let roles = RoleService(store: PostgresAccessStore(pool: pool), mail: mail)
            let cursors = HMACCursorSeal.fromEnvironment(environment)
            let tickets = TicketService(
                store: PostgresTicketStore(pool: pool), access: roles, cursors: cursors, calendar: calendar, mail: mail)
            let cannedReplies = CannedReplyService(store: PostgresCannedReplyStore(pool: pool), access: roles, tickets: tickets)
            let deployments = DeploymentService(store: PostgresDeploymentStore(pool: pool), access: roles)
            let training = TrainingService(store: PostgresTrainingStore(pool: pool), access: roles, mail: mail)
            let outbox = MailOutboxService(store: PostgresMailOutbox(pool: pool), access: roles, cursors: cursors)
            let usage = UsageImportService(store: PostgresUsageImportStore(pool: pool))
            let organisations = OrganisationService(store: PostgresOrganisationStore(pool: pool), access: roles)
            let views = SavedViewService(store: PostgresSavedViewStore(pool: pool))
            let endpoint = metrics ? MetricsEndpoint.bootstrap(
                token: environment["METRICS_TOKEN"], sample: { [gauges = ScrapeGauges(pool: pool)] in await gauges.record() }) : nil
            let router = buildRouter(HTTPDependencies(
                readiness: DatabaseReadiness(pool: pool, migrations: migrations), roles: roles,
                tokens: TokenService(store: PostgresTokenStore(pool: pool)),
                organisations: organisations, tickets: tickets, cannedReplies: cannedReplies, deployments: deployments, usage: usage,
                training: training, privacy: PrivacyService(store: PostgresPrivacyStore(pool: pool)), outbox: outbox,
                views: views, cursors: cursors), recordingMetrics: metrics)
            endpoint?.addRoutes(to: router)
            let login = LoginService(
                store: PostgresWebSessionStore(pool: pool), access: roles, hasher: BcryptPasswordHasher(),
                settings: try SessionSettings.fromEnvironment(environment))
            try await WebPages.load(WebDependencies(
                login: login, roles: roles, tickets: tickets, cannedReplies: cannedReplies, deployments: deployments,
                training: training, usage: usage, organisations: organisations, outbox: outbox,
                reports: ReportService(store: PostgresReportStore(pool: pool), access: roles), views: views, calendar: calendar,
                secureCookies: environment["PUBLIC_URL"]?.lowercased().hasPrefix("https://") == true
            )).addRoutes(to: router)
            let listenPort = port ?? environment["PORT"].flatMap(Int.init) ?? 8080
            var services: [any Service] = [pool, AccessCacheService(pool: pool, logger: logger), MemoryTrimService()]
            let deliverySeconds = environment["MAIL_DELIVERY_SECONDS"].flatMap(Int.init) ?? 30
            if deliverySeconds > 0 {
                services.append(MailDeliveryService(
                    training: training, delivery: MailDelivery(store: PostgresMailOutbox(pool: pool), transport: SendmailTransport(mail.sendmail)),
                    interval: .seconds(deliverySeconds), logger: logger))
            }
            let app = Application(
                router: router,
                server: .backOffice,
                configuration: .init(address: .hostname(host, port: listenPort), serverName: "backoffice"),
                services: services,
                logger: logger)
            try await app.runService()
        }
    }
}
