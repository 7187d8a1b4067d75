import BackOffice
import Foundation
import Hummingbird

/// `/tickets`: the named queues with their counts, filters as GET parameters (so a queue is
/// a bookmark), and a page of tickets with keyset paging. County roles see every
/// organisation; others their own organisations; professionals only their own tickets.
struct QueuePage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let dependencies: WebDependencies
    let renderer: PageRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("tickets", use: show)
        group.get("", use: { _, _ in Redirect.to("/tickets") })
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try context.requireSignedIn()
        let principal = signedIn.principal
        let parameters = QueueParameters(request.uri.queryParameters)
        let organisations = try await dependencies.roles.organisations(for: principal)
        let countyWide = PermissionMatrix.reach(of: principal, for: .workTickets, in: nil) == .everyOrganisation
        let ownOrganisations = organisations.filter { !principal.roles(in: $0.id).isEmpty }
        guard countyWide || !ownOrganisations.isEmpty else {
            // Someone who only reads reports (a reporter) starts from them.
            if ReportName.allCases.contains(where: { ReportAccess.mayView(principal, $0) }) { return Redirect.to("/reports") }
            throw BackOfficeError.forbidden("\(principal.email) works no organisation's tickets")
        }
        let scope = countyWide ? nil : (parameters.organisation.flatMap { code in ownOrganisations.first { $0.code == code } } ?? ownOrganisations[0]).code
        let worksTickets = countyWide || scope.map { code in
            PermissionMatrix.allows(principal, .workTickets, in: organisations.first { $0.code == code }?.id)
        } ?? false

        var query = parameters.query
        if countyWide { query.organisation = parameters.organisation }
        var page = TicketPage(tickets: [], nextCursor: nil)
        var errors: [FieldError] = []
        do {
            page = try await dependencies.tickets.tickets(query, in: scope, for: principal)
        } catch BackOfficeError.invalid(let invalid) {
            errors = invalid
        }
        var counts: [String?] = []
        var savedViews: SavedViewsPanel?
        if worksTickets {
            (counts, savedViews) = try await counted(
                namedQueues: errors.isEmpty, in: query.organisation, parameters, scope: scope, countyWide: countyWide,
                for: principal, catalogue: renderer.catalogues[context.language])
        }
        return try await render(
            QueueView.Input(
                parameters: parameters, organisations: countyWide ? organisations : ownOrganisations, countyWide: countyWide,
                scope: scope, worksTickets: worksTickets, page: page, counts: counts, errors: errors),
            signedIn: signedIn, organisations: organisations, savedViews: savedViews, request: request, context: context,
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// The named queues' counts (with `namedQueues`: none when the filters were refused), in
    /// the organisation the filters name, and the principal's saved views and the shared ones
    /// with theirs (county-wide: each in the view's organisation, if it names one), all counted
    /// in one transaction. A view that cannot be counted here (an organisation gone or out of
    /// reach) is listed without a count.
    private func counted(
        namedQueues: Bool, in organisation: String?, _ parameters: QueueParameters, scope: String?, countyWide: Bool,
        for principal: Principal, catalogue: Catalogue
    ) async throws -> (named: [String?], savedViews: SavedViewsPanel) {
        let named: [TicketQuery] = namedQueues ? NamedQueue.allCases.map { named in
            var query = named.query
            query.organisation = organisation
            return query
        } : []
        let views = try await dependencies.views.views(for: principal)
        let viewQueries = views.map { view -> TicketQuery in
            var query = view.filters.query
            if countyWide { query.organisation = view.filters.organisation }
            return query
        }
        let counts = try await dependencies.tickets.counts(of: named + viewQueries, in: scope, for: principal)
            .map { $0.map(catalogue.queueCount) }
        let panel = SavedViewsPanel(
            views: Array(zip(views, counts.dropFirst(named.count))), current: parameters,
            mayShare: principal.countyRoles.contains(.countyAdmin))
        return (Array(counts.prefix(named.count)), panel)
    }

    private func render(
        _ input: QueueView.Input, signedIn: SignedIn, organisations: [Organisation], savedViews: SavedViewsPanel?,
        request: Request, context: Context,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let catalogue = renderer.catalogues[context.language]
        let labels = Labels(catalogue: catalogue, services: try await dependencies.deployments.services())
        var view = QueueView(input, labels: labels, time: HelsinkiTime(language: context.language), calendar: dependencies.calendar)
        view.savedViews = savedViews
        return renderer.render(
            "queue",
            Page(title: view.heading, view: view,
                 layout: LayoutView(signedIn: signedIn, organisations: organisations, path: "/tickets", catalogue: catalogue),
                 catalogue: catalogue),
            status: status)
    }
}
