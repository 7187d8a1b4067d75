import BackOffice
import Foundation
import Hummingbird

/// `/orgs`: the organisations the person administers, each with links to its pages; a person
/// with one such organisation goes straight to it. County admins also create organisations
/// and change their name, region, kind and population here (`OrganisationForms`).
struct OrganisationsPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering

    struct Row {
        let code: String
        let name: String
        let region: String
        let population: Int
        let tabs: [LayoutView.Link]
        let edit: OrganisationForm
        let errors: [String: String]
        let open: Bool
        let regions: [Option]
        let kinds: [Option]
    }

    struct View {
        let rows: [Row]
        let keeps: Bool
        let new: OrganisationForm
        let newErrors: [String: String]
        let regions: [Option]
        let kinds: [Option]
        let notice: String?
    }

    /// What a refused form brings back.
    struct State {
        var new = OrganisationForm()
        var newErrors: [String: String] = [:]
        var editing: (code: String, form: OrganisationForm, errors: [String: String])?
        var notice: String?
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("orgs", use: show)
        OrganisationForms(pages: pages, list: self).addRoutes(to: group)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        var state = State()
        if let done = request.uri.queryParameters["done"], ["created", "saved"].contains(done) {
            state.notice = pages.catalogue(context).text("organisations_done_\(done)")
        }
        return try await render(state, context: context)
    }

    func render(_ state: State, context: Context, status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let catalogue = pages.catalogue(context)
        let keeps = PermissionMatrix.allows(principal, .keepCatalogues)
        let administered = try await pages.dependencies.roles.organisations(for: principal).filter { organisation in
            [.listMembers, .assignTraining, .setDeploymentStatus].contains { PermissionMatrix.allows(principal, $0, in: organisation.id) }
        }
        guard !administered.isEmpty || keeps else { throw BackOfficeError.forbidden("\(principal.email) administers no organisation") }
        if administered.count == 1, !keeps, let only = administered.first {
            return Redirect.to(OrganisationTabs(only, principal: principal, current: "", catalogue: catalogue).tabs.first?.href
                ?? "/orgs/\(only.code)/deployments")
        }
        let regions = try await pages.dependencies.organisations.regions()
        let names = Dictionary(regions.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        func regionOptions(_ selected: String) -> [Option] {
            regions.map { Option(value: $0.code, label: $0.name, selected: $0.code == selected) }
        }
        func kindOptions(_ selected: String) -> [Option] {
            OrganisationKind.allCases.filter { $0 != .county }
                .map { Option(value: $0.rawValue, label: catalogue.text("kind_\($0.rawValue)"), selected: $0.rawValue == selected) }
        }
        let rows = administered
            .sorted { (names[$0.regionCode ?? ""] ?? "~", $0.name) < (names[$1.regionCode ?? ""] ?? "~", $1.name) }
            .map { organisation -> Row in
                let editing = state.editing?.code == organisation.code ? state.editing : nil
                let edit = editing?.form ?? OrganisationForm(organisation)
                return Row(
                    code: organisation.code, name: organisation.name,
                    region: organisation.regionCode.map { names[$0] ?? $0 } ?? "–", population: organisation.populationServed,
                    tabs: OrganisationTabs(organisation, principal: principal, current: "", catalogue: catalogue).tabs,
                    edit: edit, errors: editing?.errors ?? [:], open: editing != nil,
                    regions: regionOptions(edit.region), kinds: kindOptions(edit.kind))
            }
        let view = View(
            rows: rows, keeps: keeps, new: state.new, newErrors: state.newErrors, regions: regionOptions(state.new.region),
            kinds: kindOptions(state.new.kind), notice: state.notice)
        return try await pages.render(
            "organisations", title: catalogue.text("organisations_title"), view: view, path: "/orgs", context: context, status: status)
    }
}
