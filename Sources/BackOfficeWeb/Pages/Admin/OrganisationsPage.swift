import BackOffice
import Foundation
import Hummingbird

/// `/orgs`: the organisations the person administers, each with links to its pages; a person
/// with one such organisation goes straight to it.
struct OrganisationsPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering

    struct Row {
        let code: String
        let name: String
        let region: String
        let tabs: [LayoutView.Link]
    }

    struct View {
        let rows: [Row]
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("orgs", use: show)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let catalogue = pages.catalogue(context)
        let administered = try await pages.dependencies.roles.organisations(for: principal).filter { organisation in
            [.listMembers, .assignTraining, .setDeploymentStatus].contains { PermissionMatrix.allows(principal, $0, in: organisation.id) }
        }
        guard !administered.isEmpty else { throw BackOfficeError.forbidden("\(principal.email) administers no organisation") }
        if administered.count == 1, let only = administered.first {
            return Redirect.to(OrganisationTabs(only, principal: principal, current: "", catalogue: catalogue).tabs.first?.href
                ?? "/orgs/\(only.code)/deployments")
        }
        let regions = Dictionary(try await pages.dependencies.organisations.regions().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = administered
            .sorted { ($0.regionCode ?? "", $0.name) < ($1.regionCode ?? "", $1.name) }
            .map { organisation in
                Row(code: organisation.code, name: organisation.name,
                    region: organisation.regionCode.map { regions[$0] ?? $0 } ?? "–",
                    tabs: OrganisationTabs(organisation, principal: principal, current: "", catalogue: catalogue).tabs)
            }
        return try await pages.render(
            "organisations", title: catalogue.text("organisations_title"), view: View(rows: rows), path: "/orgs", context: context)
    }
}
