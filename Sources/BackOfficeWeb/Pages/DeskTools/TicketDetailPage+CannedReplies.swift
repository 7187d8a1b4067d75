import BackOffice
import Foundation
import Hummingbird

/// The ticket page's canned replies: the picker's insert button re-renders the page with the
/// reply filled into the composer after what was typed (the form without JavaScript), and
/// `desk-tools.js` asks for a filled reply as JSON to put in at the `::` it replaces.
extension TicketDetailPage {
    func addCannedReplyRoutes(to group: RouterGroup<Context>) {
        group.post("tickets/:reference/canned-reply", use: insertCannedReply)
        group.post("tickets/:reference/canned-replies/:id/fill", use: fillCannedReply)
    }

    @Sendable func insertCannedReply(_ request: Request, context: Context) async throws -> Response {
        let (reference, code) = try reference(context)
        let signedIn = try context.requireSignedIn()
        let form = context.form
        var state = TicketView.State()
        let typed = form["body"] ?? ""
        state.composerInternal = form["visibility"] != "public"
        guard let id = form["canned_reply"].flatMap(UUID.init(uuidString:)) else {
            state.composerBody = typed
            state.composerError = renderer.catalogues[context.language].text("canned_pick_one")
            return try await render((reference, code), state: state, context: context, status: .unprocessableContent)
        }
        let filled = try await dependencies.cannedReplies.fill(
            id, on: reference, in: code, language: form["canned_language"], by: signedIn.principal)
        state.composerBody = typed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? filled.body : typed + "\n\n" + filled.body
        return try await render((reference, code), state: state, context: context)
    }

    @Sendable func fillCannedReply(_ request: Request, context: Context) async throws -> Response {
        let (reference, code) = try reference(context)
        let signedIn = try context.requireSignedIn()
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw BackOfficeError.notFound("canned reply") }
        let filled = try await dependencies.cannedReplies.fill(
            id, on: reference, in: code, language: context.form["language"], by: signedIn.principal)
        let json = try JSONEncoder().encode(["body": filled.body, "title": filled.reply.title, "language": filled.language])
        return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }
}
