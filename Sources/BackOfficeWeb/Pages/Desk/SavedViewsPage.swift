import BackOffice
import Foundation
import Hummingbird

/// `/views`: the saved views of the queue, where their owners rename and delete them; and
/// the form posts that save, rename and delete one. A refused form comes back here with the
/// message beside its field.
struct SavedViewsPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let dependencies: WebDependencies
    let renderer: PageRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("views", use: show)
        group.post("views", use: save)
        group.post("views/:id/rename", use: rename)
        group.post("views/:id/delete", use: delete)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        try await render(SavedViewsView.State(), context: context)
    }

    @Sendable func save(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let form = context.form
        let filters = QueueFilters(
            queue: form["queue"], organisation: form["org"], status: form["status"], priority: form["priority"],
            category: form["category"], service: form["service"], text: form["q"])
        do {
            let view = try await dependencies.views.save(
                name: form["name"] ?? "", shared: form["shared"] == "on", filters: filters, by: principal)
            return Redirect.to(QueueParameters(view.filters).href())
        } catch let error as BackOfficeError {
            var state = SavedViewsView.State()
            state.unsaved = (form["name"] ?? "", filters, form["shared"] == "on")
            return try await refused(error, state: state, context: context)
        }
    }

    @Sendable func rename(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let id = try Self.id(context)
        do {
            _ = try await dependencies.views.rename(id, to: context.form["name"] ?? "", by: principal)
            return Redirect.to("/views")
        } catch let error as BackOfficeError {
            var state = SavedViewsView.State()
            state.renaming = (id, context.form["name"] ?? "")
            return try await refused(error, state: state, context: context)
        }
    }

    @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        do {
            try await dependencies.views.delete(try Self.id(context), by: principal)
            return Redirect.to("/views")
        } catch let error as BackOfficeError {
            return try await refused(error, state: SavedViewsView.State(), context: context)
        }
    }

    /// A refused form shown again: a bad field beside itself, anything else above the list.
    private func refused(_ error: BackOfficeError, state: SavedViewsView.State, context: Context) async throws -> Response {
        var state = state
        switch error {
        case .invalid(let errors):
            state.fieldErrors = renderer.catalogues[context.language].reasonsByField(errors)
            return try await render(state, context: context, status: .unprocessableContent)
        case .conflict(let why), .forbidden(let why):
            state.notice = why
            return try await render(state, context: context, status: error.isForbidden ? .forbidden : .conflict)
        default:
            throw error
        }
    }

    private func render(_ state: SavedViewsView.State, context: Context, status: HTTPResponse.Status = .ok) async throws -> Response {
        let signedIn = try context.requireSignedIn()
        let views = try await dependencies.views.views(for: signedIn.principal)
        let catalogue = renderer.catalogues[context.language]
        let view = SavedViewsView(views: views, of: signedIn.principal, state: state, catalogue: catalogue)
        return renderer.render(
            "saved_views",
            Page(title: catalogue.text("views_title"), view: view,
                 layout: LayoutView(
                    signedIn: signedIn, organisations: try await dependencies.roles.organisations(for: signedIn.principal),
                    path: "/views", catalogue: catalogue),
                 catalogue: catalogue),
            status: status)
    }

    private static func id(_ context: Context) throws -> UUID {
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw BackOfficeError.notFound("view") }
        return id
    }
}

extension BackOfficeError {
    /// Whether it is a refusal of something the person may not do.
    var isForbidden: Bool {
        if case .forbidden = self { return true }
        return false
    }
}
