import BackOffice
import Foundation
import Hummingbird

/// `/api/v1/canned-replies…`: the county-wide set (without `org`) and the organisations' own
/// sets, and a reply filled for a ticket (which counts as a use).
struct CannedReplyController {
    typealias Context = BackOfficeRequestContext
    let replies: CannedReplyService
    let cursors: any CursorSeal

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("canned-replies", use: list)
        group.post("canned-replies", use: create)
        group.get("canned-replies/{replyId}", use: show)
        group.put("canned-replies/{replyId}", use: replace)
        group.delete("canned-replies/{replyId}", use: remove)
        group.post("canned-replies/{replyId}/render", use: render)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> AccessBodies.Page<CannedReplyBodies.ReplyBody> {
        let list = try await replies.replies(in: request.uri.queryParameters["org"].map(String.init), for: try context.requirePrincipal())
        return try Pagination(request, cursors: cursors).page(
            list, key: { $0.title.lowercased() + "|" + $0.id.wire }, body: CannedReplyBodies.ReplyBody.init)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let body = try await request.decodeJSON(as: CannedReplyBodies.NewReplyBody.self, context: context)
        let reply = try await replies.create(body.fields, in: body.org, by: try context.requirePrincipal())
        var response = try CannedReplyBodies.ReplyBody(reply).response(from: request, context: context)
        response.status = .created
        response.headers[.location] = "/api/v1/canned-replies/\(reply.id.wire)"
        return response
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> CannedReplyBodies.ReplyBody {
        CannedReplyBodies.ReplyBody(try await replies.reply(try Self.id(context), for: try context.requirePrincipal()))
    }

    @Sendable func replace(_ request: Request, context: Context) async throws -> CannedReplyBodies.ReplyBody {
        let id = try Self.id(context)
        let body = try await request.decodeJSON(as: CannedReplyBodies.ReplyFieldsBody.self, context: context)
        return CannedReplyBodies.ReplyBody(try await replies.update(id, to: body.fields, by: try context.requirePrincipal()))
    }

    @Sendable func remove(_ request: Request, context: Context) async throws -> Response {
        try await replies.delete(try Self.id(context), by: try context.requirePrincipal())
        return Response(status: .noContent)
    }

    @Sendable func render(_ request: Request, context: Context) async throws -> CannedReplyBodies.FilledBody {
        let id = try Self.id(context)
        let body = try await request.decodeJSON(as: CannedReplyBodies.RenderBody.self, context: context)
        guard let code = TicketReference.organisationCode(of: body.ticket) else {
            throw BackOfficeError.invalid("ticket", "give a reference such as OULU-TK-42")
        }
        return CannedReplyBodies.FilledBody(try await replies.fill(
            id, on: body.ticket, in: code, language: body.language, by: try context.requirePrincipal()))
    }

    private static func id(_ context: Context) throws -> UUID {
        guard let id = UUID(uuidString: try context.parameters.require("replyId")) else { throw BackOfficeError.notFound("canned reply") }
        return id
    }
}
