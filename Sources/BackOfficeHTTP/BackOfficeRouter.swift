import BackOffice
import Hummingbird

/// What the HTTP adapter needs from the rest of the back office.
public struct HTTPDependencies: Sendable {
    public let readiness: any ReadinessProbe
    public let roles: RoleService
    public let tokens: TokenService
    public let organisations: OrganisationService
    public let tickets: TicketService
    public let cannedReplies: CannedReplyService
    public let deployments: DeploymentService
    public let usage: UsageImportService
    public let training: TrainingService
    public let privacy: PrivacyService
    public let outbox: MailOutboxService
    public let views: SavedViewService
    /// Signs the cursors of every list, so that a forged one is refused.
    public let cursors: any CursorSeal

    public init(
        readiness: any ReadinessProbe, roles: RoleService, tokens: TokenService, organisations: OrganisationService,
        tickets: TicketService, cannedReplies: CannedReplyService, deployments: DeploymentService, usage: UsageImportService,
        training: TrainingService, privacy: PrivacyService, outbox: MailOutboxService, views: SavedViewService,
        cursors: any CursorSeal
    ) {
        self.readiness = readiness
        self.roles = roles
        self.tokens = tokens
        self.organisations = organisations
        self.tickets = tickets
        self.cannedReplies = cannedReplies
        self.deployments = deployments
        self.usage = usage
        self.training = training
        self.privacy = privacy
        self.outbox = outbox
        self.views = views
        self.cursors = cursors
    }
}

/// The router with every route of the back office; the same one serves and is tested.
/// `recordingMetrics` counts and times each request by route pattern (Hummingbird's
/// `MetricsMiddleware`), for a server that bootstrapped `MetricsEndpoint`.
public func buildRouter(_ dependencies: HTTPDependencies, recordingMetrics: Bool = false) -> Router<BackOfficeRequestContext> {
    let served = Router(context: BackOfficeRequestContext.self)
    addRoutes(dependencies, to: served)
    let router = Router(context: BackOfficeRequestContext.self)
    // Outside the log middleware, which answers errors itself: refusals are timed too.
    if recordingMetrics { router.add(middleware: MetricsMiddleware()) }
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ProblemMiddleware(methodNotAllowed: MethodNotAllowed(served: served.routes)))
    addRoutes(dependencies, to: router)
    return router
}

private func addRoutes(_ dependencies: HTTPDependencies, to router: Router<BackOfficeRequestContext>) {
    HealthController<BackOfficeRequestContext>(probe: dependencies.readiness).addRoutes(to: router)
    OpenAPIDocument.addRoute(to: router)
    let api = router.group("api/v1").add(middleware: BearerAuthMiddleware(tokens: dependencies.tokens))
    AccessController(roles: dependencies.roles, tokens: dependencies.tokens, cursors: dependencies.cursors).addRoutes(to: api)
    OrganisationController(organisations: dependencies.organisations).addRoutes(to: api)
    CountyRoleController(roles: dependencies.roles, cursors: dependencies.cursors).addRoutes(to: api)
    TicketController(tickets: dependencies.tickets, cursors: dependencies.cursors).addRoutes(to: api)
    CannedReplyController(replies: dependencies.cannedReplies, cursors: dependencies.cursors).addRoutes(to: api)
    DeploymentController(deployments: dependencies.deployments, cursors: dependencies.cursors).addRoutes(to: api)
    UsageController(usage: dependencies.usage, cursors: dependencies.cursors).addRoutes(to: api)
    TrainingController(training: dependencies.training, cursors: dependencies.cursors).addRoutes(to: api)
    PrivacyController(privacy: dependencies.privacy).addRoutes(to: api)
    MailController(outbox: dependencies.outbox).addRoutes(to: api)
    SavedViewController(views: dependencies.views).addRoutes(to: api)
    TicketMergeController(tickets: dependencies.tickets).addRoutes(to: api)
}
