import BackOffice
import Hummingbird

/// The web pages of the support desk, added to the router beside the JSON API: every page
/// with the security headers and error pages; all but the static files and the language
/// switch with the session, and every form checked against cross-site forgery.
public struct WebPages: Sendable {
    let dependencies: WebDependencies
    let renderer: PageRenderer
    let cookies: WebCookies

    /// Loads the templates, the language catalogues and the static files.
    public static func load(_ dependencies: WebDependencies) async throws -> WebPages {
        WebPages(dependencies: dependencies, renderer: try await PageRenderer.load(), cookies: WebCookies(secure: dependencies.secureCookies))
    }

    public func addRoutes<Parent: RemoteAddressRequestContext>(to router: Router<Parent>) throws {
        let pages = router.group(context: WebContext<Parent>.self)
            .add(middleware: SecurityHeadersMiddleware())
            .add(middleware: ErrorPageMiddleware(renderer: renderer))
        try StaticFiles<Parent>.load().addRoutes(to: pages)
        LanguageSwitch<Parent>(cookies: cookies).addRoutes(to: pages)
        pages.add(middleware: SessionMiddleware(login: dependencies.login))
            .add(middleware: FormGuardMiddleware())
        LoginPages<Parent>(login: dependencies.login, renderer: renderer, cookies: cookies).addRoutes(to: pages)
        QueuePage<Parent>(dependencies: dependencies, renderer: renderer).addRoutes(to: pages)
        NewTicketPage<Parent>(dependencies: dependencies, renderer: renderer).addRoutes(to: pages)
        TicketDetailPage<Parent>(dependencies: dependencies, renderer: renderer).addRoutes(to: pages)
        PresenceEndpoint<Parent>(dependencies: dependencies, renderer: renderer).addRoutes(to: pages)
        SavedViewsPage<Parent>(dependencies: dependencies, renderer: renderer).addRoutes(to: pages)
        let admin = AdminRendering(dependencies: dependencies, renderer: renderer)
        BulkActionPage<Parent>(pages: admin).addRoutes(to: pages)
        CannedRepliesPage<Parent>(pages: admin).addRoutes(to: pages)
        OrganisationsPage<Parent>(pages: admin).addRoutes(to: pages)
        MembersPage<Parent>(pages: admin).addRoutes(to: pages)
        PersonPage<Parent>(pages: admin).addRoutes(to: pages)
        CountyRolesPage<Parent>(pages: admin).addRoutes(to: pages)
        TrainingPage<Parent>(pages: admin).addRoutes(to: pages)
        MyTrainingPage<Parent>(pages: admin).addRoutes(to: pages)
        DeploymentPages<Parent>(pages: admin).addRoutes(to: pages)
        UsagePage<Parent>(pages: admin).addRoutes(to: pages)
        CoursesPage<Parent>(pages: admin).addRoutes(to: pages)
        RegionsPage<Parent>(pages: admin).addRoutes(to: pages)
        OutboxPage<Parent>(pages: admin).addRoutes(to: pages)
        MySettingsPage<Parent>(pages: admin, cookies: cookies).addRoutes(to: pages)
        ReportPages<Parent>(pages: admin).addRoutes(to: pages)
        // Any other path a browser asks for is the not-found page (under /api/, the API's problem).
        pages.get("**") { _, _ -> Response in throw HTTPError(.notFound) }
    }
}
