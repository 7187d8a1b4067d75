import BackOffice
import Foundation
import Hummingbird

/// `/mail/outbox` (the county support desk and county admins): the mails the desk sends,
/// newest first, filtered by status and paged by keyset, with their attempts and last
/// error; a failed mail is sent again with a reason (audited).
struct OutboxPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering
    var outbox: MailOutboxService { pages.dependencies.outbox }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("mail/outbox", use: show)
        group.post("mail/outbox/:org/:mail/requeue", use: requeue)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let query = request.uri.queryParameters
        var state = OutboxView.State(status: query["status"].map(String.init) ?? "", cursor: query["cursor"].map(String.init))
        if query["done"] == "requeued" { state.notice = pages.catalogue(context).text("outbox_done_requeued") }
        return try await render(state, context: context)
    }

    @Sendable func requeue(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        guard let org = context.parameters.get("org"), let text = context.parameters.get("mail"), let id = UUID(uuidString: text) else {
            throw BackOfficeError.notFound("mail")
        }
        let reason = context.form["reason"] ?? ""
        do {
            _ = try await outbox.requeue(id, in: org, reason: reason, by: principal)
            return Redirect.to("/mail/outbox?done=requeued")
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            var state = OutboxView.State(status: OutboxStatus.failed.rawValue, cursor: nil)
            state.refused = (id, refusal.errors.values.sorted().joined(separator: " "), reason)
            return try await render(state, context: context, status: refusal.status)
        }
    }

    private func render(_ state: OutboxView.State, context: Context, status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let catalogue = pages.catalogue(context)
        let chosen = OutboxStatus(rawValue: state.status)
        let page = try await outbox.page(of: nil, statuses: chosen.map { [$0] } ?? [], limit: 50, cursor: state.cursor, for: principal)
        let view = OutboxView(page: page, state: state, chosen: chosen, catalogue: catalogue, time: HelsinkiTime(language: context.language))
        return try await pages.render(
            "outbox", title: catalogue.text("outbox_title"), view: view, path: "/mail/outbox", context: context, status: status)
    }
}
