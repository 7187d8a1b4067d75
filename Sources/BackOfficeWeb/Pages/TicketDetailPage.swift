import BackOffice
import Foundation
import Hummingbird

/// `/tickets/{REF}`: a ticket and everything done with it, and the forms that work it: a
/// comment, a status move, the side form (against the version it was made from), and the
/// resident's contact behind a stated purpose. Another organisation's ticket is the same
/// 404 as one that does not exist.
struct TicketDetailPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let dependencies: WebDependencies
    let renderer: PageRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("tickets/:reference", use: show)
        group.post("tickets/:reference/comments", use: comment)
        group.post("tickets/:reference/status", use: move)
        group.post("tickets/:reference/fields", use: edit)
        group.post("tickets/:reference/contact", use: readContact)
        group.post("tickets/:reference/merge", use: merge)
        addCannedReplyRoutes(to: group)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        try await render(try reference(context), state: TicketView.State(), context: context)
    }

    @Sendable func comment(_ request: Request, context: Context) async throws -> Response {
        let (reference, code) = try reference(context)
        let signedIn = try context.requireSignedIn()
        let body = context.form["body"] ?? ""
        let visibility = context.form["visibility"] == "public" ? "public" : "internal"
        do {
            let comment = try await dependencies.tickets.comment(
                on: reference, in: code, body: body, visibility: visibility, by: signedIn.principal).comment
            return Redirect.to("/tickets/\(reference)#c-\(comment.id.uuidString.lowercased())")
        } catch BackOfficeError.invalid(let errors) {
            var state = TicketView.State()
            state.composerBody = body
            state.composerInternal = visibility == "internal"
            state.composerError = renderer.catalogues[context.language].reasonsByField(errors).values.joined(separator: "; ")
            return try await render((reference, code), state: state, context: context, status: .unprocessableContent)
        }
    }

    @Sendable func move(_ request: Request, context: Context) async throws -> Response {
        let (reference, code) = try reference(context)
        let signedIn = try context.requireSignedIn()
        do {
            _ = try await dependencies.tickets.changeStatus(
                reference, in: code, to: context.form["status"] ?? "", expectedVersion: version(context), by: signedIn.principal)
            return Redirect.to("/tickets/\(reference)")
        } catch let error as BackOfficeError {
            return try await refused(error, reference: (reference, code), context: context)
        }
    }

    @Sendable func edit(_ request: Request, context: Context) async throws -> Response {
        let (reference, code) = try reference(context)
        let signedIn = try context.requireSignedIn()
        let form = context.form
        let changes = TicketChanges(
            category: form["category"], priority: form["priority"], serviceCode: form["service"] ?? "",
            assigneeEmail: form.trimmed("assignee") ?? "")
        do {
            _ = try await dependencies.tickets.update(
                reference, in: code, with: changes, expectedVersion: version(context), by: signedIn.principal)
            return Redirect.to("/tickets/\(reference)")
        } catch let error as BackOfficeError {
            return try await refused(error, reference: (reference, code), context: context)
        }
    }

    /// Merges this ticket into the one typed; the page then shows where it went.
    @Sendable func merge(_ request: Request, context: Context) async throws -> Response {
        let (reference, code) = try reference(context)
        let signedIn = try context.requireSignedIn()
        let into = context.form.trimmed("into") ?? ""
        do {
            _ = try await dependencies.tickets.merge(reference, into: into, in: code, expectedVersion: version(context), by: signedIn.principal)
            return Redirect.to("/tickets/\(reference)")
        } catch let error as BackOfficeError {
            var state = TicketView.State()
            state.mergeInto = into
            return try await refused(error, reference: (reference, code), context: context, state: state)
        }
    }

    @Sendable func readContact(_ request: Request, context: Context) async throws -> Response {
        let (reference, code) = try reference(context)
        let signedIn = try context.requireSignedIn()
        var state = TicketView.State()
        state.purpose = context.form["purpose"] ?? ""
        do {
            state.contact = try await dependencies.tickets.residentContact(
                of: reference, in: code, purpose: context.form.trimmed("purpose"), for: signedIn.principal)
        } catch BackOfficeError.invalid(let errors) {
            state.fieldErrors = renderer.catalogues[context.language].reasonsByField(errors)
            return try await render((reference, code), state: state, context: context, status: .unprocessableContent)
        }
        return try await render((reference, code), state: state, context: context)
    }

    /// A refused move or edit shown on the page: a stale form with what changed meanwhile and
    /// by whom, an illegal move or a bad field with the service's words.
    private func refused(
        _ error: BackOfficeError, reference: (String, String), context: Context, state: TicketView.State = TicketView.State()
    ) async throws -> Response {
        let catalogue = renderer.catalogues[context.language]
        var state = state
        state.noticeIsError = true
        switch error {
        case .stale:
            state.notice = catalogue.text("ticket_changed_meanwhile")
            state.changedMeanwhile = try await changesSince(context.form["last_event"], reference: reference, context: context)
            return try await render(reference, state: state, context: context, status: .conflict)
        case .conflict(let why):
            state.notice = why
            return try await render(reference, state: state, context: context, status: .conflict)
        case .invalid(let errors):
            state.notice = catalogue.text("ticket_not_saved")
            state.fieldErrors = catalogue.reasonsByField(errors)
            return try await render(reference, state: state, context: context, status: .unprocessableContent)
        default:
            throw error
        }
    }

    /// "by … at …: priority Normal → High" for each change after the last one the form's page
    /// showed (all of them when the form names none).
    private func changesSince(_ lastEvent: String?, reference: (String, String), context: Context) async throws -> [String] {
        let principal = try context.requireSignedIn().principal
        let catalogue = renderer.catalogues[context.language]
        let labels = Labels(catalogue: catalogue, services: try await dependencies.deployments.services())
        let time = HelsinkiTime(language: context.language)
        let history = try await dependencies.tickets.events(of: reference.0, in: reference.1, for: principal)
        let seen = lastEvent.flatMap(UUID.init(uuidString:)).flatMap { id in history.firstIndex { $0.id == id } }
        return history[(seen.map { $0 + 1 } ?? 0)...].map { event in
            let line = HistoryLine(event, labels: labels, time: time)
            return catalogue.text("ticket_changed_by", ["who": line.who, "when": line.when, "what": line.changes.joined(separator: ", ")])
        }
    }

    func render(
        _ reference: (String, String), state: TicketView.State, context: Context, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let signedIn = try context.requireSignedIn()
        let principal = signedIn.principal
        let tickets = dependencies.tickets
        let ticket = try await tickets.ticket(reference.0, in: reference.1, for: principal)
        let organisations = try await dependencies.roles.organisations(for: principal)
        guard let organisation = organisations.first(where: { $0.id == ticket.organisationID }) else {
            throw BackOfficeError.notFound("ticket \(reference.0)")
        }
        let works = PermissionMatrix.allows(principal, .workTickets, in: organisation.id)
        let comments = try await tickets.comments(of: reference.0, in: reference.1, for: principal)
        let history = works ? try await tickets.events(of: reference.0, in: reference.1, for: principal) : []
        let catalogue = renderer.catalogues[context.language]
        var state = state
        if works {
            state.cannedReplies = try await CannedReplyPicker.load(
                dependencies.cannedReplies, reference: ticket.reference, code: organisation.code, for: principal,
                language: context.language, catalogue: catalogue)
        }
        let view = TicketView(
            ticket: ticket, organisation: organisation, comments: comments, history: history, works: works, state: state,
            labels: Labels(catalogue: catalogue, services: try await dependencies.deployments.services()),
            time: HelsinkiTime(language: context.language), calendar: dependencies.calendar)
        return renderer.render(
            "ticket",
            Page(title: "\(ticket.reference) \(ticket.subject)", view: view,
                 layout: LayoutView(signedIn: signedIn, organisations: organisations, path: "/tickets/\(ticket.reference)",
                                    catalogue: catalogue),
                 catalogue: catalogue),
            status: status)
    }

    /// The reference of the path and its organisation's code; a reference of no shape is a 404.
    func reference(_ context: Context) throws -> (String, String) {
        guard let reference = context.parameters.get("reference")?.uppercased(),
              let code = TicketReference.organisationCode(of: reference)
        else { throw BackOfficeError.notFound("ticket") }
        return (reference, code)
    }

    /// The version the form was made from.
    private func version(_ context: Context) throws -> Int {
        guard let text = context.form["version"], let version = Int(text), version > 0 else {
            throw BackOfficeError.invalid("version", "the form lost the ticket's version; reload the page")
        }
        return version
    }
}
