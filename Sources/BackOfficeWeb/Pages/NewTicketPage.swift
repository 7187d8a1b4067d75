import BackOffice
import Foundation
import Hummingbird

/// `/tickets/new`: logging a ticket, made for a phone call: the organisation typed or picked,
/// a resident's contact or a professional's e-mail, the phone channel preselected. A refused
/// form comes back with everything typed and the reason beside each field; a hidden
/// idempotency key makes a double submit one ticket.
struct NewTicketPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let dependencies: WebDependencies
    let renderer: PageRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("tickets/new", use: show)
        group.post("tickets/new", use: create)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        var form = NewTicketForm()
        form.organisation = request.uri.queryParameters["org"].map { String($0).uppercased() } ?? ""
        return try await render(form, errors: [:], context: context)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let form = NewTicketForm(context.form)
        guard !form.organisation.isEmpty else {
            return try await render(form, errors: ["organisation": text(context, "new_ticket_pick_organisation")], context: context)
        }
        do {
            let (ticket, _) = try await dependencies.tickets.create(
                form.newTicket(reportsOwnTicketsOnly: try await reportsOwnTicketsOnly(principal, in: form.organisation)),
                in: form.organisation, idempotencyKey: form.idempotencyKey, by: principal)
            return Redirect.to("/tickets/\(ticket.reference)")
        } catch BackOfficeError.invalid(let errors) {
            return try await render(
                form, errors: renderer.catalogues[context.language].reasonsByField(errors), context: context,
                status: .unprocessableContent)
        } catch BackOfficeError.notFound {
            return try await render(
                form, errors: ["organisation": text(context, "new_ticket_unknown_organisation")], context: context,
                status: .unprocessableContent)
        } catch BackOfficeError.conflict(let why) {
            return try await render(form, errors: ["form": why], context: context, status: .conflict)
        }
    }

    /// Whether the principal logs tickets in `code` only as their own reporter (a professional).
    private func reportsOwnTicketsOnly(_ principal: Principal, in code: String) async throws -> Bool {
        let organisation = try await dependencies.roles.organisation(code, for: principal)
        return PermissionMatrix.reach(of: principal, for: .logTicket, in: organisation.id) == .ownTicketsOnly
    }

    private func text(_ context: Context, _ key: String) -> String {
        renderer.catalogues[context.language].text(key)
    }

    private func render(
        _ form: NewTicketForm, errors: [String: String], context: Context, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let signedIn = try context.requireSignedIn()
        let principal = signedIn.principal
        let organisations = try await dependencies.roles.organisations(for: principal)
        let loggable = organisations.filter { PermissionMatrix.reach(of: principal, for: .logTicket, in: $0.id) != .nowhere }
        guard !loggable.isEmpty else { throw BackOfficeError.forbidden("\(principal.email) may not log tickets") }
        let catalogue = renderer.catalogues[context.language]
        let onlyOwn = loggable.allSatisfy { PermissionMatrix.reach(of: principal, for: .logTicket, in: $0.id) == .ownTicketsOnly }
        let view = NewTicketView(
            form: form, errors: errors, organisations: loggable, professionalOnly: onlyOwn,
            labels: Labels(catalogue: catalogue, services: try await dependencies.deployments.services()))
        return renderer.render(
            "new_ticket",
            Page(title: catalogue.text("new_ticket_title"), view: view,
                 layout: LayoutView(signedIn: signedIn, organisations: organisations, path: "/tickets/new", catalogue: catalogue),
                 catalogue: catalogue),
            status: status)
    }
}
