import BackOffice
import Foundation
import Hummingbird

/// `/api/v1/views…`: the caller's saved views of the queue and the desk's shared ones.
struct SavedViewController {
    typealias Context = BackOfficeRequestContext
    let views: SavedViewService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("views", use: list)
        group.post("views", use: save)
        group.patch("views/{viewId}", use: rename)
        group.delete("views/{viewId}", use: delete)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> AccessBodies.Page<SavedViewBodies.ViewBody> {
        AccessBodies.Page(items: try await views.views(for: try context.requirePrincipal()).map(SavedViewBodies.ViewBody.init), nextCursor: nil)
    }

    @Sendable func save(_ request: Request, context: Context) async throws -> EditedResponse<SavedViewBodies.ViewBody> {
        let body = try await request.decodeJSON(as: SavedViewBodies.NewViewBody.self, context: context)
        let view = try await views.save(
            name: body.name, shared: body.shared ?? false, filters: body.filters?.filters ?? QueueFilters(),
            by: try context.requirePrincipal())
        return EditedResponse(status: .created, response: SavedViewBodies.ViewBody(view))
    }

    @Sendable func rename(_ request: Request, context: Context) async throws -> SavedViewBodies.ViewBody {
        let body = try await request.decodeJSON(as: SavedViewBodies.RenameBody.self, context: context)
        return SavedViewBodies.ViewBody(try await views.rename(try Self.id(context), to: body.name, by: try context.requirePrincipal()))
    }

    @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
        try await views.delete(try Self.id(context), by: try context.requirePrincipal())
        return Response(status: .noContent)
    }

    private static func id(_ context: Context) throws -> UUID {
        guard let id = UUID(uuidString: try context.parameters.require("viewId")) else { throw BackOfficeError.notFound("view") }
        return id
    }
}
