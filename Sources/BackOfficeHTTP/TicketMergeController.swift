import BackOffice
import Foundation
import Hummingbird

/// `POST /api/v1/orgs/{code}/tickets/{ref}/merge`: merges a duplicate into its original.
struct TicketMergeController {
    typealias Context = BackOfficeRequestContext
    let tickets: TicketService

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("orgs/{code}/tickets/{ref}/merge", use: merge)
    }

    @Sendable func merge(_ request: Request, context: Context) async throws -> Response {
        let body = try await request.decodeJSON(as: TicketMergeBodies.MergeBody.self, context: context)
        let (merged, into) = try await tickets.merge(
            try context.parameters.require("ref"), into: body.into, in: try context.parameters.require("code"),
            expectedVersion: try request.ifMatchVersion(), by: try context.requirePrincipal())
        var response = try TicketMergeBodies.MergedBody(merged: TicketBodies.TicketBody(merged), into: TicketBodies.TicketBody(into))
            .response(from: request, context: context)
        response.headers[.eTag] = TicketController.eTag(merged)
        return response
    }
}
